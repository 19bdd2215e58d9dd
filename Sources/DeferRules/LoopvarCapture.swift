import GoAnalysis
import GoSyntax

/// loopvar-capture: before Go 1.22 a loop's `:=` variables are one variable for the whole
/// loop. A deferred or `go` function literal that captures one therefore sees whatever the
/// variable holds when it finally runs — a later iteration's value. Reported only for files
/// whose language version is below 1.22. The fix passes the variable to the literal as an
/// argument when its type can be read from the source; otherwise it inserts `v := v` before
/// the statement (the same per-iteration copy, without needing the type).
public enum LoopvarCapture {
    public static let name = "loopvar-capture"

    public static let analyzer = Analyzer(
        name: name,
        title: LocalizedText(zh: "闭包捕获循环变量", en: "closure captures a loop variable"),
        doc: LocalizedText(
            zh: """
            Go 1.22 之前，for 循环用 := 声明的变量（range 的键和值、三段式 for 的变量）在整个循环中只有一个，\
            每次迭代只是给它赋新值。被 defer 或用 go 启动的函数字面量如果捕获了这样的变量，\
            等它真正执行时读到的是那时变量里的值，通常是后面某次迭代的值，而不是创建闭包时那次迭代的值。\
            只有文件的 Go 语言版本（go.mod 的 go 行，或文件里 //go:build go1.N 约束）低于 1.22 时才报告；\
            从 1.22 起每次迭代都有自己的变量。如果闭包创建后这次迭代一定离开该循环，变量不会再变，不报告；\
            loop-defer 已经报告的 defer 也不报告（它的修复让闭包在本次迭代内执行）。\
            修复方法：能从源码读出变量类型时（循环自己的声明，或被 range 的值声明的类型），把变量作为参数传给函数字面量；\
            否则在语句前插入 v := v，把本次迭代的值复制到一个新变量里，闭包捕获的就是这个副本。\
            闭包给循环变量赋值或取它的地址时不改写：那样副本会改变程序行为。
            """,
            en: """
            Before Go 1.22 a loop's := variables (a range key and value, a three-clause for's \
            variables) are one variable for the whole loop; each iteration only assigns it a new value. \
            A deferred or go function literal that captures such a variable reads it when it finally \
            runs, and by then it usually holds a later iteration's value, not the one of the iteration \
            that made the closure. Reported only when the file's Go language version (the go.mod go \
            line, or a //go:build go1.N constraint in the file) is below 1.22; from 1.22 on every \
            iteration has its own variable. Not reported when the iteration always leaves that loop \
            after making the closure (the variable cannot change any more), nor for a defer that \
            loop-defer reports (its fix runs the closure within its iteration). The fix passes the \
            variable to the function literal as an argument when its type can be read from the source \
            (the loop's own declaration, or the declared type of the ranged value); otherwise it \
            inserts v := v before the statement, which copies the per-iteration value into a new \
            variable that the closure captures. No rewrite when the closure assigns the loop variable or takes \
            its address: with a copy the program would behave differently.
            """),
        precedence: 30,
        example: RuleExample(bad: """
            //go:build go1.21

            package example

            import "fmt"

            func start(names []string, done chan bool) {
            	for _, name := range names {
            		go func() {
            			fmt.Println(name)
            			done <- true
            		}()
            	}
            }

            """, fixed: """
            //go:build go1.21

            package example

            import "fmt"

            func start(names []string, done chan bool) {
            	for _, name := range names {
            		go func(name string) {
            			fmt.Println(name)
            			done <- true
            		}(name)
            	}
            }

            """),
        run: run)

    static func run(_ pass: Pass) -> [Diagnostic] {
        guard pass.files.contains(where: { $0.version < .perIterationLoopVars }) else { return [] }
        let loopDefers = LoopDefer.reportedDefers(pass)
        var out: [Diagnostic] = []
        pass.forEachStatement { file, s, enclosing in
            guard pass.files[file].version < .perIterationLoopVars else { return }
            let call: CallExpr
            switch s {
            case .defer(let d) where !loopDefers.contains(d.deferPos): call = d.call
            case .go(let g): call = g.call
            default: return
            }
            guard case .funcLit(let lit) = call.fun.unparen else { return }
            let (vars, late) = loopVariables(pass, enclosing, statement: s)
            guard !vars.isEmpty else { return }
            var captured: [String: Int] = [:]
            Inspector.walk(.expr(.funcLit(lit)), pre: { n in
                if case .expr(.ident(let id)) = n, let o = pass.resolution.uses[id.pos], vars.contains(o) {
                    captured[id.name] = o
                }
                return true
            })
            guard !captured.isEmpty else { return }
            var diag = diagnose(pass, file, s, enclosing, lit, captured)
            if diag.fix != nil, let v = captured.keys.sorted().first(where: { late.contains(captured[$0]!) }) {
                diag.fix = nil
                diag.declined = LocalizedText(
                    zh: "go 语句在一个可能在本次迭代之后才运行的函数字面量里：应该在创建那个函数字面量的地方复制 \(v)",
                    en: "the go statement is inside a function literal that may run after the iteration: \(v) must be copied where that literal is made")
            }
            out.append(diag)
        }
        return out
    }

    /// The `:=` variables of the loops around `statement` that can start another iteration
    /// after the statement ran. For the innermost loop that is `LoopExits`' single-shot test;
    /// an outer loop counts as left only when the statements after this one always leave the
    /// function (LoopExits follows the branches of one loop only). A defer looks no further
    /// than its own function (it runs when that returns); a goroutine runs on its own, so a
    /// `go` statement also sees the loops around the function literals it is in. `late` holds
    /// the variables of loops beyond a literal that is not called on the spot (it may run after
    /// the iteration, so a copy next to the `go` statement would come too late).
    static func loopVariables(_ pass: Pass, _ enclosing: Enclosing, statement: Stmt) -> (vars: Set<Int>, late: Set<Int>) {
        var vars = Set<Int>(), late = Set<Int>()
        var innermost = true
        var crossed = false, crossedLate = false
        let isGo: Bool
        if case .go = statement { isGo = true } else { isGo = false }
        let returnsAfter = pass.alwaysLeavesFunction(statementsAfter(statement, enclosing))
        for i in enclosing.stack.indices.reversed() {
            let names: [Expr]
            switch enclosing.stack[i] {
            case .decl(.func):
                return (vars, late)
            case .expr(.funcLit(let lit)):
                guard isGo else { return (vars, late) }
                crossed = true
                if !calledOnTheSpot(enclosing.stack, i, lit) { crossedLate = true }
                continue
            case .stmt(.range(let r)) where r.tok == .define:
                names = [r.key, r.value].compactMap { $0 }
            case .stmt(.for(let f)):
                guard case .assign(let a)? = f.initStmt, a.tok == .define else { continue }
                names = a.lhs
            default:
                continue
            }
            guard case .stmt(let loopStmt) = enclosing.stack[i],
                  let loop = Loop(loopStmt, label: enclosing.label(of: i)) else { continue }
            let chain = Array(enclosing.stack[(i + 1)...]) + [.stmt(statement)]
            let singleShot: Bool
            if crossed {
                singleShot = false
            } else {
                singleShot = innermost ? LoopExits(pass: pass, loop: loop).isSingleShot(chain) : returnsAfter
            }
            innermost = false
            if singleShot { continue }
            for e in names {
                guard let id = e.asIdent, let o = pass.resolution.defs[id.pos] else { continue }
                vars.insert(o)
                if crossedLate { late.insert(o) }
            }
        }
        return (vars, late)
    }

    /// Whether the literal at `stack[i]` is called where it stands: `func() { … }()` as a
    /// statement of its own.
    static func calledOnTheSpot(_ stack: [Node], _ i: Int, _ lit: FuncLit) -> Bool {
        guard i >= 2, case .expr(.call(let c)) = stack[i - 1], case .funcLit(let f) = c.fun,
              f.type.funcPos == lit.type.funcPos, case .stmt(.expr) = stack[i - 2] else { return false }
        return true
    }

    /// The statements after `s` in the list that holds it.
    static func statementsAfter(_ s: Stmt, _ enclosing: Enclosing) -> [Stmt] {
        let list = siblings(enclosing) ?? []
        guard let k = list.firstIndex(where: { $0.pos == s.pos }) else { return [] }
        return Array(list[(k + 1)...])
    }

    /// The statement list (block or clause body) that directly holds the statement.
    static func siblings(_ enclosing: Enclosing) -> [Stmt]? {
        switch enclosing.stack.last {
        case .stmt(.block(let b))?: return b.list
        case .stmt(.caseClause(let c))?: return c.body
        case .stmt(.commClause(let c))?: return c.body
        default: return nil
        }
    }

    static func diagnose(_ pass: Pass, _ file: Int, _ s: Stmt, _ enclosing: Enclosing, _ lit: FuncLit,
                         _ captured: [String: Int]) -> Diagnostic {
        let names = captured.keys.sorted()
        let list = names.joined(separator: ", ")
        let version = pass.files[file].version.description
        let one = names.count == 1
        let message: LocalizedText
        if case .defer = s {
            message = LocalizedText(
                zh: "被 defer 的函数字面量捕获了循环变量 \(list)：在 \(version) 中所有迭代共用同一个变量，被 defer 的调用执行时看到的是后面迭代的值",
                en: "the deferred function literal captures the loop variable\(one ? "" : "s") \(list): in \(version) all iterations share \(one ? "one \(list)" : "them"), so the deferred call sees a later iteration's value")
        } else {
            message = LocalizedText(
                zh: "go 语句的函数字面量捕获了循环变量 \(list)：在 \(version) 中所有迭代共用同一个变量，goroutine 可能看到后面迭代的值",
                en: "the goroutine's function literal captures the loop variable\(one ? "" : "s") \(list): in \(version) all iterations share \(one ? "one \(list)" : "them"), so the goroutine may see a later iteration's value")
        }
        var diag = Diagnostic(rule: name, file: file, pos: s.pos, end: s.end, message: message)
        if let reason = declineReason(pass, file, s, enclosing, lit, captured) {
            diag.declined = reason
            return diag
        }
        // Preferred fix: pass each variable as an argument, when its type can be read from
        // the source (the loop's own declaration or the ranged value's declared type).
        let call: CallExpr
        switch s {
        case .defer(let d): call = d.call
        case .go(let g): call = g.call
        default: return diag
        }
        let types = names.map { LoopVarTypes.type(of: captured[$0]!, pass: pass, file: file, enclosing: enclosing) }
        if types.allSatisfy({ $0 != nil }) {
            let params = zip(names, types).map { "\($0) \($1!)" }.joined(separator: ", ")
            let hasParams = !lit.type.params.list.isEmpty
            let hasArgs = !call.args.isEmpty
            let unit = pass.files[file]
            diag.fix = SuggestedFix(
                title: LocalizedText(zh: "把循环变量（\(list)）作为参数传给函数字面量", en: "Pass the loop variable\(one ? "" : "s") to the function literal as \(one ? "an argument" : "arguments")"),
                edits: [
                    .insert((hasParams ? ", " : "") + params, at: unit.offset(lit.type.params.closing)),
                    .insert((hasArgs ? ", " : "") + names.joined(separator: ", "), at: unit.offset(call.rparen)),
                ])
            return diag
        }
        let offset = pass.files[file].offset(s.pos)
        let indent = pass.indentation(file, atOffset: offset)
        let nl = pass.newline(file)
        let copies = names.map { "\(indent)\($0) := \($0)\(nl)" }.joined()
        diag.fix = SuggestedFix(
            title: LocalizedText(zh: "在闭包捕获前复制循环变量（\(list)）", en: "Copy the loop variable\(one ? "" : "s") before the closure captures \(one ? "it" : "them")"),
            edits: [.insert(copies, at: pass.lineStart(file, atOffset: offset))])
        return diag
    }

    static func declineReason(_ pass: Pass, _ file: Int, _ s: Stmt, _ enclosing: Enclosing, _ lit: FuncLit,
                              _ captured: [String: Int]) -> LocalizedText? {
        let objs = Set(captured.values)
        var written: String?
        Inspector.walk(.stmt(.block(lit.body)), pre: { n in
            var targets: [Expr] = []
            switch n {
            case .stmt(.assign(let a)) where a.tok != .define: targets = a.lhs
            case .stmt(.incDec(let x)): targets = [x.x]
            case .stmt(.range(let r)) where r.tok == .assign: targets = [r.key, r.value].compactMap { $0 }
            case .expr(.unary(let u)) where u.op == .and: targets = [u.x]
            default: break
            }
            for t in targets {
                if let id = t.unparen.asIdent, let o = pass.resolution.uses[id.pos], objs.contains(o) { written = id.name }
            }
            return written == nil
        })
        if let v = written {
            return LocalizedText(
                zh: "函数字面量给循环变量 \(v) 赋值或取了它的地址：改成副本后这些写入不再作用于循环变量",
                en: "the function literal assigns the loop variable \(v) or takes its address: with a copy those writes would no longer reach the loop variable")
        }
        guard pass.startsLine(file, atOffset: pass.files[file].offset(s.pos)) else {
            return LocalizedText(zh: "语句和别的代码在同一行", en: "the statement shares its line with other code")
        }
        // `v := v` must not collide with a `v` the same block declares itself.
        guard let siblings = siblings(enclosing) else {
            return LocalizedText(zh: "语句不在一个语句块里", en: "the statement is not directly in a block")
        }
        let declared = Set(siblings.flatMap(declaredNames))
        if let clash = captured.keys.sorted().first(where: declared.contains) {
            return LocalizedText(
                zh: "同一个块里已经声明了 \(clash)：插入 \(clash) := \(clash) 会重复声明",
                en: "the block declares \(clash) itself, so inserting \(clash) := \(clash) would declare it twice")
        }
        return nil
    }

    /// Names a statement declares in its own block.
    static func declaredNames(_ s: Stmt) -> [String] {
        switch s {
        case .assign(let a) where a.tok == .define: return a.lhs.compactMap { $0.asIdent?.name }
        case .labeled(let l): return declaredNames(l.stmt)  // labels have their own name space
        case .decl(let d):
            guard case .gen(let g) = d.decl else { return [] }
            return g.specs.flatMap { spec -> [String] in
                switch spec {
                case .value(let v): return v.names.map(\.name)
                case .type(let t): return [t.name.name]
                case .import: return []
                }
            }
        default: return []
        }
    }
}
