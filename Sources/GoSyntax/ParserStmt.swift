// Statements.

extension Parser {
    mutating func parseStmtList() -> [Stmt] {
        var list: [Stmt] = []
        while tok != .case && tok != .default && tok != .rbrace && tok != .eof {
            let s = parseStmt()
            if !dropsBodies { list.appendGrowing(s) }
        }
        return list
    }

    mutating func parseBody() -> BlockStmt {
        let lbrace = expect(.lbrace)
        let list = parseStmtList()
        let rbrace = expect2(.rbrace)
        return BlockStmt(lbrace: lbrace, list: list, rbrace: rbrace)
    }

    mutating func parseBlockStmt() -> BlockStmt { parseBody() }

    /// A function's body in an outline (`skipping`): left empty when it holds no watched word,
    /// parsed whole otherwise.
    mutating func parseOrSkipBody() -> BlockStmt {
        skipOrParseWhole(empty: { BlockStmt(lbrace: $0, list: [], rbrace: $1) }) { $0.parseBody() }
    }

    /// The braced block at the current `{` in an outline: left empty (`empty(lbrace, rbrace)`)
    /// when it holds no watched word (`BraceSkim` finds its closing brace), else parsed whole
    /// by `parse` with nothing skipped inside — also when the skim gives up on it, so its
    /// errors are reported.
    mutating func skipOrParseWhole<T>(empty: (Pos, Pos) -> T, _ parse: (inout Parser) -> T) -> T {
        let lbrace = pos
        if let close = BraceSkim.closingBrace(src, from: tokEnd, words: watch) {
            skip(to: close)
            return empty(lbrace, expect2(.rbrace))
        }
        return unskipped(parse)
    }

    /// Continues at the closing brace (offset `close`) of the block at the current `{`.
    mutating func skip(to close: Int) {
        precondition(tok == .lbrace, "a skipped block starts at its brace")
        scanner.skip(to: close)
        next0()
        skippedInDecl = true
    }

    /// `parse` with nothing skipped (a body or literal that holds a watched word).
    mutating func unskipped<T>(_ parse: (inout Parser) -> T) -> T {
        let was = skipping
        skipping = false
        defer { skipping = was }
        return parse(&self)
    }

    enum SimpleStmtMode { case basic, labelOK, rangeOK }

    /// Parses a simple statement; with `.rangeOK`, the Bool result tells whether it was the
    /// assignment of a range clause (its right side is a single `range x` unary expression).
    mutating func parseSimpleStmt(_ mode: SimpleStmtMode) -> (Stmt, Bool) {
        let x = parseList(inRhs: false)
        switch tok {
        case .define, .assign, .addAssign, .subAssign, .mulAssign, .quoAssign, .remAssign,
             .andAssign, .orAssign, .xorAssign, .shlAssign, .shrAssign, .andNotAssign:
            let p = pos, t = tok
            next()
            var y: [Expr]
            var isRange = false
            if mode == .rangeOK && tok == .range && (t == .define || t == .assign) {
                let rp = pos
                next()
                y = [.unary(UnaryExpr(opPos: rp, op: .range, x: parseRhs()))]
                isRange = true
            } else {
                y = parseList(inRhs: true)
            }
            return (.assign(AssignStmt(lhs: x, tokPos: p, tok: t, rhs: y)), isRange)
        default:
            break
        }
        if x.count > 1 {
            errorExpected(x[0].pos, "1 expression")
        }
        switch tok {
        case .colon:
            let colon = pos
            next()
            if mode == .labelOK, case .ident(let label) = x[0] {
                // The labeled statement itself (the label's scope is the function body).
                let s = parseStmt()
                return (.labeled(LabeledStmt(label: label, colon: colon, stmt: s)), false)
            }
            error(colon, "illegal label declaration")
            return (.bad(BadStmt(from: x[0].pos, to: colon + 1)), false)
        case .arrow:
            let arrow = pos
            next()
            let y = parseRhs()
            return (.send(SendStmt(chan: x[0], arrow: arrow, value: y)), false)
        case .inc, .dec:
            let s = IncDecStmt(x: x[0], tokPos: pos, tok: tok)
            next()
            return (.incDec(s), false)
        default:
            return (.expr(ExprStmt(x: x[0])), false)
        }
    }

    mutating func parseCallExpr(_ callType: String) -> CallExpr? {
        var x = parseRhs()  // could be a conversion: (some type)(x)
        let t = x.unparen
        if t != x {
            error(x.pos, "expression in \(callType) must not be parenthesized")
            x = t
        }
        if case .call(let call) = x { return call }
        if case .bad = x { return nil }
        error(x.end, "expression in \(callType) must be function call")
        return nil
    }

    mutating func parseGoStmt() -> Stmt {
        let p = expect(.go)
        let call = parseCallExpr("go")
        expectSemi()
        guard let call else { return .bad(BadStmt(from: p, to: p + 2)) }
        return .go(GoStmt(goPos: p, call: call))
    }

    mutating func parseDeferStmt() -> Stmt {
        let p = expect(.defer)
        let call = parseCallExpr("defer")
        expectSemi()
        guard let call else { return .bad(BadStmt(from: p, to: p + 5)) }
        return .defer(DeferStmt(deferPos: p, call: call))
    }

    mutating func parseReturnStmt() -> Stmt {
        let p = pos
        expect(.return)
        var x: [Expr] = []
        if tok != .semicolon && tok != .rbrace { x = parseList(inRhs: true) }
        expectSemi()
        return .return(ReturnStmt(returnPos: p, results: x))
    }

    mutating func parseBranchStmt(_ t: TokenKind) -> Stmt {
        let p = expect(t)
        var label: Ident?
        if t == .goto || ((t == .continue || t == .break) && tok == .ident) {
            label = parseIdent()
        }
        expectSemi()
        return .branch(BranchStmt(tokPos: p, tok: t, label: label))
    }

    mutating func makeExpr(_ s: Stmt?, _ want: String) -> Expr? {
        guard let s else { return nil }
        if case .expr(let es) = s { return es.x }
        var found = "simple statement"
        if case .assign = s { found = "assignment" }
        error(s.pos, "expected \(want), found \(found) (missing parentheses around composite literal?)")
        return .bad(BadExpr(from: s.pos, to: s.end))
    }

    mutating func parseIfHeader() -> (Stmt?, Expr) {
        if tok == .lbrace {
            error(pos, "missing condition in if statement")
            return (nil, .bad(BadExpr(from: pos, to: pos)))
        }
        let prevLev = exprLev
        exprLev = -1
        var initStmt: Stmt?
        if tok != .semicolon {
            // Accept a var declaration for tolerance, but complain.
            if tok == .var {
                next()
                error(pos, "var declaration not allowed in if initializer")
            }
            initStmt = parseSimpleStmt(.basic).0
        }
        var condStmt: Stmt?
        var semiPos = Pos.none
        var semiImplicit = false
        if tok != .lbrace {
            if tok == .semicolon {
                semiPos = pos
                semiImplicit = implicitSemi
                next()
            } else {
                expect(.semicolon)
            }
            if tok != .lbrace { condStmt = parseSimpleStmt(.basic).0 }
        } else {
            condStmt = initStmt
            initStmt = nil
        }
        var cond: Expr?
        if condStmt != nil {
            cond = makeExpr(condStmt, "boolean expression")
        } else if semiPos.isValid {
            if semiImplicit {
                error(semiPos, "unexpected newline, expecting { after if clause")
            } else {
                error(semiPos, "missing condition in if statement")
            }
        }
        exprLev = prevLev
        return (initStmt, cond ?? .bad(BadExpr(from: pos, to: pos)))
    }

    mutating func parseIfStmt() -> Stmt {
        enter()
        defer { leave() }
        let p = expect(.if)
        let (initStmt, cond) = parseIfHeader()
        let body = parseBlockStmt()
        var elseStmt: Stmt?
        if tok == .else {
            next()
            switch tok {
            case .if:
                elseStmt = parseIfStmt()
            case .lbrace:
                elseStmt = .block(parseBlockStmt())
                expectSemi()
            default:
                errorExpected(pos, "if statement or block")
                elseStmt = .bad(BadStmt(from: pos, to: pos))
            }
        } else {
            expectSemi()
        }
        return .if(IfStmt(ifPos: p, initStmt: initStmt, cond: cond, body: body, elseStmt: elseStmt))
    }

    mutating func parseCaseClause() -> Stmt {
        let p = pos
        var list: [Expr]?
        if tok == .case {
            next()
            list = parseList(inRhs: true)
        } else {
            expect(.default)
        }
        let colon = expect(.colon)
        let body = parseStmtList()
        return .caseClause(CaseClause(casePos: p, list: list, colon: colon, body: body))
    }

    static func isTypeSwitchAssert(_ x: Expr) -> Bool {
        if case .typeAssert(let a) = x, a.type == nil { return true }
        return false
    }

    mutating func isTypeSwitchGuard(_ s: Stmt?) -> Bool {
        switch s {
        case .expr(let e)?:
            return Parser.isTypeSwitchAssert(e.x)
        case .assign(let a)?:
            if a.lhs.count == 1 && a.rhs.count == 1 && Parser.isTypeSwitchAssert(a.rhs[0]) {
                if a.tok == .assign {
                    error(a.tokPos, "expected ':=', found '='")  // permitted, with an error
                    return true
                }
                return a.tok == .define
            }
            return false
        default:
            return false
        }
    }

    mutating func parseSwitchStmt() -> Stmt {
        let p = expect(.switch)
        var s1: Stmt?, s2: Stmt?
        if tok != .lbrace {
            let prevLev = exprLev
            exprLev = -1
            if tok != .semicolon { s2 = parseSimpleStmt(.basic).0 }
            if tok == .semicolon {
                next()
                s1 = s2
                s2 = nil
                if tok != .lbrace { s2 = parseSimpleStmt(.basic).0 }
            }
            exprLev = prevLev
        }
        let typeSwitch = isTypeSwitchGuard(s2)
        let lbrace = expect(.lbrace)
        var list: [Stmt] = []
        while tok == .case || tok == .default { list.appendGrowing(parseCaseClause()) }
        let rbrace = expect(.rbrace)
        expectSemi()
        let body = BlockStmt(lbrace: lbrace, list: list, rbrace: rbrace)
        if typeSwitch, let s2 {
            return .typeSwitch(TypeSwitchStmt(switchPos: p, initStmt: s1, assign: s2, body: body))
        }
        return .switch(SwitchStmt(switchPos: p, initStmt: s1, tag: makeExpr(s2, "switch expression"), body: body))
    }

    mutating func parseCommClause() -> Stmt {
        let p = pos
        var comm: Stmt?
        if tok == .case {
            next()
            var lhs = parseList(inRhs: false)
            if tok == .arrow {
                if lhs.count > 1 { errorExpected(lhs[0].pos, "1 expression") }
                let arrow = pos
                next()
                let rhs = parseRhs()
                comm = .send(SendStmt(chan: lhs[0], arrow: arrow, value: rhs))
            } else if tok == .assign || tok == .define {
                let t = tok
                if lhs.count > 2 {
                    errorExpected(lhs[0].pos, "1 or 2 expressions")
                    lhs = Array(lhs[0..<2])
                }
                let ap = pos
                next()
                let rhs = parseRhs()
                comm = .assign(AssignStmt(lhs: lhs, tokPos: ap, tok: t, rhs: [rhs]))
            } else {
                if lhs.count > 1 { errorExpected(lhs[0].pos, "1 expression") }
                comm = .expr(ExprStmt(x: lhs[0]))
            }
        } else {
            expect(.default)
        }
        let colon = expect(.colon)
        let body = parseStmtList()
        return .commClause(CommClause(casePos: p, comm: comm, colon: colon, body: body))
    }

    mutating func parseSelectStmt() -> Stmt {
        let p = expect(.select)
        let lbrace = expect(.lbrace)
        var list: [Stmt] = []
        while tok == .case || tok == .default { list.append(parseCommClause()) }
        let rbrace = expect(.rbrace)
        expectSemi()
        return .select(SelectStmt(selectPos: p, body: BlockStmt(lbrace: lbrace, list: list, rbrace: rbrace)))
    }

    mutating func parseForStmt() -> Stmt {
        let p = expect(.for)
        var s1: Stmt?, s2: Stmt?, s3: Stmt?
        var isRange = false
        if tok != .lbrace {
            let prevLev = exprLev
            exprLev = -1
            if tok != .semicolon {
                if tok == .range {
                    // for range x
                    let rp = pos
                    next()
                    let y = Expr.unary(UnaryExpr(opPos: rp, op: .range, x: parseRhs()))
                    s2 = .assign(AssignStmt(lhs: [], tokPos: .none, tok: .illegal, rhs: [y]))
                    isRange = true
                } else {
                    (s2, isRange) = parseSimpleStmt(.rangeOK)
                }
            }
            if !isRange && tok == .semicolon {
                next()
                s1 = s2
                s2 = nil
                if tok != .semicolon { s2 = parseSimpleStmt(.basic).0 }
                expectSemi()
                if tok != .lbrace { s3 = parseSimpleStmt(.basic).0 }
            }
            exprLev = prevLev
        }
        let body = parseBlockStmt()
        expectSemi()

        if isRange, case .assign(let a)? = s2, case .unary(let r) = a.rhs[0] {
            var key: Expr?, value: Expr?
            switch a.lhs.count {
            case 0: break
            case 1: key = a.lhs[0]
            case 2: key = a.lhs[0]; value = a.lhs[1]
            default:
                errorExpected(a.lhs[a.lhs.count - 1].pos, "at most 2 expressions")
                return .bad(BadStmt(from: p, to: body.end))
            }
            return .range(RangeStmt(
                forPos: p, key: key, value: value, tokPos: a.tokPos,
                tok: a.tokPos.isValid ? a.tok : nil, rangePos: r.opPos, x: r.x, body: body))
        }
        return .for(ForStmt(forPos: p, initStmt: s1, cond: makeExpr(s2, "boolean or range expression"), post: s3, body: body))
    }

    mutating func parseStmt() -> Stmt {
        enter()
        defer { leave() }
        switch tok {
        case .const, .type, .var:
            return .decl(DeclStmt(decl: parseDecl(Parser.stmtStart)))
        case .ident, .int, .float, .imag, .char, .string, .func, .lparen,
             .lbrack, .struct, .map, .chan, .interface,
             .add, .sub, .mul, .and, .xor, .arrow, .not:
            let s = parseSimpleStmt(.labelOK).0
            // Labeled statements end with their inner statement's semicolon.
            if case .labeled = s {} else { expectSemi() }
            return s
        case .go: return parseGoStmt()
        case .defer: return parseDeferStmt()
        case .return: return parseReturnStmt()
        case .break, .continue, .goto, .fallthrough: return parseBranchStmt(tok)
        case .lbrace:
            let b = parseBlockStmt()
            expectSemi()
            return .block(b)
        case .if: return parseIfStmt()
        case .switch: return parseSwitchStmt()
        case .select: return parseSelectStmt()
        case .for: return parseForStmt()
        case .semicolon:
            let s = EmptyStmt(semicolon: pos, implicit: implicitSemi)
            next()
            return .empty(s)
        case .rbrace:
            // A semicolon may be omitted before a closing '}'.
            return .empty(EmptyStmt(semicolon: pos, implicit: true))
        default:
            let p = pos
            errorExpected(p, "statement")
            advance(Parser.stmtStart)
            return .bad(BadStmt(from: p, to: pos))
        }
    }
}
