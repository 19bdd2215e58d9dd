import GoAnalysis
import GoSyntax

/// Line-level helpers for fixes that move or insert whole statements. Everything works on
/// the original bytes and yields `TextEdit`s; lines that start inside a raw string literal are
/// never re-indented (their bytes are the program's data).
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
        for g in files[i].file.comments where g.pos <= pos && pos < g.end {
            for c in g.list where c.slash == pos { return c }
        }
        return nil
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

    /// Calls that never return: panic, os.Exit, log.Fatal*, log.Panic*, runtime.Goexit.
    func isNoReturn(_ c: CallExpr) -> Bool {
        isBuiltin(c.fun, "panic")
            || isCall(c, to: "os", ["Exit"])
            || isCall(c, to: "log", ["Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"])
            || isCall(c, to: "runtime", ["Goexit"])
    }

    /// Whether running `list` always leaves the function (a syntactic subset of Go's
    /// terminating statements: return, a call that never returns, or a block or if/else whose
    /// branches all do).
    func alwaysLeavesFunction(_ list: [Stmt]) -> Bool {
        guard let last = list.last(where: { if case .empty = $0 { return false }; return true }) else { return false }
        switch last {
        case .return: return true
        case .expr(let e):
            if case .call(let c) = e.x.unparen { return isNoReturn(c) || stopsTest(c) }
            return false
        case .block(let b): return alwaysLeavesFunction(b.list)
        case .labeled(let l): return alwaysLeavesFunction([l.stmt])
        case .if(let s):
            guard let e = s.elseStmt else { return false }
            return alwaysLeavesFunction(s.body.list) && alwaysLeavesFunction([e])
        default: return false
        }
    }

    /// `t.Fatal(…)`, `b.FailNow()`, `t.Skip(…)`…: methods that end a test's goroutine
    /// (runtime.Goexit), on a parameter declared as `*testing.T`, `*testing.B`, `*testing.F`
    /// or `testing.TB`.
    func stopsTest(_ c: CallExpr) -> Bool {
        let stops: Set<String> = ["Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"]
        guard case .selector(let sel) = c.fun.unparen, stops.contains(sel.sel.name),
              case .ident(let x) = sel.x.unparen, let obj = resolution.object(at: x.pos),
              obj.kind == .variable, !obj.isPackageLevel,
              let file = files.firstIndex(where: { $0.file.fileStart <= obj.declPos && obj.declPos <= $0.file.fileEnd })
        else { return false }
        var type: Expr?
        Inspector.walk(files[file].file, pre: { n in
            guard type == nil else { return false }
            if case .field(let f) = n, f.names.contains(where: { $0.pos == obj.declPos }) { type = f.type }
            return n.pos <= obj.declPos && obj.declPos < n.end
        })
        guard var t = type else { return false }
        var pointer = false
        if case .star(let s) = t { t = s.x; pointer = true }
        guard case .selector(let ts) = t, case .ident(let pkg) = ts.x, resolution.isPackage(pkg.pos, path: "testing")
        else { return false }
        return pointer ? ["T", "B", "F"].contains(ts.sel.name) : ts.sel.name == "TB"
    }

    /// Whether file `i` imports the package `path` (under any name).
    func imports(_ i: Int, _ path: String) -> Bool {
        files[i].file.imports.contains { $0.path.value == "\"\(path)\"" || $0.path.value == "`\(path)`" }
    }

    /// `forEachStatement` restricted to the files that import one of `paths` and mention
    /// `defer`: a rule about deferred calls into those packages need not walk other files.
    func forEachStatement(inFilesImporting paths: [String], _ visit: (Int, Stmt, Enclosing) -> Void) {
        forEachStatement(mentioning: ["defer"], inFiles: { i in paths.contains { imports(i, $0) } }, visit)
    }

    /// The object an identifier denotes, as an index (declaration or use).
    func objectID(_ id: Ident) -> Int? { resolution.uses[id.pos] ?? resolution.defs[id.pos] }

    /// Whether any identifier in `node` (function literals included) denotes object `obj`.
    func mentions(_ node: Node, _ obj: Int) -> Bool {
        var found = false
        Inspector.walk(node, pre: { n in
            if case .expr(.ident(let id)) = n, objectID(id) == obj { found = true }
            return !found
        })
        return found
    }
}
