import Synchronization

/// A few words (keywords or identifiers) to recognise among a file's tokens: the parser's
/// watched words and the analysis prefilter's scan share this one comparison.
public struct TokenWords: Sendable {
    public let words: [[UInt8]]

    /// `BraceSkim`'s byte classes for these words.
    let skimClasses: [UInt8]
    /// Where `BraceSkim`'s loops stop, for these words.
    let skimStops: BraceSkim.Stops

    /// Made once per list of words: parsers and the prefilter ask for theirs for every file,
    /// and the stop tables are 16 KB.
    public init(_ words: [String]) {
        if let made = TokenWords.made.withLock({ $0[words] }) {
            self = made
            return
        }
        self.words = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
        skimClasses = BraceSkim.classes(wordStarts: self.words)
        skimStops = BraceSkim.stops(classes: skimClasses)
        let made = self
        TokenWords.made.withLock { $0[words] = made }
    }

    private static let made = Mutex<[[String]: TokenWords]>([:])

    public var isEmpty: Bool { words.isEmpty }

    /// The index of the word the token `kind` at `start..<end` of `src` is, if any (only
    /// identifiers and keywords can be one).
    @inline(__always)
    public func index(of kind: TokenKind, _ src: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard kind == .ident || kind.isKeyword else { return nil }
        let length = end - start
        for (j, w) in words.enumerated() where w.count == length {
            var k = 0
            while k < length && src[start + k] == w[k] { k += 1 }
            if k == length { return j }
        }
        return nil
    }
}
