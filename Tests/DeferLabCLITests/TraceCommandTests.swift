import Foundation
import XCTest
import TestSupport

/// `deferlab trace` through the real executable: JSON events, the bounded picture of a long
/// trace, the learner's copy, usage errors.
final class TraceCommandTests: XCTestCase {
    func testJSONPictureMineAndUsage() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: nothing can be traced") }
        let json = try CLI.run(["trace", "defer-param-order", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let events = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let defers = events.filter { $0["event"] as? String == "defer" }
        XCTAssertEqual(defers.compactMap { ($0["args"] as? [String])?.first }, ["0", "1", "2"])
        for key in ["seq", "event", "goroutine", "func", "file", "line", "args", "pending"] {
            XCTAssertNotNil(defers.first?[key], "\(key) in \(defers.first ?? [:])")
        }
        let runs = events.filter { $0["event"] as? String == "run" }
        XCTAssertEqual(runs.compactMap { $0["deferSeq"] as? Int }, defers.compactMap { $0["seq"] as? Int }.reversed())

        // Ten thousand iterations: the first and last rows and what was left out.
        let long = try CLI.run(["trace", "loop-defer-files", "--lang", "en"])
        XCTAssertEqual(long.status, 0, long.stderr)
        let lines = long.stdout.split(separator: "\n")
        XCTAssertLessThan(lines.count, 60, "bounded")
        XCTAssertTrue(long.stdout.contains("events not shown (9987 defer, 9990 run)"), long.stdout)
        XCTAssertTrue(long.stdout.contains("deferred calls: 10001 registered, 10001 ran, 0 never ran"), long.stdout)
        XCTAssertTrue(long.stdout.contains("exit status: 0"), long.stdout)
        XCTAssertTrue(long.stdout.contains("iteration 0"), long.stdout)

        // The learner's copy from the shell's state folder.
        let state = try temporaryDirectory(self)
        let missing = try CLI.run(["trace", "defer-param-order", "--variant", "mine", "--lang", "en"], env: ["XDG_STATE_HOME": state.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("you have no copy of defer-param-order yet"), missing.stderr)
        let examples = try CLI.run(["examples", "--json"])
        XCTAssertEqual(examples.status, 0)
        let copy = state.appendingPathComponent("deferlab/mine/defer-param-order")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try write("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 2; i++ {\n\t\tdefer fmt.Println(\"mine\", i)\n\t}\n}\n",
                  to: copy.appendingPathComponent("main.go"))
        let mine = try CLI.run(["trace", "defer-param-order", "--variant", "mine", "--lang", "en"], env: ["XDG_STATE_HOME": state.path])
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertTrue(mine.stdout.contains("defer fmt.Println(\"mine\", i)"), mine.stdout)
        XCTAssertTrue(mine.stdout.contains("mine 1\nmine 0"), mine.stdout)

        XCTAssertEqual(try CLI.run(["trace", "defer-param-order", "--variant", "both"]).status, 2)
        XCTAssertEqual(try CLI.run(["trace", "no-such-example"]).status, 2)
        XCTAssertEqual(try CLI.run(["trace", "defer-param-order", "--go", "two"]).status, 2)
    }

    /// What a new user ran into: a NUL in a program's output, a value with a newline, a panic
    /// nobody recovers, a folder that is not package main, an old --go.
    func testOddProgramsAndUsage() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: nothing can be traced") }
        let dir = try temporaryDirectory(self)
        try write("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer fmt.Println(\"x\")\n\tv := \"two\\nlines\"\n\tdefer fmt.Print(v)\n\tfmt.Print(\"a\\x00b\\n\")\n\tvar m map[string]int\n\tm[\"boom\"] = 1\n}\n",
                  to: dir.appendingPathComponent("odd/main.go"))
        let traced = try CLI.run(["trace", "odd", "--lang", "en"], in: dir)
        XCTAssertEqual(traced.status, 0, traced.stderr)
        XCTAssertTrue(traced.stdout.contains("a\u{0}b\n"), "every byte of the program's output: \(traced.stdout)")
        XCTAssertTrue(traced.stdout.contains("two\\nlines"), "a newline in a value is escaped: \(traced.stdout)")
        XCTAssertTrue(traced.stdout.contains("exit (a panic nobody recovered)"), traced.stdout)
        XCTAssertTrue(traced.stdout.contains("exit status: 2"), traced.stdout)
        let json = try CLI.run(["trace", "odd", "--json"], in: dir)
        let events = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(events.last?["reason"] as? String, "panic")
        let run = try CLI.run(["run", "odd"], in: dir)
        XCTAssertTrue(run.stdout.contains("a\u{0}b"), run.stdout)

        try write("package lib\n\nfunc F() {}\n", to: dir.appendingPathComponent("lib/lib.go"))
        let lib = try CLI.run(["trace", "lib", "--lang", "en"], in: dir)
        XCTAssertEqual(lib.status, 1)
        XCTAssertTrue(lib.stderr.contains("not a main package (package lib)"), lib.stderr)
        XCTAssertFalse(lib.stderr.contains("0deferlab"), "no word about our own files: \(lib.stderr)")
        XCTAssertEqual(try CLI.run(["trace", "loopvar-capture", "--go", "1.17"]).status, 2)
        XCTAssertEqual(try CLI.run(["trace", "defer-param-order", "--variant", "both", "--lang", "zh"]).stderr.contains("trace 一次只跟踪一个版本"), true)
    }
}
