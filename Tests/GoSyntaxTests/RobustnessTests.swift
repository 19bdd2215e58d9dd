import Foundation
import XCTest
@testable import GoSyntax
import TestSupport

/// Hostile input: the parser must return a partial tree and sorted errors, never crash,
/// hang or take quadratic time.
final class RobustnessTests: XCTestCase {
    /// Checks the invariants every parse must keep, whatever the input.
    func checkInvariants(_ bytes: [UInt8], _ label: String) {
        let parsed = GoParser.parse(name: "fuzz.go", bytes: bytes)
        var lastLine = 0
        for e in parsed.errors {
            XCTAssertTrue(e.offset >= 0 && e.offset <= bytes.count, "\(label): error offset \(e.offset) out of range")
            let line = parsed.source.position(ofOffset: e.offset).line
            XCTAssertGreaterThan(line, lastLine, "\(label): errors must be sorted, one per line")
            lastLine = line
        }
        let lo = parsed.source.base, hi = parsed.source.base + bytes.count
        BigStack.run {
            // Only leaves are checked: `pos` of a binary chain walks its left spine, so asking
            // every node would make this check quadratic on deep input.
            var outside = 0
            Inspector.walk(parsed.file, pre: { node in
                switch node {
                case .expr(.ident(let x)) where x.namePos.isValid:
                    // A missing name reads as "_" at the current token (as in go/parser),
                    // which at EOF ends one byte past the file.
                    let end = x.name == "_" ? x.namePos.raw : x.end.raw
                    if x.namePos.raw < lo || end > hi { outside += 1 }
                case .expr(.basicLit(let x)):
                    if x.valuePos.raw < lo || x.valueEnd.raw > hi { outside += 1 }
                default:
                    break
                }
                return true
            })
            XCTAssertEqual(outside, 0, "\(label): leaves outside the file")
        }
    }

    func testFixedSeedMutationsOfGoRootFiles() throws {
        let src = try TestGo.goRootSource()
        let files = TestGo.goFiles(under: src)
        var rng = SeededRandom(seed: 0xDEFE_11AB)
        var parsed = 0
        let started = Date()
        // Every 60th file (about 135 files), five mutants each.
        for path in stride(from: 0, to: files.count, by: 60).map({ files[$0] }) {
            guard let data = FileManager.default.contents(atPath: path), !data.isEmpty, data.count < 400_000 else { continue }
            let original = [UInt8](data)
            for _ in 0..<5 {
                var b = original
                for _ in 0..<Int.random(in: 1...4, using: &rng) { mutate(&b, &rng) }
                checkInvariants(b, path)
                parsed += 1
            }
        }
        XCTAssertGreaterThan(parsed, 300)
        print("fuzz: \(parsed) mutated files in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    func mutate(_ b: inout [UInt8], _ rng: inout SeededRandom) {
        guard !b.isEmpty else { b = [UInt8.random(in: 0...255, using: &rng)]; return }
        let i = Int.random(in: 0..<b.count, using: &rng)
        let n = min(b.count - i, Int.random(in: 1...64, using: &rng))
        let interesting: [[UInt8]] = ["{", "}", "(", ")", "[", "]", "func ", "defer ", "for ", ":=", "...", "<-", "\"", "`", "'", "/*", "\n", "~", "type ", "[T any]", ".(type)"].map { Array($0.utf8) }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: b.removeSubrange(i..<(i + n))
        case 1: b.insert(contentsOf: b[i..<(i + n)], at: Int.random(in: 0...b.count, using: &rng))
        case 2: b[i] = UInt8.random(in: 0...255, using: &rng)
        case 3: b.insert(contentsOf: interesting.randomElement(using: &rng)!, at: i)
        case 4: b.removeSubrange(i...)
        default: b.swapAt(i, Int.random(in: 0..<b.count, using: &rng))
        }
    }

    func testRandomBytesAndTokenSoup() {
        var rng = SeededRandom(seed: 42)
        for round in 0..<300 {
            let n = Int.random(in: 0...3000, using: &rng)
            checkInvariants((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }, "random \(round)")
        }
        let words = ["package p\n", "func", "f", "(", ")", "{", "}", "[", "]", "defer", "go", "for", "range", "if",
                     "else", "switch", "case", "default", ":", ";", "\n", ",", ".", "...", "x", "1", "\"s\"", "type",
                     "struct", "interface", "map", "chan", "<-", "*", "&", "=", ":=", "+", "~", "|", "select", "var",
                     "const", "import", "return", "break", "goto", "L", "new", "T", "any"]
        for round in 0..<500 {
            var s = "package p\n"
            for _ in 0..<Int.random(in: 1...400, using: &rng) { s += words.randomElement(using: &rng)! + " " }
            checkInvariants(Array(s.utf8), "soup \(round)")
        }
    }

    func testDeepNestingHitsTheLimitNotTheStack() {
        let depth = 12_000
        let cases: [(String, String)] = [
            ("parens", "package p\nvar x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "\n"),
            ("blocks", "package p\nfunc f() {" + String(repeating: "{", count: depth) + String(repeating: "}", count: depth) + "}\n"),
            ("unary", "package p\nvar x = " + String(repeating: "!", count: depth * 2) + "y\n"),
            ("literals", "package p\nvar x = T" + String(repeating: "{", count: depth) + String(repeating: "}", count: depth) + "\n"),
            ("func literals", "package p\nvar x = " + String(repeating: "func() {_ = ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"),
            ("types", "package p\nvar x " + String(repeating: "[]*", count: depth) + "int\n"),
            ("binary chain", "package p\nvar x = 1" + String(repeating: " + 1", count: depth * 3) + "\n"),
            ("ifs", "package p\nfunc f() {" + String(repeating: "if x {", count: depth) + String(repeating: "}", count: depth) + "}\n"),
            ("unclosed", "package p\nvar x = " + String(repeating: "[", count: depth * 5) + "\n"),
        ]
        for (name, src) in cases {
            let parsed = parseGo(src)
            XCTAssertTrue(parsed.errors.contains { $0.message == "exceeded max nesting depth" }, "\(name): \(parsed.formattedErrors.prefix(3))")
            checkInvariants(Array(src.utf8), name)
        }
        // Nesting well inside the limit parses cleanly.
        let ok = "package p\nvar x = " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + "\n"
        XCTAssertEqual(parseGo(ok).errors, [])
    }

    func testFiftyMegabyteFile() {
        let unit = Array("""
        func f(files []string) error {
        \tfor _, name := range files {
        \t\tf, err := os.Open(name) // a comment
        \t\tif err != nil {
        \t\t\treturn err
        \t\t}
        \t\tdefer f.Close()
        \t}
        \treturn nil
        }

        """.utf8)
        var bytes = Array("package big\n\n".utf8)
        bytes.reserveCapacity(50 << 20 + unit.count)
        var units = 0
        while bytes.count < 50 << 20 {
            bytes.append(contentsOf: unit)
            units += 1
        }
        let started = Date()
        let parsed = GoParser.parse(name: "big.go", bytes: bytes)
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.file.decls.count, units)
        XCTAssertEqual(parsed.file.comments.count, units)
        print("50 MB file: \(units) functions parsed in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    func testInvalidUTF8AndNULsAreReportedNotFatal() {
        var bytes = Array("package p\n\nvar a = \"x".utf8) + [0xC3, 0x28] + Array("\"\nvar b = 1\n".utf8)
        bytes += [0x00] + Array("\nvar c = 2\n".utf8)
        let parsed = GoParser.parse(name: "bad.go", bytes: bytes)
        XCTAssertEqual(parsed.formattedErrors, ["bad.go:3:11: illegal UTF-8 encoding", "bad.go:5:1: illegal character NUL"])
        XCTAssertEqual(parsed.file.decls.count, 4, "the rest of the file still parses (the NUL is a bad declaration)")
        guard case .gen(let last)? = parsed.file.decls.last, case .value(let c)? = last.specs.first else { return XCTFail() }
        XCTAssertEqual(c.names.map(\.name), ["c"])
    }
}
