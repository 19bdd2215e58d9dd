import GoSyntax

/// Keeps trailing `//` comments aligned the way gofmt aligns them after a fix moves lines:
/// gofmt lines up the trailing comments of consecutive lines at the same indentation (a blank
/// line, a line without a trailing comment or another indentation ends the run), one space
/// after the longest code. A fix that moves a commented line out of such a run, or into one,
/// would leave the file for gofmt to redo; `adjust` adds the padding changes to the fix's own
/// edits, so what is reported, shown in a diff and written is the same gofmt-clean text.
public enum CommentAlignment {
    /// The edits plus the padding changes the runs around them need. Runs that hold code with
    /// alignment of its own (two spaces in a row) are left alone.
    public static func adjust(_ edits: [TextEdit], in original: [UInt8]) -> [TextEdit] {
        adjust(edits, in: original) { FileContext(original) }
    }

    /// `adjust` for one of many fixes of a file: `context` gives the file's comment table,
    /// made once (the caller keeps it), so only the lines around the edits are scanned again.
    public static func adjust(_ edits: [TextEdit], in original: [UInt8], context: () -> FileContext) -> [TextEdit] {
        guard !edits.isEmpty, let sorted = try? TextEditApplier.validated(edits, size: original.count) else { return edits }
        // Only a line next to or inside an edit can need new padding, and only if it has a
        // `//` comment: without one anywhere there, nothing changes (and the whole file need
        // not be scanned — a file with hundreds of fixes would otherwise be scanned as often).
        guard sorted.contains(where: { mayTouchComment($0, original) }) else { return edits }
        let (text, pieces) = applied(sorted, to: original)

        let lines = Lines(text)
        // Lines next to or inside an edit.
        var touched = Set<Int>()
        for p in pieces {
            guard case .edit = p.source else { continue }
            let first = lines.index(of: p.range.lowerBound), last = lines.index(of: max(p.range.lowerBound, p.range.upperBound - 1))
            for l in max(0, first - 1)...min(lines.count - 1, last + 1) { touched.insert(l) }
        }
        guard !touched.isEmpty else { return edits }
        let comments = NewTextComments(text: text, lines: lines, pieces: pieces.map { p in
            if case .original(let delta) = p.source { return (p.range, delta) }
            return (p.range, nil)
        }, context: context())
        var changes: [(range: Range<Int>, padding: String)] = []
        var done = Set<Int>()
        for l in touched.sorted() where comments[l] != nil && !done.contains(l) {
            // The run of lines around l.
            var lo = l, hi = l
            while lo > 0, comments[lo - 1] != nil, lines.indent(lo - 1, in: text) == lines.indent(l, in: text) { lo -= 1 }
            while hi + 1 < lines.count, comments[hi + 1] != nil, lines.indent(hi + 1, in: text) == lines.indent(l, in: text) { hi += 1 }
            for k in lo...hi { done.insert(k) }
            let run = (lo...hi).map { comments[$0]! }
            if run.contains(where: { $0.hasInnerAlignment }) { continue }
            let width = run.map(\.codeWidth).max()!
            for c in run {
                let padding = String(repeating: " ", count: width - c.codeWidth + 1)
                if Array(text[c.gap]) != Array(padding.utf8) { changes.append((c.gap, padding)) }
            }
        }
        guard !changes.isEmpty else { return edits }
        // Back to the fix: a change in original text becomes an edit of its own; a change in
        // inserted text rewrites that insertion.
        var out = sorted
        var patches: [Int: [(Range<Int>, String)]] = [:]
        for change in changes {
            guard let p = pieces.first(where: { $0.range.lowerBound <= change.range.lowerBound && change.range.upperBound <= $0.range.upperBound })
            else { continue }
            switch p.source {
            case .original(let delta):
                let lo = change.range.lowerBound - delta, hi = change.range.upperBound - delta
                out.append(.replace(lo..<hi, with: change.padding))
            case .edit(let k):
                patches[k, default: []].append((change.range.lowerBound - p.range.lowerBound ..< change.range.upperBound - p.range.lowerBound, change.padding))
            }
        }
        for (k, list) in patches {
            var bytes = Array(out[k].newText.utf8)
            for (r, padding) in list.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { bytes.replaceSubrange(r, with: Array(padding.utf8)) }
            out[k].newText = String(decoding: bytes, as: UTF8.self)
        }
        // Never hand back edits that no longer fit together.
        return (try? TextEditApplier.validated(out, size: original.count)) != nil ? out : edits
    }

    /// Where a piece of the fixed text comes from: the original (at `delta` from where it was)
    /// or edit number k.
    enum Source { case original(delta: Int), edit(Int) }

    /// The text after sorted, validated edits, and its pieces in order.
    static func applied(_ sorted: [TextEdit], to original: [UInt8]) -> (text: [UInt8], pieces: [(range: Range<Int>, source: Source)]) {
        var text: [UInt8] = []
        var pieces: [(range: Range<Int>, source: Source)] = []
        var cursor = 0
        for (k, e) in sorted.enumerated() {
            let keep = text.count
            text += original[cursor..<e.offset]
            pieces.append((keep..<text.count, .original(delta: text.count - e.offset)))
            let inserted = text.count
            text += Array(e.newText.utf8)
            pieces.append((inserted..<text.count, .edit(k)))
            cursor = e.end
        }
        let keep = text.count
        text += original[cursor...]
        pieces.append((keep..<text.count, .original(delta: text.count - original.count)))
        return (text, pieces)
    }

    /// Whether the lines an edit touches (its own, and one line either side, in the text
    /// before and after it) hold `//` anywhere.
    static func mayTouchComment(_ e: TextEdit, _ original: [UInt8]) -> Bool {
        func hasSlashes<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
            var previous: UInt8 = 0
            for b in bytes {
                if b == 0x2F && previous == 0x2F { return true }
                previous = b
            }
            return false
        }
        // Back to the start of the line before the edit's first line.
        var lo = e.offset, newlines = 0
        while lo > 0 {
            if original[lo - 1] == 0x0A {
                newlines += 1
                if newlines == 2 { break }
            }
            lo -= 1
        }
        // On to the end of the line after the edit's last line.
        var hi = e.end
        newlines = 0
        while hi < original.count {
            if original[hi] == 0x0A {
                newlines += 1
                if newlines == 2 { break }
            }
            hi += 1
        }
        return hasSlashes(original[lo..<e.offset]) || hasSlashes(e.newText.utf8) || hasSlashes(original[e.end..<hi])
            || (e.offset > 0 && original[e.offset - 1] == 0x2F && e.newText.utf8.first == 0x2F)
            || (e.end < original.count && original[e.end] == 0x2F && e.newText.utf8.last == 0x2F)
    }

    struct Trailing: Sendable, Equatable {
        /// The white space between the code and the comment.
        var gap: Range<Int>
        /// Width of the code after the indentation, in runes.
        var codeWidth: Int
        var hasInnerAlignment: Bool
    }

    /// For each line, its trailing `//` comment after code, if any.
    static func trailingComments(_ text: [UInt8], _ lines: Lines) -> [Trailing?] {
        var out = [Trailing?](repeating: nil, count: lines.count)
        scan(text, from: 0, to: text.count, lines, trailing: { out[$0] = $1 })
        return out
    }

    /// Finds the trailing comments of the lines of `text[start..<end]` (which must begin at a
    /// line start outside any token), tokenizing only that part; `continued` gets each line
    /// that starts inside a token begun on an earlier line. False when the part does not
    /// tokenize on its own.
    @discardableResult
    static func scan(_ text: [UInt8], from start: Int, to end: Int, _ lines: Lines,
                     trailing: (Int, Trailing) -> Void, continued: (Int) -> Void = { _ in }) -> Bool {
        var found: [(line: Int, comment: Trailing)] = []
        var spanned: [Int] = []
        let clean = text.withUnsafeBufferPointer { whole -> Bool in
            var scanner = GoScanner(UnsafeBufferPointer(rebasing: whole[start..<end]))
            // Tokens come in order: the line of each is found by moving forward, and only the
            // current line's first code token and the end of its last one are needed.
            var line = lines.index(of: start)
            var current = -1, firstCode = -1, lastCodeEnd = -1
            func lineOf(_ offset: Int, from l: Int) -> Int {
                var l = l
                while l + 1 < lines.count && lines.starts[l + 1] <= offset { l += 1 }
                return l
            }
            while true {
                let t = scanner.scan()
                if t.kind == .eof { break }
                if t.kind == .semicolon && t.implicit { continue }
                let tStart = t.start + start, tEnd = t.end + start
                line = lineOf(tStart, from: line)
                if line != current {
                    current = line
                    firstCode = -1
                    lastCodeEnd = -1
                }
                let endLine = lineOf(max(tStart, tEnd - 1), from: line)
                if endLine != line { for l in (line + 1)...endLine { spanned.append(l) } }
                if t.kind == .comment {
                    guard whole[tStart + 1] == 0x2F, firstCode >= 0, endLine == line else { continue }
                    let gap = lastCodeEnd..<tStart
                    guard !gap.isEmpty, whole[gap].allSatisfy({ $0 == 0x20 }) else { continue }
                    let code = whole[firstCode..<lastCodeEnd]
                    let width = code.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                    var inner = false
                    for i in firstCode..<max(firstCode, lastCodeEnd - 1) where whole[i] == 0x20 && whole[i + 1] == 0x20 { inner = true }
                    found.append((line, Trailing(gap: gap, codeWidth: width, hasInnerAlignment: inner || code.contains(0x09))))
                } else {
                    // A token spanning lines (a raw string) makes its lines unalignable.
                    if endLine != line { continue }
                    if firstCode < 0 { firstCode = tStart }
                    lastCodeEnd = tEnd
                }
            }
            return scanner.errors.isEmpty
        }
        guard clean else { return false }
        for l in spanned { continued(l) }
        for f in found { trailing(f.line, f.comment) }
        return true
    }

    /// What alignment needs to know of a file before its fixes: its lines, each line's
    /// trailing comment, and the lines that start inside a token (where scanning cannot
    /// begin). Made once per file for all of its fixes.
    public struct FileContext: Sendable {
        let lines: Lines
        let comments: [Trailing?]
        let continued: [Bool]

        public init(_ original: [UInt8]) {
            let lines = Lines(original)
            var comments = [Trailing?](repeating: nil, count: lines.count)
            var continued = [Bool](repeating: false, count: lines.count)
            scan(original, from: 0, to: original.count, lines, trailing: { comments[$0] = $1 }, continued: { continued[$0] = true })
            self.lines = lines
            self.comments = comments
            self.continued = continued
        }
    }

    /// The trailing comments of a fixed text, line by line on demand: lines of original text
    /// come from the file's table, lines an edit touches are scanned alone; when that cannot
    /// be done (a line inside a raw string, say) the whole text is scanned.
    struct NewTextComments {
        let text: [UInt8]
        let lines: Lines
        /// The text's pieces in order; `delta` (new offset − original offset) for original ones.
        let pieces: [(range: Range<Int>, delta: Int?)]
        let context: FileContext
        private var scanned: [Int: Trailing] = [:]
        private var scannedLines = Set<Int>()
        private var whole: [Trailing?]?
        /// Whether the table fell back to scanning the whole text.
        var scannedWhole: Bool { whole != nil }

        init(text: [UInt8], lines: Lines, pieces: [(range: Range<Int>, delta: Int?)], context: FileContext) {
            self.text = text
            self.lines = lines
            self.pieces = pieces
            self.context = context
            for p in pieces where p.delta == nil {
                let a = lines.index(of: p.range.lowerBound), b = lines.index(of: max(p.range.lowerBound, p.range.upperBound - 1))
                let start = lines.starts[a], end = b + 1 < lines.count ? lines.starts[b + 1] : text.count
                guard let o = originalOffset(start), let ol = originalLine(startingAt: o), !context.continued[ol],
                      Self.scanPart(text, start, end, lines, &scanned) else {
                    whole = CommentAlignment.trailingComments(text, lines)
                    return
                }
                for l in a...b { scannedLines.insert(l) }
            }
        }

        private static func scanPart(_ text: [UInt8], _ start: Int, _ end: Int, _ lines: Lines, _ into: inout [Int: Trailing]) -> Bool {
            var found: [Int: Trailing] = [:]
            guard CommentAlignment.scan(text, from: start, to: end, lines, trailing: { found[$0] = $1 }) else { return false }
            into.merge(found) { _, new in new }
            return true
        }

        /// The original offset of a new offset in an original piece.
        func originalOffset(_ offset: Int) -> Int? {
            guard let p = pieces.first(where: { $0.delta != nil && $0.range.lowerBound <= offset && offset <= $0.range.upperBound }) else {
                return nil
            }
            return offset - p.delta!
        }

        /// The original line that starts at `offset`, if one does.
        func originalLine(startingAt offset: Int) -> Int? {
            let l = context.lines.index(of: offset)
            return context.lines.starts[l] == offset ? l : nil
        }

        subscript(_ line: Int) -> Trailing? {
            if let whole { return whole[line] }
            if scannedLines.contains(line) { return scanned[line] }
            // A line of original text: the same line of the file, moved by its piece's delta.
            let start = lines.starts[line]
            guard let p = pieces.first(where: { $0.delta != nil && $0.range.lowerBound <= start && start < max($0.range.upperBound, $0.range.lowerBound + 1) }),
                  let ol = originalLine(startingAt: start - p.delta!), let t = context.comments[ol] else { return nil }
            return Trailing(gap: (t.gap.lowerBound + p.delta!)..<(t.gap.upperBound + p.delta!), codeWidth: t.codeWidth,
                            hasInnerAlignment: t.hasInnerAlignment)
        }
    }

    /// Line starts of a text.
    struct Lines: Sendable {
        var starts: [Int]
        var size: Int
        init(_ text: [UInt8]) {
            // The parser's line table, and here a line after a final newline too (an edit may
            // end a text with one).
            var starts = text.withUnsafeBufferPointer { SourceFile.lineStarts(of: $0) }
            if text.last == 0x0A { starts.append(text.count) }
            self.starts = starts
            size = text.count
        }
        var count: Int { starts.count }
        func index(of offset: Int) -> Int { SourceFile.lineIndex(ofOffset: offset, in: starts) }
        func indent(_ line: Int, in text: [UInt8]) -> ArraySlice<UInt8> {
            var k = starts[line]
            while k < text.count && (text[k] == 0x09 || text[k] == 0x20) { k += 1 }
            return text[starts[line]..<k]
        }
    }
}
