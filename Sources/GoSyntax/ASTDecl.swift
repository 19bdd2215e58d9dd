// Declarations and files (go/ast names).

public struct ImportSpec: Sendable, Equatable {
    public var doc: CommentGroup?
    /// A rename, `.` or `_`; nil when the import is not renamed.
    public var name: Ident?
    public var path: BasicLit
    public var comment: CommentGroup?
    public var pos: Pos { name?.pos ?? path.valuePos }
    public var end: Pos { path.valueEnd }
}
public struct ValueSpec: Sendable, Equatable {
    public var doc: CommentGroup?
    public var names: [Ident]
    public var type: Expr?
    public var values: [Expr]
    public var comment: CommentGroup?
    public var pos: Pos { names.first?.pos ?? .none }
    public var end: Pos { values.last?.end ?? type?.end ?? names.last?.end ?? .none }
}
public struct TypeSpec: Sendable, Equatable {
    public var doc: CommentGroup?
    public var name: Ident
    public var typeParams: FieldList?
    /// Position of `=` for an alias, else `.none`.
    public var assign: Pos
    public var type: Expr
    public var comment: CommentGroup?
    public var pos: Pos { name.pos }
    public var end: Pos { type.end }
}

public enum Spec: Sendable, Equatable {
    case `import`(ImportSpec)
    case value(ValueSpec)
    case type(TypeSpec)

    public var pos: Pos {
        switch self {
        case .import(let s): return s.pos
        case .value(let s): return s.pos
        case .type(let s): return s.pos
        }
    }
    public var end: Pos {
        switch self {
        case .import(let s): return s.end
        case .value(let s): return s.end
        case .type(let s): return s.end
        }
    }
}

public struct BadDecl: Sendable, Equatable { public var from: Pos; public var to: Pos }
/// `import`, `const`, `type` or `var` with one spec or a parenthesized group.
public struct GenDecl: Sendable, Equatable {
    public var doc: CommentGroup?
    public var tokPos: Pos
    public var tok: TokenKind
    /// `.none` for an ungrouped declaration.
    public var lparen: Pos
    public var specs: [Spec]
    public var rparen: Pos
    public var pos: Pos { tokPos }
    public var end: Pos { rparen.isValid ? rparen + 1 : (specs.first?.end ?? tokPos) }
}
/// A function or method declaration. Methods may have type parameters (Go 1.27).
public struct FuncDecl: Sendable, Equatable {
    public var doc: CommentGroup?
    public var recv: FieldList?
    public var name: Ident
    /// `type.funcPos` is the `func` keyword; `type.typeParams` the type parameters.
    public var type: FuncType
    /// nil for a declaration without body (an external function).
    public var body: BlockStmt?
    public var pos: Pos { type.funcPos }
    public var end: Pos { body?.end ?? type.end }
}

public enum Decl: Sendable, Equatable {
    case bad(BadDecl)
    indirect case gen(GenDecl)
    indirect case `func`(FuncDecl)

    public var pos: Pos {
        switch self {
        case .bad(let d): return d.from
        case .gen(let d): return d.pos
        case .func(let d): return d.pos
        }
    }
    public var end: Pos {
        switch self {
        case .bad(let d): return d.to
        case .gen(let d): return d.end
        case .func(let d): return d.end
        }
    }
}

/// A parsed Go source file: the tree, every comment in source order, and the syntax errors.
public struct File: Sendable {
    public var doc: CommentGroup?
    public var packagePos: Pos
    public var name: Ident
    public var decls: [Decl]
    public var imports: [ImportSpec]
    /// All comment groups in source order, including those attached as doc or line comments.
    public var comments: [CommentGroup]
    /// The `//go:build` line before the package clause, if any (the raw comment text).
    public var buildConstraint: String?
    /// Position range of the whole file: [fileStart, fileEnd].
    public var fileStart: Pos
    public var fileEnd: Pos
}
