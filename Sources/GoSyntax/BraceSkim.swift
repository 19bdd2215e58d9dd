#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Finds the brace that closes a block without scanning its tokens: a loop over bytes that
/// knows only what can hide a brace (comments, string, raw string and rune literals) and,
/// when asked, whether one of a few words occurs among the block's identifiers and keywords.
/// An outline (`GoParser.Depth.declarations`) skips the bodies it leaves empty with it.
///
/// It is exact on source the scanner reads without errors. Where a literal or comment is not
/// closed as the scanner needs (a newline in a string or rune literal, a comment or raw
/// string running to the end of the file, no closing brace) it gives up, and the parser
/// parses the block instead, so those errors are reported as before. Other lexical errors
/// inside a skipped block (an illegal character, a malformed number or escape) are not seen:
/// like grammar errors there, they are `deferlab parse`'s and the compiler's to report.
enum BraceSkim {
    /// What one byte can start, outside comments and literals.
    private enum Class: UInt8 {
        case other = 0, ident, digit, open, close, slash, quote, apostrophe, backquote
    }

    /// Byte classes, indexed by byte; bytes from 0x80 on are identifier bytes (a non-ASCII
    /// character outside literals and comments is a letter or digit of an identifier in
    /// source that scans without errors).
    private static let classes: [UInt8] = (0...255).map { b -> UInt8 in
        let c: Class
        switch UInt8(b) {
        case 0x30...0x39: c = .digit
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x80...0xFF: c = .ident
        case 0x7B: c = .open
        case 0x7D: c = .close
        case 0x2F: c = .slash
        case 0x22: c = .quote
        case 0x27: c = .apostrophe
        case 0x60: c = .backquote
        default: c = .other
        }
        return c.rawValue
    }

    /// The offset of the `}` that closes the block whose `{` ends just before `start`, when
    /// the block holds none of `words` as a token; nil when it holds one or the skim gave up.
    static func closingBrace(_ src: UnsafeBufferPointer<UInt8>, from start: Int, words: TokenWords) -> Int? {
        classes.withUnsafeBufferPointer { cls in
            let n = src.count
            var i = start
            var depth = 1
            while i < n {
                let b = src[i]
                switch Class(rawValue: cls[Int(b)]).unsafelyUnwrapped {
                case .other:
                    i += 1
                case .ident:
                    let s = i
                    i += 1
                    while i < n && cls[Int(src[i])] &- 1 < 2 { i += 1 }
                    if !words.isEmpty && words.holds(src, s, i) { return nil }
                case .digit:
                    // A number: in source without errors no word follows one directly; where
                    // one might be glued to it (`1.5defer`, an error), give up.
                    let s = i
                    i += 1
                    while i < n && cls[Int(src[i])] &- 1 < 2 { i += 1 }
                    if !words.isEmpty && i - s > 2 && words.occurs(src, s, i) { return nil }
                case .open:
                    depth += 1
                    i += 1
                case .close:
                    depth -= 1
                    if depth == 0 { return i }
                    i += 1
                case .slash:
                    guard i + 1 < n else { return nil }
                    if src[i + 1] == 0x2F {
                        guard let nl = find(0x0A, src, from: i + 2) else { return nil }
                        i = nl + 1
                    } else if src[i + 1] == 0x2A {
                        guard let end = blockCommentEnd(src, from: i + 2) else { return nil }
                        i = end
                    } else {
                        i += 1
                    }
                case .quote, .apostrophe:
                    guard let end = quotedEnd(src, from: i + 1, closing: b) else { return nil }
                    i = end
                case .backquote:
                    guard let q = find(0x60, src, from: i + 1) else { return nil }
                    i = q + 1
                }
            }
            return nil
        }
    }

    /// The offset of the first `byte` at or after `from`.
    @inline(__always)
    private static func find(_ byte: UInt8, _ src: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < src.count, let base = src.baseAddress,
              let p = memchr(base + from, Int32(byte), src.count - from) else { return nil }
        return UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base
    }

    /// The offset just after the `*/` that ends a block comment whose body starts at `from`.
    private static func blockCommentEnd(_ src: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while let star = find(0x2A, src, from: i) {
            if star + 1 < src.count && src[star + 1] == 0x2F { return star + 2 }
            i = star + 1
        }
        return nil
    }

    /// The offset just after the closing quote of a string or rune literal whose contents
    /// start at `from`; nil at a newline or the end of the file (not terminated).
    private static func quotedEnd(_ src: UnsafeBufferPointer<UInt8>, from: Int, closing: UInt8) -> Int? {
        var i = from
        let n = src.count
        while i < n {
            let b = src[i]
            if b == closing { return i + 1 }
            if b == 0x0A { return nil }
            i += b == 0x5C ? 2 : 1
        }
        return nil
    }
}

extension TokenWords {
    /// Whether the identifier or keyword at `start..<end` is one of the words.
    @inline(__always)
    func holds(_ src: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        for w in words where w.count == length {
            var k = 0
            while k < length && src[start + k] == w[k] { k += 1 }
            if k == length { return true }
        }
        return false
    }

    /// Whether one of the words occurs anywhere in `start..<end`.
    func occurs(_ src: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for w in words where w.count <= end - start {
            for s in start...(end - w.count) {
                var k = 0
                while k < w.count && src[s + k] == w[k] { k += 1 }
                if k == w.count { return true }
            }
        }
        return false
    }
}
