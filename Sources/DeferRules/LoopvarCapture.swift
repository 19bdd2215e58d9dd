import GoAnalysis
import GoSyntax
import LabText

/// loopvar-capture: before Go 1.22 a loop's `:=` variables are one variable for the whole
/// loop; the variables of `for a = range xs` and `for i = 0; …` are always one variable (they
/// are declared outside the loop). A deferred or goroutine function literal (`go`, errgroup's
/// and WaitGroup's `Go`) that captures one therefore sees whatever the variable holds when it
/// finally runs — a later iteration's value. `:=` variables are reported only for files whose
/// language version is below 1.22. The fix passes the variable to the literal as an
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
            从 1.22 起每次迭代都有自己的变量。用 = 赋值的循环变量（for a = range xs、for i = 0; …）在循环外声明，\
            在任何版本里都只有一个，总是报告。交给 errgroup 或 sync.WaitGroup 的 Go 方法的函数字面量也在另一个 goroutine 里运行，同样报告。如果闭包创建后这次迭代一定离开该循环，变量不会再变，不报告；\
            loop-defer 能安全修复的 defer 也不报告（它的修复让闭包在本次迭代内执行）。\
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
            iteration has its own variable. Variables a loop assigns with = (for a = range xs, \
            for i = 0; …) are declared outside it and shared in every version: always reported. A function \
            literal handed to the Go method of an errgroup.Group or a sync.WaitGroup runs in another \
            goroutine too, and is reported like a go statement. Not reported when the iteration always leaves that loop \
            after making the closure (the variable cannot change any more), nor for a defer that \
            loop-defer fixes safely (its fix runs the closure within its iteration). The fix passes the \
            variable to the function literal as an argument when its type can be read from the source \
            (the loop's own declaration, or the declared type of the ranged value); otherwise it \
            inserts v := v before the statement, which copies the per-iteration value into a new \
            variable that the closure captures. No rewrite when the closure assigns the loop variable or takes \
            its address: with a copy the program would behave differently.
            """),
        applicability: LocalizedText(
            zh: "安全：把变量作为参数传入或在语句前复制，闭包就看到本次迭代的值——这正是修复的目的，其他行为不变。不改写：闭包给循环变量赋值或取它的地址；go 语句位于一个可能在迭代之后才运行的函数字面量里；同一个块里已经声明了同名变量。",
            en: "Safe: passing the variable as an argument, or copying it before the statement, gives the closure this iteration's value — the point of the fix — and changes nothing else. No fix: the closure assigns the loop variable or takes its address; the go statement sits in a function literal that may run after the iteration; the block already declares that name."),
        precedence: 30,
        requires: [LoopDefer.analyzer],
        // It reports only at a defer or go statement or a call of a method named Go.
        prefilter: .anyToken(["defer", "go", "Go"]),
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
        diagnose: run)

    static func run(_ pass: Pass) -> [Diagnostic] {
        // A defer that loop-defer's safe wrap moves into its iteration captures that
        // iteration's variable already.
        let loopDefers = pass.result(of: LoopDefer.analyzer, as: LoopDefer.Reported.self).safelyWrapped
        var out: [Diagnostic] = []
        // Only defer and go statements and calls of a method Go can report: the declarations
        // without those tokens need no walk.
        pass.forEachStatement(withTokens: ["defer", "go", "Go"]) { file, s, enclosing in
            let literal: FuncLit?
            switch s {
            case .defer(let d) where !loopDefers.contains(d.deferPos):
                if case .funcLit(let l) = d.call.fun.unparen { literal = l } else { literal = nil }
            case .go(let g):
                if case .funcLit(let l) = g.call.fun.unparen { literal = l } else { literal = nil }
            case .expr(let e):
                if case .call(let c) = e.x.unparen { literal = goroutineLiteral(pass, c) } else { literal = nil }
            default:
                literal = nil
            }
            guard let lit = literal else { return }
            let old = pass.files[file].version < .perIterationLoopVars
            let (vars, late) = loopVariables(pass, enclosing, statement: s, includeDefined: old)
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

    /// The function literal a call runs in a new goroutine: `g.Go(func() error { … })` on an
    /// errgroup.Group or a sync.WaitGroup (Go 1.25's WaitGroup.Go).
    static func goroutineLiteral(_ pass: Pass, _ c: CallExpr) -> FuncLit? {
        guard case .selector(let sel) = c.fun.unparen, sel.sel.name == "Go", c.args.count == 1,
              case .funcLit(let lit) = c.args[0].unparen, let t = pass.types.type(of: sel.x),
              case .named(let path, let type) = t.dereferenced else { return nil }
        let group = (path.hasSuffix("/errgroup") || path == "errgroup") && type == "Group"
        return group || (path == "sync" && type == "WaitGroup") ? lit : nil
    }

    /// The variables of the loops around `statement` that can start another iteration after
    /// the statement ran (`ControlFlow.repeatingLoops`): the assignment form's variables
    /// always, the `:=` form's when `includeDefined` (files before Go 1.22). A defer looks no
    /// further than its own function (it runs when that returns); a goroutine runs on its own,
    /// so a `go` statement also sees the loops around the function literals it is in. `late`
    /// holds the variables of loops beyond a literal that is not called on the spot (it may run
    /// after the iteration, so a copy next to the `go` statement would come too late).
    static func loopVariables(_ pass: Pass, _ enclosing: Enclosing, statement: Stmt,
                              includeDefined: Bool) -> (vars: Set<Int>, late: Set<Int>) {
        var vars = Set<Int>(), late = Set<Int>()
        var crossed = false, crossedLate = false
        let isDefer: Bool
        if case .defer = statement { isDefer = true } else { isDefer = false }
        // The loops that come round again after the statement: control-flow work, done only
        // when a loop whose variables could count is found (most statements sit in none).
        var repeatingLoops: Set<Pos>?
        func repeating() -> Set<Pos> {
            if let known = repeatingLoops { return known }
            let found = Set(ControlFlow(pass: pass).repeatingLoops(after: statement, stack: enclosing.stack).map(\.pos))
            repeatingLoops = found
            return found
        }
        for i in enclosing.stack.indices.reversed() {
            let names: [Expr]
            var defined = true
            switch enclosing.stack[i] {
            case .decl(.func):
                return (vars, late)
            case .expr(.funcLit(let lit)):
                guard !isDefer else { return (vars, late) }
                crossed = true
                if !calledOnTheSpot(enclosing.stack, i, lit) { crossedLate = true }
                continue
            case .stmt(.range(let r)) where r.tok == .define || r.tok == .assign:
                names = [r.key, r.value].compactMap { $0 }
                defined = r.tok == .define
            case .stmt(.for(let f)):
                guard case .assign(let a)? = f.initStmt, a.tok == .define || a.tok == .assign else { continue }
                names = a.lhs
                defined = a.tok == .define
            default:
                continue
            }
            guard case .stmt(let loopStmt) = enclosing.stack[i],
                  let loop = Loop(loopStmt, label: enclosing.label(of: i)) else { continue }
            guard !defined || includeDefined, crossed || repeating().contains(loop.pos) else { continue }
            for e in names {
                guard let id = e.unparen.asIdent, let o = defined ? pass.resolution.defs[id.pos] : pass.objectID(id),
                      pass.resolution.object(o).kind == .variable else { continue }
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
        // Variables a loop assigns with = are declared outside it: shared in every version.
        let assigned = captured.values.allSatisfy { o in
            let p = pass.resolution.object(o).declPos
            return !enclosing.stack.contains { n in
                guard case .stmt(let st) = n, let loop = Loop(st, label: nil) else { return false }
                return loop.pos <= p && p < loop.body.lbrace
            }
        }
        let message: LocalizedText
        if assigned {
            let what: (zh: String, en: String)
            switch s {
            case .defer: what = ("被 defer 的函数字面量", "the deferred function literal")
            case .go: what = ("go 语句的函数字面量", "the goroutine's function literal")
            default: what = ("在另一个 goroutine 里运行的函数字面量", "the function literal run in another goroutine")
            }
            message = LocalizedText(
                zh: "\(what.zh)捕获了循环用 = 赋值的变量 \(list)：它在循环外声明，在任何 Go 版本中所有迭代都共用同一个变量，闭包执行时看到的可能是后面迭代的值",
                en: "\(what.en) captures \(list), which the loop assigns with =: declared outside the loop, it is shared by all iterations in every Go version, so the closure may see a later iteration's value")
        } else if case .defer = s {
            message = LocalizedText(
                zh: "被 defer 的函数字面量捕获了循环变量 \(list)：在 \(version) 中所有迭代共用同一个变量，被 defer 的调用执行时看到的是后面迭代的值",
                en: "the deferred function literal captures the loop variable\(one ? "" : "s") \(list): in \(version) all iterations share \(one ? "one \(list)" : "them"), so the deferred call sees a later iteration's value")
        } else if case .expr = s {
            message = LocalizedText(
                zh: "在另一个 goroutine 里运行的函数字面量（Go 方法）捕获了循环变量 \(list)：在 \(version) 中所有迭代共用同一个变量，goroutine 可能看到后面迭代的值",
                en: "the function literal run in another goroutine (by Go) captures the loop variable\(one ? "" : "s") \(list): in \(version) all iterations share \(one ? "one \(list)" : "them"), so the goroutine may see a later iteration's value")
        } else {
            message = LocalizedText(
                zh: "go 语句的函数字面量捕获了循环变量 \(list)：在 \(version) 中所有迭代共用同一个变量，goroutine 可能看到后面迭代的值",
                en: "the goroutine's function literal captures the loop variable\(one ? "" : "s") \(list): in \(version) all iterations share \(one ? "one \(list)" : "them"), so the goroutine may see a later iteration's value")
        }
        var diag = Diagnostic(rule: name, pass: pass, file: file, from: s.pos, to: s.end, message: message)
        if let reason = declineReason(pass, file, s, enclosing, lit, captured) {
            diag.declined = reason
            return diag
        }
        // Preferred fix: pass each variable as an argument, when its type can be read from
        // the source (the loop's own declaration or the ranged value's declared type).
        var call: CallExpr?
        switch s {
        case .defer(let d): call = d.call
        case .go(let g): call = g.call
        default: call = nil  // g.Go(func() error {…}) takes no arguments: copy instead
        }
        let types = names.map { LoopVarTypes.type(of: captured[$0]!, pass: pass, file: file, enclosing: enclosing) }
        if let call, types.allSatisfy({ $0 != nil }) {
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
