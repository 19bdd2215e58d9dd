import Foundation
import XCTest
import GoAnalysis
import GoSyntax
import GoToolchain
import DeferRules

/// analysistest for DeferLab rules. `testdata/<rule>/<case>/` is one package. A comment
/// `// want "regexp"` on a line expects one finding on that line whose text matches, where
/// the text is the English message followed by "(fix available)" or "(not fixed: REASON)".
/// After fixes are applied, each changed file must equal `<file>.golden`
/// (`UPDATE_GOLDEN=1 swift test` rewrites them). Fixed code must parse, trigger no fixable
/// finding again, stay gofmt-clean, and — with a Go toolchain — pass `go vet`.
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
        if d.fix != nil { s += " (fix available)" }
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
        for dir in all {
            let paths = goFiles(dir)
            let sources = try paths.map { ($0.path, [UInt8](try Data(contentsOf: $0))) }
            // 1. Findings against `// want`.
            let report = Driver(analyzers: analyzers).analyze(sources)
            for (k, outcome) in report.enumerated() {
                XCTAssertEqual(outcome.syntaxErrors, [], "\(dir.lastPathComponent): testdata must parse", file: file, line: line)
                var want = wants(in: sources[k].1)
                for d in outcome.diagnostics {
                    let l = outcome.position(d.pos)!.line
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
            // 2. Fixes against goldens.
            var driver = Driver(analyzers: analyzers)
            driver.applyFixes = true
            let fixed = driver.analyze(sources)
            var fixedFiles: [(String, [UInt8])] = []
            for (k, outcome) in fixed.enumerated() {
                let golden = URL(fileURLWithPath: sources[k].0 + ".golden")
                let result = outcome.fixed ?? sources[k].1
                fixedFiles.append((URL(fileURLWithPath: sources[k].0).lastPathComponent, result))
                if let new = outcome.fixed {
                    if update {
                        try Data(new).write(to: golden)
                    } else if let expected = try? Data(contentsOf: golden) {
                        XCTAssertEqual(String(decoding: new, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                                       "\(golden.lastPathComponent) differs", file: file, line: line)
                    } else {
                        XCTFail("\(outcome.path) changed but has no .golden (run with UPDATE_GOLDEN=1)", file: file, line: line)
                    }
                    XCTAssertTrue(GoParser.parse(name: "fixed.go", bytes: new).errors.isEmpty, "fixed \(outcome.path) must parse", file: file, line: line)
                    for d in outcome.diagnostics where d.fix != nil {
                        XCTFail("\(outcome.path): fixable finding remains after fixing: \(describe(d))", file: file, line: line)
                    }
                } else if FileManager.default.fileExists(atPath: golden.path) {
                    XCTFail("\(golden.lastPathComponent) exists but the fix changed nothing", file: file, line: line)
                }
            }
            fixedPackages.append((dir, fixedFiles))
        }
        // 3. The fixed packages compile and vet cleanly, and stay gofmt-clean.
        try vetAndFormat(fixedPackages, file: file, line: line)
    }

    static func vetAndFormat(_ packages: [(URL, [(String, [UInt8])])], file: StaticString, line: UInt) throws {
        guard let go = try? GoLocator.forCurrentProcess().locate() else {
            print("note: no Go toolchain found; fixed testdata was not compiled with go vet")
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-vet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // A case folder with its own go.mod (for its go line) is vetted as a module of its own,
        // so the language version the rule saw is the one the compiler uses.
        var modules: [URL] = []
        var plain = 0
        for (dir, files) in packages {
            let pkg = root.appendingPathComponent(dir.lastPathComponent)
            try FileManager.default.createDirectory(at: pkg, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: pkg.appendingPathComponent(name)) }
            let gomod = dir.appendingPathComponent("go.mod")
            if FileManager.default.fileExists(atPath: gomod.path) {
                try FileManager.default.copyItem(at: gomod, to: pkg.appendingPathComponent("go.mod"))
                modules.append(pkg)
            } else {
                plain += 1
            }
        }
        try "module deferlab.test/cases\n\ngo 1.23\n".write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        for module in (plain > 0 ? [root] : []) + modules {
            let vet = try go.run(arguments: ["vet", "./..."], in: module, timeout: .seconds(300))
            XCTAssertTrue(vet.succeeded, "go vet on fixed testdata in \(module.lastPathComponent):\n\(vet.standardErrorText)", file: file, line: line)
        }
        let fmt = try go.runner.run(ProcessRequest(executable: go.gofmt.path, arguments: ["-l", "."], workingDirectory: root, timeout: .seconds(120)))
        XCTAssertEqual(fmt.standardOutputText, "", "fixed files that are not gofmt-clean", file: file, line: line)
    }
}
