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
public enum BraceSkim {
    /// What a byte can start, outside comments and literals; a word's first byte only where
    /// words are looked for (`TokenWords.skimClasses`). Every other byte (white space,
    /// operators and the rest of identifiers) is skipped by the tight loop.
    static let other: UInt8 = 0, wordStart: UInt8 = 1, open: UInt8 = 2, close: UInt8 = 3,
               slash: UInt8 = 4, quote: UInt8 = 5, apostrophe: UInt8 = 6, backquote: UInt8 = 7,
               digit: UInt8 = 8

    /// The classes of the bytes that hide or match braces, for `words`' first bytes too, and
    /// the digits that may start a number a word is glued to (without words, none is).
    static func classes(wordStarts: [[UInt8]]) -> [UInt8] {
        var table = [UInt8](repeating: other, count: 256)
        if !wordStarts.isEmpty { for b in UInt8(0x30)...0x39 { table[Int(b)] = digit } }
        for w in wordStarts { if let b = w.first { table[Int(b)] = wordStart } }
        table[0x7B] = open
        table[0x7D] = close
        table[0x2F] = slash
        table[0x22] = quote
        table[0x27] = apostrophe
        table[0x60] = backquote
        return table
    }

    /// Where the skim's tight loops stop, by the pair (byte before, byte): one bit per pair,
    /// 8 KB a table. Only a word start or a digit after a byte that is no identifier's stops
    /// them (inside an identifier, `d` in `found`, neither starts a token, and a word can only
    /// be glued to a number, which the skim reads through from its first digit), and the
    /// bytes that start comments and literals, and braces, do.
    struct Stops: Sendable {
        /// `closingBrace`'s and `isQuiet`'s.
        let block: [UInt64]
        /// `words`': braces do not stop it.
        let words: [UInt64]
    }

    /// The stop tables of a class table (`TokenWords` makes them once per list of words).
    static func stops(classes: [UInt8]) -> Stops {
        var block = [UInt64](repeating: 0, count: 1024), words = block
        for prev in 0..<256 {
            let inIdentifier = isIdentByte(UInt8(prev))
            for b in 0..<256 {
                let c = classes[b]
                guard c != other, !((c == wordStart || c == digit) && inIdentifier) else { continue }
                let pair = prev << 8 | b
                block[pair >> 6] |= 1 << UInt64(pair & 63)
                if c != open && c != close { words[pair >> 6] |= 1 << UInt64(pair & 63) }
            }
        }
        return Stops(block: block, words: words)
    }

    /// The first offset from `i` (> 0) at which the pair (byte before, byte) stops a loop of
    /// table `stops`; the end of `src` if none does.
    @inline(__always)
    private static func nextStop(_ stops: UnsafeBufferPointer<UInt64>, _ src: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        let n = src.count
        guard i < n, let bytes = src.baseAddress, let table = stops.baseAddress else { return n }
        var i = i
        var prev = UInt32(bytes[i &- 1])
        while i < n {
            let b = UInt32(bytes[i])
            let pair = prev &<< 8 | b
            if table[Int(pair &>> 6)] & (1 &<< UInt64(pair & 63)) != 0 { return i }
            prev = b
            i &+= 1
        }
        return n
    }

    /// Past the run of identifier bytes that starts with a digit at `i` (a number, with what
    /// may be glued to it); nil when a word is glued to it (`1.5defer`, `0xAgo`: the scanner
    /// reads a number and a word, a syntax error the parser reports).
    @inline(__always)
    private static func pastNumber(_ src: UnsafeBufferPointer<UInt8>, _ i: Int, _ cls: UnsafeBufferPointer<UInt8>,
                                   _ words: TokenWords) -> Int? {
        var j = i + 1
        while j < src.count && isIdentByte(src[j]) {
            if cls[Int(src[j])] == wordStart && match(src, j, words) != .none { return nil }
            j += 1
        }
        return j
    }

    /// What a word found at `i` is: not one (inside an identifier), a token, or unknown (glued
    /// to a number before it, `1.5defer`: an error the scanner reads as a number and a word).
    private enum Match { case none, token, unknown }

    @inline(__always)
    private static func match(_ src: UnsafeBufferPointer<UInt8>, _ i: Int, _ words: TokenWords) -> Match {
        let n = src.count
        for w in words.words where w[0] == src[i] && i + w.count <= n {
            var k = 1
            while k < w.count && src[i + k] == w[k] { k += 1 }
            guard k == w.count, i + k == n || !isIdentByte(src[i + k]) else { continue }
            guard i > 0, isIdentByte(src[i - 1]) else { return .token }
            // Inside a run of identifier bytes: an identifier's, or a number's.
            var s = i - 1
            while s > 0 && isIdentByte(src[s - 1]) { s -= 1 }
            return src[s] >= 0x30 && src[s] <= 0x39 ? .unknown : .none
        }
        return .none
    }

    /// Letters, digits and `_`; bytes from 0x80 on are taken as letters (outside comments and
    /// literals, a non-ASCII character is one in source that scans without errors).
    @inline(__always)
    static func isIdentByte(_ b: UInt8) -> Bool {
        let c = b | 0x20
        return (c >= 0x61 && c <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b >= 0x80
    }

    /// The offset of the `}` that closes the block whose `{` ends just before `start`, when
    /// the block holds none of `words` as a token; nil when it holds one or the skim gave up.
    static func closingBrace(_ src: UnsafeBufferPointer<UInt8>, from start: Int, words: TokenWords) -> Int? {
        // The byte before `start` is the block's `{`.
        precondition(start > 0, "a block's contents follow its brace")
        if case .closed(let at) = skim(src, from: start, depth: 1, words, quiet: true) { return at }
        return nil
    }

    /// The offsets of the file's tokens that are one of `words`, in order; nil when the skim
    /// gave up (a literal or comment left open, a word glued to a number): the caller then
    /// asks the scanner.
    public static func words(_ src: UnsafeBufferPointer<UInt8>, _ words: TokenWords) -> [Int]? {
        if case .end(let found) = skim(src, from: 0, depth: 0, words, quiet: false) { return found }
        return nil
    }

    /// Whether none of the file's tokens is one of `words` and its braces pair up (outside
    /// comments and literals): false when a word is found or the skim gives up. A file cut
    /// short inside a block is no quiet one, so its parse reports it.
    public static func isQuiet(_ src: UnsafeBufferPointer<UInt8>, _ words: TokenWords) -> Bool {
        if case .end(let found) = skim(src, from: 0, depth: 0, words, quiet: true) { return found.isEmpty }
        return false
    }

    /// How a skim ended.
    private enum Skim {
        /// At the offset of the `}` that closed the block the skim started in.
        case closed(Int)
        /// At the end of the source, with the braces paired, and the words' offsets found.
        case end([Int])
        /// A word found by a `quiet` skim, unpaired braces, a literal or comment left open, or
        /// a word glued to a number.
        case gaveUp
    }

    /// The skim's one loop, from `start` at brace depth `depth` (> 0: inside a block, which
    /// ends the skim when it closes). Without `quiet` it records the words' offsets and
    /// passes over braces (they are counted only where they stop the loop: at the first byte);
    /// with it, braces are counted and the first word ends the skim.
    @inline(__always)
    private static func skim(_ src: UnsafeBufferPointer<UInt8>, from start: Int, depth startDepth: Int, _ words: TokenWords,
                             quiet: Bool) -> Skim {
        let table = quiet ? words.skimStops.block : words.skimStops.words
        return words.skimClasses.withUnsafeBufferPointer { cls in table.withUnsafeBufferPointer { stop -> Skim in
            let n = src.count
            var found: [Int] = []
            var depth = startDepth
            var i = start
            // The first byte of the file has no byte before it: its class alone says whether it stops.
            if i == 0 && n > 0 {
                let c = cls[Int(src[0])]
                if c == other || !quiet && (c == open || c == close) { i = 1 }
            }
            while true {
                if i > 0 { i = nextStop(stop, src, from: i) }
                guard i < n else { return ended(depth, startDepth, found) }
                let c = cls[Int(src[i])]
                switch c {
                case wordStart:
                    switch match(src, i, words) {
                    case .none: break
                    case .token:
                        if quiet { return .gaveUp }
                        found.append(i)
                    case .unknown: return .gaveUp
                    }
                    i += 1
                case digit:
                    guard let next = pastNumber(src, i, cls, words) else { return .gaveUp }
                    i = next
                case open:
                    depth += 1
                    i += 1
                case close:
                    depth -= 1
                    if depth == 0 && startDepth > 0 { return .closed(i) }
                    if depth < 0 { return .gaveUp }
                    i += 1
                case slash where i + 1 < n && src[i + 1] == 0x2F:
                    // A line comment may end the file.
                    guard let nl = find(0x0A, src, from: i + 2) else { return ended(depth, startDepth, found) }
                    i = nl + 1
                case slash where i + 1 == n:
                    return ended(depth, startDepth, found)
                default:
                    guard let next = skipQuoted(src, at: i, c) else { return .gaveUp }
                    i = next
                }
            }
        } }
    }

    /// The end of the source reached at brace depth `depth`: the end of a file whose braces
    /// pair up, or a block that did not close.
    @inline(__always)
    private static func ended(_ depth: Int, _ startDepth: Int, _ found: [Int]) -> Skim {
        depth == 0 && startDepth == 0 ? .end(found) : .gaveUp
    }

    /// Past the comment or literal that starts at `i` (class `c`; a slash that starts neither
    /// is one byte); nil when it is not closed as the scanner needs.
    @inline(__always)
    private static func skipQuoted(_ src: UnsafeBufferPointer<UInt8>, at i: Int, _ c: UInt8) -> Int? {
        let n = src.count
        switch c {
        case slash:
            guard i + 1 < n else { return nil }
            if src[i + 1] == 0x2F {
                guard let nl = find(0x0A, src, from: i + 2) else { return nil }
                return nl + 1
            }
            if src[i + 1] == 0x2A { return blockCommentEnd(src, from: i + 2) }
            return i + 1
        case quote, apostrophe:
            return quotedEnd(src, from: i + 1, closing: src[i])
        default:
            return find(0x60, src, from: i + 1).map { $0 + 1 }
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
            if b == 0x5C {
                // An escape: a newline cannot follow the backslash either.
                if i + 1 < n && src[i + 1] == 0x0A { return nil }
                i += 2
            } else {
                i += 1
            }
        }
        return nil
    }
}

