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
    /// Calls `visit` with every statement that holds one of `tokens` (see
    /// `Pass.decls(_:withTokens:)`) and its enclosing chain: for a rule whose statements are
    /// those tokens' own (`defer`, `go`). Only the statements that hold such a token are visited, and only they are entered: a
    /// statement without one cannot be, or contain, one of the rule's statements.
    func forEachStatement(withTokens tokens: Set<String>, _ visit: (Int, Stmt, Enclosing) -> Void) {
        for i in files.indices {
            let offsets = tokenOffsets(i, tokens)
            guard !offsets.isEmpty else { continue }
            for d in decls(i, withTokens: tokens) {
                Inspector.walkWithStack(.decl(d)) { node, stack in
                    // Nothing without one of the tokens is entered, expressions included (a
                    // statement inside one is in a function literal within its range).
                    guard holds(i, offsets, from: node.pos, to: node.end) else { return false }
                    if case .stmt(let s) = node { visit(i, s, Enclosing(stack: stack)) }
                    return true
                }
            }
        }
    }
}
