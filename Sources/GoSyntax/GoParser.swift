/// The result of parsing one file: the (possibly partial) tree, its `SourceFile` (name,
/// base, line table) and the syntax errors, sorted, at most one per line.
public struct ParsedFile: Sendable {
    public var file: File
    public var source: SourceFile
    public var errors: [SyntaxError]
    /// The offsets of the tokens that are one of the words the parse was asked to watch, in
    /// order; nil when it watched none or the file has syntax errors (the parser may have
    /// stopped before the end).
    public var watched: WatchedTokens?
    /// How much of the file the tree holds.
    public var depth: GoParser.Depth = .full
    /// The indices of the top-level declarations an outline left something out of (a body
    /// or composite literal value without a watched word): empty for a whole tree.
    public var skippedDecls: [Int] = []
    /// Whether comments were collected (outside what an outline left out).
    public var hasComments = true

    /// Errors as `path:line:col: message`, the form gofmt prints.
    public var formattedErrors: [String] {
        errors.map { "\(source.position(ofOffset: $0.offset)): \($0.message)" }
    }

    public func position(_ pos: Pos) -> Position { source.position(pos) }
}

/// Where a file's tokens that are one of some words (keywords or identifiers, never words in
/// comments or strings) are, as the parser read them.
public struct WatchedTokens: Sendable {
    /// Each watched word's token offsets, in order.
    public var offsets: [String: [Int]]

    /// The offsets of the tokens that are one of `words`, in order; nil when one of them was
    /// not watched.
    public func offsets(of words: Set<String>) -> [Int]? {
        var out: [Int] = []
        for w in words {
            guard let o = offsets[w] else { return nil }
            out += o
        }
        return words.count > 1 ? out.sorted() : out
    }
}

/// Entry points of the front end.
public enum GoParser {
    /// How much of a file to build a tree for.
    public enum Depth: Sendable, Equatable {
        /// Everything.
        case full
        /// Everything but the statements of function bodies (declarations' and literals') and
        /// the elements of composite literals that hold none of the watched words: such a body
        /// or literal value is only matched brace for brace (`BraceSkim`, which reads comments
        /// and literals but no tokens) and left empty, so its grammar and tokens are not
        /// checked. One that holds a watched word is parsed whole, so every watched word's
        /// offset is recorded. The package-level names, imports, types, signatures and
        /// positions are those of the full tree.
        case declarations
        /// The package clause and the imports only, when none of the file's tokens is a
        /// watched word and its braces pair up (`BraceSkim.isQuiet` decides; where it gives
        /// up, or a word is there, the file is parsed as `.declarations`, which
        /// `ParsedFile.depth` then says). The declarations are not read at all, nor their
        /// syntax checked: this is what a package needs of a file in which no rule can report,
        /// to be formed. The driver parses such a file's declarations only when a rule or the
        /// name resolution asks for them (`SourceUnit.outline`).
        case imports
        /// Every token parsed and its syntax checked, as `.full`, but each statement and each
        /// composite literal element is dropped once parsed: the tree keeps the declarations
        /// with empty bodies and literal values. A syntax check needs no more, and freeing
        /// a statement's few nodes at once is far cheaper than freeing a file's tree.
        case syntax
    }

    /// Parses one Go source file. Never fails: bad input yields a partial tree and errors.
    ///
    /// Parsing runs on a thread with a large stack (see `BigStack`), so deeply nested input
    /// meets the parser's explicit nesting limit long before the stack ends.
    /// - Parameters:
    ///   - base: the file's base in a `FileSet` (`FileSet.reserveBase`); 1 for a lone file.
    public static func parse(name: String, bytes: [UInt8], base: Int = 1, watch: Set<String> = [],
                             depth: Depth = .full) -> ParsedFile {
        BigStack.run { parseOnCurrentThread(name: name, bytes: bytes, base: base, watch: watch, depth: depth) }
    }

    /// Parses on the calling thread, which must have a large stack (a `BigStack` worker).
    /// With `watch`, the offsets of the tokens that are one of those words are recorded
    /// (`ParsedFile.watched`).
    /// Without `comments`, no comment is collected (a syntax check or an outline needs none).
    public static func parseOnCurrentThread(name: String, bytes: [UInt8], base: Int = 1,
                                            watch: Set<String> = [], depth: Depth = .full,
                                            comments: Bool = true) -> ParsedFile {
        bytes.withUnsafeBufferPointer { buf in
            // Only comments need the line table while parsing (to group them); without them
            // it is made when a position is first asked for.
            let lines = comments ? SourceFile.lineStarts(of: buf) : []
            // (TokenWords drops an empty word: the offsets must line up with these.)
            let words = Array(watch).filter { !$0.isEmpty }
            let tokenWords = TokenWords(words)
            let depth = depth == .imports && !BraceSkim.isQuiet(buf, tokenWords) ? .declarations : depth
            var p = Parser(src: buf, base: base, lineStarts: lines, watch: tokenWords,
                           skipBodies: depth == .declarations, importsOnly: depth == .imports, dropsBodies: depth == .syntax,
                           keepComments: comments)
            let file = p.parseFile()
            let source = comments ? SourceFile(name: name, base: base, size: buf.count, lineStarts: lines)
                : SourceFile(name: name, base: base, bytes: bytes)
            let errors = p.errors.isEmpty ? [] : sortedErrors(p.errors, lines: source.lineStarts)
            let watched = watch.isEmpty || !p.errors.isEmpty ? nil
                : WatchedTokens(offsets: Dictionary(uniqueKeysWithValues: zip(words, p.watched)))
            return ParsedFile(file: file, source: source, errors: errors, watched: watched, depth: depth,
                              skippedDecls: p.skippedDecls, hasComments: comments)
        }
    }

    /// Every comment of a file, in source order, read from its tokens without a parse: the
    /// comments of the whole tree's groups, for a tree parsed without them.
    public static func comments(in bytes: [UInt8], base: Int) -> [Comment] {
        bytes.withUnsafeBufferPointer { buf in
            var scanner = GoScanner(buf)
            var out: [Comment] = []
            while true {
                let t = scanner.scan()
                if t.kind == .eof { return out }
                if t.kind == .comment {
                    out.append(Comment(slash: Pos(base + t.start), text: Parser.textStrippingCR(buf, t.start, t.end, comment: true),
                                       length: t.end - t.start))
                }
            }
        }
    }

    /// Sorts errors by position and keeps the first error of each line, as gofmt reports.
    static func sortedErrors(_ errors: [SyntaxError], lines: [Int]) -> [SyntaxError] {
        guard !errors.isEmpty else { return [] }
        let source = SourceFile(name: "", base: 1, size: 0, lineStarts: lines)
        let sorted = errors.enumerated().sorted { a, b in
            a.element.offset != b.element.offset ? a.element.offset < b.element.offset : a.offset < b.offset
        }.map(\.element)
        var out: [SyntaxError] = []
        var lastLine = -1
        for e in sorted {
            let line = source.position(ofOffset: e.offset).line
            if line != lastLine {
                out.append(e)
                lastLine = line
            }
        }
        return out
    }
}
