import XCTest
@testable import GoSyntax

/// Error tests with inline markers, in the style of go/parser's error_test: a comment
/// `/* ERROR "regexp" */` stands immediately before the token at which the error must be
/// reported (`/* ERROR HERE "regexp" */`: right after the previous token), and the regexp
/// must match the message. Every error must be expected.
final class ParserErrorTests: XCTestCase {
    func check(_ src: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(src.utf8)
        // Expected errors: the offset of the token after each marker comment.
        let (tokens, _) = GoScanner.tokens(of: bytes)
        var expected: [(Int, String)] = []
        for (i, t) in tokens.enumerated() where t.kind == .comment {
            let text = String(decoding: bytes[t.start..<t.end], as: UTF8.self)
            guard text.hasPrefix("/* ERROR "), text.hasSuffix("\" */") else { continue }
            if text.hasPrefix("/* ERROR HERE \"") {
                // The error is right after the previous token rather than at the next one.
                let pattern = String(text.dropFirst(15).dropLast(4))
                var j = i - 1
                while j > 0 && tokens[j].kind == .comment { j -= 1 }
                expected.append((tokens[j].end, pattern))
                continue
            }
            let pattern = String(text.dropFirst(10).dropLast(4))
            var j = i + 1
            while j < tokens.count && tokens[j].kind == .comment { j += 1 }
            expected.append((tokens[j].start, pattern))
        }
        XCTAssertFalse(expected.isEmpty, "test source has no ERROR marker", file: file, line: line)
        let parsed = GoParser.parse(name: "x.go", bytes: bytes)
        let got = parsed.errors.map { ($0.offset, $0.message) }
        for (offset, pattern) in expected {
            let pos = parsed.source.position(ofOffset: offset)
            guard let e = got.first(where: { $0.0 == offset }) else {
                XCTFail("\(pos): no error, want /\(pattern)/; got \(parsed.formattedErrors)", file: file, line: line)
                continue
            }
            let regex = try! Regex(pattern)
            XCTAssertTrue(e.1.contains(regex), "\(pos): got \"\(e.1)\", want /\(pattern)/", file: file, line: line)
        }
        for e in got where !expected.contains(where: { $0.0 == e.0 }) {
            XCTFail("unexpected error \(parsed.source.position(ofOffset: e.0)): \(e.1)", file: file, line: line)
        }
        // A syntax check (`deferlab parse`: statements dropped once parsed, no comments) reports the same.
        let checked = BigStack.run { GoParser.parseOnCurrentThread(name: "x.go", bytes: bytes, depth: .syntax, comments: false) }
        XCTAssertEqual(checked.formattedErrors, parsed.formattedErrors, "depth .syntax", file: file, line: line)
    }

    func testMissingThings() {
        check("package p\nfunc f() { if /* ERROR \"missing condition in if statement\" */ { } }\n")
        check("package p\nfunc f() { if x /* ERROR \"missing condition in if statement\" */ ; { } }\n")
        check("package p\nimport /* ERROR \"missing import path\" */ ;\n")
        check("package p\nimport /* ERROR \"import path must be a string\" */ 42\n")
        check("package p\ntype T[P any, Q /* ERROR \"missing type constraint\" */ ] int\n")
        check("package p\nfunc f[ /* ERROR \"empty type parameter list\" */ ]() {}\n")
        check("package p\nfunc f(a int, b /* ERROR \"missing parameter type\" */ ) {}\n")
        check("package p\nfunc f(a int, /* ERROR \"missing parameter name\" */ []string) {}\n")
        check("package p\nvar _ = s[1 /* ERROR \"middle index required in 3-index slice\" */ ::3]\n")
        check("package p\nvar _ = s[1:2 /* ERROR \"final index required in 3-index slice\" */ :]\n")
    }

    func testStatements() {
        check("package p\nfunc f() { go f /* ERROR HERE \"expression in go must be function call\" */ }\n")
        check("package p\nfunc f() { defer /* ERROR \"must not be parenthesized\" */ (g()) }\n")
        check("package p\nfunc f() { for a, b, /* ERROR \"expected at most 2 expressions\" */ c := range x {} }\n")
        check("package p\nfunc f() { if /* ERROR \"expected boolean expression, found assignment\" */ x := 1 {} }\n")
        check("package p\nfunc f() { switch x /* ERROR \"expected ':=', found '='\" */ = y.(type) {} }\n")
        check("package p\nfunc f() { f() /* ERROR \"illegal label declaration\" */ : }\n")
        check("package p\nfunc f() { x := 1 /* ERROR \"expected ';', found y\" */ y }\n")
        check("package p\nfunc f()\n/* ERROR \"unexpected semicolon or newline before {\" */ {\n}\n")
        check("package p\nfunc f() { if x {} else /* ERROR \"expected if statement or block\" */ for {} }\n")
        check("package p\nfunc f() { /* ERROR \"expected statement, found 'else'\" */ else }\n")
    }

    func testDeclarationsAndTypes() {
        check("/* ERROR \"expected 'package', found 'func'\" */ func f() {}\n")
        check("package p\nimport \"a\"\nvar x int\n/* ERROR \"imports must appear before other declarations\" */ import \"b\"\n")
        check("package p\ntype I interface { m /* ERROR \"interface method must have no type parameters\" */ [T any]() }\n")
        check("package p\nvar f func /* ERROR \"function type must have no type parameters\" */ [T any]()\n")
        check("package p\nfunc f(a /* ERROR \"can only use ... with final parameter\" */ ...int, b int) {}\n")
        check("package p\nvar x = a[ /* ERROR \"expected operand, found ']'\" */ ]\n")
        check("package p\ntype T struct { /* ERROR \"cannot parenthesize embedded type\" */ (U) }\n")
        check("package p\nvar _ = f(a /* ERROR \"missing ',' before newline in argument list\" */ \n)\n")
        check("package p\nvar _ = []int{1 /* ERROR \"missing ',' before newline in composite literal\" */ \n}\n")
        check("package p\ntype T [1 /* ERROR \"unexpected comma; expecting ]\" */ , ]int\n")
        check("package p\nconst c int = 1 /* ERROR \"expected ';', found 2\" */ 2\n")
    }

    func testScannerErrorsAreReportedToo() {
        check("package p\nvar s = /* ERROR \"string literal not terminated\" */ \"abc\n")
        check("package p\nvar r = /* ERROR \"illegal rune literal\" */ 'ab'\n")
        check("package p\nvar x = 1 + /* ERROR \"illegal character U\\+0040 '@'\" */ @\n")
    }

    func testAtMostOneErrorPerLineAndAFewLinesAtMost() {
        // Scanner errors are all reported (as gofmt does); parser errors stop after ten.
        let scanning = parseGo("package p\nfunc f() {\n" + String(repeating: "/* @ */ x := 1 + `@`\n", count: 3) + "}\n" + String(repeating: "@\n", count: 30))
        XCTAssertEqual(scanning.errors.count, 30, scanning.formattedErrors.joined(separator: "\n"))
        let parsed = parseGo("package p\nfunc f() { ) ) ) ) }\n" + String(repeating: "var = 1\n", count: 100))
        var lines = Set<Int>()
        for e in parsed.errors {
            XCTAssertTrue(lines.insert(parsed.source.position(ofOffset: e.offset).line).inserted, "two errors on one line")
        }
        XCTAssertLessThanOrEqual(parsed.errors.count, 12, "parsing stops after ten errors as go/parser does")
        XCTAssertGreaterThanOrEqual(parsed.errors.count, 10)
    }

    func testErrorFormat() {
        let parsed = GoParser.parse(name: "dir/x.go", bytes: Array("package p\n\nfunc f() {\n\tx := \n}\n".utf8))
        XCTAssertEqual(parsed.formattedErrors, ["dir/x.go:5:1: expected operand, found '}'"])
    }
}
