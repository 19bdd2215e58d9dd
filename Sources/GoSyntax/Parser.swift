#if canImport(Glibc)
import Glibc
#endif

/// The Go parser: a recursive-descent parser for the complete Go 1.27 grammar.
///
/// Contract (kept by every `parseX` function in Parser*.swift):
/// - A `parseX` function starts at the current token and always makes progress or reports
///   an error; it returns a node even for bad input (`Bad*` nodes cover skipped source).
/// - Errors are collected, never thrown: at most one per line, and parsing stops (by
///   treating the rest of the file as EOF) after more than ten errors or when nesting exceeds
///   `maxNestingDepth`. Syntax trees are therefore never deeper than that limit, which keeps
///   every later recursive pass within the big stack the parser runs on (see `BigStack`).
/// - Comments are collected in source order and attached as doc and line comments.
struct Parser {
    /// Nesting limit, counted as go/parser counts (each unary operator, primary-expression
    /// suffix, binary operator, statement and composite literal adds one).
    static let maxNestingDepth = 10_000

    let src: UnsafeBufferPointer<UInt8>
    let base: Int
    /// The line table, made only when comments are kept (their grouping needs lines).
    let lineStarts: [Int]
    var scanner: GoScanner

    // Current token.
    var tok: TokenKind = .illegal
    var pos: Pos = .none
    var tokStart = 0
    var tokEnd = 0
    var implicitSemi = false

    // Comments.
    var comments: [CommentGroup] = []
    var leadComment: CommentGroup?
    var lineComment: CommentGroup?
    var top = true
    var buildConstraint: String?

    // Errors and recovery. Scanner and parser errors share one list in the order they
    // occur, as in go/parser, so "one per line" and "stop after ten" see both.
    var errors: [SyntaxError] = []
    var scannerErrorsSeen = 0
    var bailedOut = false
    var syncPos: Pos = .none
    var syncCount = 0
    var nestLev = 0

    /// < 0 in a control clause (composite literals need parentheses), >= 0 in an expression.
    var exprLev = 0
    var inRhs = false
    var imports: [ImportSpec] = []

    /// Words (keywords or identifiers) whose token offsets are recorded as they are read, so
    /// a later pass that looks for them needs no second scan.
    let watch: TokenWords
    /// For each watched word, the offsets of its tokens.
    var watched: [[Int]]

    /// Whether a function body or a composite literal's value that holds no watched word is
    /// matched brace for brace and left empty (`GoParser.Depth.declarations`); false inside
    /// one that holds a word, which is parsed whole.
    var skipping: Bool
    /// Whether the file is read no further than its imports (`GoParser.Depth.imports`).
    let importsOnly: Bool
    /// Whether statements and composite literal elements are dropped once parsed
    /// (`GoParser.Depth.syntax`).
    let dropsBodies: Bool
    /// Whether the top-level declaration being parsed left something out.
    var skippedInDecl = false
    /// The indices of the top-level declarations that left something out, in order.
    var skippedDecls: [Int] = []

    /// Whether comments are collected (`File.comments`, doc and line comments).
    let keepComments: Bool

    init(src: UnsafeBufferPointer<UInt8>, base: Int, lineStarts: [Int], watch: TokenWords = TokenWords([]), skipBodies: Bool = false,
         importsOnly: Bool = false, dropsBodies: Bool = false, keepComments: Bool = true) {
        self.src = src
        self.base = base
        self.lineStarts = lineStarts
        self.skipping = skipBodies
        self.importsOnly = importsOnly
        self.dropsBodies = dropsBodies
        self.keepComments = keepComments
        self.watch = watch
        self.watched = Array(repeating: [], count: watch.words.count)
        self.scanner = GoScanner(src)
        next()
    }

    // MARK: - Positions and text

    @inline(__always) func offset(_ p: Pos) -> Int { p.raw - base }

    func line(ofOffset offset: Int) -> Int { SourceFile.lineIndex(ofOffset: offset, in: lineStarts) + 1 }

    func lineFor(_ p: Pos) -> Int { line(ofOffset: offset(p)) }

    /// Whether two offsets are on one line: no newline between them (needs no line table,
    /// which a parse without comments does not make).
    func onOneLine(_ a: Int, _ b: Int) -> Bool {
        let lo = max(0, min(a, b)), hi = min(src.count, max(a, b))
        guard lo < hi, let base = src.baseAddress else { return true }
        return memchr(base + lo, 0x0A, hi - lo) == nil
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: src[start..<end]), as: UTF8.self)
    }

    /// Source text with carriage returns removed (raw strings and comments, as go/scanner).
    func textStrippingCR(_ start: Int, _ end: Int, comment: Bool) -> String {
        Parser.textStrippingCR(src, start, end, comment: comment)
    }

    static func textStrippingCR(_ src: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, comment: Bool) -> String {
        var hasCR = false
        for i in start..<end where src[i] == 0x0D { hasCR = true; break }
        guard hasCR else { return String(decoding: UnsafeBufferPointer(rebasing: src[start..<end]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        for j in start..<end {
            let ch = src[j]
            // In a block comment, keep a CR between '*' and '/' so "*\r/" does not close it early.
            if ch != 0x0D || (comment && out.count > 2 && out.last == 0x2A && j + 1 < end && src[j + 1] == 0x2F) {
                out.append(ch)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    var lit: String { text(tokStart, tokEnd) }

    // MARK: - Tokens

    /// Advances to the next token, comments included.
    mutating func next0() {
        if bailedOut {
            tok = .eof
            tokStart = src.count
            tokEnd = src.count
            pos = Pos(base + src.count)
            implicitSemi = false
            return
        }
        let t = scanner.scan()
        if scanner.errors.count > scannerErrorsSeen {
            errors.append(contentsOf: scanner.errors[scannerErrorsSeen...])
            scannerErrorsSeen = scanner.errors.count
        }
        tok = t.kind
        tokStart = t.start
        tokEnd = t.end
        pos = Pos(base + t.start)
        implicitSemi = t.implicit
        if !watch.isEmpty, let j = watch.index(of: tok, src, t.start, t.end) {
            watched[j].append(t.start)
        }
        if tok == .comment {
            if top && buildConstraint == nil && hasPrefix("//go:build", at: t.start) {
                buildConstraint = textStrippingCR(t.start, t.end, comment: true)
            }
        } else {
            top = false
        }
    }

    func hasPrefix(_ s: StaticString, at start: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard start + n <= src.count else { return false }
        let p = s.utf8Start
        for i in 0..<n where src[start + i] != p[i] { return false }
        return true
    }

    /// Consumes a group of adjacent comments; `n` empty lines end a group.
    mutating func consumeCommentGroup(_ n: Int) -> (CommentGroup, Int) {
        var list: [Comment] = []
        var endline = lineFor(pos)
        while tok == .comment && lineFor(pos) <= endline + n {
            let start = tokStart, end = tokEnd
            let text = textStrippingCR(start, end, comment: true)
            endline = line(ofOffset: end - 1)
            if src[start + 1] == 0x2F { endline = line(ofOffset: start) }
            list.append(Comment(slash: pos, text: text, length: end - start))
            next0()
        }
        let group = CommentGroup(list: list)
        comments.append(group)
        return (group, endline)
    }

    /// Advances to the next non-comment token, collecting comment groups and remembering
    /// the lead comment (own lines, directly above the next token) and the line comment
    /// (after the previous token on its line).
    mutating func next() {
        // (Tested first: assigning nil releases the old value, a runtime call on every token.)
        if leadComment != nil { leadComment = nil }
        if lineComment != nil { lineComment = nil }
        let prev = pos
        next0()
        guard tok == .comment else { return }
        guard keepComments else {
            while tok == .comment { next0() }
            return
        }
        if prev.isValid && lineFor(pos) == lineFor(prev) {
            let (group, endline) = consumeCommentGroup(0)
            if lineFor(pos) != endline || tok == .semicolon || tok == .eof {
                lineComment = group
            }
        }
        var endline = -1
        var last: CommentGroup?
        while tok == .comment {
            let (group, e) = consumeCommentGroup(1)
            last = group
            endline = e
        }
        if endline + 1 == lineFor(pos), let last {
            leadComment = last
        }
    }

    // MARK: - Errors

    mutating func error(_ p: Pos, _ msg: String) {
        guard !bailedOut else { return }
        let off = offset(p)
        if let last = errors.last, onOneLine(last.offset, off) {
            return  // one error per line: later ones are likely spurious
        }
        if errors.count > 10 {
            bail()
            return
        }
        errors.append(SyntaxError(offset: off, message: msg))
    }

    /// Stops parsing: every following token reads as EOF, so all loops end and recursion
    /// unwinds while still building a (partial) tree.
    mutating func bail() {
        bailedOut = true
        tok = .eof
        tokStart = src.count
        tokEnd = src.count
        pos = Pos(base + src.count)
        implicitSemi = false
    }

    /// The current token as an error message names it.
    var foundDescription: String {
        if tok == .semicolon && implicitSemi { return "newline" }
        if tok.isLiteral { return lit }
        return "'\(tok.text)'"
    }

    mutating func errorExpected(_ p: Pos, _ what: String) {
        var msg = "expected " + what
        if p == pos { msg += ", found " + foundDescription }
        error(p, msg)
    }

    @discardableResult
    mutating func expect(_ t: TokenKind) -> Pos {
        let p = pos
        if tok != t { errorExpected(p, "'\(t.text)'") }
        next()
        return p
    }

    /// Like `expect`, but returns `.none` when the token is missing.
    mutating func expect2(_ t: TokenKind) -> Pos {
        var p = Pos.none
        if tok == t { p = pos } else { errorExpected(pos, "'\(t.text)'") }
        next()
        return p
    }

    /// Like `expect`, with a better message for a missing comma before a newline.
    mutating func expectClosing(_ t: TokenKind, _ context: String) -> Pos {
        if tok != t && tok == .semicolon && implicitSemi {
            error(pos, "missing ',' before newline in " + context)
            next()
        }
        return expect(t)
    }

    /// Consumes a semicolon and returns the applicable line comment.
    @discardableResult
    mutating func expectSemi() -> CommentGroup? {
        switch tok {
        case .rparen, .rbrace:
            return nil  // optional before a closing ')' or '}'
        case .comma, .semicolon:
            if tok == .comma { errorExpected(pos, "';'") }
            if !implicitSemi && tok == .semicolon {
                next()
                return lineComment
            }
            let c = lineComment
            next()
            return c
        default:
            errorExpected(pos, "';'")
            advance(Parser.stmtStart)
            return nil
        }
    }

    mutating func atComma(_ context: String, _ follow: TokenKind) -> Bool {
        if tok == .comma { return true }
        if tok != follow {
            var msg = "missing ','"
            if tok == .semicolon && implicitSemi { msg += " before newline" }
            error(pos, msg + " in " + context)
            return true  // "insert" the comma and go on
        }
        return false
    }

    /// Skips tokens until one in `to` (or EOF), for error recovery, guarding against
    /// endless loops when callers sync at the same place repeatedly.
    mutating func advance(_ to: Set<TokenKind>) {
        while tok != .eof {
            if to.contains(tok) {
                if pos == syncPos && syncCount < 10 {
                    syncCount += 1
                    return
                }
                if pos > syncPos {
                    syncPos = pos
                    syncCount = 0
                    return
                }
            }
            next()
        }
    }

    static let stmtStart: Set<TokenKind> = [
        .break, .const, .continue, .defer, .fallthrough, .for, .go, .goto, .if, .return,
        .select, .switch, .type, .var,
    ]
    static let declStart: Set<TokenKind> = [.import, .const, .type, .var]
    static let exprEnd: Set<TokenKind> = [.comma, .colon, .semicolon, .rparen, .rbrack, .rbrace]

    // MARK: - Nesting

    /// Enters one nesting level; on overflow reports the error once and bails out.
    @inline(__always) mutating func enter() {
        nestLev += 1
        if nestLev > Parser.maxNestingDepth && !bailedOut {
            // Report regardless of the one-per-line rule: this error explains the stop.
            errors.append(SyntaxError(offset: offset(pos), message: "exceeded max nesting depth"))
            bail()
        }
    }

    @inline(__always) mutating func leave(_ n: Int = 1) { nestLev -= n }

    // MARK: - Identifiers and lists

    mutating func parseIdent() -> Ident {
        let p = pos
        if tok == .ident {
            let name = lit
            next()
            return Ident(namePos: p, name: name)
        }
        expect(.ident)
        return Ident(namePos: p, name: "_")
    }

    mutating func parseIdentList() -> [Ident] {
        var list = [parseIdent()]
        while tok == .comma {
            next()
            list.append(parseIdent())
        }
        return list
    }

    mutating func parseExprList() -> [Expr] {
        var list = [parseExpr()]
        if tok == .comma { list.reserveCapacity(4) }
        while tok == .comma {
            next()
            list.append(parseExpr())
        }
        return list
    }

    mutating func parseList(inRhs rhs: Bool) -> [Expr] {
        let old = inRhs
        inRhs = rhs
        let list = parseExprList()
        inRhs = old
        return list
    }

    func basicLit() -> BasicLit {
        let value = tok == .string && src[tokStart] == 0x60
            ? textStrippingCR(tokStart, tokEnd, comment: false) : lit
        return BasicLit(valuePos: pos, valueEnd: Pos(base + tokEnd), kind: tok, value: value)
    }
}

extension Array {
    /// Appends, giving an empty list room for a few elements at once: the parser's lists are
    /// mostly short, and grown one element at a time they were reallocated two or three times
    /// (a quarter of a syntax check's allocations).
    @inline(__always)
    mutating func appendGrowing(_ element: Element) {
        if capacity == 0 { reserveCapacity(4) }
        append(element)
    }
}
