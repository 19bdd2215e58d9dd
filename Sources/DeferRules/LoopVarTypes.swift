import GoAnalysis
import GoSyntax

/// The type of a loop variable, read from the source without type checking: a three-clause
/// loop's `i := 0` is `int`; a range variable's type follows from the ranged value when that
/// is a literal, a range over an integer constant, or a variable or parameter declared with
/// an explicit type (`[]T`, `[N]T`, `map[K]V`, `string`, `chan T`, an integer type). nil when
/// the source does not say.
enum LoopVarTypes {
    static func type(of obj: Int, pass: Pass, file: Int, enclosing: Enclosing) -> String? {
        let decl = pass.resolution.object(obj).declPos
        for node in enclosing.stack.reversed() {
            switch node {
            case .stmt(.for(let f)):
                guard case .assign(let a)? = f.initStmt, a.tok == .define,
                      let k = a.lhs.firstIndex(where: { $0.asIdent?.pos == decl }), a.lhs.count == a.rhs.count else { continue }
                return literalType(a.rhs[k])
            case .stmt(.range(let r)):
                let isKey = r.key?.asIdent?.pos == decl
                let isValue = r.value?.asIdent?.pos == decl
                guard isKey || isValue else { continue }
                guard let ranged = rangedType(r.x, pass: pass, file: file) else { return nil }
                return elementType(ranged, key: isKey, pass: pass, file: file)
            default:
                continue
            }
        }
        return nil
    }

    /// The default type of an untyped constant literal.
    static func literalType(_ e: Expr) -> String? {
        guard case .basicLit(let l) = e.unparen else { return nil }
        switch l.kind {
        case .int: return "int"
        case .float: return "float64"
        case .string: return "string"
        case .char: return "rune"
        default: return nil
        }
    }

    /// The declared type of the ranged expression, as a type expression.
    static func rangedType(_ x: Expr, pass: Pass, file: Int) -> Expr? {
        switch x.unparen {
        case .compositeLit(let c): return c.type
        case .basicLit(let l) where l.kind == .int: return .ident(Ident(namePos: l.valuePos, name: "int"))
        case .ident(let id):
            guard let obj = pass.resolution.object(at: id.pos), obj.kind == .variable else { return nil }
            return declaredType(at: obj.declPos, pass: pass, file: file)
        default:
            return nil
        }
    }

    /// The explicit type of the variable or parameter declared at `pos` in file `file`.
    static func declaredType(at pos: Pos, pass: Pass, file: Int) -> Expr? {
        var found: Expr?
        guard let decl = pass.files[file].decl(holding: pos) else { return nil }
        Inspector.walk(.decl(decl), pre: { n in
            guard found == nil else { return false }
            switch n {
            case .field(let f) where f.names.contains(where: { $0.pos == pos }):
                found = f.type
            case .spec(.value(let v)) where v.names.contains(where: { $0.pos == pos }):
                found = v.type
            case .stmt(.assign(let a)) where a.tok == .define:
                if let k = a.lhs.firstIndex(where: { $0.asIdent?.pos == pos }), a.lhs.count == a.rhs.count,
                   case .compositeLit(let c) = a.rhs[k].unparen {
                    found = c.type
                }
            default:
                break
            }
            return found == nil
        })
        return found
    }

    static let integerTypes: Set<String> = ["int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr"]

    /// A range key's or value's type for a ranged value of type `t`.
    static func elementType(_ t: Expr, key: Bool, pass: Pass, file: Int) -> String? {
        switch t.unparen {
        case .arrayType(let a):
            return key ? "int" : pass.text(file, a.elt)
        case .mapType(let m):
            return pass.text(file, key ? m.key : m.value)
        case .chanType(let c):
            return key ? pass.text(file, c.value) : nil
        case .ident(let id):
            if id.name == "string" { return key ? "int" : "rune" }
            if integerTypes.contains(id.name) { return key ? id.name : nil }
            return nil
        default:
            return nil
        }
    }
}
