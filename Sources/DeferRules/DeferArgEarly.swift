import GoAnalysis
import GoSyntax

/// defer-arg-early: a deferred call's arguments are evaluated at the defer statement, so
/// `defer log.Printf("took %v", time.Since(start))` logs the time before the defer, almost
/// zero. The fix wraps the call in a function literal, which delays all of its evaluation to
/// the return — declined when that would change the value of another argument.
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
            修复方法：把调用包进函数字面量，defer func() { log.Printf("took %v", time.Since(start)) }()，\
            整个调用（包括参数）都在返回时才求值。这也会推迟其他参数和接收者的求值，\
            所以只有当它们都不会因此改变时才改写：字面量、常量、函数、包里的名字，以及在 defer 之后不再赋值、\
            不取地址、不调用方法的变量。否则说明原因、不改写。
            """,
            en: """
            A defer statement evaluates the function value and the arguments of the deferred call at \
            once; only the call itself waits for the return. So defer log.Printf("took %v", \
            time.Since(start)) logs the time spent before the defer statement, almost zero, and defer \
            record(time.Now()) records when the defer ran, not when the function returned. go vet \
            reports time.Since only, and fixes nothing. The fix wraps the call in a function literal, \
            defer func() { log.Printf("took %v", time.Since(start)) }(), so the whole call, arguments \
            included, is evaluated at the return. That delays the other arguments and the receiver too, \
            so the rewrite is made only when none of them can change by it: literals, constants, \
            functions, package members, and variables that are not assigned, have their address taken \
            or get a method called after the defer statement. Otherwise the reason is given and the \
            code left alone.
            """),
        precedence: 40,
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
        run: run)

    static func run(_ pass: Pass) -> [Diagnostic] {
        var out: [Diagnostic] = []
        pass.forEachStatement(inFilesImporting: ["time"]) { file, s, enclosing in
            guard case .defer(let d) = s, let function = enclosing.function else { return }
            if case .funcLit = d.call.fun.unparen { return }
            var found: CallExpr?
            for arg in d.call.args {
                Inspector.walk(.expr(arg), pre: { n in
                    if case .expr(.funcLit) = n { return false }  // its body runs later anyway
                    if case .expr(.call(let c)) = n, isTimeCall(pass, c) { found = c }
                    return found == nil
                })
                if found != nil { break }
            }
            guard let timeCall = found else { return }
            out.append(diagnose(pass, file, d, timeCall, enclosing, function))
        }
        return out
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
        var diag = Diagnostic(rule: name, file: file, pos: t.fun.pos, end: Expr.call(t).end, message: message)
        let check = LateEvaluation(pass: pass, file: file, d: d, enclosing: enclosing, function: function)
        if let culprit = check.changes(.call(d.call)) {
            diag.declined = LocalizedText(
                zh: "包进函数字面量后 \(culprit) 也会推迟到返回时才求值，而它那时的值可能不同",
                en: "wrapping would also delay evaluating \(culprit) to the return, when it may have another value")
            return diag
        }
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
        diag.fix = SuggestedFix(
            title: LocalizedText(zh: "把被 defer 的调用包进函数字面量", en: "Wrap the deferred call in a function literal"),
            edits: [.replace(start..<end, with: wrapped)])
        return diag
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
            if case .ident(let x) = s.x.unparen, case .packageName? = pass.resolution.object(at: x.pos)?.kind { return nil }
            return changes(s.x).map { _ in text(e) }
        case .index(let i):
            return (changes(i.x) ?? changes(i.index)).map { _ in text(e) }
        case .unary(let u) where u.op != .arrow:
            return changes(u.x)
        case .binary(let b):
            return changes(b.x) ?? changes(b.y)
        case .call(let c):
            if DeferArgEarly.isTimeCall(pass, c) { return c.args.lazy.compactMap(changes).first }
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
