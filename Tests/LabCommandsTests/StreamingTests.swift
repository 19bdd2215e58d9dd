import Foundation
import XCTest
import DeferRules
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
            print("\(tree): \(r.report.tally.files) files (\(r.report.files.count) with something to report), \(r.findings.count) findings, "
                  + "the same with and without the shortcuts")
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
        XCTAssertEqual(reference.report.tally, streamed.report.tally)
        // Only outcomes with something to say are kept; the other files are only counted.
        for r in [reference, streamed] {
            XCTAssertTrue(r.report.files.allSatisfy { $0.problem != nil || !$0.diagnostics.isEmpty || !$0.syntaxErrors.isEmpty || $0.fixed != nil })
            XCTAssertGreaterThan(r.report.tally.files, r.report.files.count, path)
        }
        return reference
    }

    /// The prefilter reads tokens, not bytes: `defer` or `go` in a comment or string does not
    /// make a file a candidate; the keyword does, and so does the identifier `Go`.
    func testPrefilterReadsTokens() {
        let words: Set<String> = ["defer", "go", "Go"]
        let admits = { (text: String) in !FilePrefilter.offsets(of: words, in: Array(text.utf8)).isEmpty }
        XCTAssertFalse(admits("//go:build linux\n\npackage p // defer later\n\nvar s = \"defer go\"\n"))
        XCTAssertFalse(admits("package p\n\nfunc deferred() { goal := 1; _ = goal }\n"))
        XCTAssertTrue(admits("package p\n\nfunc f() { defer g() }\n"))
        XCTAssertTrue(admits("package p\n\nfunc f() { go/**/g() }\n"))
        XCTAssertTrue(admits("package p\n\nfunc f(g group) { g.Go(h) }\n"))
        // A word the skim cannot be sure of (glued to a number) is left to the scanner.
        XCTAssertEqual(FilePrefilter.offsets(of: words, in: Array("package p\nvar x = 1.5defer\n".utf8)), [21])
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
        // An outline records them too: what holds one is parsed whole, and what it leaves
        // out holds none.
        let outline = GoParser.parse(name: "x.go", bytes: src, watch: ["defer", "go", "Go"], depth: .declarations)
        XCTAssertEqual(outline.watched?.offsets(of: words), FilePrefilter.offsets(of: words, in: src))
        XCTAssertEqual(outline.skippedDecls, [])
    }

    /// The skim that finds words without tokens (`BraceSkim.words`, behind the prefilter's
    /// offsets) finds what the scanner finds in every file of GOROOT/src/go and /net, and
    /// closes every function body where the parser does.
    func testSkimAgreesWithTheScannerOnGoRoot() throws {
        let src = try TestGo.goRootSource()
        let words = TokenWords(["defer", "go", "Go", "Exit", "Fatal"])
        var files = 0
        for folder in ["go", "net"] {
            let root = src.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(atPath: root.path)!
            while let rel = walker.nextObject() as? String {
                guard rel.hasSuffix(".go") else { continue }
                // (testdata holds a folder named not_a_file.go)
                guard let data = try? Data(contentsOf: root.appendingPathComponent(rel)) else { continue }
                let bytes = Array(data)
                let skimmed = bytes.withUnsafeBufferPointer { BraceSkim.words($0, words) }
                let (tokens, errors) = GoScanner.tokens(of: bytes)
                guard errors.isEmpty else { continue }
                let scanned = bytes.withUnsafeBufferPointer { buf in
                    tokens.filter { words.index(of: $0.kind, buf, $0.start, $0.end) != nil }.map(\.start)
                }
                XCTAssertEqual(skimmed, scanned, rel)
                // Outlines: every declaration at the whole tree's position, bodies closed alike.
                let whole = GoParser.parse(name: rel, bytes: bytes)
                let outline = GoParser.parse(name: rel, bytes: bytes, depth: .declarations)
                if whole.errors.isEmpty {
                    XCTAssertEqual(outline.errors, [], rel)
                    XCTAssertEqual(outline.file.decls.map(\.pos), whole.file.decls.map(\.pos), rel)
                    XCTAssertEqual(outline.file.decls.map(\.end), whole.file.decls.map(\.end), rel)
                }
                files += 1
            }
        }
        XCTAssertGreaterThan(files, 500)
    }

    /// A defer in a function literal of a package-level declaration is read with the whole
    /// literal around it: `rec{err: err}` checks err before the defer, so there is no
    /// defer-before-check finding, with the shortcuts or without.
    func testFunctionLiteralsOfPackageLevelDeclarationsAreReadWhole() throws {
        let dir = try temporaryDirectory(self)
        try write("""
            package p

            import "net/http"

            type rec struct{ err error }

            var fetch = func(url string) rec {
            \tresp, err := http.Get(url)
            \tr := rec{err: err}
            \tdefer resp.Body.Close()
            \treturn r
            }

            """, to: dir.appendingPathComponent("a.go"))
        let reference = try compare(dir.path)
        XCTAssertEqual(reference.findings.map(\.diagnostic.rule), [])
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

    /// A file in which no rule can report is read no further than its imports; its
    /// declarations are parsed when a rule or the name resolution asks for them, and its
    /// bodies only when a rule reads one: a callee's, to see what it returns on failure.
    func testOutlinesAreParsedWholeOnlyWhenARuleReadsABody() throws {
        let dir = try temporaryDirectory(self)
        // Nothing reads the other file: neither its declarations nor a body are parsed.
        try write("package quiet\n\nfunc f(ch chan int) {\n\tdefer close(ch)\n\th()\n}\n",
                  to: dir.appendingPathComponent("quiet/a.go"))
        try write("package quiet\n\nfunc h() int {\n\treturn 1\n}\n", to: dir.appendingPathComponent("quiet/b.go"))
        var before = SourceUnit.wholeParses
        let declarationsBefore = SourceUnit.declarationParses
        let quiet = try FixRun.run(paths: [dir.appendingPathComponent("quiet").path], options: FixOptions())
        XCTAssertEqual(quiet.findings.count, 0)
        XCTAssertEqual(SourceUnit.wholeParses - before, 0)
        XCTAssertEqual(SourceUnit.declarationParses - declarationsBefore, 0)
        // defer-before-check reads dial's body (in the outline b.go) to see it returns nil on
        // failure, and Close's to see that it dereferences its receiver.
        try write("""
            package reads

            func use() error {
            \tc, err := dial("x")
            \tdefer c.Close()
            \tif err != nil {
            \t\treturn err
            \t}
            \treturn nil
            }

            """, to: dir.appendingPathComponent("reads/a.go"))
        try write("""
            package reads

            import "errors"

            type conn struct{ fd int }

            func (c *conn) Close() error {
            \tc.fd = -1
            \treturn nil
            }

            func dial(addr string) (*conn, error) {
            \tif addr == "" {
            \t\treturn nil, errors.New("no address")
            \t}
            \treturn &conn{fd: 3}, nil
            }

            func unrelated() int { return 2 }

            """, to: dir.appendingPathComponent("reads/b.go"))
        var results: [[String]] = []
        for shortcuts in [true, false] {
            var options = FixOptions()
            options.shortcuts = shortcuts
            before = SourceUnit.wholeParses
            let r = try FixRun.run(paths: [dir.appendingPathComponent("reads").path], options: options)
            if shortcuts { XCTAssertEqual(SourceUnit.wholeParses - before, 1, "b.go, once") }
            results.append(r.findings.map { "\($0.diagnostic.rule) \($0.diagnostic.message.en) \(String(describing: $0.diagnostic.applicability))" })
        }
        XCTAssertEqual(results[0].count, 1)
        XCTAssertTrue(results[0].first?.hasPrefix("defer-before-check") ?? false)
        XCTAssertEqual(results[0], results[1])
    }

    /// The wrap's new names must not shadow the package's: those declared in a file without
    /// any rule's word (read only to its imports at first) count, with the shortcuts as without.
    func testNamesOfFilesReadToTheirImportsCount() throws {
        let dir = try temporaryDirectory(self)
        try write("""
            package p

            import "os"

            func sizes(names []string) (int64, error) {
            \tvar total int64
            \tfor _, n := range names {
            \t\tf, err := os.Open(n)
            \t\tif err == nil {
            \t\t\tdefer f.Close()
            \t\t\tif st, err := f.Stat(); err == nil {
            \t\t\t\ttotal += st.Size()
            \t\t\t\tcontinue
            \t\t\t}
            \t\t}
            \t\treturn 0, err
            \t}
            \treturn total, nil
            }

            """, to: dir.appendingPathComponent("a.go"))
        try write("package p\n\nvar exit, ret, ret1 = 1, 2, 3\n\nfunc helper() int { return exit }\n",
                  to: dir.appendingPathComponent("b.go"))
        let before = SourceUnit.declarationParses
        let reference = try compare(dir.path)
        XCTAssertEqual(SourceUnit.declarationParses - before, 1, "b.go's declarations, for the shortcut run")
        let json = FindingFormat.json(reference.findings, files: reference.report.files, .en)
        XCTAssertTrue(json.contains("exit1 := 0") && json.contains("var ret2 int64") && json.contains("var ret11 error"), json)
    }

    /// What the outlines cost: an error inside a function body without a rule's word is not
    /// seen by `fix` (it never reads that body), whether or not the file has a defer
    /// elsewhere, nor an error in the declarations of a file without any (read only to its
    /// imports); a string, rune, raw string or comment left open is (the skim cannot close the
    /// body past it, so the body is parsed), and so is everything in a body with a defer.
    /// `deferlab parse` (and the shortcuts turned off) see them all. `-w` never writes a file
    /// whose whole parse fails, even when its defer has a safe fix.
    func testOutlinesLeaveBodyGrammarToParse() throws {
        let dir = try temporaryDirectory(self)
        try write("package p\n\nfunc f() {\n\tdefer g()\n}\n\nfunc g() {}\n", to: dir.appendingPathComponent("a.go"))
        try write("package p\n\nfunc h() {\n\tx := := 1\n}\n", to: dir.appendingPathComponent("b.go"))
        try write("package p\n\nfunc k() {\n\ts := \"open\n}\n", to: dir.appendingPathComponent("c.go"))
        try write("package p\n\nfunc m() {\n\tr := 'ab'\n\tdefer g()\n}\n", to: dir.appendingPathComponent("d.go"))
        try write("package p\n\nfunc n() {\n\ty := @\n}\n", to: dir.appendingPathComponent("e.go"))
        try write("package p\n\nimport \"os\"\n\nvar = os.Args\n", to: dir.appendingPathComponent("f.go"))
        var seen: [Bool: [String]] = [:]
        for shortcuts in [true, false] {
            var options = FixOptions()
            options.shortcuts = shortcuts
            let r = try FixRun.run(paths: [dir.path], options: options)
            seen[shortcuts] = r.report.files.filter { !$0.syntaxErrors.isEmpty }.map { ($0.path as NSString).lastPathComponent }
        }
        XCTAssertEqual(seen[true], ["c.go", "d.go"])
        XCTAssertEqual(seen[false], ["b.go", "c.go", "d.go", "e.go", "f.go"])
        XCTAssertEqual(ParseCheck.run(paths: [dir.path]).files.filter { !$0.errors.isEmpty }.count, 5)
        // A file with a loop defer (safe fix) and a broken function without a defer: reported,
        // and its fix shown, but -w writes nothing that does not parse whole.
        let loop = try XCTUnwrap(LoopDefer.analyzer.example).bad
        let broken = dir.appendingPathComponent("w/a.go")
        try write(loop + "\nfunc broken() {\n\tx := := 1\n}\n", to: broken)
        var write = FixOptions()
        write.mode = .write
        let w = try FixRun.run(paths: [dir.appendingPathComponent("w").path], options: write)
        XCTAssertEqual(w.findings.map(\.diagnostic.rule), ["loop-defer"])
        XCTAssertEqual(w.findings.first?.diagnostic.applicability, .safe)
        XCTAssertEqual(w.changedFiles.count, 0)
        // A file named as an argument is read whole.
        let named = try FixRun.run(paths: [dir.appendingPathComponent("b.go").path], options: FixOptions())
        let b = dir.appendingPathComponent("b.go").path
        XCTAssertEqual(named.report.files.flatMap(\.syntaxErrorLines), ParseCheck.run(paths: [b]).files.flatMap(\.errors))
        XCTAssertTrue(named.report.files.flatMap(\.syntaxErrorLines).first?.hasSuffix("b.go:4:7: expected operand, found ':='") ?? false)
    }

    /// An outline whose whole parse fails (a broken body swallows the next function, so the
    /// whole tree has fewer declarations) gives no callee body and no crash: the finding in
    /// the other file is still reported, as far as the callee cannot tell.
    func testAnOutlineWhoseWholeParseFailsIsNotRelied() throws {
        let dir = try temporaryDirectory(self)
        try write("""
            package p

            func all(xs []int) {
            \tfor range xs {
            \t\tdefer g()
            \t}
            \t_ = h()
            }

            """, to: dir.appendingPathComponent("a.go"))
        // Each of these bodies made the previous driver crash (it indexed the whole tree's
        // declarations by the outline's).
        for body in ["if x { y z }", "x := map[string]int{\"a\": 1 \"b\": 2}", "for i := 0; i < 3 { }",
                     "select { case <-c: default: case }", "x y"] {
            try write("package p\n\nfunc broken() {\n\t\(body)\n}\n\nfunc g() int {\n\treturn 1\n}\n\nfunc h() (int, error) { return 0, nil }\n",
                      to: dir.appendingPathComponent("b.go"))
            let r = try FixRun.run(paths: [dir.path], options: FixOptions())
            XCTAssertEqual(r.findings.map(\.diagnostic.rule), ["loop-defer"], body)
            XCTAssertEqual(r.report.files.flatMap(\.syntaxErrors).count, 0, "b.go's body is left to deferlab parse")
        }
    }
}
