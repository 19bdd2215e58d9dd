import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import TestSupport

/// `deferlab fix` through the real executable: modes, exit codes, atomic writes, formats.
final class FixCommandTests: XCTestCase {
    static let loop = """
    package p

    import "os"

    // Sizes sums file sizes.
    func Sizes(names []string) (int64, error) {
    \tvar total int64
    \tfor _, name := range names {
    \t\tf, err := os.Open(name)
    \t\tif err != nil {
    \t\t\treturn 0, err
    \t\t}
    \t\tdefer f.Close() // keep this comment
    \t\tst, err := f.Stat()
    \t\tif err != nil {
    \t\t\tcontinue
    \t\t}
    \t\ttotal += st.Size()
    \t}
    \treturn total, nil
    }

    """

    func project(_ files: [String: String]) throws -> URL {
        let dir = try temporaryDirectory(self)
        for (name, text) in files { try write(text, to: dir.appendingPathComponent(name)) }
        return dir
    }

    func testReportDiffListAndExitCodes() throws {
        let dir = try project(["a.go": Self.loop, "clean/c.go": "package clean\n\nfunc C() {}\n"])
        let report = try CLI.run(["fix", "--lang", "en"], in: dir)
        XCTAssertEqual(report.status, 1, report.stderr)
        XCTAssertEqual(report.stdout, "./a.go:13:3: defer runs when Sizes returns, not at the end of each iteration: every iteration adds one more pending f.Close() until then [loop-defer] (fix available)\n")
        let zh = try CLI.run(["fix", "--lang", "zh", "a.go"], in: dir)
        XCTAssertTrue(zh.stdout.contains("（可修复）"), zh.stdout)
        let diff = try CLI.run(["fix", "-d", "a.go"], in: dir)
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.stdout.hasPrefix("--- a.go.orig\n+++ a.go\n@@ "), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("+\t\tfunc() {\n"), diff.stdout)
        let list = try CLI.run(["fix", "-l", "./..."], in: dir)
        XCTAssertEqual(list.stdout, "a.go\n".replacingOccurrences(of: "a.go", with: "./a.go"))
        let clean = try CLI.run(["fix", "clean"], in: dir)
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "")
    }

    func testWriteIsAtomicKeepsModeAndConverges() throws {
        let dir = try project(["a.go": Self.loop])
        let file = dir.appendingPathComponent("a.go")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let w = try CLI.run(["fix", "-w", "a.go"], in: dir)
        XCTAssertEqual(w.status, 0, w.stdout + w.stderr)
        let fixed = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(fixed.contains("\t\tfunc() {\n\t\t\tf, err := os.Open(name)"), fixed)
        XCTAssertTrue(fixed.contains("defer f.Close() // keep this comment"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "a.go" }
        XCTAssertEqual(leftovers, [], "no temporary files left")
        let again = try CLI.run(["fix", "-l", "a.go"], in: dir)
        XCTAssertEqual(again.status, 0, "a second run changes nothing")
        XCTAssertEqual(again.stdout, "")
    }

    func testWriteLeavesFilesWithSyntaxErrorsAlone() throws {
        let broken = Self.loop + "func broken( {\n"
        let dir = try project(["bad.go": broken, "good.go": Self.loop.replacingOccurrences(of: "Sizes", with: "Other")])
        let w = try CLI.run(["fix", "-w", "."], in: dir)
        XCTAssertEqual(w.status, 1, "a syntax error is a finding (exit 1), not an error of ours")
        XCTAssertTrue(w.stderr.contains("bad.go:22:14: expected ')', found '{'"), w.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("bad.go"), encoding: .utf8), broken, "never written")
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("good.go"), encoding: .utf8).contains("func() {"), "other files still fixed")
    }

    /// A folder the writer cannot create its temporary file in: exit 2, original untouched.
    /// Root may write anywhere, so as root the run happens as an unprivileged user.
    func testWriteFailureKeepsTheOriginal() throws {
        let dir = URL(fileURLWithPath: "/tmp").appendingPathComponent("deferlab-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        let file = dir.appendingPathComponent("a.go")
        try Self.loop.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        var user: String?
        if getuid() == 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            let probe = try CLI.run(["--version"], asUser: "nobody")
            guard probe.status == 0 else { throw XCTSkip("the unprivileged user cannot run the binary here") }
            user = "nobody"
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        }
        let w = try CLI.run(["fix", "-w", "--lang", "en", file.path], in: dir, asUser: user)
        XCTAssertEqual(w.status, 2, w.stdout + w.stderr)
        XCTAssertTrue(w.stderr.contains("cannot write"), w.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), Self.loop)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["a.go"])
    }

    func testPrintFromStdinAndFile() throws {
        let dir = try project(["a.go": Self.loop])
        let p = try CLI.run(["fix", "-p", "a.go"], in: dir)
        XCTAssertEqual(p.status, 0)
        XCTAssertTrue(p.stdout.contains("\t\t}()\n"), p.stdout)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("a.go"), encoding: .utf8), Self.loop, "-p never writes")
        let stdin = try CLI.run(["fix", "-p", "-"], in: dir, stdin: Self.loop)
        XCTAssertEqual(stdin.stdout, p.stdout)
    }

    /// `-p` prints a file with nothing to fix as it is, as gofmt prints every file it is given
    /// (an editor that replaces its buffer with the output must not get an empty one).
    func testPrintOfAFileWithNothingToFixIsTheFile() throws {
        let clean = "package a\n\nfunc f() {}\n"
        let dir = try project(["a.go": clean])
        let p = try CLI.run(["fix", "-p", "a.go"], in: dir)
        XCTAssertEqual(p.status, 0, p.stderr)
        XCTAssertEqual(p.stdout, clean)
    }

    /// `--stats` counts every file read, also those with nothing to report (whose outcomes the
    /// driver does not keep).
    func testStatsCountFilesWithNothingToReport() throws {
        let files = ["a.go": Self.loop, "b.go": "package p\n\nfunc g() {}\n", "c.go": "package p\n"]
        let dir = try project(files)
        let bytes = files.values.map(\.utf8.count).reduce(0, +)
        // Lines as wc -l counts them, plus an unterminated last line.
        let lines = files.values.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count - ($0.hasSuffix("\n") ? 1 : 0) }
            .reduce(0, +)
        let fix = try CLI.run(["fix", "--stats", "--lang", "en", "."], in: dir)
        XCTAssertEqual(fix.status, 1)
        XCTAssertTrue(fix.stdout.contains("files: 3  bytes: \(bytes)  findings: 1"), fix.stdout)
        let parse = try CLI.run(["parse", "--stats", "--lang", "en", "."], in: dir)
        XCTAssertEqual(parse.status, 0)
        XCTAssertTrue(parse.stdout.hasPrefix("files: 3  lines: \(lines)  bytes: \(bytes)  files with syntax errors: 0"), parse.stdout)
    }

    func testJSONAndSARIF() throws {
        let dir = try project(["a.go": Self.loop.replacingOccurrences(of: "// Sizes", with: "// Größe: Sizes")])
        let json = try CLI.run(["fix", "--json", "a.go"], in: dir)
        XCTAssertEqual(json.status, 1)
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0]["rule"] as? String, "loop-defer")
        XCTAssertEqual(items[0]["line"] as? Int, 13)
        XCTAssertEqual(items[0]["fixable"] as? Bool, true)
        let edits = items[0]["edits"] as! [[String: Any]]
        XCTAssertEqual(edits.count, 1)
        // The edit applies to the original bytes.
        var bytes = [UInt8](Self.loop.replacingOccurrences(of: "// Sizes", with: "// Größe: Sizes").utf8)
        let off = edits[0]["offset"] as! Int, len = edits[0]["length"] as! Int
        bytes.replaceSubrange(off..<(off + len), with: Array((edits[0]["newText"] as! String).utf8))
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("func() {"))

        let sarif = try CLI.run(["fix", "--sarif", "a.go"], in: dir)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = (log["runs"] as! [[String: Any]])[0]
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        XCTAssertTrue(rules.contains { $0["id"] as? String == "loop-defer" })
        let result = (run["results"] as! [[String: Any]])[0]
        XCTAssertNotNil(result["fixes"])
        let region = (((result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Any])
        XCTAssertEqual(region["startColumn"] as? Int, 3)
    }

    func testGitHubAnnotationsAndCheckstyle() throws {
        // A multi-byte comment before the defer on its line: columns count code points, and a
        // file name with a comma and a colon must survive the annotation's property syntax.
        let wide = Self.loop.replacingOccurrences(of: "\t\tdefer f.Close() // keep this comment",
                                                  with: "\t\t/* 每次 */ defer f.Close()")
        let dir = try project(["we,ird:name.go": wide, "broken.go": "package p\n\nfunc {\n"])

        let github = try CLI.run(["fix", "--format", "github", "--lang", "en", "we,ird:name.go", "broken.go"], in: dir)
        XCTAssertEqual(github.status, 1, github.stderr)
        let lines = github.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, github.stdout)
        let warning = try XCTUnwrap(lines.first { $0.hasPrefix("::warning ") })
        XCTAssertTrue(warning.hasPrefix("::warning file=we%2Cird%3Aname.go,line=13,col=12,endLine=13,endColumn=27,title=deferlab loop-defer::"), warning)
        XCTAssertTrue(warning.hasSuffix("::defer runs when Sizes returns, not at the end of each iteration: every iteration adds one more pending f.Close() until then (fix available)"), warning)
        let error = try XCTUnwrap(lines.first { $0.hasPrefix("::error ") })
        XCTAssertTrue(error.hasPrefix("::error file=broken.go,line=3,col=6,"), error)
        XCTAssertTrue(error.contains("title=deferlab syntax-error::"), error)

        let xml = try CLI.run(["fix", "--format", "checkstyle", "--lang", "zh", "we,ird:name.go", "broken.go"], in: dir)
        let doc = try CheckstyleDocument(xml.stdout)
        XCTAssertEqual(doc.files, ["broken.go", "we,ird:name.go"], "sorted by path")
        XCTAssertEqual(doc.errors.count, 2)
        let finding = try XCTUnwrap(doc.errors.first { $0["source"] == "deferlab.loop-defer" })
        XCTAssertEqual(finding["line"], "13")
        XCTAssertEqual(finding["column"], "12")
        XCTAssertEqual(finding["severity"], "warning")
        XCTAssertTrue(finding["message"]?.hasPrefix("defer 在函数 Sizes 返回时才执行") == true, finding["message"] ?? "")
        XCTAssertTrue(finding["message"]?.hasSuffix("（可修复）") == true, finding["message"] ?? "")
        XCTAssertEqual(doc.errors.first { $0["source"] == "deferlab.syntax-error" }?["severity"], "error")

        // Nothing found: an empty but well-formed report, exit 0.
        let clean = try project(["c.go": "package c\n\nfunc C() {}\n"])
        let empty = try CLI.run(["fix", "--format", "checkstyle"], in: clean)
        XCTAssertEqual(empty.status, 0)
        XCTAssertEqual(try CheckstyleDocument(empty.stdout).files, [])
        XCTAssertEqual(try CLI.run(["fix", "--format", "github"], in: clean).stdout, "")
        XCTAssertEqual(try CLI.run(["fix", "--format", "text"], in: clean).status, 0)

        // Usage: an unknown format, two formats, a format with a fixing mode.
        let unknown = try CLI.run(["fix", "--format", "xml", "--lang", "en"], in: clean)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown format 'xml'"), unknown.stderr)
        XCTAssertEqual(try CLI.run(["fix", "--format", "github", "--json"], in: clean).status, 2)
        XCTAssertEqual(try CLI.run(["fix", "--format", "checkstyle", "-w"], in: clean).status, 2)
    }

    func testRulesDisableIgnoreAndUsage() throws {
        let ignored = Self.loop.replacingOccurrences(of: "\t\tdefer f.Close() // keep this comment", with: "\t\t//deferlab:ignore loop-defer\n\t\tdefer f.Close()")
        let dir = try project(["a.go": Self.loop, "b.go": ignored.replacingOccurrences(of: "Sizes", with: "B")])
        XCTAssertEqual(try CLI.run(["fix", "b.go"], in: dir).status, 0, "ignored")
        XCTAssertEqual(try CLI.run(["fix", "--disable", "loop-defer", "a.go"], in: dir).status, 0)
        XCTAssertEqual(try CLI.run(["fix", "--rules", "loop-defer", "a.go"], in: dir).status, 1)
        let unknown = try CLI.run(["fix", "--rules", "nope", "a.go"], in: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("nope"), unknown.stderr)
        XCTAssertEqual(try CLI.run(["fix", "-d", "-w", "a.go"], in: dir).status, 2)
        XCTAssertEqual(try CLI.run(["fix", "-p", "a.go", "b.go"], in: dir).status, 2)
        // A folder or a pattern names many files too (it printed the first one alone).
        for many in [".", "./...", dir.path] {
            let p = try CLI.run(["fix", "-p", "--lang", "en", many], in: dir)
            XCTAssertEqual(p.status, 2, many)
            XCTAssertEqual(p.stdout, "", many)
            XCTAssertTrue(p.stderr.contains("-p takes exactly one file"), p.stderr)
        }
        let stats = try CLI.run(["fix", "--stats", "--lang", "en", "a.go"], in: dir)
        XCTAssertTrue(stats.stdout.contains("findings: 1"), stats.stdout)
    }

    func testCRLFStaysCRLF() throws {
        let crlf = Self.loop.replacingOccurrences(of: "\n", with: "\r\n")
        let dir = try project(["a.go": crlf])
        let p = try CLI.run(["fix", "-p", "a.go"], in: dir)
        XCTAssertEqual(p.status, 0)
        let lone = p.stdout.utf8.enumerated().filter { i, b in b == 0x0A && (i == 0 || Array(p.stdout.utf8)[i - 1] != 0x0D) }
        XCTAssertEqual(lone.count, 0, "every newline of a CRLF file stays CRLF")
        XCTAssertTrue(p.stdout.contains("func() {\r\n"))
    }

    func testExplain() throws {
        let list = try CLI.run(["explain", "--lang", "en"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("loop-defer"), list.stdout)
        let one = try CLI.run(["explain", "loop-defer", "--lang", "zh"])
        XCTAssertTrue(one.stdout.contains("修复之后："), one.stdout)
        XCTAssertTrue(one.stdout.contains("func() {"), one.stdout)
        XCTAssertEqual(try CLI.run(["explain", "no-such-rule"]).status, 2)
    }

    /// Holds every shard's lock while it works: the wrap is mechanically right but unsafe.
    static let locks = """
    package p

    import "sync"

    type shard struct {
    \tmu sync.Mutex
    \tn  int
    }

    // Total works while holding every lock.
    func Total(shards []*shard) int {
    \tfor _, s := range shards {
    \t\ts.mu.Lock()
    \t\tdefer s.mu.Unlock()
    \t}
    \tsum := 0
    \tfor _, s := range shards {
    \t\tsum += s.n
    \t}
    \treturn sum
    }

    """

    func testUnsafeFixesNeedAPersonsChoice() throws {
        let dir = try project(["locks.go": Self.locks, "a.go": Self.loop])
        let report = try CLI.run(["fix", "--lang", "en", "locks.go"], in: dir)
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.stdout.contains("(unsafe fix, needs --unsafe-fixes: s.mu.Unlock() releases a lock"), report.stdout)
        // -w applies the safe fix of a.go and leaves locks.go alone, listing what it left.
        let w = try CLI.run(["fix", "-w", "--lang", "en", "./..."], in: dir)
        XCTAssertEqual(w.status, 1, "a finding is left unfixed")
        XCTAssertTrue(w.stdout.contains("locks.go:14:3:"), w.stdout)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("locks.go"), encoding: .utf8), Self.locks, "unsafe fixes are not applied by -w")
        XCTAssertNotEqual(try String(contentsOf: dir.appendingPathComponent("a.go"), encoding: .utf8), Self.loop, "safe fixes are")
        // -d and -l show what -w would do; with --unsafe-fixes they show the unsafe fix too.
        XCTAssertEqual(try CLI.run(["fix", "-l", "locks.go"], in: dir).stdout, "")
        XCTAssertEqual(try CLI.run(["fix", "-l", "--unsafe-fixes", "locks.go"], in: dir).stdout, "locks.go\n")
        let unsafe = try CLI.run(["fix", "-w", "--unsafe-fixes", "locks.go"], in: dir)
        XCTAssertEqual(unsafe.status, 0, unsafe.stdout + unsafe.stderr)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("locks.go"), encoding: .utf8).contains("\t\tfunc() {\n\t\t\ts.mu.Lock()"))
        // --unsafe-fixes only means something when fixes are applied.
        XCTAssertEqual(try CLI.run(["fix", "--unsafe-fixes", "locks.go"], in: dir).status, 2)
    }

    func testJSONSaysApplicabilityAndReasonForEveryFindingAndSyntaxErrors() throws {
        let exit = "package main\n\nimport \"os\"\n\nfunc main() {\n\tdefer println(\"bye\")\n\tos.Exit(1)\n}\n"
        let dir = try project(["locks.go": Self.locks, "a.go": Self.loop, "exit/main.go": exit, "bad/bad.go": "package bad\n\nfunc f( {\n"])
        let json = try CLI.run(["fix", "--json", "--lang", "en", "./..."], in: dir)
        XCTAssertEqual(json.status, 1, "findings and a syntax error: exit 1")
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        let byRule = Dictionary(grouping: items) { $0["rule"] as! String }
        XCTAssertEqual(Set(byRule.keys), ["loop-defer", "exit-skips-defer", "syntax-error"])
        for item in items {
            let applicability = item["applicability"] as? String
            XCTAssertTrue(["safe", "unsafe", "none"].contains(applicability ?? ""), "\(item)")
            XCTAssertEqual(item["fixable"] as? Bool, applicability != "none")
            if applicability != "safe" { XCTAssertNotNil(item["reason"] as? String, "a finding that is not applied says why: \(item)") }
        }
        let loops = byRule["loop-defer"]!.sorted { ($0["file"] as! String) < ($1["file"] as! String) }
        XCTAssertEqual(loops.map { $0["applicability"] as? String }, ["safe", "unsafe"])
        let syntax = byRule["syntax-error"]![0]
        XCTAssertEqual(syntax["file"] as? String, "./bad/bad.go")
        XCTAssertEqual(syntax["line"] as? Int, 3)
        XCTAssertTrue((syntax["message"] as? String ?? "").contains("expected"), "\(syntax)")
        XCTAssertEqual(json.stderr, "", "with --json the syntax error is in the array, not on stderr")

        let sarif = try CLI.run(["fix", "--sarif", "./..."], in: dir)
        let run = ((try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any])["runs"] as! [[String: Any]])[0]
        let results = run["results"] as! [[String: Any]]
        XCTAssertTrue(results.contains { $0["ruleId"] as? String == "syntax-error" && $0["level"] as? String == "error" })
        let unsafe = results.first { ($0["properties"] as? [String: Any])?["applicability"] as? String == "unsafe" }
        XCTAssertNotNil((unsafe?["properties"] as? [String: Any])?["unsafeReason"])
    }

    func testExplainGivesCriteriaAndIgnoreComment() throws {
        for lang in ["en", "zh"] {
            let one = try CLI.run(["explain", "loop-defer", "--lang", lang])
            XCTAssertTrue(one.stdout.contains("//deferlab:ignore loop-defer"), one.stdout)
            XCTAssertTrue(one.stdout.contains("--unsafe-fixes"), one.stdout)
        }
        let help = try CLI.run(["fix", "--help"])
        XCTAssertTrue(help.stdout.contains("//deferlab:ignore"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--unsafe-fixes"), help.stdout)
    }
}

/// A Checkstyle report read with a real XML parser: the file names and each error's attributes.
struct CheckstyleDocument {
    var files: [String] = []
    var errors: [[String: String]] = []

    init(_ text: String) throws {
        final class Reader: NSObject, XMLParserDelegate {
            var files: [String] = []
            var errors: [[String: String]] = []
            var root = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if root.isEmpty { root = name }
                if name == "file" { files.append(attributes["name"] ?? "") }
                if name == "error" { errors.append(attributes) }
            }
        }
        let parser = XMLParser(data: Data(text.utf8))
        let reader = Reader()
        parser.delegate = reader
        struct NotWellFormed: Error { var reason: String }
        guard parser.parse() else {
            throw NotWellFormed(reason: "\(parser.parserError.map { "\($0)" } ?? "?") in \(text)")
        }
        XCTAssertEqual(reader.root, "checkstyle")
        files = reader.files
        errors = reader.errors
    }
}
