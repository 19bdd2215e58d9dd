// Expressions.

extension Parser {
    mutating func parseExpr() -> Expr { parseBinaryExpr(nil, TokenKind.lowestPrecedence + 1) }

    mutating func parseRhs() -> Expr {
        let old = inRhs
        inRhs = true
        let x = parseExpr()
        inRhs = old
        return x
    }

    mutating func parseFuncTypeOrLit() -> Expr {
        let type = parseFuncType()
        if tok != .lbrace { return .funcType(type) }
        exprLev += 1
        // In an outline a function literal's body is a function's body like any other.
        let body = skipping ? parseOrSkipBody() : parseBody()
        exprLev -= 1
        return .funcLit(FuncLit(type: type, body: body))
    }

    /// An operand; may also be a type (e.g. `[]int` of a conversion or composite literal).
    mutating func parseOperand() -> Expr {
        switch tok {
        case .ident:
            return .ident(parseIdent())
        case .int, .float, .imag, .char, .string:
            let x = basicLit()
            next()
            return .basicLit(x)
        case .lparen:
            let lparen = pos
            next()
            exprLev += 1
            let x = parseRhs()  // types may be parenthesized: (some type)
            exprLev -= 1
            let rparen = expect(.rparen)
            return .paren(ParenExpr(lparen: lparen, x: x, rparen: rparen))
        case .func:
            return parseFuncTypeOrLit()
        default:
            break
        }
        if let t = tryIdentOrType() { return t }
        let p = pos
        errorExpected(p, "operand")
        advance(Parser.stmtStart)
        return .bad(BadExpr(from: p, to: pos))
    }

    mutating func parseTypeAssertion(_ x: Expr) -> Expr {
        let lparen = expect(.lparen)
        var type: Expr?
        if tok == .type {
            next()  // type switch guard: type == nil
        } else {
            type = parseType()
        }
        let rparen = expect(.rparen)
        return .typeAssert(TypeAssertExpr(x: x, lparen: lparen, type: type, rparen: rparen))
    }

    mutating func parseIndexOrSliceOrInstance(_ x: Expr) -> Expr {
        let lbrack = expect(.lbrack)
        if tok == .rbrack {
            // Empty index: accepted for tolerance, with an error.
            errorExpected(pos, "operand")
            let rbrack = pos
            next()
            return .index(IndexExpr(x: x, lbrack: lbrack, index: .bad(BadExpr(from: rbrack, to: rbrack)), rbrack: rbrack))
        }
        exprLev += 1
        var args: [Expr] = []
        // The three indices and two colons of a slice (locals: an array here was two
        // allocations per index expression).
        var index0: Expr?, index1: Expr?, index2: Expr?
        var colon0 = Pos.none, colon1 = Pos.none
        if tok != .colon {
            // Index or type instance: a named type does not put us in a type context.
            index0 = parseRhs()
        }
        var ncolons = 0
        switch tok {
        case .colon:
            while tok == .colon && ncolons < 2 {
                if ncolons == 0 { colon0 = pos } else { colon1 = pos }
                ncolons += 1
                next()
                if tok != .colon && tok != .rbrack && tok != .eof {
                    if ncolons == 1 { index1 = parseRhs() } else { index2 = parseRhs() }
                }
            }
        case .comma:
            args.append(index0!)
            while tok == .comma {
                next()
                if tok != .rbrack && tok != .eof { args.append(parseType()) }
            }
        default:
            break
        }
        exprLev -= 1
        let rbrack = expect(.rbrack)

        if ncolons > 0 {
            var slice3 = false
            if ncolons == 2 {
                slice3 = true
                if index1 == nil {
                    error(colon0, "middle index required in 3-index slice")
                    index1 = .bad(BadExpr(from: colon0 + 1, to: colon1))
                }
                if index2 == nil {
                    error(colon1, "final index required in 3-index slice")
                    index2 = .bad(BadExpr(from: colon1 + 1, to: rbrack))
                }
            }
            return .slice(SliceExpr(x: x, lbrack: lbrack, low: index0, high: index1, max: index2, slice3: slice3, rbrack: rbrack))
        }
        if args.isEmpty {
            return .index(IndexExpr(x: x, lbrack: lbrack, index: index0!, rbrack: rbrack))
        }
        return Parser.packIndexExpr(x, lbrack, args, rbrack)
    }

    mutating func parseCallOrConversion(_ fun: Expr) -> CallExpr {
        let lparen = expect(.lparen)
        exprLev += 1
        var list: [Expr] = []
        var ellipsis = Pos.none
        while tok != .rparen && tok != .eof && !ellipsis.isValid {
            list.appendGrowing(parseRhs())  // builtins may take a type: make(T, n), new(T)
            if tok == .ellipsis {
                ellipsis = pos
                next()
            }
            if !atComma("argument list", .rparen) { break }
            next()
        }
        exprLev -= 1
        let rparen = expectClosing(.rparen, "argument list")
        return CallExpr(fun: fun, lparen: lparen, args: list, ellipsis: ellipsis, rparen: rparen)
    }

    mutating func parseValue() -> Expr {
        if tok == .lbrace { return parseLiteralValue(nil) }
        return parseExpr()
    }

    mutating func parseElement() -> Expr {
        let x = parseValue()
        if tok == .colon {
            let colon = pos
            next()
            return .keyValue(KeyValueExpr(key: x, colon: colon, value: parseValue()))
        }
        return x
    }

    mutating func parseLiteralValue(_ type: Expr?) -> Expr {
        // An outline keeps a composite literal's type, and its elements only when they hold a
        // watched word.
        if skipping && tok == .lbrace {
            return skipOrParseWhole(empty: { .compositeLit(CompositeLit(type: type, lbrace: $0, elts: [], rbrace: $1)) }) {
                $0.parseLiteralValue(type)
            }
        }
        enter()
        defer { leave() }
        let lbrace = expect(.lbrace)
        var elts: [Expr] = []
        exprLev += 1
        while tok != .rbrace && tok != .eof {
            let e = parseElement()
            if !dropsBodies { elts.appendGrowing(e) }
            if !atComma("composite literal", .rbrace) { break }
            next()
        }
        exprLev -= 1
        let rbrace = expectClosing(.rbrace, "composite literal")
        return .compositeLit(CompositeLit(type: type, lbrace: lbrace, elts: elts, rbrace: rbrace))
    }

    mutating func parsePrimaryExpr(_ x0: Expr?) -> Expr {
        var x = x0 ?? parseOperand()
        // Each suffix nests the result one level deeper, so count it.
        var n = 0
        defer { leave(n) }
        while true {
            n += 1
            enter()
            switch tok {
            case .period:
                next()
                switch tok {
                case .ident:
                    x = .selector(SelectorExpr(x: x, sel: parseIdent()))
                case .lparen:
                    x = parseTypeAssertion(x)
                default:
                    let p = pos
                    errorExpected(p, "selector or type assertion")
                    if tok != .rbrace { next() }  // make progress
                    x = .selector(SelectorExpr(x: x, sel: Ident(namePos: p, name: "_")))
                }
            case .lbrack:
                x = parseIndexOrSliceOrInstance(x)
            case .lparen:
                x = .call(parseCallOrConversion(x))
            case .lbrace:
                // Is '{' a composite literal or a block? Decide by the operand's shape and
                // whether we are in a control clause.
                let t = x.unparen
                switch t {
                case .bad, .ident, .selector, .index, .indexList:
                    if exprLev < 0 { return x }
                case .arrayType, .structType, .mapType:
                    break
                default:
                    return x
                }
                if t != x {
                    error(t.pos, "cannot parenthesize type in composite literal")
                }
                x = parseLiteralValue(x)
            default:
                return x
            }
        }
    }

    mutating func parseUnaryExpr() -> Expr {
        enter()
        defer { leave() }
        switch tok {
        case .add, .sub, .not, .xor, .and, .tilde:
            let p = pos, op = tok
            next()
            let x = parseUnaryExpr()
            return .unary(UnaryExpr(opPos: p, op: op, x: x))
        case .arrow:
            let arrow0 = pos
            next()
            // `<-chan T` is a channel type; `<-x` a receive. Only the operand tells.
            let x = parseUnaryExpr()
            if case .chanType = x {
                return reassociateArrow(arrow0, x)
            }
            return .unary(UnaryExpr(opPos: arrow0, op: .arrow, x: x))
        case .mul:
            let p = pos
            next()
            let x = parseUnaryExpr()
            return .star(StarExpr(star: p, x: x))
        default:
            return parsePrimaryExpr(nil)
        }
    }

    /// Re-associates a leading `<-` with the channel type parsed after it:
    /// `<- (chan T)` is `<-chan T`, and `<- (chan<- T)` is `<-chan (<-T)`.
    mutating func reassociateArrow(_ arrow0: Pos, _ x: Expr) -> Expr {
        guard case .chanType(var typ) = x else { return x }
        var arrow = arrow0
        var dir = ChanDir.send
        if typ.dir == .recv {
            errorExpected(typ.arrow, "'chan'")
        }
        let oldArrow = typ.arrow
        typ.begin = arrow
        typ.arrow = arrow
        dir = typ.dir
        typ.dir = .recv
        arrow = oldArrow
        if dir == .send {
            // The value was a send-only channel: continue with its element type.
            if case .chanType = typ.value {
                typ.value = reassociateArrow(arrow, typ.value)
                return .chanType(typ)
            }
            errorExpected(arrow, "channel type")
        }
        return .chanType(typ)
    }

    mutating func tokPrec() -> (TokenKind, Int) {
        var t = tok
        if inRhs && t == .assign { t = .eql }
        return (t, t.precedence)
    }

    mutating func parseBinaryExpr(_ x0: Expr?, _ prec1: Int) -> Expr {
        var x = x0 ?? parseUnaryExpr()
        var n = 0
        defer { leave(n) }
        while true {
            n += 1
            enter()
            let (op, oprec) = tokPrec()
            if oprec < prec1 { return x }
            let p = expect(op)
            let y = parseBinaryExpr(nil, oprec + 1)
            x = .binary(BinaryExpr(x: x, opPos: p, op: op, y: y))
        }
    }
}
