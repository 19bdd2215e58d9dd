// Expression and type nodes. Names follow go/ast so the Go spec and go/ast docs stay the
// reference. Every node records the position of each of its tokens; `pos`/`end` give its
// source range (end is exclusive).

/// A comment: `//...` or `/*...*/`. `text` is the comment's source with carriage returns
/// removed, as go/ast keeps it.
public struct Comment: Sendable, Equatable {
    public var slash: Pos
    public var text: String
    /// Source length in bytes (may differ from text's when CRs were removed).
    public var length: Int
    public var pos: Pos { slash }
    public var end: Pos { slash + length }
}

/// A sequence of comments with no other tokens and no empty lines between them.
public struct CommentGroup: Sendable, Equatable {
    public var list: [Comment]
    public var pos: Pos { list.first?.pos ?? .none }
    public var end: Pos { list.last?.end ?? .none }
}

public struct Ident: Sendable, Equatable {
    public var namePos: Pos
    public var name: String
    public init(namePos: Pos, name: String) {
        self.namePos = namePos
        self.name = name
    }
    public var pos: Pos { namePos }
    public var end: Pos { namePos + name.utf8.count }
}

/// Laid out to fit in place in `Expr` (29 bytes, within the stride that an identifier
/// already takes): a boxed literal was an allocation for each.
public struct BasicLit: Sendable, Equatable {
    public var valuePos: Pos
    /// The literal's source text (raw strings keep their backquotes; CRs are removed).
    public var value: String
    /// The source length in bytes (CRs included).
    private var length: UInt32
    public var kind: TokenKind

    public init(valuePos: Pos, valueEnd: Pos, kind: TokenKind, value: String) {
        self.valuePos = valuePos
        self.value = value
        self.length = UInt32(clamping: valueEnd.raw - valuePos.raw)
        self.kind = kind
    }

    public var valueEnd: Pos { valuePos + Int(length) }
}

public struct BadExpr: Sendable, Equatable { public var from: Pos; public var to: Pos }
public struct Ellipsis: Sendable, Equatable { public var ellipsis: Pos; public var elt: Expr? }
public struct FuncLit: Sendable, Equatable { public var type: FuncType; public var body: BlockStmt }
public struct CompositeLit: Sendable, Equatable {
    public var type: Expr?
    public var lbrace: Pos
    public var elts: [Expr]
    public var rbrace: Pos
}
public struct ParenExpr: Sendable, Equatable { public var lparen: Pos; public var x: Expr; public var rparen: Pos }
public struct SelectorExpr: Sendable, Equatable { public var x: Expr; public var sel: Ident }
public struct IndexExpr: Sendable, Equatable {
    public var x: Expr
    public var lbrack: Pos
    public var index: Expr
    public var rbrack: Pos
}
public struct IndexListExpr: Sendable, Equatable {
    public var x: Expr
    public var lbrack: Pos
    public var indices: [Expr]
    public var rbrack: Pos
}
public struct SliceExpr: Sendable, Equatable {
    public var x: Expr
    public var lbrack: Pos
    public var low: Expr?
    public var high: Expr?
    public var max: Expr?
    public var slice3: Bool
    public var rbrack: Pos
}
/// `x.(type)` in a type switch has `type == nil`.
public struct TypeAssertExpr: Sendable, Equatable {
    public var x: Expr
    public var lparen: Pos
    public var type: Expr?
    public var rparen: Pos
}
public struct CallExpr: Sendable, Equatable {
    public var fun: Expr
    public var lparen: Pos
    public var args: [Expr]
    /// Position of a final `...`, or `.none`.
    public var ellipsis: Pos
    public var rparen: Pos
}
public struct StarExpr: Sendable, Equatable { public var star: Pos; public var x: Expr }
public struct UnaryExpr: Sendable, Equatable { public var opPos: Pos; public var op: TokenKind; public var x: Expr }
public struct BinaryExpr: Sendable, Equatable {
    public var x: Expr
    public var opPos: Pos
    public var op: TokenKind
    public var y: Expr
}
public struct KeyValueExpr: Sendable, Equatable { public var key: Expr; public var colon: Pos; public var value: Expr }

/// `[len]elt`, `[...]elt` (len is an `Ellipsis`), or `[]elt` (len == nil).
public struct ArrayType: Sendable, Equatable { public var lbrack: Pos; public var len: Expr?; public var elt: Expr }
public struct StructType: Sendable, Equatable { public var structPos: Pos; public var fields: FieldList }
/// `func` may be `.none` for interface methods and is the `func` keyword of a FuncDecl.
public struct FuncType: Sendable, Equatable {
    public var funcPos: Pos
    public var typeParams: FieldList?
    public var params: FieldList
    public var results: FieldList?
}
public struct InterfaceType: Sendable, Equatable { public var interfacePos: Pos; public var methods: FieldList }
public struct MapType: Sendable, Equatable { public var mapPos: Pos; public var key: Expr; public var value: Expr }

public enum ChanDir: Sendable, Equatable { case both, send, recv }
public struct ChanType: Sendable, Equatable {
    public var begin: Pos
    /// Position of `<-`, or `.none`.
    public var arrow: Pos
    public var dir: ChanDir
    public var value: Expr
}

/// A field, parameter, result, method or embedded element.
public struct Field: Sendable, Equatable {
    public var doc: CommentGroup?
    public var names: [Ident]
    public var type: Expr?
    public var tag: BasicLit?
    public var comment: CommentGroup?

    public var pos: Pos {
        if let n = names.first { return n.pos }
        if let t = type { return t.pos }
        return .none
    }
    public var end: Pos {
        if let t = tag { return t.valueEnd }
        if let t = type { return t.end }
        return names.last?.end ?? .none
    }
}

/// A parenthesized, bracketed or braced list of fields. `opening`/`closing` are `.none`
/// for a single unparenthesized result type.
public struct FieldList: Sendable, Equatable {
    public var opening: Pos
    public var list: [Field]
    public var closing: Pos

    /// The number of names declared (unnamed fields count once).
    public var numFields: Int { list.reduce(0) { $0 + max(1, $1.names.count) } }
    public var pos: Pos { opening.isValid ? opening : (list.first?.pos ?? .none) }
    public var end: Pos { closing.isValid ? closing + 1 : (list.last?.end ?? .none) }
}

/// An expression or type.
public enum Expr: Sendable, Equatable {
    case bad(BadExpr)
    case ident(Ident)
    case basicLit(BasicLit)
    indirect case ellipsis(Ellipsis)
    indirect case funcLit(FuncLit)
    indirect case compositeLit(CompositeLit)
    indirect case paren(ParenExpr)
    indirect case selector(SelectorExpr)
    indirect case index(IndexExpr)
    indirect case indexList(IndexListExpr)
    indirect case slice(SliceExpr)
    indirect case typeAssert(TypeAssertExpr)
    indirect case call(CallExpr)
    indirect case star(StarExpr)
    indirect case unary(UnaryExpr)
    indirect case binary(BinaryExpr)
    indirect case keyValue(KeyValueExpr)
    indirect case arrayType(ArrayType)
    indirect case structType(StructType)
    indirect case funcType(FuncType)
    indirect case interfaceType(InterfaceType)
    indirect case mapType(MapType)
    indirect case chanType(ChanType)

    public var pos: Pos {
        switch self {
        case .bad(let x): return x.from
        case .ident(let x): return x.namePos
        case .basicLit(let x): return x.valuePos
        case .ellipsis(let x): return x.ellipsis
        case .funcLit(let x): return x.type.funcPos
        case .compositeLit(let x): return x.type?.pos ?? x.lbrace
        case .paren(let x): return x.lparen
        case .selector(let x): return x.x.pos
        case .index(let x): return x.x.pos
        case .indexList(let x): return x.x.pos
        case .slice(let x): return x.x.pos
        case .typeAssert(let x): return x.x.pos
        case .call(let x): return x.fun.pos
        case .star(let x): return x.star
        case .unary(let x): return x.opPos
        case .binary(let x): return x.x.pos
        case .keyValue(let x): return x.key.pos
        case .arrayType(let x): return x.lbrack
        case .structType(let x): return x.structPos
        case .funcType(let x): return x.pos
        case .interfaceType(let x): return x.interfacePos
        case .mapType(let x): return x.mapPos
        case .chanType(let x): return x.begin
        }
    }

    public var end: Pos {
        switch self {
        case .bad(let x): return x.to
        case .ident(let x): return x.end
        case .basicLit(let x): return x.valueEnd
        case .ellipsis(let x): return x.elt?.end ?? x.ellipsis + 3
        case .funcLit(let x): return x.body.end
        case .compositeLit(let x): return x.rbrace + 1
        case .paren(let x): return x.rparen + 1
        case .selector(let x): return x.sel.end
        case .index(let x): return x.rbrack + 1
        case .indexList(let x): return x.rbrack + 1
        case .slice(let x): return x.rbrack + 1
        case .typeAssert(let x): return x.rparen + 1
        case .call(let x): return x.rparen + 1
        case .star(let x): return x.x.end
        case .unary(let x): return x.x.end
        case .binary(let x): return x.y.end
        case .keyValue(let x): return x.value.end
        case .arrayType(let x): return x.elt.end
        case .structType(let x): return x.fields.end
        case .funcType(let x): return x.end
        case .interfaceType(let x): return x.methods.end
        case .mapType(let x): return x.value.end
        case .chanType(let x): return x.value.end
        }
    }

    /// The expression with any enclosing parentheses removed.
    public var unparen: Expr {
        var x = self
        while case .paren(let p) = x { x = p.x }
        return x
    }

    public var asIdent: Ident? {
        if case .ident(let i) = self { return i }
        return nil
    }
}

extension FuncType {
    public var pos: Pos {
        if funcPos.isValid { return funcPos }
        if let tp = typeParams { return tp.pos }
        return params.pos
    }
    public var end: Pos { results?.end ?? params.end }
}
