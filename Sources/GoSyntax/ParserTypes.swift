// Types, parameter lists and type parameters.

extension Parser {
    mutating func parseType() -> Expr {
        if let t = tryIdentOrType() { return t }
        let p = pos
        errorExpected(p, "type")
        advance(Parser.exprEnd)
        return .bad(BadExpr(from: p, to: pos))
    }

    mutating func parseQualifiedIdent(_ ident: Ident?) -> Expr {
        var t = parseTypeName(ident)
        if tok == .lbrack { t = parseTypeInstance(t) }
        return t
    }

    mutating func parseTypeName(_ ident: Ident?) -> Expr {
        let id = ident ?? parseIdent()
        if tok == .period {
            next()
            let sel = parseIdent()
            return .selector(SelectorExpr(x: .ident(id), sel: sel))
        }
        return .ident(id)
    }

    /// `[` has been consumed at `lbrack`; `len` is an already parsed length, if any.
    mutating func parseArrayType(_ lbrack: Pos, _ len0: Expr?) -> Expr {
        var len = len0
        if len == nil {
            exprLev += 1
            if tok == .ellipsis {
                len = .ellipsis(Ellipsis(ellipsis: pos, elt: nil))
                next()
            } else if tok != .rbrack {
                len = parseRhs()
            }
            exprLev -= 1
        }
        if tok == .comma {
            // Trailing commas are accepted in type parameter lists but not in array types.
            error(pos, "unexpected comma; expecting ]")
            next()
        }
        expect(.rbrack)
        let elt = parseType()
        return .arrayType(ArrayType(lbrack: lbrack, len: len, elt: elt))
    }

    /// After a field or parameter name followed by `[`: either an array/slice type of the
    /// field (returns the name and the type) or an instantiated embedded type (returns nil
    /// and the instance).
    mutating func parseArrayFieldOrTypeInstance(_ x: Ident) -> (Ident?, Expr) {
        let lbrack = expect(.lbrack)
        var trailingComma = Pos.none
        var args: [Expr] = []
        if tok != .rbrack {
            exprLev += 1
            args.append(parseRhs())
            while tok == .comma {
                let comma = pos
                next()
                if tok == .rbrack {
                    trailingComma = comma
                    break
                }
                args.append(parseRhs())
            }
            exprLev -= 1
        }
        let rbrack = expect(.rbrack)
        if args.isEmpty {
            let elt = parseType()
            return (x, .arrayType(ArrayType(lbrack: lbrack, len: nil, elt: elt)))
        }
        if args.count == 1, let elt = tryIdentOrType() {
            if trailingComma.isValid { error(trailingComma, "unexpected comma; expecting ]") }
            return (x, .arrayType(ArrayType(lbrack: lbrack, len: args[0], elt: elt)))
        }
        return (nil, Parser.packIndexExpr(.ident(x), lbrack, args, rbrack))
    }

    static func packIndexExpr(_ x: Expr, _ lbrack: Pos, _ exprs: [Expr], _ rbrack: Pos) -> Expr {
        precondition(!exprs.isEmpty, "packIndexExpr needs at least one index")
        if exprs.count == 1 {
            return .index(IndexExpr(x: x, lbrack: lbrack, index: exprs[0], rbrack: rbrack))
        }
        return .indexList(IndexListExpr(x: x, lbrack: lbrack, indices: exprs, rbrack: rbrack))
    }

    mutating func parseFieldDecl() -> Field {
        let doc = leadComment
        var names: [Ident] = []
        var type: Expr
        switch tok {
        case .ident:
            let name = parseIdent()
            if tok == .period || tok == .string || tok == .semicolon || tok == .rbrace {
                type = .ident(name)  // embedded type
                if tok == .period { type = parseQualifiedIdent(name) }
            } else {
                names = [name]
                while tok == .comma {
                    next()
                    names.append(parseIdent())
                }
                // An embedded instance T[P1, P2] or a field T of array type []E or [P]E.
                if names.count == 1 && tok == .lbrack {
                    let (n, t) = parseArrayFieldOrTypeInstance(name)
                    type = t
                    if n == nil { names = [] }
                } else {
                    type = parseType()
                }
            }
        case .mul:
            let star = pos
            next()
            if tok == .lparen {
                error(pos, "cannot parenthesize embedded type")
                next()
                type = parseQualifiedIdent(nil)
                if tok == .rparen { next() }
            } else {
                type = parseQualifiedIdent(nil)
            }
            type = .star(StarExpr(star: star, x: type))
        case .lparen:
            error(pos, "cannot parenthesize embedded type")
            next()
            if tok == .mul {
                let star = pos
                next()
                type = .star(StarExpr(star: star, x: parseQualifiedIdent(nil)))
            } else {
                type = parseQualifiedIdent(nil)
            }
            if tok == .rparen { next() }
        default:
            let p = pos
            errorExpected(p, "field name or embedded type")
            advance(Parser.exprEnd)
            type = .bad(BadExpr(from: p, to: pos))
        }
        var tag: BasicLit?
        if tok == .string {
            tag = basicLit()
            next()
        }
        let comment = expectSemi()
        return Field(doc: doc, names: names, type: type, tag: tag, comment: comment)
    }

    mutating func parseStructType() -> Expr {
        let p = expect(.struct)
        let lbrace = expect(.lbrace)
        var list: [Field] = []
        // A field cannot start with '(' but accepting it gives better errors.
        while tok == .ident || tok == .mul || tok == .lparen {
            list.appendGrowing(parseFieldDecl())
        }
        let rbrace = expect(.rbrace)
        return .structType(StructType(structPos: p, fields: FieldList(opening: lbrace, list: list, closing: rbrace)))
    }

    mutating func parsePointerType() -> Expr {
        let star = expect(.mul)
        return .star(StarExpr(star: star, x: parseType()))
    }

    mutating func parseDotsType() -> Expr {
        let p = expect(.ellipsis)
        return .ellipsis(Ellipsis(ellipsis: p, elt: parseType()))
    }

    struct ParamField {
        var name: Ident?
        var type: Expr?
    }

    mutating func parseParamDecl(_ name0: Ident?, typeSetsOK: Bool) -> ParamField {
        var f = ParamField()
        if name0 == nil && typeSetsOK && tok == .tilde {
            return ParamField(name: nil, type: embeddedElem(nil))
        }
        if name0 != nil || tok == .ident {
            f.name = name0 ?? parseIdent()
            switch tok {
            case .ident, .mul, .arrow, .func, .chan, .map, .struct, .interface, .lparen:
                f.type = parseType()
            case .lbrack:
                let (n, t) = parseArrayFieldOrTypeInstance(f.name!)
                f.name = n
                f.type = t
            case .ellipsis:
                f.type = parseDotsType()
                return f  // no ...type "|" ...
            case .period:
                f.type = parseQualifiedIdent(f.name)
                f.name = nil
            case .tilde:
                if typeSetsOK {
                    f.type = embeddedElem(nil)
                    return f
                }
            case .or:
                if typeSetsOK {
                    f.type = embeddedElem(.ident(f.name!))
                    f.name = nil
                    return f
                }
            default:
                break
            }
        } else {
            switch tok {
            case .mul, .arrow, .func, .lbrack, .chan, .map, .struct, .interface, .lparen:
                f.type = parseType()
            case .ellipsis:
                f.type = parseDotsType()
                return f
            default:
                errorExpected(pos, "')'")
                advance(Parser.exprEnd)
            }
        }
        if typeSetsOK && tok == .or, let t = f.type {
            f.type = embeddedElem(t)
        }
        return f
    }

    /// Parses parameters up to `closing` (`)` or `]` for type parameters). `name0`/`type0`
    /// are an already parsed first name and type.
    mutating func parseParameterList(name0 n0: Ident?, type0 t0: Expr?, closing: TokenKind, dddOK: Bool) -> [Field] {
        let tparams = closing == .rbrack
        var name0 = n0, type0 = t0
        var pos0 = pos
        if let n = name0 { pos0 = n.pos } else if let t = type0 { pos0 = t.pos }

        var list: [ParamField] = []
        var named = 0  // parameters with an explicit name and type
        var typed = 0  // parameters with an explicit type
        while name0 != nil || (tok != closing && tok != .eof) {
            var par: ParamField
            if var t = type0 {
                if tparams { t = embeddedElem(t) }
                par = ParamField(name: name0, type: t)
            } else {
                par = parseParamDecl(name0, typeSetsOK: tparams)
            }
            name0 = nil
            type0 = nil
            if par.name != nil || par.type != nil {
                list.appendGrowing(par)
                if par.name != nil && par.type != nil { named += 1 }
                if par.type != nil { typed += 1 }
            }
            if !atComma("parameter list", closing) { break }
            next()
        }
        if list.isEmpty { return [] }

        // Distribute parameter types.
        if named == 0 {
            // All unnamed: the names found are type names.
            for i in list.indices {
                if let n = list[i].name {
                    list[i].type = .ident(n)
                    list[i].name = nil
                }
            }
            if tparams {
                var errPos: Pos
                var msg: String
                if named == typed {
                    errPos = pos
                    msg = "missing type constraint"
                } else {
                    errPos = pos0
                    msg = "missing type parameter name"
                    if list.count == 1 { msg += " or invalid array length" }
                }
                error(errPos, msg)
            }
        } else if named != list.count {
            // Some named: all must be named; sweep types right to left.
            var errPos = Pos.none
            var type: Expr?
            for i in list.indices.reversed() {
                if let t = list[i].type {
                    type = t
                    if list[i].name == nil {
                        errPos = t.pos
                        list[i].name = Ident(namePos: errPos, name: "_")
                    }
                } else if let t = type {
                    list[i].type = t
                } else {
                    errPos = list[i].name!.pos
                    list[i].type = .bad(BadExpr(from: errPos, to: pos))
                }
            }
            if errPos.isValid {
                var msg: String
                if named == typed {
                    errPos = pos
                    msg = tparams ? "missing type constraint" : "missing parameter type"
                } else if tparams {
                    msg = "missing type parameter name"
                    if list.count == 1 { msg += " or invalid array length" }
                } else {
                    msg = "missing parameter name"
                }
                error(errPos, msg)
            }
        }

        // Check the use of "...".
        var first = true
        for i in list.indices {
            if case .ellipsis(let t)? = list[i].type, !dddOK || i + 1 < list.count {
                if first {
                    first = false
                    error(t.ellipsis, dddOK ? "can only use ... with final parameter" : "invalid use of ...")
                }
                list[i].type = .bad(BadExpr(from: t.ellipsis, to: Expr.ellipsis(t).end))
            }
        }

        if named == 0 {
            return list.map { Field(doc: nil, names: [], type: $0.type, tag: nil, comment: nil) }
        }
        // Group consecutive names that share a type into one field.
        var fields: [Field] = []
        fields.reserveCapacity(list.count)
        var names: [Ident] = []
        var type: Expr?
        var typeStart = Pos.none
        for par in list {
            let t = par.type!
            // The same type node means the names were declared together: compare positions.
            if t.pos != typeStart || type == nil {
                if !names.isEmpty { fields.append(Field(doc: nil, names: names, type: type, tag: nil, comment: nil)) }
                names = []
                type = t
                typeStart = t.pos
            }
            names.appendGrowing(par.name!)
        }
        if !names.isEmpty { fields.append(Field(doc: nil, names: names, type: type, tag: nil, comment: nil)) }
        return fields
    }

    mutating func parseTypeParameters() -> FieldList? {
        let lbrack = expect(.lbrack)
        var list: [Field] = []
        if tok != .rbrack {
            list = parseParameterList(name0: nil, type0: nil, closing: .rbrack, dddOK: false)
        }
        let rbrack = expect(.rbrack)
        if list.isEmpty {
            error(rbrack, "empty type parameter list")
            return nil
        }
        return FieldList(opening: lbrack, list: list, closing: rbrack)
    }

    mutating func parseParameters(result: Bool) -> FieldList? {
        if !result || tok == .lparen {
            let lparen = expect(.lparen)
            var list: [Field] = []
            if tok != .rparen {
                list = parseParameterList(name0: nil, type0: nil, closing: .rparen, dddOK: !result)
            }
            let rparen = expect(.rparen)
            return FieldList(opening: lparen, list: list, closing: rparen)
        }
        if let t = tryIdentOrType() {
            return FieldList(opening: .none, list: [Field(doc: nil, names: [], type: t, tag: nil, comment: nil)], closing: .none)
        }
        return nil
    }

    mutating func parseFuncType() -> FuncType {
        let p = expect(.func)
        if tok == .lbrack, let tparams = parseTypeParameters() {
            // Accepted for tolerance, but a function type has no type parameters.
            error(tparams.opening, "function type must have no type parameters")
        }
        let params = parseParameters(result: false)!
        let results = parseParameters(result: true)
        return FuncType(funcPos: p, typeParams: nil, params: params, results: results)
    }

    mutating func parseMethodSpec() -> Field {
        let doc = leadComment
        var idents: [Ident] = []
        var type: Expr
        let x = parseTypeName(nil)
        if case .ident(let ident) = x {
            if tok == .lbrack {
                // A generic method (an error in an interface) or an embedded instance.
                let lbrack = pos
                next()
                exprLev += 1
                let x1 = parseExpr()
                exprLev -= 1
                if case .ident(let name0) = x1, tok != .comma && tok != .rbrack {
                    _ = parseParameterList(name0: name0, type0: nil, closing: .rbrack, dddOK: false)
                    expect(.rbrack)
                    error(lbrack, "interface method must have no type parameters")
                    let params = parseParameters(result: false)!
                    let results = parseParameters(result: true)
                    idents = [ident]
                    type = .funcType(FuncType(funcPos: .none, typeParams: nil, params: params, results: results))
                } else {
                    var list = [x1]
                    if atComma("type argument list", .rbrack) {
                        exprLev += 1
                        next()
                        while tok != .rbrack && tok != .eof {
                            list.append(parseType())
                            if !atComma("type argument list", .rbrack) { break }
                            next()
                        }
                        exprLev -= 1
                    }
                    let rbrack = expectClosing(.rbrack, "type argument list")
                    type = Parser.packIndexExpr(x, lbrack, list, rbrack)
                }
            } else if tok == .lparen {
                let params = parseParameters(result: false)!
                let results = parseParameters(result: true)
                idents = [ident]
                type = .funcType(FuncType(funcPos: .none, typeParams: nil, params: params, results: results))
            } else {
                type = x
            }
        } else {
            type = x
            if tok == .lbrack { type = parseTypeInstance(type) }
        }
        return Field(doc: doc, names: idents, type: type, tag: nil, comment: nil)
    }

    mutating func embeddedElem(_ x0: Expr?) -> Expr {
        var x = x0 ?? embeddedTerm()
        while tok == .or {
            let opPos = pos
            next()
            let y = embeddedTerm()
            x = .binary(BinaryExpr(x: x, opPos: opPos, op: .or, y: y))
        }
        return x
    }

    mutating func embeddedTerm() -> Expr {
        if tok == .tilde {
            let opPos = pos
            next()
            return .unary(UnaryExpr(opPos: opPos, op: .tilde, x: parseType()))
        }
        if let t = tryIdentOrType() { return t }
        let p = pos
        errorExpected(p, "~ term or type")
        advance(Parser.exprEnd)
        return .bad(BadExpr(from: p, to: pos))
    }

    mutating func parseInterfaceType() -> Expr {
        let p = expect(.interface)
        let lbrace = expect(.lbrace)
        var list: [Field] = []
        loop: while true {
            switch tok {
            case .ident:
                var f = parseMethodSpec()
                if f.names.isEmpty, let t = f.type { f.type = embeddedElem(t) }
                f.comment = expectSemi()
                list.append(f)
            case .tilde:
                let t = embeddedElem(nil)
                let c = expectSemi()
                list.append(Field(doc: nil, names: [], type: t, tag: nil, comment: c))
            default:
                if let t0 = tryIdentOrType() {
                    let t = embeddedElem(t0)
                    let c = expectSemi()
                    list.append(Field(doc: nil, names: [], type: t, tag: nil, comment: c))
                } else {
                    break loop
                }
            }
        }
        let rbrace = expect(.rbrace)
        return .interfaceType(InterfaceType(interfacePos: p, methods: FieldList(opening: lbrace, list: list, closing: rbrace)))
    }

    mutating func parseMapType() -> Expr {
        let p = expect(.map)
        expect(.lbrack)
        let key = parseType()
        expect(.rbrack)
        let value = parseType()
        return .mapType(MapType(mapPos: p, key: key, value: value))
    }

    mutating func parseChanType() -> Expr {
        let p = pos
        var dir = ChanDir.both
        var arrow = Pos.none
        if tok == .chan {
            next()
            if tok == .arrow {
                arrow = pos
                next()
                dir = .send
            }
        } else {
            arrow = expect(.arrow)
            expect(.chan)
            dir = .recv
        }
        let value = parseType()
        return .chanType(ChanType(begin: p, arrow: arrow, dir: dir, value: value))
    }

    mutating func parseTypeInstance(_ type: Expr) -> Expr {
        let opening = expect(.lbrack)
        exprLev += 1
        var list: [Expr] = []
        while tok != .rbrack && tok != .eof {
            list.append(parseType())
            if !atComma("type argument list", .rbrack) { break }
            next()
        }
        exprLev -= 1
        let closing = expectClosing(.rbrack, "type argument list")
        if list.isEmpty {
            errorExpected(closing, "type argument list")
            return .index(IndexExpr(x: type, lbrack: opening, index: .bad(BadExpr(from: opening + 1, to: closing)), rbrack: closing))
        }
        return Parser.packIndexExpr(type, opening, list, closing)
    }

    /// A type, or nil (without consuming anything) when no type starts here.
    mutating func tryIdentOrType() -> Expr? {
        enter()
        defer { leave() }
        switch tok {
        case .ident:
            var t = parseTypeName(nil)
            if tok == .lbrack { t = parseTypeInstance(t) }
            return t
        case .lbrack:
            let lbrack = expect(.lbrack)
            return parseArrayType(lbrack, nil)
        case .struct: return parseStructType()
        case .mul: return parsePointerType()
        case .func: return .funcType(parseFuncType())
        case .interface: return parseInterfaceType()
        case .map: return parseMapType()
        case .chan, .arrow: return parseChanType()
        case .lparen:
            let lparen = pos
            next()
            let t = parseType()
            let rparen = expect(.rparen)
            return .paren(ParenExpr(lparen: lparen, x: t, rparen: rparen))
        default:
            return nil
        }
    }
}
