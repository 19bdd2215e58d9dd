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
        guard !edits.isEmpty, let sorted = try? TextEditApplier.validated(edits, size: original.count) else { return edits }
        // The new text, and where each of its pieces comes from.
        enum Source { case original(delta: Int), edit(Int) }
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

        let lines = Lines(text)
        // Lines next to or inside an edit.
        var touched = Set<Int>()
        for p in pieces {
            guard case .edit = p.source else { continue }
            let first = lines.index(of: p.range.lowerBound), last = lines.index(of: max(p.range.lowerBound, p.range.upperBound - 1))
            for l in max(0, first - 1)...min(lines.count - 1, last + 1) { touched.insert(l) }
        }
        guard !touched.isEmpty else { return edits }
        let comments = trailingComments(text, lines)
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

    struct Trailing {
        /// The white space between the code and the comment.
        var gap: Range<Int>
        /// Width of the code after the indentation, in runes.
        var codeWidth: Int
        var hasInnerAlignment: Bool
    }

    /// For each line, its trailing `//` comment after code, if any.
    static func trailingComments(_ text: [UInt8], _ lines: Lines) -> [Trailing?] {
        var out = [Trailing?](repeating: nil, count: lines.count)
        let (tokens, _) = GoScanner.tokens(of: text)
        var lastCodeEnd: [Int: Int] = [:]   // line → end of its last code token
        var firstCode: [Int: Int] = [:]
        for t in tokens where t.kind != .eof && !(t.kind == .semicolon && t.implicit) {
            let line = lines.index(of: t.start)
            if t.kind == .comment {
                guard text[t.start + 1] == 0x2F, let end = lastCodeEnd[line], let start = firstCode[line],
                      lines.index(of: max(t.start, t.end - 1)) == line else { continue }
                let gap = end..<t.start
                guard !gap.isEmpty, text[gap].allSatisfy({ $0 == 0x20 }) else { continue }
                let code = text[start..<end]
                let width = code.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                var inner = false
                for i in start..<max(start, end - 1) where text[i] == 0x20 && text[i + 1] == 0x20 { inner = true }
                out[line] = Trailing(gap: gap, codeWidth: width, hasInnerAlignment: inner || code.contains(0x09))
            } else {
                // A token spanning lines (a raw string) makes its lines unalignable.
                let endLine = lines.index(of: max(t.start, t.end - 1))
                if endLine != line { continue }
                if firstCode[line] == nil { firstCode[line] = t.start }
                lastCodeEnd[line] = t.end
            }
        }
        return out
    }

    /// Line starts of a text.
    struct Lines {
        var starts: [Int]
        var size: Int
        init(_ text: [UInt8]) {
            starts = [0]
            for (i, b) in text.enumerated() where b == 0x0A { starts.append(i + 1) }
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
