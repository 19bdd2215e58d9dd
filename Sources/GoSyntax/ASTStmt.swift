// Statement nodes (go/ast names).

public struct BadStmt: Sendable, Equatable { public var from: Pos; public var to: Pos }
public struct DeclStmt: Sendable, Equatable { public var decl: Decl }
/// An explicit `;` or a semicolon implied by a newline or a closing brace.
public struct EmptyStmt: Sendable, Equatable { public var semicolon: Pos; public var implicit: Bool }
public struct LabeledStmt: Sendable, Equatable { public var label: Ident; public var colon: Pos; public var stmt: Stmt }
public struct ExprStmt: Sendable, Equatable { public var x: Expr }
public struct SendStmt: Sendable, Equatable { public var chan: Expr; public var arrow: Pos; public var value: Expr }
public struct IncDecStmt: Sendable, Equatable { public var x: Expr; public var tokPos: Pos; public var tok: TokenKind }
public struct AssignStmt: Sendable, Equatable {
    public var lhs: [Expr]
    public var tokPos: Pos
    public var tok: TokenKind
    public var rhs: [Expr]
}
public struct GoStmt: Sendable, Equatable { public var goPos: Pos; public var call: CallExpr }
public struct DeferStmt: Sendable, Equatable { public var deferPos: Pos; public var call: CallExpr }
public struct ReturnStmt: Sendable, Equatable { public var returnPos: Pos; public var results: [Expr] }
/// `break`, `continue`, `goto` or `fallthrough`, with an optional label.
public struct BranchStmt: Sendable, Equatable { public var tokPos: Pos; public var tok: TokenKind; public var label: Ident? }
public struct BlockStmt: Sendable, Equatable {
    public var lbrace: Pos
    public var list: [Stmt]
    /// `.none` when the closing brace is missing.
    public var rbrace: Pos
    public var pos: Pos { lbrace }
    public var end: Pos {
        if rbrace.isValid { return rbrace + 1 }
        if let last = list.last { return last.end }
        return lbrace + 1
    }
}
public struct IfStmt: Sendable, Equatable {
    public var ifPos: Pos
    public var initStmt: Stmt?
    public var cond: Expr
    public var body: BlockStmt
    public var elseStmt: Stmt?
}
public struct CaseClause: Sendable, Equatable {
    public var casePos: Pos
    /// nil means `default`.
    public var list: [Expr]?
    public var colon: Pos
    public var body: [Stmt]
}
public struct SwitchStmt: Sendable, Equatable {
    public var switchPos: Pos
    public var initStmt: Stmt?
    public var tag: Expr?
    /// The clauses are `.caseClause` statements.
    public var body: BlockStmt
}
public struct TypeSwitchStmt: Sendable, Equatable {
    public var switchPos: Pos
    public var initStmt: Stmt?
    /// `x := y.(type)` or `y.(type)`.
    public var assign: Stmt
    public var body: BlockStmt
}
public struct CommClause: Sendable, Equatable {
    public var casePos: Pos
    /// nil means `default`.
    public var comm: Stmt?
    public var colon: Pos
    public var body: [Stmt]
}
public struct SelectStmt: Sendable, Equatable { public var selectPos: Pos; public var body: BlockStmt }
public struct ForStmt: Sendable, Equatable {
    public var forPos: Pos
    public var initStmt: Stmt?
    public var cond: Expr?
    public var post: Stmt?
    public var body: BlockStmt
}
public struct RangeStmt: Sendable, Equatable {
    public var forPos: Pos
    public var key: Expr?
    public var value: Expr?
    /// Position of `:=` or `=`, or `.none` for `for range x`.
    public var tokPos: Pos
    public var tok: TokenKind?
    public var rangePos: Pos
    public var x: Expr
    public var body: BlockStmt
}

/// A statement.
/// The commonest statements (expression, assignment, return, block, declaration) are stored
/// in place, the others boxed: a box is an allocation per statement, and a syntax check of
/// GOROOT/src made 12 million.
public enum Stmt: Sendable, Equatable {
    case bad(BadStmt)
    case empty(EmptyStmt)
    case decl(DeclStmt)
    indirect case labeled(LabeledStmt)
    case expr(ExprStmt)
    indirect case send(SendStmt)
    indirect case incDec(IncDecStmt)
    case assign(AssignStmt)
    indirect case go(GoStmt)
    indirect case `defer`(DeferStmt)
    case `return`(ReturnStmt)
    indirect case branch(BranchStmt)
    case block(BlockStmt)
    indirect case `if`(IfStmt)
    indirect case caseClause(CaseClause)
    indirect case `switch`(SwitchStmt)
    indirect case typeSwitch(TypeSwitchStmt)
    indirect case commClause(CommClause)
    indirect case select(SelectStmt)
    indirect case `for`(ForStmt)
    indirect case range(RangeStmt)

    public var pos: Pos {
        switch self {
        case .bad(let s): return s.from
        case .empty(let s): return s.semicolon
        case .decl(let s): return s.decl.pos
        case .labeled(let s): return s.label.pos
        case .expr(let s): return s.x.pos
        case .send(let s): return s.chan.pos
        case .incDec(let s): return s.x.pos
        case .assign(let s): return s.lhs.first?.pos ?? s.tokPos
        case .go(let s): return s.goPos
        case .defer(let s): return s.deferPos
        case .return(let s): return s.returnPos
        case .branch(let s): return s.tokPos
        case .block(let s): return s.lbrace
        case .if(let s): return s.ifPos
        case .caseClause(let s): return s.casePos
        case .switch(let s): return s.switchPos
        case .typeSwitch(let s): return s.switchPos
        case .commClause(let s): return s.casePos
        case .select(let s): return s.selectPos
        case .for(let s): return s.forPos
        case .range(let s): return s.forPos
        }
    }

    public var end: Pos {
        switch self {
        case .bad(let s): return s.to
        case .empty(let s): return s.implicit ? s.semicolon : s.semicolon + 1
        case .decl(let s): return s.decl.end
        case .labeled(let s): return s.stmt.end
        case .expr(let s): return s.x.end
        case .send(let s): return s.value.end
        case .incDec(let s): return s.tokPos + 2
        case .assign(let s): return s.rhs.last?.end ?? s.tokPos
        case .go(let s): return Expr.call(s.call).end
        case .defer(let s): return Expr.call(s.call).end
        case .return(let s): return s.results.last?.end ?? s.returnPos + 6
        case .branch(let s): return s.label?.end ?? s.tokPos + s.tok.text.utf8.count
        case .block(let s): return s.end
        case .if(let s): return s.elseStmt?.end ?? s.body.end
        case .caseClause(let s): return s.body.last?.end ?? s.colon + 1
        case .switch(let s): return s.body.end
        case .typeSwitch(let s): return s.body.end
        case .commClause(let s): return s.body.last?.end ?? s.colon + 1
        case .select(let s): return s.body.end
        case .for(let s): return s.body.end
        case .range(let s): return s.body.end
        }
    }
}
