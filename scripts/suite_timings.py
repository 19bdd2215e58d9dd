"""Summarises an XCTest log: seconds per test suite, and the closing 'N passed, N failed' line."""
import re
import sys

suite_re = re.compile(r"^Test Suite '([^']+)' (passed|failed) at")
executed_re = re.compile(r"Executed (\d+) tests?, with (\d+) failures? \(\d+ unexpected\) in ([0-9.]+)")
case_re = re.compile(r"^Test Case '([^']+)' (passed|failed|skipped)")

rows, pending = [], None
counts = {"passed": 0, "failed": 0, "skipped": 0}
with open(sys.argv[1], encoding="utf-8", errors="replace") as log:
    for line in log:
        m = case_re.match(line)
        if m:
            counts[m.group(2)] += 1
            continue
        m = suite_re.match(line)
        if m:
            pending = m.group(1)
            continue
        m = executed_re.search(line)
        if m and pending:
            name = pending
            pending = None
            if name.endswith(".xctest") or name in ("All tests", "Selected tests", "Debug tests"):
                continue
            rows.append((name, int(m.group(1)), int(m.group(2)), float(m.group(3))))

for name, tests, failures, seconds in sorted(rows, key=lambda r: -r[3]):
    print(f"{seconds:8.1f} s  {name:<32} {tests:3d} tests  {failures} failed")
passed = counts["passed"]
skipped = counts["skipped"]
print(f"tests: {passed} passed, {counts['failed']} failed" + (f", {skipped} skipped" if skipped else ""))
