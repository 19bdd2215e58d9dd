import GoAnalysis
import GoSyntax
import LabText

/// defer-arg-early: a deferred call's arguments are evaluated at the defer statement, so
/// `defer log.Printf("took %v", time.Since(start))` logs the time before the defer, almost
/// zero. The fix wraps the call in a function literal, which delays all of its evaluation to
/// the return — declined when that would change the value of another argument. Two more
/// cases of the same mistake: `defer helper(recover())` (recover runs at the defer statement,
/// when nothing panics, so it recovers nothing; the fix is unsafe because the program would
/// then recover from panics it crashes on today) and `defer time.Since(start)` (the call
/// itself is deferred and its result thrown away: nothing is measured; no fix).
public enum DeferArgEarly {
    public static let name = "defer-arg-early"

    public static let analyzer = Analyzer(
        name: name,
        title: LocalizedText(zh: "defer 参数过早求值", en: "deferred argument evaluated early"),
        doc: LocalizedText(
            zh: """
            defer 语句执行时就会对被 defer 调用的函数值和参数求值，只有调用本身推迟到函数返回时。\
            所以 defer log.Printf("took %v", time.Since(start)) 记录的是 defer 语句之前经过的时间（几乎为零），\
            defer record(time.Now()) 记录的是 defer 语句执行的时刻，而不是函数返回的时刻。go vet 只报告 time.Since，而且不修复。\
            time.Now() 作为参数时通常正是一次测量的起点（defer metrics.MeasureSince(key, time.Now())），\
            所以只有当被 defer 的是本包里的函数、而对应参数的名字不像起点（start、begin、since……）时才报告。\
            修复方法：把调用包进函数字面量，defer func() { log.Printf("took %v", time.Since(start)) }()，\
            整个调用（包括参数）都在返回时才求值。这也会推迟其他参数和接收者的求值，\
            所以只有当它们都不会因此改变时才改写：字面量、常量、函数、包里的名字，以及在 defer 之后不再赋值、\
            不取地址、不调用方法的变量。否则说明原因、不改写。\
            同样的错误还有两种：defer helper(recover()) 里的 recover() 在 defer 语句执行时就被调用，那时没有 panic，\
            它返回 nil，什么也恢复不了（改写成函数字面量后程序会开始恢复现在会让它崩溃的 panic，所以这个修复不安全，需要人来选择）；\
            defer time.Since(start) 推迟的是这个调用本身，它的结果被丢弃，什么也没有测量（不改写：应该怎样使用这段时间要由人决定）。
            """,
            en: """
            A defer statement evaluates the function value and the arguments of the deferred call at \
            once; only the call itself waits for the return. So defer log.Printf("took %v", \
            time.Since(start)) logs the time spent before the defer statement, almost zero, and defer \
            record(time.Now()) records when the defer ran, not when the function returned. go vet \
            reports time.Since only, and fixes nothing. A time.Now() argument is usually the start of a \
            measurement (defer metrics.MeasureSince(key, time.Now())), so it is reported only when the \
            deferred function belongs to the package and its parameter is not named like a start \
            (start, begin, since, …). The fix wraps the call in a function literal, \
            defer func() { log.Printf("took %v", time.Since(start)) }(), so the whole call, arguments \
            included, is evaluated at the return. That delays the other arguments and the receiver too, \
            so the rewrite is made only when none of them can change by it: literals, constants, \
            functions, package members, and variables that are not assigned, have their address taken \
            or get a method called after the defer statement. Otherwise the reason is given and the \
            code left alone. Two more cases of the same mistake: in defer helper(recover()), recover() \
            is called at the defer statement, when nothing is panicking, so it returns nil and recovers \
            nothing (the rewrite into a function literal makes the program recover from panics that \
            crash it today, so that fix is unsafe and a person must choose it); and defer \
            time.Since(start) defers the call itself and throws its result away, so nothing is \
            measured (no rewrite: what to do with the duration is for a person to decide).
            """),
        applicability: LocalizedText(
            zh: "安全：包进函数字面量后，除了被推迟的 time.Now/time.Since，其他参数和接收者的值都不会改变。不安全：recover() 的修复（程序会开始恢复 panic）。不改写：其他参数可能改变；丢弃结果的 defer time.Since。",
            en: "Safe: wrapping delays time.Now/time.Since and changes no other argument or receiver. Unsafe: the recover() fix (the program starts recovering from panics). No fix: another argument could change; a deferred time.Since whose result is thrown away."),
        precedence: 40,
        // It reports only at a defer statement.
        prefilter: .anyToken(["defer"]),
        example: RuleExample(bad: """
            package example

            import (
            	"log"
            	"time"
            )

            func load(name string) {
            	start := time.Now()
            	defer log.Printf("loading %s took %v", name, time.Since(start))
            	log.Println("loading", name)
            }

            """, fixed: """
            package example

            import (
            	"log"
            	"time"
            )

            func load(name string) {
            	start := time.Now()
            	defer func() { log.Printf("loading %s took %v", name, time.Since(start)) }()
            	log.Println("loading", name)
            }

            """),
        diagnose: run)

    static func run(_ pass: Pass) -> [Diagnostic] {
        var out: [Diagnostic] = []
        pass.forEachStatement(withTokens: ["defer"]) { file, s, enclosing in
            guard case .defer(let d) = s, let function = enclosing.function else { return }
            if case .funcLit = d.call.fun.unparen { return }
            if isTimeCall(pass, d.call) {
                out.append(discarded(pass, file, d))
                return
            }
            var found: CallExpr?
            var recovered: CallExpr?
            for (index, arg) in d.call.args.enumerated() {
                Inspector.walk(.expr(arg), pre: { n in
                    if case .expr(.funcLit) = n { return false }  // its body runs later anyway
                    if case .expr(.call(let c)) = n {
                        if found == nil, pass.isCall(c, to: "time", ["Since"]) || isEndTime(pass, c, argument: index, of: d.call) {
                            found = c
                        }
                        if pass.isBuiltin(c.fun, "recover"), recovered == nil { recovered = c }
                    }
                    return true
                })
            }
            if let r = recovered {
                out.append(diagnoseRecover(pass, file, d, r, enclosing, function))
            } else if let timeCall = found {
                out.append(diagnose(pass, file, d, timeCall, enclosing, function))
            }
        }
        return out
    }

    /// `defer time.Since(start)`: the deferred call is the measurement, and its result is lost.
    static func discarded(_ pass: Pass, _ file: Int, _ d: DeferStmt) -> Diagnostic {
        let text = pass.summary(file, d.call)
        var diag = Diagnostic(
            rule: name, pass: pass, file: file, from: d.deferPos, to: Stmt.defer(d).end,
            message: LocalizedText(
                zh: "被 defer 的 \(text) 的结果被丢弃：函数返回时它会计算出一个值，但没有任何代码使用它，什么也没有测量或报告",
                en: "the deferred \(text) throws its result away: it computes a value at return that nothing uses, so nothing is measured or reported"))
        diag.declined = LocalizedText(
            zh: "应该怎样使用这段时间（记录日志、写入指标）要由人决定",
            en: "what to do with the duration (log it, record it) is for a person to decide")
        return diag
    }

    /// `defer helper(recover())`: recover is called at the defer statement.
    static func diagnoseRecover(_ pass: Pass, _ file: Int, _ d: DeferStmt, _ r: CallExpr, _ enclosing: Enclosing,
                                _ function: FunctionContext) -> Diagnostic {
        let call = pass.summary(file, d.call)
        var diag = Diagnostic(
            rule: name, pass: pass, file: file, from: r.fun.pos, to: Expr.call(r).end,
            message: LocalizedText(
                zh: "recover() 作为 \(call) 的参数在 defer 语句执行时就被调用，那时没有 panic：它返回 nil，什么也恢复不了",
                en: "recover() is an argument of \(call), so it is called at the defer statement, when nothing is panicking: it returns nil and recovers nothing"))
        let check = LateEvaluation(pass: pass, file: file, d: d, enclosing: enclosing, function: function)
        if let culprit = check.changes(.call(d.call), delaying: { pass.isBuiltin($0.fun, "recover") }) {
            diag.declined = LocalizedText(
                zh: "包进函数字面量后 \(culprit) 也会推迟到返回时才求值，而它那时的值可能不同",
                en: "wrapping would also delay evaluating \(culprit) to the return, when it may have another value")
            return diag
        }
        diag.fix = wrapFix(pass, file, d)
        diag.fix?.applicability = .unsafe
        diag.fix?.risk = LocalizedText(
            zh: "改写后 recover() 由被 defer 的函数直接调用，程序会从现在会让它崩溃的 panic 中恢复过来并继续运行",
            en: "after the rewrite recover() is called by the deferred function itself, so the program recovers from panics that crash it today and goes on")
        return diag
    }

    /// `time.Now()` given to a deferred function of the package as a parameter not named
    /// like the start of a measurement. time.Now() at a defer statement is usually the start
    /// (`defer metrics.MeasureSince(key, time.Now())`), so it is reported only where the
    /// source shows another meaning.
    static func isEndTime(_ pass: Pass, _ c: CallExpr, argument index: Int, of deferred: CallExpr) -> Bool {
        guard pass.isCall(c, to: "time", ["Now"]), c.args.isEmpty, deferred.args[index].unparen == .call(c),
              let fd = pass.types.function(called: deferred) ?? pass.types.method(called: deferred) else { return false }
        let params = fd.type.params.list.flatMap { f in f.names.isEmpty ? [""] : f.names.map(\.name) }
        guard index < params.count else { return false }
        let name = params[index].lowercased()
        let startLike = ["start", "begin", "since", "from", "t0", "then", "started", "began", "origin"]
        return !name.isEmpty && !startLike.contains { name.hasPrefix($0) || name.hasSuffix($0) }
    }

    static func isTimeCall(_ pass: Pass, _ c: CallExpr) -> Bool {
        pass.isCall(c, to: "time", ["Since"]) || pass.isCall(c, to: "time", ["Now"]) && c.args.isEmpty
    }

    static func diagnose(_ pass: Pass, _ file: Int, _ d: DeferStmt, _ t: CallExpr, _ enclosing: Enclosing,
                         _ function: FunctionContext) -> Diagnostic {
        let text = pass.summary(file, t)
        let message: LocalizedText
        if pass.isCall(t, to: "time", ["Since"]) {
            message = LocalizedText(
                zh: "\(text) 在 defer 语句执行时就求值，而不是在函数返回时：被 defer 的调用得到的是 defer 之前经过的时间，几乎为零",
                en: "\(text) is evaluated at the defer statement, not when the function returns: the deferred call gets the time spent before the defer, almost zero")
        } else {
            message = LocalizedText(
                zh: "\(text) 在 defer 语句执行时就求值，而不是在函数返回时：被 defer 的调用得到的是 defer 语句的时刻，而不是返回的时刻",
                en: "\(text) is evaluated at the defer statement, not when the function returns: the deferred call gets the time of the defer statement, not of the return")
        }
        var diag = Diagnostic(rule: name, pass: pass, file: file, from: t.fun.pos, to: Expr.call(t).end, message: message)
        let check = LateEvaluation(pass: pass, file: file, d: d, enclosing: enclosing, function: function)
        if let culprit = check.changes(.call(d.call)) {
            diag.declined = LocalizedText(
                zh: "包进函数字面量后 \(culprit) 也会推迟到返回时才求值，而它那时的值可能不同",
                en: "wrapping would also delay evaluating \(culprit) to the return, when it may have another value")
            return diag
        }
        diag.fix = wrapFix(pass, file, d)
        return diag
    }
}

extension DeferArgEarly {
    /// Wraps the deferred call in a function literal (one line when gofmt keeps it so).
    static func wrapFix(_ pass: Pass, _ file: Int, _ d: DeferStmt) -> SuggestedFix {
        let unit = pass.files[file]
        let start = unit.offset(d.call.fun.pos), end = unit.offset(Expr.call(d.call).end)
        let callText = pass.text(file, d.call.fun.pos, Expr.call(d.call).end)
        let wrapped: String
        // gofmt keeps a one-line function literal only while it stays short (go/printer: 100).
        if !callText.contains("\n") && callText.utf8.count <= 80 {
            wrapped = "func() { \(callText) }()"
        } else {
            let nl = pass.newline(file)
            let indent = pass.indentation(file, atOffset: unit.offset(d.deferPos))
            wrapped = "func() {" + nl + indent + pass.reindented(file, start..<end, from: "", to: "\t") + nl + indent + "}()"
        }
        return SuggestedFix(
            title: LocalizedText(zh: "把被 defer 的调用包进函数字面量", en: "Wrap the deferred call in a function literal"),
            edits: [.replace(start..<end, with: wrapped)])
    }
}

/// Whether evaluating a deferred call at the return instead of at the defer statement can
/// give another result: the expressions it accepts cannot.
struct LateEvaluation {
    let pass: Pass
    let file: Int
    let d: DeferStmt
    let enclosing: Enclosing
    let function: FunctionContext
    /// Calls whose late evaluation is the point of the fix (time.Now, time.Since; recover).
    var delayed: ((CallExpr) -> Bool)?

    /// `changes(e)` for a fix that delays the calls `delaying` picks instead of time calls.
    func changes(_ e: Expr, delaying: @escaping (CallExpr) -> Bool) -> String? {
        var copy = self
        copy.delayed = delaying
        return copy.changes(e)
    }

    func isDelayed(_ c: CallExpr) -> Bool { delayed?(c) ?? DeferArgEarly.isTimeCall(pass, c) }

    /// The first part of `e` (as source text) whose value may differ at the return, or nil.
    func changes(_ e: Expr) -> String? {
        switch e.unparen {
        case .basicLit, .funcLit:
            return nil
        case .ident(let id):
            guard let obj = pass.resolution.uses[id.pos] else { return id.name }
            switch pass.resolution.object(obj).kind {
            case .constant, .typeName, .function, .builtin, .packageName: return nil
            case .variable: return mayChange(obj) ? id.name : nil
            case .label: return id.name
            }
        case .selector(let s):
            // A package member (assumed not to change) or a field of a stable variable.
            if case .ident(let x) = s.x.unparen, pass.packagePath(of: x) != nil { return nil }
            return changes(s.x).map { _ in text(e) }
        case .index(let i):
            return (changes(i.x) ?? changes(i.index)).map { _ in text(e) }
        case .unary(let u) where u.op != .arrow:
            return changes(u.x)
        case .binary(let b):
            return changes(b.x) ?? changes(b.y)
        case .call(let c):
            if isDelayed(c) { return c.args.lazy.compactMap(changes).first }
            // A method of the fresh time value: time.Since(start).Round(time.Millisecond).
            if case .selector(let s) = c.fun.unparen, case .call(let inner) = s.x.unparen, isTimeValue(inner) {
                return changes(.call(inner)) ?? c.args.lazy.compactMap(changes).first
            }
            if c.lparen == d.call.lparen {  // the deferred call itself: its function value and arguments
                return changes(c.fun) ?? c.args.lazy.compactMap(changes).first
            }
            return text(e)
        default:
            return text(e)
        }
    }

    /// A time call, or a method call on the value of one (`time.Since(t).Round(d)`).
    func isTimeValue(_ c: CallExpr) -> Bool {
        if DeferArgEarly.isTimeCall(pass, c) { return true }
        guard case .selector(let s) = c.fun.unparen, case .call(let inner) = s.x.unparen else { return false }
        return isTimeValue(inner)
    }

    /// The expression's source on one line.
    func text(_ e: Expr) -> String {
        pass.text(file, e).split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }

    /// Whether variable `obj` may hold another value at the return than at the defer: it is
    /// assigned, has its address taken or a method called (any of which may write it) after
    /// the defer, in a function literal, or anywhere in a loop around the defer; or it is a
    /// variable of such a loop.
    func mayChange(_ obj: Int) -> Bool {
        let deferEnd = Stmt.defer(d).end
        var loops: [Range<Pos>] = []
        for n in enclosing.stack.reversed() {
            if case .expr(.funcLit) = n { break }
            if case .decl(.func) = n { break }
            guard case .stmt(let s) = n, let loop = Loop(s, label: nil) else { continue }
            loops.append(loop.pos..<loop.end)
            let declPos = pass.resolution.object(obj).declPos
            if declPos >= loop.pos && declPos < loop.body.lbrace { return true }
        }
        var found = false
        var literals = 0
        Inspector.walk(.stmt(.block(function.body)), pre: { n in
            var targets: [Expr] = []
            var pos = n.pos
            switch n {
            case .expr(.funcLit): literals += 1
            case .stmt(.assign(let a)): targets = a.lhs
            case .stmt(.incDec(let x)): targets = [x.x]
            case .stmt(.range(let r)): targets = [r.key, r.value].compactMap { $0 }
            case .expr(.unary(let u)) where u.op == .and: targets = [u.x]
            case .expr(.call(let c)):
                if case .selector(let s) = c.fun.unparen { targets = [s.x]; pos = c.lparen }
            default: break
            }
            let inDefer = pos >= d.deferPos && pos < deferEnd
            let later = !inDefer && (pos >= deferEnd || literals > 0 || loops.contains { $0.contains(pos) })
            if later && targets.contains(where: { root($0) == obj }) { found = true }
            return !found
        }, post: { n in
            if case .expr(.funcLit) = n { literals -= 1 }
        })
        return found
    }

    func root(_ e: Expr) -> Int? {
        switch e.unparen {
        case .ident(let id): return pass.objectID(id)
        case .selector(let s): return root(s.x)
        case .index(let i): return root(i.x)
        case .slice(let s): return root(s.x)
        default: return nil
        }
    }
}
