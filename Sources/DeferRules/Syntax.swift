import GoAnalysis
import GoSyntax

/// Where a statement sits: the chain of enclosing nodes up to its function.
struct Enclosing {
    /// Enclosing nodes, outermost first, up to and excluding the node itself.
    var stack: [Node]

    /// The innermost function (declaration or literal) containing the node.
    var function: FunctionContext? {
        for n in stack.reversed() {
            switch n {
            case .expr(.funcLit(let f)): return FunctionContext(type: f.type, body: f.body, name: nil)
            case .decl(.func(let f)):
                guard let body = f.body else { return nil }
                return FunctionContext(type: f.type, body: body, name: f.name.name)
            default: continue
            }
        }
        return nil
    }

    /// The innermost loop in the same function, with its index in `stack`.
    var loop: (index: Int, loop: Loop)? {
        for i in stack.indices.reversed() {
            switch stack[i] {
            case .expr(.funcLit), .decl(.func): return nil
            case .stmt(let s):
                if let l = Loop(s, label: label(of: i)) { return (i, l) }
            default: continue
            }
        }
        return nil
    }

    /// Every loop around the node in the same function, innermost first.
    var loops: [(index: Int, loop: Loop)] {
        var out: [(index: Int, loop: Loop)] = []
        for i in stack.indices.reversed() {
            switch stack[i] {
            case .expr(.funcLit), .decl(.func): return out
            case .stmt(let s):
                if let l = Loop(s, label: label(of: i)) { out.append((i, l)) }
            default: continue
            }
        }
        return out
    }

    /// The label of the statement at `index`, if its parent is a labeled statement.
    func label(of index: Int) -> String? {
        guard index > 0, case .stmt(.labeled(let l)) = stack[index - 1] else { return nil }
        return l.label.name
    }
}

/// The function whose defer scope a statement belongs to.
struct FunctionContext {
    var type: FuncType
    var body: BlockStmt
    var name: String?
}

/// A `for` or `range` statement.
struct Loop {
    var stmt: Stmt
    var body: BlockStmt
    var label: String?
    var isInfinite: Bool

    init?(_ s: Stmt, label: String?) {
        switch s {
        case .for(let f):
            stmt = s
            body = f.body
            isInfinite = f.cond == nil
        case .range(let r):
            stmt = s
            body = r.body
            isInfinite = false
        default:
            return nil
        }
        self.label = label
    }

    var pos: Pos { stmt.pos }
    var end: Pos { stmt.end }
}

extension Pass {
    /// Calls `visit` for every statement with its enclosing chain, in every file.
    /// Files that mention none of `words` are skipped without a walk: every rule needs a
    /// `defer` (or, for loopvar-capture, a `go func`) to say anything.
    func forEachStatement(mentioning words: [String] = ["defer", "go func"], inFiles keep: (Int) -> Bool = { _ in true },
                          _ visit: (Int, Stmt, Enclosing) -> Void) {
        for i in files.indices where keep(i) {
            for d in decls(i, mentioning: words) {
                Inspector.walkWithStack(.decl(d)) { node, stack in
                    if case .stmt(let s) = node { visit(i, s, Enclosing(stack: stack)) }
                    return true
                }
            }
        }
    }

    /// Whether `call` calls the standard-library function `pkg.name` (through this file's
    /// imports: renamed imports count, a local variable named like the package does not).
    func isCall(_ call: CallExpr, to pkg: String, _ names: Set<String>) -> Bool {
        guard case .selector(let sel) = call.fun.unparen, names.contains(sel.sel.name),
              case .ident(let x) = sel.x else { return false }
        return resolution.isPackage(x.pos, path: pkg)
    }

    /// Whether the identifier denotes the predeclared (universe) function `name`.
    func isBuiltin(_ fun: Expr, _ name: String) -> Bool {
        guard case .ident(let id) = fun.unparen, id.name == name else { return false }
        if case .builtin? = resolution.object(at: id.pos)?.kind { return true }
        return resolution.object(at: id.pos) == nil && id.name == name
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
        for n in ["append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
                  "min", "new", "panic", "print", "println", "real", "recover", "any", "bool", "byte",
                  "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8",
                  "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64",
                  "uintptr", "true", "false", "iota", "nil"] { names.insert(n) }
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
