import XCTest
@testable import GoSyntax

func parseGo(_ src: String, name: String = "x.go") -> ParsedFile {
    GoParser.parse(name: name, bytes: Array(src.utf8))
}

/// Collects every node of a file with the shared inspector, for structural assertions.
func nodes(_ f: File) -> [Node] {
    var out: [Node] = []
    Inspector.walk(f) { node in
        out.append(node)
        return true
    }
    return out
}

final class ParserTests: XCTestCase {
    func assertParses(_ src: String, file: StaticString = #filePath, line: UInt = #line) -> File {
        let parsed = parseGo(src)
        XCTAssertEqual(parsed.formattedErrors, [], "source:\n\(src)", file: file, line: line)
        return parsed.file
    }

    func body(_ stmts: String) -> String { "package p\n\nfunc f() {\n" + stmts + "\n}\n" }

    func testPackageImportsAndDecls() {
        let f = assertParses("""
        // Package p is a test.
        package p

        import "fmt"
        import (
            r "math/rand"
            . "strings"
            _ "embed"
        )

        const (
            A = iota // first
            B
            C, D = 1, 2
        )

        var x, y int = 1, 2
        var z = []string{"a"}
        type T struct {
            a, b int `json:"a"`
            *Embedded
            pkg.Other
            G[int]
            arr [N]int
            fn func(int) (string, error)
        }
        type Alias = map[string]chan<- int
        type G[P any, Q ~int | ~string] struct{ p P }
        type A2[P any] = []P
        type Arr [N * 2]int
        type Ptr[P *C] int
        type Par[P *C,] int
        type I interface {
            M(int) string
            ~int | ~float64
            fmt.Stringer
            E[int]
            comparable
        }
        func (g *G[P, Q]) Method(x P) Q { return g.q }
        func Ext(int) int
        """)
        XCTAssertEqual(f.name.name, "p")
        XCTAssertEqual(f.doc?.list.first?.text, "// Package p is a test.")
        XCTAssertEqual(f.imports.map(\.path.value), ["\"fmt\"", "\"math/rand\"", "\"strings\"", "\"embed\""])
        XCTAssertEqual(f.imports.map { $0.name?.name ?? "" }, ["", "r", ".", "_"])
        var typeParamCounts: [String: Int] = [:]
        for d in f.decls {
            if case .gen(let g) = d {
                for case .type(let t) in g.specs { typeParamCounts[t.name.name] = t.typeParams?.numFields ?? 0 }
            }
        }
        XCTAssertEqual(typeParamCounts["G"], 2)
        XCTAssertEqual(typeParamCounts["A2"], 1)
        XCTAssertEqual(typeParamCounts["Arr"], 0, "[N * 2]int is an array type")
        XCTAssertEqual(typeParamCounts["Ptr"], 0, "[P *C] reads as an array length P*C, as in go/parser")
        XCTAssertEqual(typeParamCounts["Par"], 1)
        // The line comment of A and the const group are attached.
        guard case .gen(let consts) = f.decls[2], case .value(let a) = consts.specs[0] else { return XCTFail() }
        XCTAssertEqual(a.comment?.list.first?.text, "// first")
        XCTAssertEqual(consts.specs.count, 3)
    }

    func testGenericMethodsAndNewExpr() {
        // Methods with their own type parameters (Go 1.27) and new(expr) (Go 1.26).
        let f = assertParses("""
        package rand

        func (r *Rand) N[Int intType](n Int) Int { return Int(r.uint64n(uint64(n))) }
        func f() { p := new(42); q := new(int); _ = new(T[int]{}); _, _ = p, q }
        """)
        guard case .func(let m) = f.decls[0] else { return XCTFail() }
        XCTAssertNotNil(m.recv)
        XCTAssertEqual(m.type.typeParams?.list.first?.names.map(\.name), ["Int"])
        let calls = nodes(f).compactMap { n -> String? in
            if case .expr(.call(let c)) = n, case .ident(let id) = c.fun, id.name == "new" {
                if case .basicLit(let l)? = c.args.first { return l.value }
                return "type"
            }
            return nil
        }
        XCTAssertEqual(calls, ["42", "type", "type"])
    }

    func testEveryStatement() {
        let f = assertParses(body("""
        x := 1
        x, y = y, x
        x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x &= 1; x |= 2; x ^= 3; x <<= 1; x >>= 1; x &^= 4
        x++
        x--
        ch <- v
        <-ch
        go func() {}()
        defer mu.Unlock()
        defer func() { recover() }()
        if x := f(); x > 0 {
        } else if y {
        } else {
        }
        switch x := g(); x {
        case 1, 2:
            fallthrough
        case 3:
        default:
        }
        switch {
        }
        switch v := i.(type) {
        case int, string:
            _ = v
        case nil:
        }
        switch i.(type) {
        }
        select {
        case v := <-ch:
            _ = v
        case v, ok := <-ch:
            _, _ = v, ok
        case ch <- 1:
        case <-done:
        default:
        }
        for i := 0; i < 10; i++ {
            continue
        }
        for cond {
            break
        }
        for {
            goto end
        }
        for ;; {
        }
        for range 10 {
        }
        for i := range 10 {
            _ = i
        }
        for k, v := range m {
            _, _ = k, v
        }
        for k = range ch {
        }
        for _, x := range seq {
            _ = x
        }
        outer:
        for {
            for {
                break outer
            }
            continue outer
        }
        end:
        ;
        {
            var a int
            const b = 2
            type c struct{}
            _ = a
        }
        return
        """))
        var kinds = Set<String>()
        for n in nodes(f) {
            if case .stmt(let s) = n { kinds.insert(String(describing: s).prefix { $0 != "(" }.description) }
        }
        for k in ["assign", "incDec", "send", "expr", "go", "defer", "if", "switch", "typeSwitch", "select",
                  "commClause", "caseClause", "for", "range", "labeled", "branch", "block", "decl", "return", "empty"] {
            XCTAssertTrue(kinds.contains(k), "missing \(k) in \(kinds.sorted())")
        }
        // Range forms: zero, one and two variables.
        let ranges = nodes(f).compactMap { n -> (Int, TokenKind?)? in
            if case .stmt(.range(let r)) = n { return ((r.key == nil ? 0 : 1) + (r.value == nil ? 0 : 1), r.tok) }
            return nil
        }
        XCTAssertEqual(ranges.map(\.0), [0, 1, 2, 1, 2])
        XCTAssertEqual(ranges.map(\.1), [nil, .define, .define, .assign, .define])
    }

    func testExpressions() {
        let f = assertParses(body("""
        _ = a + b*c - d<<2 | e&^f
        _ = !x && y || z == w
        _ = -x + ^y
        _ = &T{1, 2}
        _ = *p
        _ = []int{1, 2, 3}[1:2]
        _ = s[1:2:3]
        _ = s[:]
        _ = m[k]
        _ = F[int, string](x)
        _ = x.(T)
        _ = T.Method
        _ = (*T).Method
        _ = []byte("x")
        _ = (chan int)(nil)
        _ = (<-chan int)(nil)
        _ = map[string][]int{"a": {1}, "b": nil}
        _ = [...]string{2: "x"}
        _ = struct{ a int }{a: 1}
        _ = func(a, b int, c ...string) (r int, err error) { return }
        _ = f(xs...)
        var ch chan<- <-chan int
        var rc <-chan chan int
        _ = 'x' + '\\n'
        _ = 1.5e3i
        _ = "s" + `raw`
        """))
        let ops = nodes(f).compactMap { n -> TokenKind? in
            if case .expr(.binary(let b)) = n { return b.op }
            return nil
        }
        XCTAssertEqual(Array(ops.prefix(5)), [.or, .sub, .add, .mul, .shl])
        let chans = nodes(f).compactMap { n -> ChanDir? in
            if case .expr(.chanType(let c)) = n { return c.dir }
            return nil
        }
        XCTAssertEqual(chans, [.both, .recv, .send, .recv, .recv, .both])
    }

    func testCompositeLiteralRestrictionsInHeaders() {
        // In if/for/switch headers, `T{` starts the block; parenthesized literals are fine.
        _ = assertParses(body("""
        if x == (T{}) {
        }
        for _, v := range []T{{}} {
            _ = v
        }
        switch (T{}) {
        }
        if v := (struct{ a int }{1}); v.a > 0 {
        }
        """))
        let parsed = parseGo(body("if x == T{} {\n}"))
        XCTAssertFalse(parsed.errors.isEmpty, "T{} in an if header must be an error")
    }

    func testPositionsOfKeywordsAndBraces() {
        let src = "package p\n\nfunc f() {\n\tfor i := range 3 {\n\t\tdefer g(i)\n\t}\n}\n"
        let parsed = parseGo(src)
        XCTAssertEqual(parsed.errors, [])
        guard case .func(let fd) = parsed.file.decls[0], let body = fd.body,
              case .range(let r) = body.list[0], case .defer(let d) = r.body.list[0] else { return XCTFail() }
        func at(_ p: Pos) -> String { let q = parsed.position(p); return "\(q.line):\(q.column)" }
        XCTAssertEqual(at(fd.type.funcPos), "3:1")
        XCTAssertEqual(at(body.lbrace), "3:10")
        XCTAssertEqual(at(body.rbrace), "7:1")
        XCTAssertEqual(at(r.forPos), "4:2")
        XCTAssertEqual(at(r.tokPos), "4:8")
        XCTAssertEqual(at(r.rangePos), "4:11")
        XCTAssertEqual(at(r.body.lbrace), "4:19")
        XCTAssertEqual(at(d.deferPos), "5:3")
        XCTAssertEqual(at(d.call.lparen), "5:10")
        XCTAssertEqual(at(d.call.rparen), "5:12")
        XCTAssertEqual(at(Stmt.defer(d).end), "5:13")
        // Source ranges slice back to the text.
        let bytes = Array(src.utf8)
        let deferText = String(decoding: bytes[(d.deferPos.raw - 1)..<(Stmt.defer(d).end.raw - 1)], as: UTF8.self)
        XCTAssertEqual(deferText, "defer g(i)")
    }

    func testCommentsKeptInOrderAndAttached() {
        let f = assertParses("""
        // doc for p
        package p

        /* block */

        // Doc for F.
        // Second line.
        func F() {} // trailing F

        // floating

        type T struct {
            // field doc
            a int // field line
        }
        """)
        XCTAssertEqual(f.comments.map { $0.list.map(\.text).joined(separator: "|") }, [
            "// doc for p", "/* block */", "// Doc for F.|// Second line.", "// trailing F",
            "// floating", "// field doc", "// field line",
        ])
        guard case .func(let fn) = f.decls[0] else { return XCTFail() }
        XCTAssertEqual(fn.doc?.list.count, 2)
        guard case .gen(let g) = f.decls[1], case .type(let t) = g.specs[0], case .structType(let st) = t.type else { return XCTFail() }
        XCTAssertNil(g.doc, "a floating comment separated by a blank line is not doc")
        XCTAssertEqual(st.fields.list[0].doc?.list.first?.text, "// field doc")
        XCTAssertEqual(st.fields.list[0].comment?.list.first?.text, "// field line")
    }

    func testBuildConstraintIsRecorded() {
        let f = assertParses("//go:build go1.21 && linux\n\npackage p\n")
        XCTAssertEqual(f.buildConstraint, "//go:build go1.21 && linux")
        XCTAssertNil(assertParses("package p\n//go:build go1.21\n").buildConstraint, "only before the package clause")
    }

    /// An outline (`Depth.declarations`) has the whole tree's declarations, imports, types
    /// and signatures at the same positions, with the bodies and literal values that hold no
    /// watched word empty (their grammar and tokens unchecked, their comments not kept) and
    /// the others whole.
    func testOutlineHasTheDeclarationsOfTheWholeTree() {
        let src = """
            package p

            import "os"

            // T is a type.
            type T struct{ f *os.File }

            var table = map[string]func() int{"a": func() int { return 1 }}

            func (t *T) Close() error {
            \t// inside
            \tif t.f != nil { return t.f.Close() }
            \treturn nil
            }

            func g[X any](x X) (n int, err error) { defer done(); return }

            """
        let whole = GoParser.parse(name: "x.go", bytes: Array(src.utf8))
        let outline = GoParser.parse(name: "x.go", bytes: Array(src.utf8), depth: .declarations)
        XCTAssertEqual(outline.errors, [])
        XCTAssertEqual(outline.skippedDecls, [2, 3, 4])
        XCTAssertEqual(GoParser.parse(name: "x.go", bytes: Array(src.utf8)).skippedDecls, [])
        XCTAssertEqual(outline.depth, .declarations)
        XCTAssertEqual(whole.depth, .full)
        XCTAssertEqual(outline.file.decls.count, whole.file.decls.count)
        XCTAssertEqual(outline.file.imports, whole.file.imports)
        for (o, w) in zip(outline.file.decls, whole.file.decls) {
            XCTAssertEqual(o.pos, w.pos)
            XCTAssertEqual(o.end, w.end)
            switch (o, w) {
            case (.func(let of), .func(let wf)):
                XCTAssertEqual(of.type, wf.type)
                XCTAssertEqual(of.recv, wf.recv)
                XCTAssertEqual(of.name, wf.name)
                XCTAssertEqual(of.body?.list.count, 0)
                XCTAssertEqual(of.body?.lbrace, wf.body?.lbrace)
                XCTAssertEqual(of.body?.rbrace, wf.body?.rbrace)
                XCTAssertFalse(wf.body?.list.isEmpty ?? true)
            case (.gen(let og), .gen(let wg)):
                // A composite literal keeps its type and braces, not its elements.
                if case .value(let ov) = og.specs.first, case .value(let wv) = wg.specs.first,
                   case .compositeLit(let ol) = ov.values.first, case .compositeLit(let wl) = wv.values.first {
                    XCTAssertEqual(ol.type, wl.type)
                    XCTAssertEqual(ol.lbrace, wl.lbrace)
                    XCTAssertEqual(ol.rbrace, wl.rbrace)
                    XCTAssertEqual(ol.elts, [])
                    XCTAssertEqual(wl.elts.count, 1)
                } else {
                    XCTAssertEqual(o, w)
                }
            default:
                XCTFail("declarations differ in kind")
            }
        }
        XCTAssertEqual(outline.file.comments.map { $0.list.map(\.text) }, [["// T is a type."]])
        // With a watched word, what holds it is parsed whole: g's body, the table's literal
        // value stays empty.
        let watching = GoParser.parse(name: "x.go", bytes: Array(src.utf8), watch: ["defer"], depth: .declarations)
        XCTAssertEqual(watching.skippedDecls, [2, 3])
        XCTAssertEqual(watching.file.decls[4], whole.file.decls[4])
        XCTAssertEqual(watching.watched?.offsets(of: ["defer"])?.count, 1)
        // Grammar and tokens inside a skipped body are not checked; a body that cannot be
        // closed (here at the end of the file) is parsed, and its errors reported.
        for bad in ["x := := 1", "x := ''", "y := @", "n := 1.5e"] {
            let text = Array("package p\n\nfunc f() { \(bad) }\n".utf8)
            XCTAssertEqual(GoParser.parse(name: "x.go", bytes: text, depth: .declarations).errors, [], bad)
            XCTAssertFalse(GoParser.parse(name: "x.go", bytes: text).errors.isEmpty, bad)
        }
        XCTAssertEqual(GoParser.parse(name: "x.go", bytes: Array("package p\n\nfunc f() {\n\tif x {\n".utf8), depth: .declarations)
            .formattedErrors, ["x.go:4:9: expected '}', found 'EOF'"])
        // A function literal of a package-level declaration that holds a watched word is whole,
        // composite literals included (a rule reads `rec{err: err}` to see err checked).
        let literal = Array("""
            package p

            var fetch = func(url string) rec {
            \tresp, err := get(url)
            \tr := rec{err: err}
            \tdefer resp.Close()
            \treturn r
            }

            var quiet = func() rec { return rec{err: nil} }

            """.utf8)
        let wholeLiteral = GoParser.parse(name: "x.go", bytes: literal)
        let outlined = GoParser.parse(name: "x.go", bytes: literal, watch: ["defer"], depth: .declarations)
        XCTAssertEqual(outlined.file.decls[0], wholeLiteral.file.decls[0])
        XCTAssertEqual(outlined.skippedDecls, [1], "the quiet literal's rec{} is left out")
    }

    /// The skim that closes a skipped body finds the brace the scanner would, past braces in
    /// comments and literals, and gives up (the body is parsed) where one is left open.
    func testBraceSkimFindsTheClosingBraceTheScannerFinds() {
        let bodies = [
            "{ }", "{ a := map[string]int{\"}\": 1}; _ = a }", "{ s := `}\n{` }", "{ r := '}' }", "{ r := '\\'' ; q := \"\\\"}\" }",
            "{ // }\n }", "{ /* } */ }", "{ /* * } **/ }", "{ x := 1/2 }", "{ go f() }", "{ g.Go(f) }", "{ deferred() }",
            "{ ɡo() }", "{ x := 1.5defer }", "{ s := \"open\n }", "{ /* open", "{ `open", "{ { }", "{ r := '\n' }",
            "{ s := \"a\\\n x := \"}\" }", "{ r := '\\\n' }",
            // Word starts inside identifiers and numbers; words glued to numbers.
            "{ found, gold := Gopher(), ago2go }", "{ x := 0xAgo }", "{ x := 0x1p-2go }", "{ x := 1igo }", "{ x := 0xdefe }",
            "{ x := 12 + y2 }",
        ]
        for body in bodies {
            let text = Array("package p\n\nfunc f() \(body)\n\nfunc g() {}\n".utf8)
            let lbrace = text.firstIndex(of: 0x7B)!
            // The scanner's closing brace, and whether a watched word is among the body's tokens.
            var depth = 0, close: Int?, word = false, scanErrors = false
            text.withUnsafeBufferPointer { buf in
                var scanner = GoScanner(buf)
                while true {
                    let t = scanner.scan()
                    if t.kind == .eof { break }
                    guard t.start >= lbrace, close == nil else { continue }
                    if t.kind == .lbrace { depth += 1 }
                    if t.kind == .rbrace { depth -= 1; if depth == 0 { close = t.start } }
                    if ["defer", "go", "Go"].contains(String(decoding: buf[t.start..<t.end], as: UTF8.self)) { word = true }
                }
                scanErrors = !scanner.errors.isEmpty
            }
            let skim = text.withUnsafeBufferPointer { BraceSkim.closingBrace($0, from: lbrace + 1, words: TokenWords(["defer", "go", "Go"])) }
            let plain = text.withUnsafeBufferPointer { BraceSkim.closingBrace($0, from: lbrace + 1, words: TokenWords([])) }
            if scanErrors {
                XCTAssertNil(plain, body)
            } else {
                XCTAssertEqual(plain, close, body)
                XCTAssertEqual(skim, word ? nil : close, body)
            }
        }
    }

    /// At depth `.imports` a file none of whose tokens is a watched word, and whose braces pair
    /// up, is read no further than its imports (errors after them are not seen); a file with a
    /// word, cut short in a block, or that the skim gives up on is read as an outline.
    func testImportsDepthStopsAfterTheImportsOfAQuietFile() {
        let words: Set<String> = ["defer", "go", "Go"]
        let quiet = "//go:build linux\n\npackage p\n\nimport (\n\t\"os\"\n)\n\n// go and defer\nfunc f() { x := := \"go\" }\n\nvar = os.Args\n"
        let q = GoParser.parse(name: "q.go", bytes: Array(quiet.utf8), watch: words, depth: .imports)
        XCTAssertEqual(q.depth, .imports)
        XCTAssertEqual(q.errors, [])
        XCTAssertEqual(q.file.name.name, "p")
        XCTAssertEqual(q.file.imports.map(\.path.value), ["\"os\""])
        XCTAssertEqual(q.file.decls.count, 1)
        XCTAssertNotNil(q.file.buildConstraint)
        XCTAssertEqual(q.watched?.offsets(of: words), [])
        XCTAssertEqual(GoParser.parse(name: "q.go", bytes: Array(quiet.utf8), watch: words, depth: .declarations).errors.count, 1)
        XCTAssertEqual(GoParser.parse(name: "q.go", bytes: Array(quiet.utf8)).errors.count, 2)
        for busy in ["package p\n\nfunc f() { defer g() }\n", "package p\n\nimport Go \"os\"\n", "package p\n\nfunc f() {\n",
                     "package p\n\nfunc f() }\n", "package p\n\nvar s = \"open\n", "package p\n\nvar x = 0xAgo\n"] {
            let b = GoParser.parse(name: "b.go", bytes: Array(busy.utf8), watch: words, depth: .imports)
            XCTAssertEqual(b.depth, .declarations, busy)
            XCTAssertEqual(b.formattedErrors, GoParser.parse(name: "b.go", bytes: Array(busy.utf8), watch: words, depth: .declarations).formattedErrors)
        }
    }

    /// The word skim without a parser: the offsets of the words' tokens, from the first byte
    /// on, and nil where a word is glued to a number (the scanner decides then).
    func testBraceSkimWordsFindTokensOnly() {
        func words(_ s: String) -> [Int]? { Array(s.utf8).withUnsafeBufferPointer { BraceSkim.words($0, TokenWords(["go", "Go"])) } }
        XCTAssertEqual(words("go f()"), [0])
        XCTAssertEqual(words("ago go // go\n{Go}"), [4, 14])
        XCTAssertEqual(words("gopher(\"go\", `go`, 'g')"), [])
        XCTAssertEqual(words("x2go, x_go, ɡo"), [])
        XCTAssertNil(words("1go"))
        XCTAssertNil(words("x := 0xAGo"))
        XCTAssertEqual(words("0xA; go"), [5])
    }

    /// A syntax check needs no comments: without them the tree has the same nodes at the same
    /// places, and the errors are the same.
    func testWithoutCommentsTheNodesAndErrorsAreTheSame() {
        for src in [
            "// Package p.\npackage p // line\n\n/* block */ import \"os\" // after\n\n// F does.\nfunc F() { // open\n\t_ = os.Args /* mid */ [0]\n\t// alone\n}\n",
            "package p\n\nfunc f() {\n\tx := // half\n}\n\nvar y = [/* */]int{1, 2 // two\n}\n",
        ] {
            let with = GoParser.parse(name: "x.go", bytes: Array(src.utf8))
            let without = BigStack.run { GoParser.parseOnCurrentThread(name: "x.go", bytes: Array(src.utf8), comments: false) }
            XCTAssertFalse(with.file.comments.isEmpty)
            XCTAssertTrue(without.file.comments.isEmpty)
            XCTAssertEqual(without.formattedErrors, with.formattedErrors)
            XCTAssertEqual(nodes(without.file).map { [$0.pos, $0.end] }, nodes(with.file).map { [$0.pos, $0.end] })
        }
    }

    /// `.syntax` parses every statement and literal element, and drops each once parsed: the
    /// declarations are those of the whole tree (same places), bodies and literal values are
    /// empty, and the errors — also those inside bodies and literals — are the same.
    func testSyntaxDepthKeepsDeclarationsAndErrorsAndDropsBodies() {
        let good = "package p\n\nimport \"os\"\n\nvar t = []int{1, 2, 3}\n\nfunc F(a int) (int, error) {\n\tfor i := range a {\n\t\tdefer os.Exit(i)\n\t}\n\treturn a, nil\n}\n"
        let full = GoParser.parse(name: "x.go", bytes: Array(good.utf8))
        let checked = GoParser.parse(name: "x.go", bytes: Array(good.utf8), depth: .syntax)
        XCTAssertEqual(checked.errors, [])
        XCTAssertEqual(checked.file.decls.count, full.file.decls.count)
        XCTAssertEqual(checked.file.decls.map { [$0.pos, $0.end] }, full.file.decls.map { [$0.pos, $0.end] })
        guard case .func(let f) = checked.file.decls.last, case .gen(let v) = checked.file.decls[1],
              case .value(let spec) = v.specs.first, case .compositeLit(let lit) = spec.values.first else {
            return XCTFail("unexpected declarations: \(checked.file.decls)")
        }
        XCTAssertEqual(f.body?.list.count, 0)
        XCTAssertEqual(lit.elts.count, 0)
        XCTAssertLessThan(nodes(checked.file).count, nodes(full.file).count)
        for bad in [
            "package p\n\nfunc f() {\n\tfor {\n\t\tx := \n\t}\n\tif y { z w }\n}\n",
            "package p\n\nvar m = map[int]int{1: 2 3: 4, 5: func() { go }()}\n\nfunc g() { select { case } }\n",
            "package p\n\nfunc h() {\n\tswitch x := y.(type) {\n\tcase int:\n\t\treturn 1,\n\t}\n",
        ] {
            let want = GoParser.parse(name: "x.go", bytes: Array(bad.utf8)).formattedErrors
            XCTAssertFalse(want.isEmpty, bad)
            XCTAssertEqual(GoParser.parse(name: "x.go", bytes: Array(bad.utf8), depth: .syntax).formattedErrors, want, bad)
        }
    }

    /// Line starts: only a newline starts a line, and a newline at the very end starts none.
    func testLineStarts() {
        func starts(_ s: String) -> [Int] { Array(s.utf8).withUnsafeBufferPointer { SourceFile.lineStarts(of: $0) } }
        XCTAssertEqual(starts(""), [0])
        XCTAssertEqual(starts("\n"), [0])
        XCTAssertEqual(starts("\n\n"), [0, 1])
        XCTAssertEqual(starts("a\nb"), [0, 2])
        XCTAssertEqual(starts("a\nb\n"), [0, 2])
        XCTAssertEqual(starts("ab\r\n\ncd"), [0, 4, 5])
        let long = String(repeating: "x", count: 70) + "\n" + String(repeating: "y", count: 5000) + "\nz"
        XCTAssertEqual(starts(long), [0, 71, 5072])
    }
}
