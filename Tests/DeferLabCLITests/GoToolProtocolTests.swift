import Foundation
import XCTest
import GoToolchain
import TestSupport

/// `go vet -vettool=deferlab` and `go fix -fixtool=deferlab` with the real go command: the go
/// command chooses the files (build tags, test variants), DeferLab reports and fixes them.
final class GoToolProtocolTests: XCTestCase {
    static let sizes = """
    package a

    import "os"

    // Sizes returns each file's size.
    func Sizes(paths []string) ([]int64, error) {
    \tvar out []int64
    \tfor _, p := range paths {
    \t\tf, err := os.Open(p)
    \t\tif err != nil {
    \t\t\treturn nil, err
    \t\t}
    \t\tdefer f.Close()
    \t\tst, err := f.Stat()
    \t\tif err != nil {
    \t\t\treturn nil, err
    \t\t}
    \t\tout = append(out, st.Size())
    \t}
    \treturn out, nil
    }

    """

    /// t.Fatal inside the loop: the wrap would change which function it stops, so no safe fix.
    static let sizesTest = """
    package a

    import (
    \t"os"
    \t"testing"
    )

    func TestSizes(t *testing.T) {
    \tfor _, p := range []string{"a.go", "a_test.go"} {
    \t\tf, err := os.Open(p)
    \t\tif err != nil {
    \t\t\tt.Fatal(err)
    \t\t}
    \t\tdefer f.Close()
    \t}
    \tif _, err := Sizes([]string{"a.go"}); err != nil {
    \t\tt.Fatal(err)
    \t}
    }

    """

    /// Excluded by its build constraint: the go command never names it, so it is never read.
    static let ignored = """
    //go:build ignore

    package a

    import "os"

    func closeAll(paths []string) {
    \tfor _, p := range paths {
    \t\tf, _ := os.Open(p)
    \t\tdefer f.Close()
    \t}
    }

    """

    func module() throws -> URL {
        let dir = try temporaryDirectory(self)
        try write("module example.com/m\n\ngo 1.22\n", to: dir.appendingPathComponent("go.mod"))
        try write(Self.sizes, to: dir.appendingPathComponent("a/a.go"))
        try write(Self.sizesTest, to: dir.appendingPathComponent("a/a_test.go"))
        try write(Self.ignored, to: dir.appendingPathComponent("a/ignored.go"))
        try write("package b\n\nfunc B() int { return 1 }\n", to: dir.appendingPathComponent("b/b.go"))
        return dir
    }

    /// A private build cache for each test: results cached by an earlier run must not answer
    /// for this binary.
    lazy var cache: String = (try? temporaryDirectory(self).appendingPathComponent("cache").path) ?? ""

    func go(_ go: GoToolchain, _ args: [String], in dir: URL) throws -> (status: Int32, out: String, err: String) {
        let result = try go.run(arguments: args, in: dir, environment: ["GOCACHE": cache, "GOFLAGS": ""])
        guard case .exited(let code) = result.termination else {
            XCTFail("go \(args.joined(separator: " ")) was killed: \(result.termination)")
            return (-1, result.standardOutputText, result.standardErrorText)
        }
        return (code, result.standardOutputText, result.standardErrorText)
    }

    func read(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    func testVetReportsWhatTheGoCommandChose() throws {
        let toolchain = try TestGo.require()
        let dir = try module()
        let tool = "-vettool=\(CLI.binary.path)"

        let vet = try go(toolchain, ["vet", tool, "./..."], in: dir)
        XCTAssertEqual(vet.status, 1, vet.err)
        XCTAssertTrue(vet.err.contains("a/a.go:13:3: defer runs when Sizes returns"), vet.err)
        XCTAssertTrue(vet.err.contains("a/a_test.go:14:3: defer runs when TestSizes returns"), vet.err)
        XCTAssertFalse(vet.err.contains("ignored.go"), vet.err)

        // -json: one tree per package, exit 0; only the safe fix is offered.
        let json = try go(toolchain, ["vet", tool, "-json", "./..."], in: dir)
        XCTAssertEqual(json.status, 0, json.err)
        let trees = try jsonObjects(json.out + json.err)
        let a = try XCTUnwrap(trees.first { $0["example.com/m/a"] != nil }?["example.com/m/a"] as? [String: Any])
        let found = try XCTUnwrap(a["loop-defer"] as? [[String: Any]])
        XCTAssertEqual(found.count, 2)
        let inMain = try XCTUnwrap(found.first { ($0["posn"] as? String)?.hasSuffix("a/a.go:13:3") == true })
        let inTest = try XCTUnwrap(found.first { ($0["posn"] as? String)?.hasSuffix("a/a_test.go:14:3") == true })
        XCTAssertNil(inTest["suggested_fixes"], "the test's wrap would change what t.Fatal stops")
        let fixes = try XCTUnwrap(inMain["suggested_fixes"] as? [[String: Any]])
        let edits = try XCTUnwrap(fixes.first?["edits"] as? [[String: Any]])

        // The JSON edits, applied to the file, give what `deferlab fix --print` gives.
        var bytes = Array(Self.sizes.utf8)
        for edit in edits.sorted(by: { ($0["start"] as! Int) > ($1["start"] as! Int) }) {
            let start = edit["start"] as! Int, end = edit["end"] as! Int
            bytes.replaceSubrange(start..<end, with: Array((edit["new"] as! String).utf8))
        }
        let printed = try CLI.run(["fix", "--print", "a/a.go"], in: dir)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), printed.stdout)
        XCTAssertFalse(trees.contains { $0["example.com/m/b"] != nil }, "a clean package is left out, as in unitchecker")

        // The go command's cache answers for unchanged packages: DeferLab is not run again
        // (`-x` prints each run of the tool), but it is for a package that changed.
        func toolRuns(_ r: (status: Int32, out: String, err: String)) -> [Substring] {
            r.err.split(separator: "\n").filter { $0.contains(CLI.binary.path) && $0.hasSuffix("vet.cfg") }
        }
        let cached = try go(toolchain, ["vet", "-x", tool, "./..."], in: dir)
        XCTAssertEqual(cached.status, 1)
        XCTAssertTrue(cached.err.contains("a/a.go:13:3: defer runs when Sizes returns"), "cached findings are still shown")
        XCTAssertEqual(toolRuns(cached), [])
        try write("package b\n\nfunc B() int { return 2 }\n", to: dir.appendingPathComponent("b/b.go"))
        XCTAssertEqual(toolRuns(try go(toolchain, ["vet", "-x", tool, "./..."], in: dir)).count, 1)
    }

    func testFixToolDiffsThenAppliesOnlySafeFixes() throws {
        let toolchain = try TestGo.require()
        let dir = try module()
        let tool = "-fixtool=\(CLI.binary.path)"
        let expected = try CLI.run(["fix", "--print", "a/a.go"], in: dir).stdout
        XCTAssertNotEqual(expected, Self.sizes)

        let diff = try go(toolchain, ["fix", tool, "-diff", "./..."], in: dir)
        XCTAssertEqual(diff.status, 1, "go fix -diff exits 1 when there are diffs: \(diff.err)")
        XCTAssertTrue(diff.out.contains("+++ ") && diff.out.contains("+\t\tfunc() {"), diff.out)
        XCTAssertFalse(diff.out.contains("a_test.go"), diff.out)
        XCTAssertEqual(try read(dir, "a/a.go"), Self.sizes, "-diff changes nothing")

        let fix = try go(toolchain, ["fix", tool, "./..."], in: dir)
        XCTAssertEqual(fix.status, 0, fix.err)
        XCTAssertEqual(try read(dir, "a/a.go"), expected)
        XCTAssertEqual(try read(dir, "a/a_test.go"), Self.sizesTest)
        XCTAssertEqual(try read(dir, "a/ignored.go"), Self.ignored)

        // The fixed module builds, passes go vet and its own test, and a second run has nothing to do.
        for args in [["build", "./..."], ["vet", "./..."], ["test", "./..."]] {
            let r = try go(toolchain, args, in: dir)
            XCTAssertEqual(r.status, 0, "go \(args.joined(separator: " ")): \(r.out)\(r.err)")
        }
        let again = try go(toolchain, ["fix", tool, "-diff", "./..."], in: dir)
        XCTAssertEqual(again.status, 0, again.out + again.err)
        XCTAssertEqual(again.out, "")
    }

    func testVersionAndFlagsQueries() throws {
        let version = try CLI.run(["-V=full"])
        XCTAssertEqual(version.status, 0)
        let line = version.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(line.range(of: #"^deferlab version devel deferlab-\S+ buildID=[0-9a-f]+$"#, options: .regularExpression) != nil, line)
        XCTAssertEqual(try CLI.run(["-V=full"]).stdout, version.stdout, "the build ID keys the go command's cache")

        // A different executable gets a different build ID.
        let copy = try temporaryDirectory(self).appendingPathComponent("deferlab")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        XCTAssertNotEqual(try CLI.run(["-V=full"], executable: copy).stdout, version.stdout)

        let flags = try CLI.run(["-flags"])
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(flags.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(list.compactMap { $0["Name"] as? String }), ["json", "fix", "diff"])

        // A broken vet.cfg is an error, not a crash.
        let dir = try temporaryDirectory(self)
        try write("{not json", to: dir.appendingPathComponent("vet.cfg"))
        let broken = try CLI.run(["-json", dir.appendingPathComponent("vet.cfg").path])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("cannot read"), broken.stderr)
    }

    /// The JSON objects of a stream that holds several, one after another.
    func jsonObjects(_ text: String) throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        var depth = 0, start: String.Index?, inString = false, escaped = false
        for i in text.indices {
            let c = text[i]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "{":
                if depth == 0 { start = i }
                depth += 1
            case "}":
                depth -= 1
                if depth == 0, let s = start {
                    let piece = Data(text[s...i].utf8)
                    objects.append(try XCTUnwrap(JSONSerialization.jsonObject(with: piece) as? [String: Any]))
                }
            default: break
            }
        }
        return objects
    }
}
