import Foundation
import XCTest
import GoToolchain
import LabCommands
import GoAnalysis
@testable import GoSyntax
import TestSupport

/// The whole GOROOT/src tree of the installed Go as a corpus, judged by real gofmt.
final class CorpusTests: XCTestCase {
    /// Files gofmt rejects that we accept, with the reason. Empty today: keep it that way,
    /// or explain each entry.
    static let knownAcceptedByUs: [String: String] = [:]

    func testGoRootAgreesWithGofmt() throws {
        let src = try TestGo.goRootSource()
        let started = Date()
        let (_, gofmtErrors) = try TestGo.gofmt(["-l", "."], in: src)
        let prefix = src.path + "/"
        let rejectedByGofmt = Set(TestGo.filesWithErrors(gofmtErrors).map { prefix + $0 })
        XCTAssertFalse(rejectedByGofmt.isEmpty, "gofmt rejected nothing: the comparison would prove nothing")

        let report = ParseCheck.run(paths: [src.path])
        XCTAssertEqual(report.files.filter { $0.problem != nil }.map(\.path), [])

        // The report lists only the files with errors; every other file is counted.
        let rejectedByUs = Set(report.files.filter { !$0.errors.isEmpty }.map(\.path))
        let falseRejects = report.files.filter { !$0.errors.isEmpty && !rejectedByGofmt.contains($0.path) }.map { $0.errors[0] }
        let missed = rejectedByGofmt.filter { !rejectedByUs.contains($0) && CorpusTests.knownAcceptedByUs[$0] == nil }.sorted()
        XCTAssertEqual(report.fileCount, try CorpusTests.goFiles(in: src).count, "every Go file gofmt would read is counted")
        XCTAssertEqual(falseRejects, [], "files gofmt accepts must parse without errors")
        let caught = rejectedByGofmt.count - missed.count
        XCTAssertGreaterThanOrEqual(Double(caught), 0.9 * Double(rejectedByGofmt.count),
                                    "we must reject at least 90% of what gofmt rejects; missed: \(missed)")
        XCTAssertEqual(missed, [], "rejected by gofmt but accepted by us, without a listed reason")
        print("corpus: \(report.fileCount) files, \(report.totalBytes) bytes, gofmt rejects \(rejectedByGofmt.count), "
              + "we reject \(report.filesWithErrors); parse \(String(format: "%.1f", report.wallSeconds)) s, "
              + "whole test \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// The Go files of a tree as gofmt walks it (every `*.go` not starting with a dot), listed
    /// by Foundation rather than by our walker.
    static func goFiles(in root: URL) throws -> [String] {
        let items = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        return try items.compactMap { item -> String? in
            let url = try XCTUnwrap(item as? URL)
            let name = url.lastPathComponent
            guard name.hasSuffix(".go"), !name.hasPrefix("."), try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true
            else { return nil }
            return url.path
        }
    }

    /// Tokens plus the whitespace between them give back every file byte for byte, and
    /// nothing but whitespace (and a leading BOM) lies between tokens.
    func testTokenRoundTripOverGoRoot() throws {
        let src = try TestGo.goRootSource()
        let paths = SourceWalker.expand([src.path]).compactMap { item -> String? in
            if case .file(let p, _) = item { return p }
            return nil
        }
        XCTAssertGreaterThan(paths.count, 1000)
        let failures = LockedList()
        let next = LockedCounter()
        BigStack.parallel(workers: ParseCheck.activeProcessorCount()) { _ in
            while true {
                let i = next.next()
                if i >= paths.count { return }
                guard case .success(let bytes) = FileReader.read(paths[i]) else {
                    failures.append("\(paths[i]): unreadable")
                    continue
                }
                if let problem = CorpusTests.roundTripProblem(bytes) { failures.append("\(paths[i]): \(problem)") }
            }
        }
        XCTAssertEqual(failures.items.sorted().prefix(20), [])
    }

    static func roundTripProblem(_ bytes: [UInt8]) -> String? {
        let (tokens, _) = GoScanner.tokens(of: bytes)
        var rebuilt: [UInt8] = []
        rebuilt.reserveCapacity(bytes.count)
        var cursor = 0
        for t in tokens {
            // A semicolon implied by a newline inside a block comment lies within the comment.
            if t.implicit && t.start < cursor { continue }
            if t.start < cursor { return "token at \(t.start) starts before the previous one ended (\(cursor))" }
            for i in cursor..<t.start {
                let b = bytes[i]
                let leadingBOM = cursor == 0 && i < 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF])
                if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || leadingBOM) {
                    return "byte \(b) at \(i) is outside every token"
                }
            }
            rebuilt.append(contentsOf: bytes[cursor..<t.end])
            cursor = t.end
        }
        rebuilt.append(contentsOf: bytes[cursor...])
        if cursor != bytes.count { return "tokens end at \(cursor), file at \(bytes.count)" }
        return rebuilt == bytes ? nil : "rebuilt text differs"
    }

    /// Our first error for each bad snippet matches gofmt's first error: same line, column
    /// and message.
    func testFirstErrorMatchesGofmt() throws {
        _ = try TestGo.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func bytes(_ parts: [[UInt8]]) -> [UInt8] { parts.flatMap { $0 } }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var snippets: [[UInt8]] = CorpusTests.badSnippets.map { Array($0.utf8) }
        snippets.append(bytes([Array("package p\nvar s = \"a".utf8), [0xFF], Array("b\"\n".utf8)]))
        snippets.append(bytes([Array("package p\n// ".utf8), [0xC3], Array("\nvar x int\n".utf8)]))
        snippets.append(bytes([Array("package p\nvar x = 1".utf8), [0x00], Array("\n".utf8)]))
        snippets.append(bytes([bom, Array("package p\nvar x = 1 ".utf8), bom, Array("\n".utf8)]))
        snippets.append(bytes([[0xFF, 0xFE], Array("package p\n".utf8)]))
        for (i, s) in snippets.enumerated() {
            try Data(s).write(to: dir.appendingPathComponent(String(format: "s%03d.go", i)))
        }
        let (_, stderr) = try TestGo.gofmt(["-l", "."], in: dir)
        var gofmtFirst: [String: String] = [:]
        for line in stderr.split(separator: "\n") {
            let file = String(line.prefix { $0 != ":" })
            if gofmtFirst[file] == nil { gofmtFirst[file] = String(line) }
        }
        var mismatches: [String] = []
        for (i, s) in snippets.enumerated() {
            let name = String(format: "s%03d.go", i)
            let ours = GoParser.parse(name: name, bytes: s).formattedErrors.first ?? "(no error)"
            let theirs = gofmtFirst[name] ?? "(no error)"
            if ours != theirs { mismatches.append("ours:   \(ours)\ngofmt:  \(theirs)") }
        }
        XCTAssertEqual(mismatches, [], "\n" + mismatches.joined(separator: "\n"))
    }

    static let badSnippets: [String] = [
        "package p\nfunc f() { if { } }\n",
        "package p\nfunc f() { if x := 1 {} }\n",
        "package p\nfunc f() { for a, b, c := range x {} }\n",
        "package p\nfunc f() { go f }\n",
        "package p\nfunc f() { defer (g()) }\n",
        "package p\nfunc f() { x := 1 y }\n",
        "package p\nfunc f()\n{\n}\n",
        "package p\nimport ;\n",
        "package p\nimport 42\n",
        "package p\nimport \"a\"\nvar x int\nimport \"b\"\n",
        "package p\ntype T[P any, Q] int\n",
        "package p\nfunc f[]() {}\n",
        "package p\nfunc f(a int, b) {}\n",
        "package p\nfunc f(a int, []string) {}\n",
        "package p\nfunc f(a ...int, b int) {}\n",
        "package p\nvar _ = s[1::3]\n",
        "package p\nvar _ = s[1:2:]\n",
        "package p\nvar _ = a[]\n",
        "package p\ntype I interface { m[T any]() }\n",
        "package p\nvar f func[T any]()\n",
        "package p\ntype T struct { (U) }\n",
        "package p\nvar _ = f(a\n)\n",
        "package p\nvar _ = []int{1\n}\n",
        "package p\ntype T [1, ]int\n",
        "package p\nfunc f() { switch x = y.(type) {} }\n",
        "package p\nfunc f() { f(): }\n",
        "package p\nfunc f() { else }\n",
        "package p\nvar x = 0b102\n",
        "package p\nvar x = 0x1.5\n",
        "package p\nvar x = 1__0\n",
        "package p\nvar r = 'ab'\n",
        "package p\nvar s = \"\\q\"\n",
        "package p\nvar s = `abc\n",
        "package p\n/* open\n",
        "package p\nvar x = 1 + @\n",
        "package p\nvar s = “x”\n",
        "func f() {}\n",
        "package\n",
        "",
        "package p\nfunc f() {\n",
        "package p\nfunc f() { for i := 0; i < 10 {} }\n",
        "package p\nfunc f() { var x = [...]int }\n",
        "package p\ntype T = \n",
        "package p\nfunc (a, b T) m() {}\nfunc f() { a.(b) }\n",
        "package p\nvar x = map[string]int{\"a\": 1, \"b\"}\n",
        "package p\nfunc f() { select { case x: } }\n",
        "package p\nfunc f() { <-chan<-int(nil) }\n",
        "package p\nfunc f() { if x { } else { } else { } }\n",
        "package p\nconst (\n\tA = iota\n\tB C\n)\n",
        "package p\nfunc f() { switch { case 1: default: default: } }\n",
        "package p\nfunc f() { goto }\n",
        "package p\nfunc f() { x.(type) }\n",
        "package p\ntype T struct { a int b int }\n",
        "package p\nfunc f() { var a, b = 1 }\n",
    ]
}

/// Thread-safe helpers for the parallel corpus passes.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func append(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return list }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { value += 1; lock.unlock() }; return value }
}
