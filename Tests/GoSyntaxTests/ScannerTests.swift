import XCTest
@testable import GoSyntax

final class ScannerTests: XCTestCase {
    /// Tokens of `src` as (kind, source text) pairs; implicit semicolons show as "\n".
    func scan(_ src: String) -> ([(TokenKind, String)], [SyntaxError]) {
        let bytes = Array(src.utf8)
        let (tokens, errors) = GoScanner.tokens(of: bytes)
        let pairs = tokens.map { t -> (TokenKind, String) in
            let text = t.implicit ? "\\n" : String(decoding: bytes[t.start..<t.end], as: UTF8.self)
            return (t.kind, text)
        }
        return (pairs, errors)
    }

    func assertTokens(_ src: String, _ expected: [(TokenKind, String)], file: StaticString = #filePath, line: UInt = #line) {
        let (got, errors) = scan(src)
        XCTAssertEqual(errors, [], "unexpected errors for \(src)", file: file, line: line)
        XCTAssertEqual(got.map(\.0), expected.map(\.0) + [.eof], "kinds for \(src)", file: file, line: line)
        XCTAssertEqual(got.dropLast().map(\.1), expected.map(\.1), "texts for \(src)", file: file, line: line)
    }

    /// Every keyword scans as itself; a word that differs in length, case or one letter is an
    /// identifier.
    func testEveryKeywordAndItsNearMisses() {
        for raw in TokenKind.break.rawValue...TokenKind.var.rawValue {
            let kind = TokenKind(rawValue: raw)!
            let word = kind.text
            XCTAssertEqual(scan(word).0.first?.0, kind, word)
            var misses = [word + "x", String(word.dropLast()), word.uppercased(), "_" + word, word + "1"]
            misses.append(String(word.dropLast()) + (word.last == "z" ? "y" : "z"))
            misses.append((word.first == "z" ? "y" : "z") + String(word.dropFirst()))
            for miss in misses where miss.count >= 1 {
                XCTAssertEqual(scan(miss).0.first?.0, .ident, miss)
            }
        }
        XCTAssertEqual(scan("fallthroughs").0.first?.0, .ident)
        XCTAssertEqual(scan("interfac").0.first?.0, .ident)
        XCTAssertEqual(scan("Go").0.first?.0, .ident)
    }

    func testEveryOperator() {
        let ops: [(String, TokenKind)] = [
            ("+", .add), ("-", .sub), ("*", .mul), ("/", .quo), ("%", .rem),
            ("&", .and), ("|", .or), ("^", .xor), ("<<", .shl), (">>", .shr), ("&^", .andNot),
            ("+=", .addAssign), ("-=", .subAssign), ("*=", .mulAssign), ("/=", .quoAssign), ("%=", .remAssign),
            ("&=", .andAssign), ("|=", .orAssign), ("^=", .xorAssign), ("<<=", .shlAssign), (">>=", .shrAssign),
            ("&^=", .andNotAssign), ("&&", .land), ("||", .lor), ("<-", .arrow),
            ("==", .eql), ("<", .lss), (">", .gtr), ("=", .assign), ("!", .not),
            ("!=", .neq), ("<=", .leq), (">=", .geq), (":=", .define), ("...", .ellipsis),
            ("(", .lparen), ("[", .lbrack), ("{", .lbrace), (",", .comma), (".", .period),
            (":", .colon), ("~", .tilde),
        ]
        for (text, kind) in ops {
            assertTokens("a " + text + " b", [(.ident, "a"), (kind, text), (.ident, "b"), (.semicolon, "\\n")])
        }
        assertTokens("x++", [(.ident, "x"), (.inc, "++"), (.semicolon, "\\n")])
        assertTokens("x--", [(.ident, "x"), (.dec, "--"), (.semicolon, "\\n")])
        assertTokens("f()", [(.ident, "f"), (.lparen, "("), (.rparen, ")"), (.semicolon, "\\n")])
        assertTokens("a[0]", [(.ident, "a"), (.lbrack, "["), (.int, "0"), (.rbrack, "]"), (.semicolon, "\\n")])
        assertTokens("{}", [(.lbrace, "{"), (.rbrace, "}"), (.semicolon, "\\n")])
    }

    func testKeywordsAndIdentifiers() {
        for kind in TokenKind.allCases where kind.isKeyword {
            let (got, errors) = scan(kind.text)
            XCTAssertEqual(errors, [])
            XCTAssertEqual(got.first?.0, kind, kind.text)
        }
        assertTokens("αβ _x9 日本語 x٣", [(.ident, "αβ"), (.ident, "_x9"), (.ident, "日本語"), (.ident, "x٣"), (.semicolon, "\\n")])
        assertTokens("funcs breaker", [(.ident, "funcs"), (.ident, "breaker"), (.semicolon, "\\n")])
    }

    func testNumberLiterals() {
        let ints = ["0", "42", "1_000_000", "0b1010", "0B_1", "0o17", "0O7", "017", "0x_FF", "0XaBc"]
        for s in ints { assertTokens(s, [(.int, s), (.semicolon, "\\n")]) }
        let floats = ["1.5", ".5", "1.", "1e10", "1E-3", "0x1p-2", "0X1.8P+3", "0x.8p1", "1_0.2_5e1_0", "089.5", "0e0"]
        for s in floats { assertTokens(s, [(.float, s), (.semicolon, "\\n")]) }
        let imags = ["1i", "0i", "1.5i", "1e3i", "0x1p2i", "0b1i", "0o7i", "089i"]
        for s in imags { assertTokens(s, [(.imag, s), (.semicolon, "\\n")]) }
    }

    func testNumberErrors() {
        let cases: [(String, Int, String)] = [
            ("0b102", 4, "invalid digit '2' in binary literal"),
            ("0o8", 2, "invalid digit '8' in octal literal"),
            ("09", 1, "invalid digit '9' in octal literal"),
            ("0x", 2, "hexadecimal literal has no digits"),
            ("0x1.5", 5, "hexadecimal mantissa requires a 'p' exponent"),
            ("1p3", 1, "'p' exponent requires hexadecimal mantissa"),
            ("0b1e3", 3, "'e' exponent requires decimal mantissa"),
            ("1e", 2, "exponent has no digits"),
            ("1__0", 2, "'_' must separate successive digits"),
            ("1_", 1, "'_' must separate successive digits"),
            ("0b.1", 2, "invalid radix point in binary literal"),
        ]
        for (src, offset, message) in cases {
            let (_, errors) = scan(src)
            XCTAssertEqual(errors.first, SyntaxError(offset: offset, message: message), src)
        }
    }

    func testStringsRunesAndEscapes() {
        let good = [#""""#, #""a\n\t\\\"""#, #""\x41\101\u00e9\U0001F600""#, #""日本""#, "'a'", #"'\''"#, #"'\x00'"#, #"'\u12e4'"#, "'本'", "`raw\\n`"]
        for s in good { assertTokens(s, [(s.first == "'" ? .char : .string, s), (.semicolon, "\\n")]) }
        let bad: [(String, Int, String)] = [
            (#""abc"#, 0, "string literal not terminated"),
            ("'ab'", 0, "illegal rune literal"),
            ("''", 0, "illegal rune literal"),
            ("'a", 0, "rune literal not terminated"),
            (#""\q""#, 2, "unknown escape sequence"),
            (#""\xZZ""#, 3, "illegal character U+005A 'Z' in escape sequence"),
            (#""\uD800""#, 2, "escape sequence is invalid Unicode code point"),
            (#""\U00110000""#, 2, "escape sequence is invalid Unicode code point"),
            ("`abc", 0, "raw string literal not terminated"),
            ("/* x", 0, "comment not terminated"),
        ]
        for (src, offset, message) in bad {
            let (_, errors) = scan(src)
            XCTAssertEqual(errors.first, SyntaxError(offset: offset, message: message), src)
        }
    }

    func testRawStringDropsCarriageReturns() {
        let parsed = GoParser.parse(name: "x.go", bytes: Array("package p\nconst s = `a\r\nb`\n".utf8))
        XCTAssertEqual(parsed.errors, [])
        guard case .gen(let g)? = parsed.file.decls.first, case .value(let v)? = g.specs.first,
              case .basicLit(let lit)? = v.values.first else { return XCTFail("no literal") }
        XCTAssertEqual(lit.value, "`a\nb`")
        XCTAssertEqual(lit.valueEnd - lit.valuePos, 6, "the range still covers the source bytes")
    }

    func testSemicolonInsertion() {
        // After an identifier, literal, keyword break/continue/fallthrough/return, ++, --, ), ], }.
        for s in ["x", "1", "1.0", "1i", "'a'", "\"s\"", "`r`", "break", "continue", "fallthrough", "return", "x++", "x--", "f()", "a[1]", "{}"] {
            let (got, _) = scan(s + "\n")
            XCTAssertEqual(got[got.count - 2].0, .semicolon, s)
            XCTAssertEqual(got[got.count - 2].1, "\\n", s)
        }
        // Not after an operator or most keywords.
        for s in ["x +", "x,", "func", "if", "(", "[", "{", "x :=", "goto"] {
            let (got, _) = scan(s + "\n")
            XCTAssertNotEqual(got[got.count - 2].0, .semicolon, s)
        }
        // At EOF, after a line comment (the semicolon is the newline), and for a block
        // comment spanning lines (the semicolon is at the comment's first newline).
        assertTokens("x", [(.ident, "x"), (.semicolon, "\\n")])
        assertTokens("x // c\ny", [(.ident, "x"), (.comment, "// c"), (.semicolon, "\\n"), (.ident, "y"), (.semicolon, "\\n")])
        assertTokens("x /* a\nb */ y", [(.ident, "x"), (.comment, "/* a\nb */"), (.semicolon, "\\n"), (.ident, "y"), (.semicolon, "\\n")])
        assertTokens("x /* a */ y", [(.ident, "x"), (.comment, "/* a */"), (.ident, "y"), (.semicolon, "\\n")])
        assertTokens("a;b", [(.ident, "a"), (.semicolon, ";"), (.ident, "b"), (.semicolon, "\\n")])
    }

    func testExactPositions() {
        let src = "package p\n\nfunc f() {\n\treturn\n}\n"
        let bytes = Array(src.utf8)
        let (tokens, _) = GoScanner.tokens(of: bytes)
        let file = bytes.withUnsafeBufferPointer { SourceFile(name: "x.go", base: 1, size: bytes.count, lineStarts: SourceFile.lineStarts(of: $0)) }
        let described = tokens.map { t -> String in
            let p = file.position(ofOffset: t.start)
            return "\(p.line):\(p.column) \(t.kind.text)"
        }
        XCTAssertEqual(described, [
            "1:1 package", "1:9 IDENT", "1:10 ;", "3:1 func", "3:6 IDENT", "3:7 (", "3:8 )", "3:10 {",
            "4:2 return", "4:8 ;", "5:1 }", "5:2 ;", "5:3 EOF",
        ])
    }

    func testBadBytes() {
        let cases: [([UInt8], Int, String)] = [
            ([0x61, 0x00], 1, "illegal character NUL"),
            ([0x61, 0xFF], 1, "illegal UTF-8 encoding"),
            ([0x61, 0x20, 0xEF, 0xBB, 0xBF], 2, "illegal byte order mark"),
            (Array("#".utf8), 0, "illegal character U+0023 '#'"),
            (Array("“x”".utf8), 0, "curly quotation mark '“' (use neutral '\"')"),
            (Array("x\u{2639}".utf8), 1, "illegal character U+2639 '☹'"),
            (Array("\"a\u{0}\"".utf8), 2, "illegal character NUL"),
            ([0x2F, 0x2F, 0x20, 0xFF], 3, "illegal UTF-8 encoding"),
        ]
        for (bytes, offset, message) in cases {
            let (_, errors) = GoScanner.tokens(of: bytes)
            XCTAssertEqual(errors.first, SyntaxError(offset: offset, message: message), "\(bytes)")
        }
        // In a line comment, a NUL or a bad byte is found wherever it is (comments are checked
        // eight bytes at a time), and a comment without one gives no error.
        for pad in 0..<20 {
            let prefix = Array("x // ".utf8) + Array(repeating: UInt8(ascii: "a"), count: pad)
            for (bad, message) in [([UInt8(0)], "illegal character NUL"), ([UInt8(0xFF)], "illegal UTF-8 encoding")] {
                let (tokens, errors) = GoScanner.tokens(of: prefix + bad + Array(" tail\ny".utf8))
                XCTAssertEqual(errors, [SyntaxError(offset: prefix.count, message: message)], "pad \(pad)")
                XCTAssertEqual(tokens.map(\.kind), [.ident, .comment, .semicolon, .ident, .semicolon, .eof], "pad \(pad)")
            }
            let clean = prefix + Array("é ok\ny".utf8)
            XCTAssertEqual(GoScanner.tokens(of: clean).1, [], "pad \(pad)")
        }
        // A BOM at the very start is skipped silently.
        let (tokens, errors) = GoScanner.tokens(of: [0xEF, 0xBB, 0xBF] + Array("x".utf8))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(tokens.first?.start, 3)
    }
}
