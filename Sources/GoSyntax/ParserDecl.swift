// Declarations and the source file.

extension Parser {
    mutating func parseImportSpec(_ doc: CommentGroup?) -> Spec {
        var ident: Ident?
        switch tok {
        case .ident:
            ident = parseIdent()
        case .period:
            ident = Ident(namePos: pos, name: ".")
            next()
        default:
            break
        }
        let p = pos
        var end = pos
        var path = ""
        if tok == .string {
            path = basicLit().value
            end = Pos(base + tokEnd)
            next()
        } else if tok.isLiteral {
            error(p, "import path must be a string")
            next()
        } else {
            error(p, "missing import path")
            advance(Parser.exprEnd)
        }
        let comment = expectSemi()
        let spec = ImportSpec(doc: doc, name: ident,
                              path: BasicLit(valuePos: p, valueEnd: end, kind: .string, value: path),
                              comment: comment)
        imports.append(spec)
        return .import(spec)
    }

    mutating func parseValueSpec(_ doc: CommentGroup?, _ keyword: TokenKind) -> Spec {
        let idents = parseIdentList()
        var type: Expr?
        var values: [Expr] = []
        if keyword == .const {
            // Type and values are optional after the first spec of a group (iota repeats).
            if tok != .eof && tok != .semicolon && tok != .rparen {
                type = tryIdentOrType()
                if tok == .assign {
                    next()
                    values = parseList(inRhs: true)
                }
            }
        } else {
            if tok != .assign { type = parseType() }
            if tok == .assign {
                next()
                values = parseList(inRhs: true)
            }
        }
        let comment = expectSemi()
        return .value(ValueSpec(doc: doc, names: idents, type: type, values: values, comment: comment))
    }

    mutating func parseGenericType(_ spec: inout TypeSpec, _ openPos: Pos, _ name0: Ident, _ type0: Expr?) {
        let list = parseParameterList(name0: name0, type0: type0, closing: .rbrack, dddOK: false)
        let closePos = expect(.rbrack)
        spec.typeParams = FieldList(opening: openPos, list: list, closing: closePos)
        if tok == .assign {
            spec.assign = pos
            next()
        }
        spec.type = parseType()
    }

    mutating func parseTypeSpec(_ doc: CommentGroup?) -> Spec {
        let name = parseIdent()
        var spec = TypeSpec(doc: doc, name: name, typeParams: nil, assign: .none, type: .bad(BadExpr(from: pos, to: pos)), comment: nil)
        if tok == .lbrack {
            // An array or slice type, or a type parameter list.
            let lbrack = pos
            next()
            if tok == .ident {
                // `name [P C]` vs `name [N]E`: parse an expression and look at its shape. A
                // name followed by '[' must start a constraint like []E (index expressions
                // are never constant array lengths).
                var x = Expr.ident(parseIdent())
                if tok != .lbrack {
                    exprLev += 1
                    let lhs = parsePrimaryExpr(x)
                    x = parseBinaryExpr(lhs, TokenKind.lowestPrecedence + 1)
                    exprLev -= 1
                }
                let (pname, ptype) = Parser.extractName(x, force: tok == .comma)
                if let pname, ptype != nil || tok != .rbrack {
                    parseGenericType(&spec, lbrack, pname, ptype)
                } else {
                    spec.type = parseArrayType(lbrack, x)
                }
            } else {
                spec.type = parseArrayType(lbrack, nil)
            }
        } else {
            if tok == .assign {
                spec.assign = pos
                next()
            }
            spec.type = parseType()
        }
        spec.comment = expectSemi()
        return .type(spec)
    }

    /// Splits `x` into a type parameter name and its constraint when `x` can be read as
    /// `name constraint` (see the table in go/parser): `P *[]int` → (P, *[]int),
    /// `P(E)` → (P, (E)) only when forced or E is clearly a type element.
    static func extractName(_ x: Expr, force: Bool) -> (Ident?, Expr?) {
        switch x {
        case .ident(let name):
            return (name, nil)
        case .binary(let b):
            if b.op == .mul, case .ident(let name) = b.x, force || isTypeElem(b.y) {
                return (name, .star(StarExpr(star: b.opPos, x: b.y)))
            }
            if b.op == .or {
                let (name, lhs) = extractName(b.x, force: force || isTypeElem(b.y))
                if let name, let lhs {
                    var op = b
                    op.x = lhs
                    return (name, .binary(op))
                }
            }
        case .call(let c):
            if case .ident(let name) = c.fun, c.args.count == 1, !c.ellipsis.isValid, force || isTypeElem(c.args[0]) {
                return (name, .paren(ParenExpr(lparen: c.lparen, x: c.args[0], rparen: c.rparen)))
            }
        default:
            break
        }
        return (nil, x)
    }

    /// Whether `x` is certainly a type element (not also readable as a value expression).
    static func isTypeElem(_ x: Expr) -> Bool {
        switch x {
        case .arrayType, .structType, .funcType, .interfaceType, .mapType, .chanType:
            return true
        case .binary(let b):
            return isTypeElem(b.x) || isTypeElem(b.y)
        case .unary(let u):
            return u.op == .tilde
        case .paren(let p):
            return isTypeElem(p.x)
        default:
            return false
        }
    }

    mutating func parseSpec(_ doc: CommentGroup?, _ keyword: TokenKind) -> Spec {
        switch keyword {
        case .import: return parseImportSpec(doc)
        case .type: return parseTypeSpec(doc)
        default: return parseValueSpec(doc, keyword)
        }
    }

    mutating func parseGenDecl(_ keyword: TokenKind) -> GenDecl {
        let doc = leadComment
        let p = expect(keyword)
        var lparen = Pos.none, rparen = Pos.none
        var list: [Spec] = []
        if tok == .lparen {
            lparen = pos
            next()
            while tok != .rparen && tok != .eof {
                list.appendGrowing(parseSpec(leadComment, keyword))
            }
            rparen = expect(.rparen)
            expectSemi()
        } else {
            list.append(parseSpec(nil, keyword))
        }
        return GenDecl(doc: doc, tokPos: p, tok: keyword, lparen: lparen, specs: list, rparen: rparen)
    }

    mutating func parseFuncDecl() -> FuncDecl {
        let doc = leadComment
        let p = expect(.func)
        var recv: FieldList?
        if tok == .lparen { recv = parseParameters(result: false) }
        let ident = parseIdent()
        var tparams: FieldList?
        // Functions and, since Go 1.27, methods may declare type parameters.
        if tok == .lbrack { tparams = parseTypeParameters() }
        let params = parseParameters(result: false)!
        let results = parseParameters(result: true)
        var body: BlockStmt?
        switch tok {
        case .lbrace:
            body = skipping ? parseOrSkipBody() : parseBody()
            expectSemi()
        case .semicolon:
            next()
            if tok == .lbrace {
                error(pos, "unexpected semicolon or newline before {")
                body = parseBody()
                expectSemi()
            }
        default:
            expectSemi()
        }
        return FuncDecl(doc: doc, recv: recv, name: ident,
                        type: FuncType(funcPos: p, typeParams: tparams, params: params, results: results),
                        body: body)
    }

    mutating func parseDecl(_ sync: Set<TokenKind>) -> Decl {
        switch tok {
        case .import, .const, .var, .type:
            return .gen(parseGenDecl(tok))
        case .func:
            return .func(parseFuncDecl())
        default:
            let p = pos
            errorExpected(p, "declaration")
            advance(sync)
            return .bad(BadDecl(from: p, to: pos))
        }
    }

    mutating func parseFile() -> File {
        let start = Pos(base)
        let end = Pos(base + src.count)
        var file = File(doc: nil, packagePos: .none, name: Ident(namePos: .none, name: ""), decls: [],
                        imports: [], comments: [], buildConstraint: nil, fileStart: start, fileEnd: end)
        // A file whose first token is already an error is likely not Go at all.
        if !errors.isEmpty {
            file.comments = comments
            return file
        }
        file.doc = leadComment
        file.packagePos = expect(.package)
        file.name = parseIdent()
        expectSemi()
        if !errors.isEmpty {
            file.comments = comments
            file.buildConstraint = buildConstraint
            return file
        }
        var decls: [Decl] = []
        while tok == .import { decls.append(.gen(parseGenDecl(.import))) }
        var prev = TokenKind.import
        while tok != .eof && !importsOnly {
            if tok == .import && prev != .import {
                error(pos, "imports must appear before other declarations")
            }
            prev = tok
            skippedInDecl = false
            decls.appendGrowing(parseDecl(Parser.declStart))
            if skippedInDecl { skippedDecls.append(decls.count - 1) }
        }
        file.decls = decls
        file.imports = imports
        file.comments = comments
        file.buildConstraint = buildConstraint
        return file
    }
}
