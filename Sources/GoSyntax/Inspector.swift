/// Any syntax node, as the inspector hands it to visitors.
///
/// Identifiers that are not expressions in the tree's types (declared names, labels,
/// selectors' names) are visited as `.expr(.ident(...))`, so a pass sees every identifier.
/// Bodies are visited as `.stmt(.block(...))` and signatures as `.expr(.funcType(...))`.
public enum Node: Sendable {
    case decl(Decl)
    case spec(Spec)
    case stmt(Stmt)
    case expr(Expr)
    case field(Field)
    case fieldList(FieldList)

    public var pos: Pos {
        switch self {
        case .decl(let d): return d.pos
        case .spec(let s): return s.pos
        case .stmt(let s): return s.pos
        case .expr(let e): return e.pos
        case .field(let f): return f.pos
        case .fieldList(let l): return l.pos
        }
    }

    public var end: Pos {
        switch self {
        case .decl(let d): return d.end
        case .spec(let s): return s.end
        case .stmt(let s): return s.end
        case .expr(let e): return e.end
        case .field(let f): return f.end
        case .fieldList(let l): return l.end
        }
    }
}

/// The one traversal of syntax trees; every later pass uses it.
///
/// Visits nodes depth-first in source order, as go/ast.Walk. `pre` returns whether to
/// visit the node's children; `post` (if given) runs after them. Comments are not visited:
/// they are in `File.comments` and attached to their nodes. Recursion depth follows the
/// tree's nesting, which the parser caps; run on a `BigStack` thread for deep trees.
public enum Inspector {
    public static func walk(_ file: File, pre: (Node) -> Bool, post: ((Node) -> Void)? = nil) {
        for d in file.decls { walk(Node.decl(d), pre: pre, post: post) }
    }

    /// `walk` with a `post` that is always there (a non-escaping closure may then change the
    /// caller's state, as the scope walker does).
    public static func walk(_ node: Node, pre: (Node) -> Bool, post: (Node) -> Void) {
        withoutActuallyEscaping(pre) { pre in
            withoutActuallyEscaping(post) { post in
                var w = Walker(pre: pre, post: post)
                w.visit(node)
            }
        }
    }

    public static func walk(_ node: Node, pre: (Node) -> Bool, post: ((Node) -> Void)? = nil) {
        withoutActuallyEscaping(pre) { pre in
            if let post {
                withoutActuallyEscaping(post) { post in
                    var w = Walker(pre: pre, post: post)
                    w.visit(node)
                }
            } else {
                var w = Walker(pre: pre, post: nil)
                w.visit(node)
            }
        }
    }

    /// Walks with the chain of enclosing nodes (outermost first, excluding the node itself).
    public static func walkWithStack(_ file: File, _ visit: (Node, [Node]) -> Bool) {
        for d in file.decls { walkWithStack(.decl(d), visit) }
    }

    /// Walks `root` with the chain of enclosing nodes, starting from `root` itself.
    public static func walkWithStack(_ root: Node, _ visit: (Node, [Node]) -> Bool) {
        var stack: [Node] = []
        walk(root, pre: { node in
            let go = visit(node, stack)
            if go { stack.append(node) }
            return go
        }, post: { _ in stack.removeLast() })
    }
}

private struct Walker {
    let pre: (Node) -> Bool
    let post: ((Node) -> Void)?

    mutating func visit(_ node: Node) {
        guard pre(node) else { return }
        children(node)
        post?(node)
    }

    mutating func ident(_ i: Ident?) { if let i { visit(.expr(.ident(i))) } }
    mutating func expr(_ e: Expr?) { if let e { visit(.expr(e)) } }
    mutating func exprs(_ list: [Expr]) { for e in list { visit(.expr(e)) } }
    mutating func stmt(_ s: Stmt?) { if let s { visit(.stmt(s)) } }
    mutating func stmts(_ list: [Stmt]) { for s in list { visit(.stmt(s)) } }
    mutating func fields(_ l: FieldList?) { if let l { visit(.fieldList(l)) } }
    mutating func block(_ b: BlockStmt?) { if let b { visit(.stmt(.block(b))) } }

    mutating func children(_ node: Node) {
        switch node {
        case .decl(let d):
            switch d {
            case .bad: break
            case .gen(let g): for s in g.specs { visit(.spec(s)) }
            case .func(let f):
                fields(f.recv)
                ident(f.name)
                visit(.expr(.funcType(f.type)))
                block(f.body)
            }
        case .spec(let s):
            switch s {
            case .import(let i): ident(i.name); expr(.basicLit(i.path))
            case .value(let v): for n in v.names { ident(n) }; expr(v.type); exprs(v.values)
            case .type(let t): ident(t.name); fields(t.typeParams); expr(t.type)
            }
        case .field(let f):
            for n in f.names { ident(n) }
            expr(f.type)
            if let tag = f.tag { expr(.basicLit(tag)) }
        case .fieldList(let l):
            for f in l.list { visit(.field(f)) }
        case .stmt(let s):
            stmtChildren(s)
        case .expr(let e):
            exprChildren(e)
        }
    }

    mutating func stmtChildren(_ s: Stmt) {
        switch s {
        case .bad, .empty: break
        case .decl(let d): visit(.decl(d.decl))
        case .labeled(let l): ident(l.label); stmt(l.stmt)
        case .expr(let e): expr(e.x)
        case .send(let x): expr(x.chan); expr(x.value)
        case .incDec(let x): expr(x.x)
        case .assign(let a): exprs(a.lhs); exprs(a.rhs)
        case .go(let g): expr(.call(g.call))
        case .defer(let d): expr(.call(d.call))
        case .return(let r): exprs(r.results)
        case .branch(let b): ident(b.label)
        case .block(let b): stmts(b.list)
        case .if(let i): stmt(i.initStmt); expr(i.cond); block(i.body); stmt(i.elseStmt)
        case .caseClause(let c): exprs(c.list ?? []); stmts(c.body)
        case .switch(let x): stmt(x.initStmt); expr(x.tag); block(x.body)
        case .typeSwitch(let x): stmt(x.initStmt); stmt(x.assign); block(x.body)
        case .commClause(let c): stmt(c.comm); stmts(c.body)
        case .select(let x): block(x.body)
        case .for(let f): stmt(f.initStmt); expr(f.cond); stmt(f.post); block(f.body)
        case .range(let r): expr(r.key); expr(r.value); expr(r.x); block(r.body)
        }
    }

    mutating func exprChildren(_ e: Expr) {
        switch e {
        case .bad, .ident, .basicLit: break
        case .ellipsis(let x): expr(x.elt)
        case .funcLit(let f): visit(.expr(.funcType(f.type))); block(f.body)
        case .compositeLit(let c): expr(c.type); exprs(c.elts)
        case .paren(let p): expr(p.x)
        case .selector(let s): expr(s.x); ident(s.sel)
        case .index(let i): expr(i.x); expr(i.index)
        case .indexList(let i): expr(i.x); exprs(i.indices)
        case .slice(let s): expr(s.x); expr(s.low); expr(s.high); expr(s.max)
        case .typeAssert(let t): expr(t.x); expr(t.type)
        case .call(let c): expr(c.fun); exprs(c.args)
        case .star(let s): expr(s.x)
        case .unary(let u): expr(u.x)
        case .binary(let b): expr(b.x); expr(b.y)
        case .keyValue(let k): expr(k.key); expr(k.value)
        case .arrayType(let a): expr(a.len); expr(a.elt)
        case .structType(let s): fields(s.fields)
        case .funcType(let f): fields(f.typeParams); fields(f.params); fields(f.results)
        case .interfaceType(let i): fields(i.methods)
        case .mapType(let m): expr(m.key); expr(m.value)
        case .chanType(let c): expr(c.value)
        }
    }
}
