import GoSyntax

/// Walks one file, opening and closing block scopes and recording definitions and uses.
struct ScopeWalker {
    var r: ResolutionTables
    var scope: Int
    /// The label scope of the innermost function (labels are function-wide).
    var labelScope: Int?

    init(r: ResolutionTables, scope: Int) {
        self.r = r
        self.scope = scope
    }

    mutating func file(_ f: File) {
        for d in f.decls { decl(d, topLevel: true) }
    }

    // MARK: - Scopes

    mutating func open(_ kind: Scope.Kind, _ pos: Pos, _ end: Pos) {
        scope = r.addScope(kind, parent: scope, pos: pos, end: end)
    }

    mutating func close() {
        scope = r.scopes[scope].parent!
    }

    mutating func declare(_ id: Ident, _ kind: ObjectKind) {
        r.declare(id.name, kind, at: id.pos, in: scope)
    }

    mutating func use(_ id: Ident) {
        if let obj = r.lookup(id.name, from: scope) { r.recordUse(id.pos, obj) }
    }

    // MARK: - Declarations

    mutating func decl(_ d: Decl, topLevel: Bool) {
        switch d {
        case .bad: break
        case .func(let fd):
            if topLevel, fd.recv == nil, let id = r.scopes[r.packageScope].id(of: fd.name.name) {
                r.recordDef(fd.name.pos, id)
            }
            funcBody(recv: fd.recv, type: fd.type, body: fd.body, pos: fd.pos, end: fd.end)
        case .gen(let g):
            for s in g.specs { spec(s, g.tok, topLevel: topLevel) }
        }
    }

    mutating func spec(_ s: Spec, _ tok: TokenKind, topLevel: Bool) {
        switch s {
        case .import:
            break
        case .value(let v):
            // The scope of a declared constant or variable starts after its spec.
            expr(v.type)
            for x in v.values { expr(x) }
            if !topLevel {
                for n in v.names { declare(n, tok == .const ? .constant : .variable) }
            }
        case .type(let t):
            // The scope of a type name starts at its identifier (recursive types).
            if !topLevel { declare(t.name, .typeName) }
            if t.typeParams != nil {
                open(.block, t.pos, t.end)
                fieldList(t.typeParams, declareAs: .typeName)
                expr(t.type)
                close()
            } else {
                expr(t.type)
            }
        }
    }

    /// A function's signature and body share one scope; labels get their own.
    mutating func funcBody(recv: FieldList?, type: FuncType, body: BlockStmt?, pos: Pos, end: Pos) {
        open(.function, pos, end)
        let outerLabels = labelScope
        fieldList(type.typeParams, declareAs: .typeName)
        // Receiver type parameters: func (r *T[K, V]) — K and V are declared by the receiver.
        if let recv {
            for f in recv.list {
                receiverTypeParams(f.type)
                typeOf(f)
                for n in f.names { declare(n, .variable) }
            }
        }
        fieldList(type.params, declareAs: .variable)
        fieldList(type.results, declareAs: .variable)
        if let body {
            labelScope = r.addScope(.block, parent: nil, pos: body.pos, end: body.end)
            declareLabels(body.list)
            for s in body.list { stmt(s) }  // the body's own block is the function's scope
        }
        labelScope = outerLabels
        close()
    }

    mutating func receiverTypeParams(_ t: Expr?) {
        var x = t
        if case .star(let s)? = x { x = s.x }
        if case .paren(let p)? = x { x = p.x }
        switch x {
        case .index(let i)?:
            if case .ident(let id) = i.index { declare(id, .typeName) }
        case .indexList(let i)?:
            for e in i.indices { if case .ident(let id) = e { declare(id, .typeName) } }
        default:
            break
        }
    }

    mutating func typeOf(_ f: Field) {
        // Receiver types T[K] must not resolve K again as a use of an outer name.
        var t = f.type
        if case .star(let s)? = t { t = s.x }
        switch t {
        case .index(let i)?: expr(i.x)
        case .indexList(let i)?: expr(i.x)
        default: expr(f.type)
        }
    }

    /// Declares the names of a field list after resolving all its types.
    mutating func fieldList(_ l: FieldList?, declareAs kind: ObjectKind) {
        guard let l else { return }
        for f in l.list { expr(f.type) }
        for f in l.list { for n in f.names { declare(n, kind) } }
    }

    /// Labels are visible in the whole function body, before and after their statement.
    mutating func declareLabels(_ list: [Stmt]) {
        guard let ls = labelScope else { return }
        for s in list {
            Inspector.walk(.stmt(s), pre: { node in
                switch node {
                case .expr(.funcLit): return false  // its labels are its own
                case .stmt(.labeled(let l)):
                    r.declare(l.label.name, .label, at: l.label.pos, in: ls)
                    return true
                default:
                    return true
                }
            })
        }
    }

    // MARK: - Statements and expressions, on the one traversal

    /// Resolves a node and everything under it. The inspector walks the tree; `enter` opens
    /// scopes and resolves names, and takes over the few nodes whose names must be handled in
    /// another order than the source's (a declaration's scope starts after its value; a
    /// selector's, a label's and a field's names are not uses); `leave` closes what `enter`
    /// opened.
    mutating func walk(_ node: Node) {
        Inspector.walk(node, pre: { self.enter($0) }, post: { self.leave($0) })
    }

    mutating func expr(_ e: Expr?) { if let e { walk(.expr(e)) } }
    mutating func stmt(_ s: Stmt?) { if let s { walk(.stmt(s)) } }

    /// Whether the inspector should visit the node's children (then `leave` follows).
    mutating func enter(_ node: Node) -> Bool {
        switch node {
        case .decl(let d):
            decl(d, topLevel: false)
            return false
        case .stmt(let s):
            return enter(s)
        case .expr(let e):
            return enter(e)
        case .spec, .field, .fieldList:
            return true
        }
    }

    mutating func leave(_ node: Node) {
        switch node {
        case .stmt(.block), .stmt(.if), .stmt(.caseClause), .stmt(.commClause), .stmt(.switch), .stmt(.for):
            close()
        default:
            break
        }
    }

    mutating func enter(_ s: Stmt) -> Bool {
        switch s {
        case .block(let b):
            open(.block, b.pos, b.end)
        case .if(let i):
            open(.block, i.ifPos, Stmt.if(i).end)
        case .caseClause(let c):
            open(.block, c.casePos, Stmt.caseClause(c).end)
        case .commClause(let c):
            open(.block, c.casePos, Stmt.commClause(c).end)
        case .switch(let sw):
            open(.block, sw.switchPos, sw.body.end)
        case .for(let f):
            open(.block, f.forPos, f.body.end)
        case .decl(let d):
            decl(d.decl, topLevel: false)
            return false
        case .labeled(let l):
            if let ls = labelScope, let id = r.scopes[ls].id(of: l.label.name) { r.recordDef(l.label.pos, id) }
            stmt(l.stmt)
            return false
        case .branch(let b):
            if let label = b.label, let ls = labelScope, let id = r.scopes[ls].id(of: label.name) {
                r.recordUse(label.pos, id)
            }
            return false
        case .assign(let a) where a.tok == .define:
            for x in a.rhs { expr(x) }
            // At least one new variable; names already declared in this scope are reused.
            for x in a.lhs {
                guard case .ident(let id) = x else { expr(x); continue }
                if let existing = r.scopes[scope].id(of: id.name) {
                    r.recordUse(id.pos, existing)
                } else {
                    declare(id, .variable)
                }
            }
            return false
        case .range(let rs):
            expr(rs.x)
            open(.block, rs.forPos, rs.body.end)
            if rs.tok == .define {
                for x in [rs.key, rs.value] {
                    if case .ident(let id)? = x { declare(id, .variable) }
                }
            } else {
                expr(rs.key)
                expr(rs.value)
            }
            walk(.stmt(.block(rs.body)))
            close()
            return false
        case .typeSwitch(let ts):
            typeSwitch(ts)
            return false
        default:
            break
        }
        return true
    }

    /// `switch v := x.(type)`: v is declared anew in each clause.
    mutating func typeSwitch(_ ts: TypeSwitchStmt) {
        open(.block, ts.switchPos, ts.body.end)
        stmt(ts.initStmt)
        var bound: Ident?
        switch ts.assign {
        case .assign(let a):
            for x in a.rhs { expr(x) }
            if case .ident(let id)? = a.lhs.first { bound = id }
        default:
            stmt(ts.assign)
        }
        for clause in ts.body.list {
            guard case .caseClause(let c) = clause else { continue }
            open(.block, c.casePos, Stmt.caseClause(c).end)
            for x in c.list ?? [] { expr(x) }
            if let bound, bound.name != "_" {
                // One object per clause, all declared by the same identifier.
                let id = r.declare(bound.name, .variable, at: .none, in: scope)
                if let id, r.def(at: bound.pos) == nil { r.recordDef(bound.pos, id) }
            }
            for s in c.body { stmt(s) }
            close()
        }
        close()
    }

    mutating func enter(_ e: Expr) -> Bool {
        switch e {
        case .ident(let id):
            use(id)
            return false
        case .funcLit(let f):
            funcBody(recv: nil, type: f.type, body: f.body, pos: f.type.funcPos, end: f.body.end)
            return false
        case .selector(let s):
            expr(s.x)  // the selected name is a field or method, not a scope name
            return false
        case .structType(let st):
            for f in st.fields.list { expr(f.type) }
            return false
        case .interfaceType(let it):
            for f in it.methods.list { expr(f.type) }
            return false
        case .funcType(let ft):
            open(.function, ft.pos, ft.end)
            fieldList(ft.typeParams, declareAs: .typeName)
            fieldList(ft.params, declareAs: .variable)
            fieldList(ft.results, declareAs: .variable)
            close()
            return false
        default:
            return true
        }
    }
}
