#if canImport(Glibc)
import Glibc
#endif

/// One token from the scanner: its kind and byte range in the source.
///
/// An automatically inserted semicolon has `implicit == true`; its range is the newline it
/// replaces (one byte) or empty at end of file. Literal text is read from the source by range
/// only when a caller needs it, so scanning allocates nothing per token.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int
    public var implicit: Bool

    public init(kind: TokenKind, start: Int, end: Int, implicit: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.implicit = implicit
    }
}

/// A syntax error at a byte offset of one file.
public struct SyntaxError: Sendable, Equatable {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}

/// A byte-level Go scanner (Go 1.27 lexical grammar, with automatic semicolon insertion).
///
/// It works on an unsafe buffer owned by the caller for the scanner's whole life (see
/// `GoScanner.tokens(of:)` and the parser), reports comments as tokens, and collects errors
/// with go/scanner's wording.
public struct GoScanner {
    let src: UnsafeBufferPointer<UInt8>
    /// The next byte to read (set by the scanning code in this file and ScannerNumbers.swift).
    var offset = 0
    private var insertSemi = false
    /// Offset of a newline inside the last block comment, when a semicolon must follow it.
    private var pendingNewline = -1
    public private(set) var errors: [SyntaxError] = []

    public init(_ src: UnsafeBufferPointer<UInt8>) {
        self.src = src
        // A byte order mark is permitted as the very first character only, and is skipped.
        if src.count >= 3, src[0] == 0xEF, src[1] == 0xBB, src[2] == 0xBF { offset = 3 }
        // A UTF-16 byte order mark: the whole file is in the wrong encoding. Say so once and
        // skip the rest instead of reporting every byte.
        if src.count >= 2, (src[0] == 0xFF && src[1] == 0xFE) || (src[0] == 0xFE && src[1] == 0xFF) {
            error(0, "illegal UTF-8 encoding (got UTF-16)")
            offset = src.count
        }
    }

    /// Continues at `offset` as after a token that needs no semicolon (the parser skipping a
    /// block it matched with `BraceSkim`).
    mutating func skip(to offset: Int) {
        self.offset = offset
        insertSemi = false
        pendingNewline = -1
    }

    /// All tokens of `bytes` up to and including EOF, with the scanner's errors.
    public static func tokens(of bytes: [UInt8]) -> (tokens: [Token], errors: [SyntaxError]) {
        bytes.withUnsafeBufferPointer { buf in
            var s = GoScanner(buf)
            var out: [Token] = []
            while true {
                let t = s.scan()
                out.append(t)
                if t.kind == .eof { break }
            }
            return (out, s.errors)
        }
    }

    mutating func error(_ offset: Int, _ message: String) {
        errors.append(SyntaxError(offset: offset, message: message))
    }

    // MARK: - Characters

    @inline(__always) func byte(_ i: Int) -> UInt8 { i < src.count ? src[i] : 0 }

    /// Decodes the UTF-8 sequence at `i`: (scalar value, width), or (-1, 1) when invalid.
    func decode(_ i: Int) -> (Int32, Int) {
        let b0 = src[i]
        if b0 < 0x80 { return (Int32(b0), 1) }
        func cont(_ j: Int) -> Int32? {
            guard j < src.count, src[j] & 0xC0 == 0x80 else { return nil }
            return Int32(src[j] & 0x3F)
        }
        if b0 >= 0xC2 && b0 <= 0xDF, let c1 = cont(i + 1) {
            return ((Int32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF, let c1 = cont(i + 1), let c2 = cont(i + 2) {
            let v = (Int32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            if v >= 0x800 && !(v >= 0xD800 && v <= 0xDFFF) { return (v, 3) }
            return (-1, 1)
        }
        if b0 >= 0xF0 && b0 <= 0xF4, let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) {
            let v = (Int32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if v >= 0x10000 && v <= 0x10FFFF { return (v, 4) }
        }
        return (-1, 1)
    }

    /// Reads the non-ASCII character at `i`, reporting encoding errors as go/scanner does.
    private mutating func nonASCII(at i: Int) -> (Int32, Int) {
        let (r, w) = decode(i)
        if r < 0 {
            error(i, "illegal UTF-8 encoding")
        } else if r == 0xFEFF {
            error(i, "illegal byte order mark")
        }
        return (r, w)
    }

    static func isLetter(_ r: Int32) -> Bool {
        if r < 0x80 {
            let c = UInt8(r) | 0x20
            return (c >= 0x61 && c <= 0x7A) || r == 0x5F
        }
        guard let s = Unicode.Scalar(UInt32(r)) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    static func isDigit(_ r: Int32) -> Bool {
        if r < 0x80 { return r >= 0x30 && r <= 0x39 }
        guard let s = Unicode.Scalar(UInt32(r)) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }

    @inline(__always) static func isASCIIIdentByte(_ b: UInt8) -> Bool {
        let c = b | 0x20
        return (c >= 0x61 && c <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    @inline(__always) static func isDecimal(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool {
        let c = b | 0x20
        return (b >= 0x30 && b <= 0x39) || (c >= 0x61 && c <= 0x66)
    }

    // MARK: - Scan

    /// Scans the next token. After EOF it keeps returning EOF.
    public mutating func scan() -> Token {
        if pendingNewline >= 0 {
            let nl = pendingNewline
            pendingNewline = -1
            return Token(kind: .semicolon, start: nl, end: nl + 1, implicit: true)
        }
        // Skip white space; a newline ends the line's tokens when a semicolon is due.
        while offset < src.count {
            let b = src[offset]
            if b == 0x20 || b == 0x09 || b == 0x0D || (b == 0x0A && !insertSemi) {
                offset += 1
            } else {
                break
            }
        }
        let start = offset
        if offset >= src.count {
            if insertSemi {
                insertSemi = false
                return Token(kind: .semicolon, start: start, end: start, implicit: true)
            }
            return Token(kind: .eof, start: start, end: start)
        }
        let b = src[offset]
        var semi = false
        var kind: TokenKind

        if GoScanner.isASCIIIdentByte(b) && !GoScanner.isDecimal(b) {
            scanIdentifier()
            kind = TokenKind.keyword(src, start, offset)
            switch kind {
            case .ident, .break, .continue, .fallthrough, .return: semi = true
            default: break
            }
        } else if GoScanner.isDecimal(b) || (b == 0x2E && GoScanner.isDecimal(byte(offset + 1))) {
            semi = true
            kind = scanNumber()
        } else if b >= 0x80 {
            let (r, w) = nonASCII(at: offset)
            if r >= 0 && GoScanner.isLetter(r) {
                scanIdentifier()
                kind = .ident
                semi = true
            } else {
                offset += w
                if r == 0x201C || r == 0x201D {
                    error(start, "curly quotation mark \(GoScanner.quoteRune(r)) (use neutral '\"')")
                } else if r >= 0 && r != 0xFEFF {
                    error(start, "illegal character \(GoScanner.describeRune(r))")
                }
                kind = .illegal
                semi = insertSemi
            }
        } else {
            offset += 1
            switch b {
            case 0x0A:  // only reached when a semicolon is due
                insertSemi = false
                return Token(kind: .semicolon, start: start, end: offset, implicit: true)
            case 0x22: semi = true; kind = .string; scanString(start)
            case 0x27: semi = true; kind = .char; scanRune(start)
            case 0x60: semi = true; kind = .string; scanRawString(start)
            case 0x3A: kind = take(0x3D) ? .define : .colon
            case 0x2E:
                kind = .period
                if byte(offset) == 0x2E && byte(offset + 1) == 0x2E {
                    offset += 2
                    kind = .ellipsis
                }
            case 0x2C: kind = .comma
            case 0x3B: kind = .semicolon
            case 0x28: kind = .lparen
            case 0x29: semi = true; kind = .rparen
            case 0x5B: kind = .lbrack
            case 0x5D: semi = true; kind = .rbrack
            case 0x7B: kind = .lbrace
            case 0x7D: semi = true; kind = .rbrace
            case 0x2B:
                kind = take(0x3D) ? .addAssign : take(0x2B) ? .inc : .add
                semi = kind == .inc
            case 0x2D:
                kind = take(0x3D) ? .subAssign : take(0x2D) ? .dec : .sub
                semi = kind == .dec
            case 0x2A: kind = take(0x3D) ? .mulAssign : .mul
            case 0x2F:
                let c = byte(offset)
                if c == 0x2F || c == 0x2A {
                    let newline = scanComment(start)
                    if insertSemi && newline >= 0 {
                        pendingNewline = newline
                        insertSemi = false
                    }
                    return Token(kind: .comment, start: start, end: offset)
                }
                kind = take(0x3D) ? .quoAssign : .quo
            case 0x25: kind = take(0x3D) ? .remAssign : .rem
            case 0x5E: kind = take(0x3D) ? .xorAssign : .xor
            case 0x3C:
                if take(0x2D) { kind = .arrow }
                else if take(0x3D) { kind = .leq }
                else if take(0x3C) { kind = take(0x3D) ? .shlAssign : .shl }
                else { kind = .lss }
            case 0x3E:
                if take(0x3D) { kind = .geq }
                else if take(0x3E) { kind = take(0x3D) ? .shrAssign : .shr }
                else { kind = .gtr }
            case 0x3D: kind = take(0x3D) ? .eql : .assign
            case 0x21: kind = take(0x3D) ? .neq : .not
            case 0x26:
                if take(0x5E) { kind = take(0x3D) ? .andNotAssign : .andNot }
                else if take(0x3D) { kind = .andAssign }
                else { kind = take(0x26) ? .land : .and }
            case 0x7C:
                if take(0x3D) { kind = .orAssign } else { kind = take(0x7C) ? .lor : .or }
            case 0x7E: kind = .tilde
            default:
                if b == 0 {
                    error(start, "illegal character NUL")
                } else {
                    error(start, "illegal character \(GoScanner.describeRune(Int32(b)))")
                }
                kind = .illegal
                semi = insertSemi
            }
        }
        insertSemi = semi
        return Token(kind: kind, start: start, end: offset)
    }

    @inline(__always) mutating func take(_ c: UInt8) -> Bool {
        if offset < src.count && src[offset] == c {
            offset += 1
            return true
        }
        return false
    }

    private mutating func scanIdentifier() {
        while offset < src.count {
            let b = src[offset]
            if GoScanner.isASCIIIdentByte(b) {
                offset += 1
            } else if b >= 0x80 {
                let (r, w) = decode(offset)
                if r >= 0 && (GoScanner.isLetter(r) || GoScanner.isDigit(r)) {
                    offset += w
                } else {
                    break
                }
            } else {
                break
            }
        }
    }

    // MARK: - Comments

    /// Scans a comment starting at `start` ("//" or "/*"); returns the offset of the first
    /// newline inside a block comment, or -1.
    private mutating func scanComment(_ start: Int) -> Int {
        if src[offset] == 0x2F {
            // Line comment: the final newline is not part of it. Most comments are plain
            // ASCII: find the newline with memchr and check eight bytes at a time; only a
            // comment with a NUL or a non-ASCII byte is read character by character.
            offset += 1
            let base = src.baseAddress!
            let end = memchr(base + offset, 0x0A, src.count - offset).map {
                UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base
            } ?? src.count
            if GoScanner.isPlainASCII(src, offset, end) {
                offset = end
                return -1
            }
            while offset < end {
                checkByte(offset)
            }
            return -1
        }
        offset += 1
        var newline = -1
        while offset < src.count {
            let b = src[offset]
            if b == 0x2A && byte(offset + 1) == 0x2F {
                offset += 2
                return newline
            }
            if b == 0x0A && newline < 0 { newline = offset }
            checkByte(offset)
        }
        error(start, "comment not terminated")
        return newline
    }

    /// Whether `src[from..<to]` holds only ASCII bytes other than NUL (eight at a time).
    static func isPlainASCII(_ src: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        let raw = UnsafeRawPointer(src.baseAddress!)
        while i + 8 <= to {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte >= 0x80, or a zero byte (the classic has-zero-byte test).
            if (w | ((w &- 0x0101_0101_0101_0101) & ~w)) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < to {
            let b = src[i]
            if b == 0 || b >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Advances over one character at `i` == offset, reporting NUL and bad encodings.
    @inline(__always) private mutating func checkByte(_ i: Int) {
        let b = src[i]
        if b == 0 {
            error(i, "illegal character NUL")
            offset += 1
        } else if b < 0x80 {
            offset += 1
        } else {
            offset += nonASCII(at: i).1
        }
    }

    // MARK: - Strings and runes

    /// Scans an escape after '\\' (offset at the character after the backslash).
    private mutating func scanEscape(quote: UInt8) -> Bool {
        let start = offset
        var n = 0
        var base: UInt32 = 0
        var max: UInt32 = 0
        let c = byte(offset)
        switch c {
        case 0x61, 0x62, 0x66, 0x6E, 0x72, 0x74, 0x76, 0x5C, quote:
            offset += 1
            return true
        case 0x30...0x37: n = 3; base = 8; max = 255
        case 0x78: offset += 1; n = 2; base = 16; max = 255
        case 0x75: offset += 1; n = 4; base = 16; max = 0x10FFFF
        case 0x55: offset += 1; n = 8; base = 16; max = 0x10FFFF
        default:
            error(start, offset >= src.count ? "escape sequence not terminated" : "unknown escape sequence")
            return false
        }
        var x: UInt32 = 0
        while n > 0 {
            guard offset < src.count else {
                error(offset, "escape sequence not terminated")
                return false
            }
            let b = src[offset]
            var d: UInt32 = 16
            if GoScanner.isDecimal(b) { d = UInt32(b - 0x30) } else if GoScanner.isHex(b) { d = UInt32((b | 0x20) - 0x61 + 10) }
            if d >= base {
                let r: Int32 = b < 0x80 ? Int32(b) : decode(offset).0
                error(offset, "illegal character \(GoScanner.describeRune(r)) in escape sequence")
                return false
            }
            x = x &* base &+ d
            offset += 1
            n -= 1
        }
        if x > max || (x >= 0xD800 && x < 0xE000) {
            error(start, "escape sequence is invalid Unicode code point")
            return false
        }
        return true
    }

    private mutating func scanRune(_ start: Int) {
        var valid = true
        var n = 0
        while true {
            guard offset < src.count, src[offset] != 0x0A else {
                if valid {
                    error(start, "rune literal not terminated")
                    valid = false
                }
                break
            }
            let b = src[offset]
            checkByte(offset)
            if b == 0x27 { break }
            n += 1
            if b == 0x5C {
                if !scanEscape(quote: 0x27) { valid = false }
            }
        }
        if valid && n != 1 { error(start, "illegal rune literal") }
    }

    private mutating func scanString(_ start: Int) {
        while true {
            guard offset < src.count, src[offset] != 0x0A else {
                error(start, "string literal not terminated")
                return
            }
            let b = src[offset]
            if b == 0x22 {
                offset += 1
                return
            }
            checkByte(offset)
            if b == 0x5C { _ = scanEscape(quote: 0x22) }
        }
    }

    private mutating func scanRawString(_ start: Int) {
        while offset < src.count {
            let b = src[offset]
            if b == 0x60 {
                offset += 1
                return
            }
            checkByte(offset)
        }
        error(start, "raw string literal not terminated")
    }

    // MARK: - Messages

    /// A rune as Go's %#U prints it: "U+00AB '«'" (the quoted form only when printable).
    static func describeRune(_ r: Int32) -> String {
        var hex = String(UInt32(max(r, 0)), radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        guard r >= 0, let s = Unicode.Scalar(UInt32(r)), isPrintable(s) else { return "U+" + hex }
        return "U+\(hex) '\(Character(s))'"
    }

    static func quoteRune(_ r: Int32) -> String {
        guard let s = Unicode.Scalar(UInt32(r)) else { return "'\\ufffd'" }
        return "'\(Character(s))'"
    }

    private static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return s == " "
        default:
            return true
        }
    }
}
