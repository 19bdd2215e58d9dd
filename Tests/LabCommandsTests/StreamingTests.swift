import Foundation
import XCTest
import GoAnalysis
import GoSyntax
import LabCommands
import LabText
import TestSupport

/// The driver's shortcuts — the prefilter (folders where no rule can report are only checked
/// for syntax) and streaming (folder by folder within a memory budget) — must lose nothing:
/// on GOROOT/src the whole JSON output equals that of one batch of every file analysed
/// together with no prefilter.
final class StreamingTests: XCTestCase {
    func testShortcutsOnAndOffGiveTheSameJSONOnGoRoot() throws {
        let src = try TestGo.goRootSource()
        let reference = try compare(src.path + "/...")
        XCTAssertGreaterThan(reference.findings.count, 300, "GOROOT has findings")
    }

    /// The same on other trees, when `DEFERLAB_SHORTCUT_TREES` names them (colon-separated
    /// folders, e.g. fetched real projects; not part of the suite's default run).
    func testShortcutsOnAndOffGiveTheSameJSONOnGivenTrees() throws {
        let trees = (ProcessInfo.processInfo.environment["DEFERLAB_SHORTCUT_TREES"] ?? "").split(separator: ":").map(String.init)
        guard !trees.isEmpty else { throw XCTSkip("DEFERLAB_SHORTCUT_TREES names no trees") }
        for tree in trees {
            let r = try compare(tree + "/...")
            print("\(tree): \(r.report.files.count) files, \(r.findings.count) findings, the same with and without the shortcuts")
        }
    }

    /// Runs `fix` with the shortcuts on and off on `path`, asserts the same output, returns the reference.
    @discardableResult
    func compare(_ path: String) throws -> FixResult {
        var off = FixOptions()
        off.shortcuts = false
        let reference = try FixRun.run(paths: [path], options: off)
        let streamed = try FixRun.run(paths: [path], options: FixOptions())
        let json = { (r: FixResult) in FindingFormat.json(r.findings, files: r.report.files, .en) }
        let (a, b) = (json(reference), json(streamed))
        XCTAssertEqual(a.count, b.count, path)
        XCTAssertTrue(a == b, "the JSON differs on \(path)")
        XCTAssertEqual(reference.report.files.map(\.path), streamed.report.files.map(\.path))
        XCTAssertEqual(reference.report.totalBytes, streamed.report.totalBytes)
        // Files without findings keep neither their bytes nor their line table.
        let idle = streamed.report.files.filter { $0.diagnostics.isEmpty && $0.syntaxErrors.isEmpty && $0.fixed == nil }
        XCTAssertTrue(idle.allSatisfy { $0.bytes.isEmpty && $0.source == nil && $0.size > 0 })
        return reference
    }

    /// The prefilter reads tokens, not bytes: `defer` or `go` in a comment or string does not
    /// make a file a candidate; the keyword does, and so does the identifier `Go`.
    func testPrefilterReadsTokens() {
        let filter = FilePrefilter.anyToken(["defer", "go", "Go"])
        XCTAssertFalse(filter.admits(Array("//go:build linux\n\npackage p // defer later\n\nvar s = \"defer go\"\n".utf8)))
        XCTAssertFalse(filter.admits(Array("package p\n\nfunc deferred() { goal := 1; _ = goal }\n".utf8)))
        XCTAssertTrue(filter.admits(Array("package p\n\nfunc f() { defer g() }\n".utf8)))
        XCTAssertTrue(filter.admits(Array("package p\n\nfunc f() { go/**/g() }\n".utf8)))
        XCTAssertTrue(filter.admits(Array("package p\n\nfunc f(g group) { g.Go(h) }\n".utf8)))
        XCTAssertTrue(FilePrefilter.always.admits([]))
        XCTAssertEqual(FilePrefilter.union([.anyToken(["defer"]), .always]), .always)
    }

    /// The parser records where the watched words' tokens are, as the prefilter's scan finds
    /// them (words in comments and strings do not count), and records nothing for a file with
    /// syntax errors (the parser may have stopped early there).
    func testParserRecordsWatchedTokensAsTheScanFindsThem() {
        let src = Array("""
            //go:build linux

            package p // defer later

            var s = "defer go"

            func f(g group) {
            \tdefer g.Go(h)
            \tgo/**/func() { defer done() }()
            \tgoal, Gopher := 1, 2
            }

            """.utf8)
        let parsed = GoParser.parse(name: "x.go", bytes: src, watch: ["defer", "go", "Go"])
        let words: Set<String> = ["defer", "go", "Go"]
        XCTAssertEqual(parsed.watched?.offsets(of: words), FilePrefilter.offsets(of: words, in: src))
        XCTAssertEqual(parsed.watched?.offsets(of: ["defer"])?.count, 2)
        XCTAssertEqual(parsed.watched?.offsets(of: ["Go"])?.count, 1)
        XCTAssertEqual(parsed.watched?.offsets(of: ["go"])?.count, 1)
        XCTAssertNil(parsed.watched?.offsets(of: ["range"]), "a word that was not watched")
        XCTAssertNil(GoParser.parse(name: "x.go", bytes: Array("package p\nfunc f() { defer".utf8), watch: words).watched)
        XCTAssertNil(GoParser.parse(name: "x.go", bytes: src).watched)
    }

    /// A folder the prefilter skips still reports its syntax errors, and a folder with a
    /// candidate is analysed whole (a rule may read a callee in another file).
    func testSkippedFoldersStillReportSyntaxErrors() throws {
        let dir = try temporaryDirectory(self)
        try write("package plain\n\nfunc f() {\n", to: dir.appendingPathComponent("plain/a.go"))
        try write("package plain\n\nfunc g() {}\n", to: dir.appendingPathComponent("plain/b.go"))
        // A candidate whose finding depends on a callee in another file of its package.
        try write("""
            package used

            import "os"

            func all(names []string) {
            \tfor _, n := range names {
            \t\tf, err := open(n)
            \t\tif err != nil {
            \t\t\treturn
            \t\t}
            \t\tdefer f.Close()
            \t}
            }

            var _ = os.Open

            """, to: dir.appendingPathComponent("used/a.go"))
        try write("package used\n\nimport \"os\"\n\nfunc open(n string) (*os.File, error) { return os.Open(n) }\n",
                  to: dir.appendingPathComponent("used/b.go"))
        for shortcuts in [true, false] {
            var options = FixOptions()
            options.shortcuts = shortcuts
            let result = try FixRun.run(paths: [dir.path + "/..."], options: options)
            XCTAssertEqual(result.report.files.flatMap(\.syntaxErrorLines).count, 1)
            XCTAssertTrue(result.hasErrors)
            XCTAssertEqual(result.findings.map(\.diagnostic.rule), ["loop-defer"])
        }
    }
}
