import GoAnalysis
import GoSyntax

/// The source text of a pass's files as fixes and messages need it: lines, indentation,
/// comments next to code, one-line summaries of calls, fresh names. Everything works on the
/// original bytes and yields strings or offsets for `TextEdit`s; lines that start inside a raw
/// string literal are never re-indented (their bytes are the program's data).
extension Pass {
    /// The file's newline: CRLF files stay CRLF.
    func newline(_ i: Int) -> String {
        let b = files[i].bytes
        return b.firstIndex(of: 0x0A).map { $0 > 0 && b[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
    }

    /// Offset of the first byte of the line holding `offset`.
    func lineStart(_ i: Int, atOffset offset: Int) -> Int {
        let b = files[i].bytes
        var k = offset
        while k > 0 && b[k - 1] != 0x0A { k -= 1 }
        return k
    }

    /// The offset just past the newline that ends the line holding `offset` (the file's size
    /// on the last line), provided only white space or comments follow `offset` on that
    /// line; nil when code follows.
    func lineEndAfterComments(_ i: Int, from offset: Int) -> Int? {
        let b = files[i].bytes
        var k = offset
        while true {
            while k < b.count && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0D) { k += 1 }
            if k >= b.count { return b.count }
            if b[k] == 0x0A { return k + 1 }
            // A comment that starts here (comments are known to the parser; no guessing
            // inside strings).
            guard let c = comment(i, startingAt: k) else { return nil }
            let end = files[i].offset(c.end)
            if b[k + 1] == 0x2F { return end >= b.count ? b.count : end + 1 }  // `//…` ends the line
            if b[k..<end].contains(0x0A) { return nil }
            k = end
        }
    }

    /// The comment whose first byte is at `offset`, if any.
    func comment(_ i: Int, startingAt offset: Int) -> Comment? {
        let pos = Pos(files[i].base + offset)
        return files[i].comments.first { $0.slash == pos }
    }

    /// The start of the run of whole-line `//` comments directly above the line that starts
    /// at `lineStart` (no blank line between): they belong to the statement below them.
    func leadingCommentStart(_ i: Int, lineStart: Int) -> Int {
        let b = files[i].bytes
        var start = lineStart
        while start > 0 {
            let prev = self.lineStart(i, atOffset: start - 1)
            var k = prev
            while k < start && (b[k] == 0x20 || b[k] == 0x09) { k += 1 }
            guard k + 1 < start, b[k] == 0x2F, b[k + 1] == 0x2F, let c = comment(i, startingAt: k),
                  files[i].offset(c.end) <= start - 1 else { break }
            start = prev
        }
        return start
    }

    /// Bytes `range` re-indented: `from` is replaced by `to` at the start of every line that
    /// begins with it, except blank lines and lines that begin inside a raw string literal.
    func reindented(_ i: Int, _ range: Range<Int>, from: String, to: String) -> String {
        let text = Array(files[i].bytes[range])
        guard from != to else { return String(decoding: text, as: UTF8.self) }
        var protected = Set<Int>()
        let (tokens, _) = GoScanner.tokens(of: text)
        for t in tokens where t.kind == .string && text[t.start] == 0x60 {
            for k in t.start..<t.end where text[k] == 0x0A { protected.insert(k + 1) }
        }
        let fromBytes = Array(from.utf8)
        var out: [UInt8] = []
        var k = 0
        var lineStart = true
        while k < text.count {
            if lineStart && !protected.contains(k) && text[k] != 0x0A && text[k] != 0x0D
                && text[k...].starts(with: fromBytes) {
                out += Array(to.utf8)
                k += fromBytes.count
                lineStart = false
                continue
            }
            out.append(text[k])
            lineStart = text[k] == 0x0A
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The line's leading white space at offset `offset` of file `i`.
    func indentation(_ i: Int, atOffset offset: Int) -> String {
        let b = files[i].bytes
        var start = offset
        while start > 0 && b[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < b.count && (b[end] == 0x20 || b[end] == 0x09) { end += 1 }
        return String(decoding: b[start..<end], as: UTF8.self)
    }

    /// Whether only white space precedes `offset` on its line.
    func startsLine(_ i: Int, atOffset offset: Int) -> Bool {
        let b = files[i].bytes
        var k = offset
        while k > 0 && (b[k - 1] == 0x20 || b[k - 1] == 0x09) { k -= 1 }
        return k == 0 || b[k - 1] == 0x0A
    }

    /// A call as a message names it: one line, at most about 60 characters; a deferred
    /// function literal reads `func() { … }()`.
    func summary(_ i: Int, _ call: CallExpr) -> String {
        if case .funcLit = call.fun.unparen { return "func() { … }()" }
        var out = ""
        var space = false
        for ch in text(i, Expr.call(call)) {
            if ch == "\n" || ch == "\t" || ch == " " {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        }
        if out.count > 60 { out = String(out.prefix(57)) + "…" }
        return out
    }

    /// Source text of a node in file `i`.
    func text(_ i: Int, _ e: Expr) -> String { text(i, e.pos, e.end) }

    /// Names a fresh identifier must avoid inside `function`: package-level and imported
    /// names of every file, the universe, and every identifier in the function.
    func takenNames(in function: FunctionContext) -> Set<String> {
        var names = resolution.packageAndImportNames
        names.formUnion(Universe.all)
        Inspector.walk(.expr(.funcType(function.type)), pre: { n in
            if case .expr(.ident(let id)) = n { names.insert(id.name) }
            return true
        })
        Inspector.walk(.stmt(.block(function.body)), pre: { n in
            if case .expr(.ident(let id)) = n { names.insert(id.name) }
            return true
        })
        return names
    }
}

/// Picks `base`, or `base1`, `base2`… — the first not in `taken`; records the choice.
func freshName(_ base: String, _ taken: inout Set<String>) -> String {
    var name = base
    var n = 1
    while taken.contains(name) {
        name = base + String(n)
        n += 1
    }
    taken.insert(name)
    return name
}
