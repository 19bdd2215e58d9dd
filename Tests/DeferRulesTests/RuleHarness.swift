import Foundation
import XCTest
import GoAnalysis
import GoSyntax
import GoToolchain
import DeferRules

/// analysistest for DeferLab rules. `testdata/<rule>/<case>/` is one package. A comment
/// `// want "regexp"` on a line expects one finding on that line whose text matches, where
/// the text is the English message followed by "(fix available)" or "(not fixed: REASON)".
/// The text of an unsafe fix reads "(unsafe fix: RISK)". After the safe fixes are applied
/// (`fix -w`), each changed file must equal `<file>.golden`; after safe and unsafe fixes
/// (`fix -w --unsafe-fixes`), `<file>.unsafe.golden` when that differs
/// (`UPDATE_GOLDEN=1 swift test` rewrites them). Fixed code must parse, trigger no fix of the
/// applied kind again, stay gofmt-clean, and — with a Go toolchain — pass `go vet`. The
/// report and `-w` must agree: the findings left after the safe fixes are exactly the
/// original findings without a safe fix (per rule, unsafe and declined counted apart).
enum RuleHarness {
    static let testdata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("testdata")

    static func cases(_ rule: String) -> [URL] {
        let dir = testdata.appendingPathComponent(rule)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }.filter {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDir) && isDir.boolValue
        }
    }

    static func goFiles(_ dir: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".go") }
            .sorted().map { dir.appendingPathComponent($0) }
    }

    struct Want {
        var line: Int
        var pattern: String
        var matched = false
    }

    static func wants(in bytes: [UInt8]) -> [Want] {
        var out: [Want] = []
        for (i, line) in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n").enumerated() {
            guard let r = line.range(of: "// want ") else { continue }
            var rest = line[r.upperBound...]
            // Patterns are Go string literals: \\ is a backslash, \" a quote.
            while let open = rest.firstIndex(of: "\"") {
                var pattern = ""
                var k = rest.index(after: open)
                var closed = false
                while k < rest.endIndex {
                    let c = rest[k]
                    if c == "\\", rest.index(after: k) < rest.endIndex {
                        k = rest.index(after: k)
                        pattern.append(rest[k])
                    } else if c == "\"" {
                        closed = true
                        break
                    } else {
                        pattern.append(c)
                    }
                    k = rest.index(after: k)
                }
                guard closed else { break }
                out.append(Want(line: i + 1, pattern: pattern))
                rest = rest[rest.index(after: k)...]
            }
        }
        return out
    }

    static func describe(_ d: Diagnostic) -> String {
        var s = d.message.en
        if let fix = d.fix {
            s += fix.applicability == .safe ? " (fix available)" : " (unsafe fix: \(fix.risk?.en ?? ""))"
        }
        if let r = d.declined { s += " (not fixed: \(r.en))" }
        return s
    }

    /// Runs `rule` on every case and checks wants, goldens and the fixed code.
    static func run(_ rule: String, file: StaticString = #filePath, line: UInt = #line) throws {
        // "all" runs every rule together: fixes of different rules on the same code must
        // combine by precedence into code that still compiles.
        let analyzers = rule == "all" ? DeferRules.all : DeferRules.named(rule).map { [$0] } ?? []
        guard !analyzers.isEmpty else { return XCTFail("no rule \(rule)", file: file, line: line) }
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        let all = cases(rule)
        XCTAssertFalse(all.isEmpty, "no testdata for \(rule)", file: file, line: line)
        var fixedPackages: [(URL, [(String, [UInt8])])] = []
        var originalPackages: [(URL, [(String, [UInt8])])] = []
        for dir in all {
            let paths = goFiles(dir)
            let sources = try paths.map { ($0.path, [UInt8](try Data(contentsOf: $0))) }
            // 1. Findings against `// want`.
            let report = Driver(analyzers: analyzers).analyze(sources)
            for (k, outcome) in report.enumerated() {
                XCTAssertEqual(outcome.syntaxErrors, [], "\(dir.lastPathComponent): testdata must parse", file: file, line: line)
                var want = wants(in: sources[k].1)
                for d in outcome.diagnostics {
                    let l = outcome.position(ofOffset: d.start)!.line
                    let text = describe(d)
                    if let w = want.firstIndex(where: { !$0.matched && $0.line == l && (try? Regex($0.pattern)).map { text.contains($0) } == true }) {
                        want[w].matched = true
                    } else {
                        XCTFail("\(outcome.path):\(l): unexpected finding: \(text)", file: file, line: line)
                    }
                }
                for w in want where !w.matched {
                    XCTFail("\(outcome.path):\(w.line): no finding matching \"\(w.pattern)\"", file: file, line: line)
                }
            }
            originalPackages.append((dir, sources.map { (URL(fileURLWithPath: $0.0).lastPathComponent, $0.1) }))
            // 2. Fixes against goldens: safe ones, then safe and unsafe ones.
            let original = report.flatMap(\.diagnostics)
            var safeResults: [[UInt8]] = []
            for policy in [FixPolicy.safe, .safeAndUnsafe] {
                var driver = Driver(analyzers: analyzers)
                driver.fixes = policy
                let fixed = driver.analyze(sources)
                let suffix = policy == .safe ? ".golden" : ".unsafe.golden"
                var fixedFiles: [(String, [UInt8])] = []
                for (k, outcome) in fixed.enumerated() {
                    let golden = URL(fileURLWithPath: sources[k].0 + suffix)
                    let result = outcome.fixed ?? sources[k].1
                    fixedFiles.append((URL(fileURLWithPath: sources[k].0).lastPathComponent, result))
                    // The unsafe golden exists only where the unsafe fixes add something.
                    let changed = policy == .safe ? outcome.fixed != nil : result != safeResults[k]
                    if policy == .safe { safeResults.append(result) }
                    if changed {
                        if update {
                            try Data(result).write(to: golden)
                        } else if let expected = try? Data(contentsOf: golden) {
                            XCTAssertEqual(String(decoding: result, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                                           "\(golden.lastPathComponent) differs", file: file, line: line)
                        } else {
                            XCTFail("\(outcome.path) changed but has no \(suffix) (run with UPDATE_GOLDEN=1)", file: file, line: line)
                        }
                        XCTAssertTrue(GoParser.parse(name: "fixed.go", bytes: result).errors.isEmpty, "fixed \(outcome.path) must parse", file: file, line: line)
                        for d in outcome.diagnostics where d.fix.map(policy.allows) == true {
                            XCTFail("\(outcome.path): a fix of the applied kind remains after fixing: \(describe(d))", file: file, line: line)
                        }
                    } else if FileManager.default.fileExists(atPath: golden.path) {
                        if update { try FileManager.default.removeItem(at: golden) } else {
                            XCTFail("\(golden.lastPathComponent) exists but the fixes changed nothing there", file: file, line: line)
                        }
                    }
                }
                if policy == .safe {
                    // The report and -w agree: what -w leaves is what the report did not call safe.
                    let left = fixed.flatMap(\.diagnostics)
                    XCTAssertEqual(tally(left), tally(original.filter { !$0.hasSafeFix }),
                                   "\(dir.lastPathComponent): findings left by the safe fixes differ from the report's unsafe and declined ones",
                                   file: file, line: line)
                }
                fixedPackages.append((dir, fixedFiles))
            }
        }
        // 3. The fixed packages compile and vet cleanly, and stay gofmt-clean.
        try vetAndFormat(fixedPackages, originals: originalPackages, file: file, line: line)
    }

    /// Findings counted by rule and kind (safe, unsafe, declined, report-only).
    static func tally(_ ds: [Diagnostic]) -> [String: Int] {
        var out: [String: Int] = [:]
        for d in ds {
            let kind = d.fix.map { $0.applicability.rawValue } ?? (d.declined != nil ? "declined" : "report")
            out["\(d.rule)/\(kind)", default: 0] += 1
        }
        return out
    }

    /// Writes packages into a scratch module (a case with its own go.mod becomes a module of
    /// its own, so the compiler uses the language version the rule saw) and vets them. Returns
    /// vet's findings as "case/file: message" (no line numbers: fixes move lines), and
    /// anything else vet printed (compile errors).
    static func vet(_ go: GoToolchain, _ packages: [(URL, [(String, [UInt8])])], tag: String) throws -> (root: URL, findings: [String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-vet-\(tag)-\(UUID().uuidString)")
        var modules: [URL] = []
        var plain = 0
        for (index, (dir, files)) in packages.enumerated() {
            let pkg = root.appendingPathComponent("\(dir.lastPathComponent)-\(index)")
            try FileManager.default.createDirectory(at: pkg, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: pkg.appendingPathComponent(name)) }
            // Helper packages in subfolders (not analysed) come along for the compiler.
            for sub in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
                var isDir: ObjCBool = false
                let from = dir.appendingPathComponent(sub)
                if FileManager.default.fileExists(atPath: from.path, isDirectory: &isDir), isDir.boolValue {
                    try FileManager.default.copyItem(at: from, to: pkg.appendingPathComponent(sub))
                }
            }
            let gomod = dir.appendingPathComponent("go.mod")
            if FileManager.default.fileExists(atPath: gomod.path) {
                try FileManager.default.copyItem(at: gomod, to: pkg.appendingPathComponent("go.mod"))
                modules.append(pkg)
            } else {
                plain += 1
            }
        }
        try "module deferlab.test/cases\n\ngo 1.23\n".write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        var findings: [String] = []
        for module in (plain > 0 ? [root] : []) + modules {
            let result = try go.run(arguments: ["vet", "./..."], in: module, timeout: .seconds(300))
            let prefix = module == root ? "" : module.lastPathComponent + "/"
            for raw in result.standardErrorText.split(separator: "\n") where !raw.hasPrefix("#") {
                var text = prefix + raw
                // "case-3/file.go:12:5: message" → "case/file.go: message"
                if let r = text.range(of: #"-[0-9]+/"#, options: .regularExpression) { text.replaceSubrange(r, with: "/") }
                if let r = text.range(of: #":[0-9]+:[0-9]+:"#, options: .regularExpression) { text.replaceSubrange(r, with: ":") }
                findings.append(text)
            }
        }
        return (root, findings)
    }

    /// The fixed packages compile, vet reports nothing the originals did not have, and every
    /// fixed file is gofmt-clean.
    static func vetAndFormat(_ packages: [(URL, [(String, [UInt8])])], originals: [(URL, [(String, [UInt8])])],
                             file: StaticString, line: UInt) throws {
        guard let go = try? GoLocator.forCurrentProcess().locate() else {
            print("note: no Go toolchain found; fixed testdata was not compiled with go vet")
            return
        }
        let (root, after) = try vet(go, packages, tag: "fixed")
        let (originalRoot, before) = try vet(go, originals, tag: "original")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: originalRoot)
        }
        let new = Set(after).subtracting(before).sorted()
        XCTAssertEqual(new, [], "go vet on fixed testdata: findings or errors the original code did not have", file: file, line: line)
        let fmt = try go.runner.run(ProcessRequest(executable: go.gofmt.path, arguments: ["-l", "."], workingDirectory: root, timeout: .seconds(120)))
        XCTAssertEqual(fmt.standardOutputText, "", "fixed files that are not gofmt-clean", file: file, line: line)
    }
}
