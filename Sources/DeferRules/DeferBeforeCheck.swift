import GoAnalysis
import GoSyntax
import LabText

/// defer-before-check: `x, err := f(…)` followed in the same block by a `defer` that uses `x`
/// before `err` is checked, where the deferred call goes wrong on the value `x` has when `f`
/// fails: a field read or a method call through a nil pointer (`resp.Body.Close()`), a call on
/// a nil interface or function, closing a nil channel, or a function of the package that
/// dereferences its argument. Nil-safe clean-ups (`(*os.File).Close`, a helper that checks for
/// nil) are correct code and not reported. The fix moves the defer below the
/// `if err != nil { … }` block; it is safe only when `f`'s contract says the value needs no
/// clean-up on error (a reviewed list of standard-library functions, or a function of the
/// package whose every error return gives nil for it), otherwise unsafe.
public enum DeferBeforeCheck {
    public static let name = "defer-before-check"

    public static let analyzer = Analyzer(
        name: name,
        title: LocalizedText(zh: "检查错误之前的 defer", en: "defer before the error check"),
        doc: LocalizedText(
            zh: """
            x, err := f(…) 之后，如果在检查 err 之前就写了使用 x 的 defer，那么 f 失败时 defer 也已经注册了，\
            被 defer 的调用会在函数返回时作用在 f 失败时给出的值上（通常是 nil 或零值）。\
            只有当这个调用在那个值上一定出错时才报告：通过 nil 指针读字段（resp.Body.Close()）、\
            在 nil 接口或 nil 函数上调用、关闭 nil 通道、或者本包里一个不检查 nil 就解引用参数的函数。\
            会自己处理 nil 的清理函数（例如 (*os.File).Close 返回 os.ErrInvalid，或先检查 nil 的辅助函数）是正确的代码，不报告；\
            类型无法从源码得知时也不报告。\
            修复方法：把 defer 移到 if err != nil { … } 之后，这样只有成功时才注册它。\
            只有当这个 if 块一定离开函数、并且两处之间没有别的 defer、也没有可能离开函数的语句时才移动，否则说明原因、不改写。
            """,
            en: """
            After x, err := f(…), a defer that uses x written before err is checked is registered even \
            when f failed, and the deferred call then runs, at return, on the value f gives on failure \
            (usually nil or a zero value). It is reported only when that call surely goes wrong on that \
            value: a field read through a nil pointer (resp.Body.Close()), a call on a nil interface or a \
            nil function, closing a nil channel, or a function of the package that dereferences its \
            argument without checking for nil. Clean-ups that handle nil themselves ((*os.File).Close \
            returns os.ErrInvalid; a helper that checks for nil) are correct code and are not reported, \
            and neither is code whose types the source does not tell. The fix moves the defer to right \
            after the if err != nil { … } block, so it is only registered on success. It moves it only \
            when that block always leaves the function and no other defer and no statement that can \
            leave the function lies between the two places; otherwise it gives the reason and leaves \
            the code alone.
            """),
        applicability: LocalizedText(
            zh: """
            安全：f 的约定说明出错时 x 不需要清理——经过审查的标准库函数（net/http 的 Get、Post、PostForm、Head 和 \
            Client.Do 等：文档写明“出错时可以忽略任何 Response，响应体已经关闭”），或者本包里的函数，它每个返回错误的 return 语句都给 x 返回 nil。\
            不安全：其他情况。如果 f 可能同时返回可用的 x 和错误，移动后出错路径上就不再关闭 x；应该在两条路径上都关闭它（在 defer 里检查 x != nil）。
            """,
            en: """
            Safe: f's contract says x needs no clean-up on error — reviewed standard-library functions \
            (net/http's Get, Post, PostForm, Head and Client.Do and friends, documented as "On error, \
            any Response can be ignored", its body already closed), or a function of the package whose \
            every return with an error gives nil for x. Unsafe: everything else. If f can return a usable \
            x together with an error, the moved defer no longer closes it on the error path; close it on \
            both paths instead (check x != nil in the defer).
            """),
        precedence: 20,
        // It reports only at a defer statement.
        prefilter: .anyToken(["defer"]),
        example: RuleExample(bad: """
            package example

            import (
            	"io"
            	"net/http"
            )

            func fetch(url string) ([]byte, error) {
            	resp, err := http.Get(url)
            	defer resp.Body.Close()
            	if err != nil {
            		return nil, err
            	}
            	return io.ReadAll(resp.Body)
            }

            """, fixed: """
            package example

            import (
            	"io"
            	"net/http"
            )

            func fetch(url string) ([]byte, error) {
            	resp, err := http.Get(url)
            	if err != nil {
            		return nil, err
            	}
            	defer resp.Body.Close()
            	return io.ReadAll(resp.Body)
            }

            """),
        diagnose: run)

    static func run(_ pass: Pass) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in pass.files.indices {
            let defers = pass.tokenOffsets(i, ["defer"])
            for decl in pass.decls(i, withTokens: ["defer"]) {
                Inspector.walk(.decl(decl), pre: { n in
                    // A list with a defer statement holds a defer token; nothing else can report.
                    guard pass.holds(i, defers, from: n.pos, to: n.end) else { return false }
                    switch n {
                    case .stmt(.block(let b)): out += check(pass, i, b.list)
                    case .stmt(.caseClause(let c)): out += check(pass, i, c.body)
                    case .stmt(.commClause(let c)): out += check(pass, i, c.body)
                    default: break
                    }
                    return true
                })
            }
        }
        return out
    }

    /// Findings for the assignments of one statement list.
    static func check(_ pass: Pass, _ file: Int, _ list: [Stmt]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        guard list.contains(where: { if case .defer = $0 { return true } else { return false } }) else { return out }
        for (k, s) in list.enumerated() {
            guard case .assign(let a) = s, a.lhs.count >= 2, a.rhs.count == 1,
                  case .call(let call) = a.rhs[0].unparen,
                  case .ident(let errID) = a.lhs[a.lhs.count - 1], isErrorName(errID.name) else { continue }
            // The idioms, `x, err := f()` and then `if err != nil`, or any statement that uses
            // err before it could declare another (`require.NoError(t, err)`, `return x, err`):
            // the check or use comes first, and no name needs resolving to see it (nothing is
            // declared between the two, so that err is the one just assigned).
            if k + 1 < list.count, checks(list[k + 1], errID.name) || uses(list[k + 1], errID.name) { continue }
            guard let errObj = pass.objectID(errID) else { continue }
            let values: [(Ident, Int, Int)] = a.lhs.dropLast().enumerated().compactMap { (index, e) in
                guard case .ident(let id) = e, id.name != "_", let o = pass.objectID(id) else { return nil }
                return (id, o, index)
            }
            guard !values.isEmpty else { continue }
            for j in (k + 1)..<list.count {
                let t = list[j]
                if pass.mentions(.stmt(t), errObj) { break }  // err is checked (or otherwise used) here
                if case .defer(let d) = t, let (x, xObj, index) = values.first(where: { pass.mentions(.stmt(t), $0.1) }) {
                    if values.contains(where: { comparesWithNil(pass, .stmt(t), $0.1) }) { break }  // it guards itself
                    let value = NilValue(pass: pass, file: file, object: xObj, type: resultType(pass, call, index))
                    if errorPathValue(pass, call, index: index) != .notNil, let failure = value.failure(of: d) {
                        out.append(diagnose(pass, file, list, deferIndex: j, d, value: x.name, index: index, err: errID.name,
                                            errObj: errObj, callee: call, failure: failure))
                    }
                    break
                }
                if values.contains(where: { assigns(pass, t, $0.1) }) { break }  // x holds something else now
            }
        }
        return out
    }

    /// Whether `s` is an `if` without an init statement whose condition compares `name`
    /// (`err != nil`, `err == nil`, joined with others by && or ||).
    static func checks(_ s: Stmt, _ name: String) -> Bool {
        guard case .if(let i) = s, i.initStmt == nil else { return false }
        func compares(_ e: Expr) -> Bool {
            guard case .binary(let b) = e.unparen else { return false }
            switch b.op {
            case .eql, .neq: return b.x.unparen.asIdent?.name == name || b.y.unparen.asIdent?.name == name
            case .land, .lor: return compares(b.x) || compares(b.y)
            default: return false
            }
        }
        return compares(i.cond)
    }

    /// Whether `s` uses the name `name` where nothing it declares can be meant (a call
    /// statement, a return, the condition of an `if` without an init statement, the right
    /// side of an assignment): there the name is the one in scope before `s`, so the
    /// resolver maps it to that object. Conservative: false where it does not look.
    static func uses(_ s: Stmt, _ name: String) -> Bool {
        switch s {
        case .expr(let e): return uses(e.x, name)
        case .return(let r): return r.results.contains { uses($0, name) }
        case .if(let i): return i.initStmt == nil && uses(i.cond, name)
        case .assign(let a): return a.rhs.contains { uses($0, name) }
        default: return false
        }
    }

    /// Whether expression `e` uses `name`, outside function literals, types, composite literals
    /// and selected names (false where it does not look).
    static func uses(_ e: Expr, _ name: String) -> Bool {
        switch e {
        case .ident(let id): return id.name == name
        case .paren(let p): return uses(p.x, name)
        case .call(let c): return uses(c.fun, name) || c.args.contains { uses($0, name) }
        case .selector(let s): return uses(s.x, name)
        case .binary(let b): return uses(b.x, name) || uses(b.y, name)
        case .unary(let u): return uses(u.x, name)
        case .star(let s): return uses(s.x, name)
        case .index(let i): return uses(i.x, name) || uses(i.index, name)
        default: return false
        }
    }

    static func resultType(_ pass: Pass, _ call: CallExpr, _ index: Int) -> GoType? {
        guard let rs = pass.types.results(of: call), index < rs.count else { return nil }
        return rs[index]
    }

    static func diagnose(_ pass: Pass, _ file: Int, _ list: [Stmt], deferIndex j: Int, _ d: DeferStmt,
                         value x: String, index: Int, err: String, errObj: Int, callee: CallExpr,
                         failure: LocalizedText) -> Diagnostic {
        var fn = pass.text(file, callee.fun)
        if fn.contains("\n") { fn = "the call" }
        let canBeNil = resultType(pass, callee, index).flatMap { pass.types.canBeNil($0) } ?? false
        let zero = canBeNil ? (zh: "nil", en: "nil") : (zh: "零值（其中的字段为 nil）", en: "the zero value (its fields nil)")
        var diag = Diagnostic(
            rule: name, pass: pass, file: file, from: d.deferPos, to: Stmt.defer(d).end,
            message: LocalizedText(
                zh: "defer 在检查 \(err) 之前就使用了 \(x)：如果 \(fn) 失败，\(x) 可能是 \(zero.zh)，\(failure.zh)",
                en: "defer uses \(x) before \(err) is checked: if \(fn) fails, \(x) may be \(zero.en), and \(failure.en)"))
        switch move(pass, file, list, deferIndex: j, d, errObj: errObj, err: err) {
        case .success(let edits):
            let safe = contractSaysUnusable(pass, callee, index: index)
            diag.fix = SuggestedFix(
                title: LocalizedText(zh: "把 defer 移到 \(err) 的检查之后", en: "Move the defer after the \(err) check"),
                edits: edits, applicability: safe ? .safe : .unsafe,
                risk: safe ? nil : LocalizedText(
                    zh: "无法证明 \(fn) 出错时 \(x) 不需要清理：如果它同时返回可用的 \(x) 和错误，移动后出错路径上就不再清理 \(x)；应该在两条路径上都清理它（在 defer 里先检查 \(x) != nil）",
                    en: "nothing proves that \(x) needs no clean-up when \(fn) fails: if it can return a usable \(x) together with an error, the moved defer no longer cleans it up on the error path; clean it up on both paths instead (check \(x) != nil in the defer)"))
        case .failure(let reason):
            diag.declined = reason.text
        }
        return diag
    }

    enum ErrorPathValue { case nilOnly, notNil, unknown }

    /// What a function of the package gives for result `index` when it returns an error:
    /// nil every time, never nil, or a mix / unknown (a callee outside the package).
    static func errorPathValue(_ pass: Pass, _ call: CallExpr, index: Int) -> ErrorPathValue {
        guard let fd = pass.types.function(called: call) ?? pass.types.method(called: call), let body = fd.body,
              let results = fd.type.results, results.numFields >= 2 else { return .unknown }
        var sawNil = false, sawOther = false, unknown = false
        Inspector.walk(.stmt(.block(body)), pre: { n in
            if case .expr(.funcLit) = n { return false }
            guard case .stmt(.return(let r)) = n else { return true }
            guard r.results.count == results.numFields else { unknown = true; return false }
            if pass.isBuiltin(r.results[r.results.count - 1], "nil") { return true }
            if pass.isBuiltin(r.results[index], "nil") { sawNil = true } else { sawOther = true }
            return true
        })
        if unknown { return .unknown }
        if sawNil && !sawOther { return .nilOnly }
        if sawOther && !sawNil { return .notNil }
        return .unknown
    }

    /// Whether the callee's contract says its result `index` needs no clean-up when it returns
    /// an error: a reviewed standard-library function, or a function of the package whose every
    /// return with a non-nil error gives nil for that result.
    static func contractSaysUnusable(_ pass: Pass, _ call: CallExpr, index: Int) -> Bool {
        if case .selector(let sel) = call.fun.unparen {
            if case .ident(let pkg) = sel.x.unparen, let path = pass.packagePath(of: pkg) {
                return StdlibFacts.resultUnusableOnError(function: path, sel.sel.name)
            }
            if let t = pass.types.type(of: sel.x), case .named(let path, let type) = t.dereferenced, !path.isEmpty {
                return StdlibFacts.resultUnusableOnError(method: path, type, sel.sel.name)
            }
        }
        return errorPathValue(pass, call, index: index) == .nilOnly
    }

    struct Decline: Error {
        var text: LocalizedText
        init(_ zh: String, _ en: String) { text = LocalizedText(zh: zh, en: en) }
    }

    /// The edits that move the defer (with its comments) after the err check, or why not.
    static func move(_ pass: Pass, _ file: Int, _ list: [Stmt], deferIndex j: Int, _ d: DeferStmt,
                     errObj: Int, err: String) -> Result<[TextEdit], Decline> {
        guard let c = list.indices.dropFirst(j + 1).first(where: { pass.mentions(.stmt(list[$0]), errObj) }) else {
            return .failure(Decline("同一个块里后面没有检查 \(err) 的语句", "\(err) is not checked later in the same block"))
        }
        guard case .if(let check) = list[c], check.initStmt == nil, check.elseStmt == nil,
              isNotNil(pass, check.cond, errObj) else {
            return .failure(Decline("下一个使用 \(err) 的语句不是简单的 if \(err) != nil { … }（没有初始化语句和 else）",
                                    "the next statement that uses \(err) is not a plain if \(err) != nil { … } without init statement or else"))
        }
        guard pass.alwaysLeavesFunction(check.body.list) else {
            return .failure(Decline("if \(err) != nil 块不一定离开函数：移到它后面的 defer 在失败时仍可能注册",
                                    "the if \(err) != nil block does not always leave the function, so the moved defer could still be registered after a failure"))
        }
        let between = Array(list[(j + 1)..<c])
        if between.contains(where: containsDefer) {
            return .failure(Decline("defer 和 \(err) 的检查之间还有别的 defer：越过它移动会改变被 defer 的调用的执行顺序",
                                    "another defer lies between the defer and the \(err) check: moving past it would change the order the deferred calls run in"))
        }
        if between.contains(where: { mayLeave(pass, $0) }) {
            return .failure(Decline("defer 和 \(err) 的检查之间有可能离开函数的语句：在那条路径上移动后的 defer 不会注册",
                                    "a statement between the defer and the \(err) check can leave the function, and on that path the moved defer would never be registered"))
        }
        let unit = pass.files[file]
        let deferOffset = unit.offset(d.deferPos)
        guard pass.startsLine(file, atOffset: deferOffset),
              let deferEnd = pass.lineEndAfterComments(file, from: unit.offset(Stmt.defer(d).end)) else {
            return .failure(Decline("defer 和别的代码在同一行", "the defer shares its line with other code"))
        }
        guard let target = pass.lineEndAfterComments(file, from: unit.offset(Stmt.if(check).end)),
              target < unit.bytes.count || unit.bytes.last == 0x0A else {
            return .failure(Decline("\(err) 检查的右花括号后面同一行还有代码", "code follows the closing brace of the \(err) check on its line"))
        }
        let start = pass.leadingCommentStart(file, lineStart: pass.lineStart(file, atOffset: deferOffset))
        let moved = pass.reindented(file, start..<deferEnd, from: pass.indentation(file, atOffset: deferOffset),
                                    to: pass.indentation(file, atOffset: unit.offset(check.ifPos)))
        // Removing the lines must not leave two blank lines in a row (gofmt keeps one).
        var deleteEnd = deferEnd
        if isBlankLine(unit.bytes, before: start), let next = blankLineEnd(unit.bytes, at: deferEnd) { deleteEnd = next }
        return .success([.delete(start..<deleteEnd), .insert(moved, at: target)])
    }

    /// `e` is `err != nil` or `nil != err`.
    static func isNotNil(_ pass: Pass, _ e: Expr, _ errObj: Int) -> Bool {
        guard case .binary(let b) = e.unparen, b.op == .neq else { return false }
        func isErr(_ x: Expr) -> Bool { x.unparen.asIdent.flatMap(pass.objectID) == errObj }
        func isNil(_ x: Expr) -> Bool { x.unparen.asIdent.map { pass.isBuiltin(.ident($0), "nil") } ?? false }
        return isErr(b.x) && isNil(b.y) || isNil(b.x) && isErr(b.y)
    }

    /// Whether `node` compares variable `obj` with nil (`x != nil`, `x == nil`).
    static func comparesWithNil(_ pass: Pass, _ node: Node, _ obj: Int) -> Bool {
        var found = false
        Inspector.walk(node, pre: { n in
            if case .expr(.binary(let b)) = n, b.op == .eql || b.op == .neq {
                let sides = [b.x.unparen, b.y.unparen]
                let hasObj = sides.contains { $0.asIdent.flatMap(pass.objectID) == obj }
                let hasNil = sides.contains { $0.asIdent.map { pass.isBuiltin(.ident($0), "nil") } ?? false }
                if hasObj && hasNil { found = true }
            }
            return !found
        })
        return found
    }

    /// Whether `s` assigns variable `obj` (outside function literals, which may never run).
    static func assigns(_ pass: Pass, _ s: Stmt, _ obj: Int) -> Bool {
        var found = false
        Inspector.walk(.stmt(s), pre: { n in
            switch n {
            case .expr(.funcLit): return false
            case .stmt(.assign(let a)):
                if a.lhs.contains(where: { $0.unparen.asIdent.flatMap(pass.objectID) == obj }) { found = true }
            case .stmt(.range(let r)):
                if [r.key, r.value].contains(where: { $0?.unparen.asIdent.flatMap(pass.objectID) == obj }) { found = true }
            default: break
            }
            return !found
        })
        return found
    }

    static func containsDefer(_ s: Stmt) -> Bool {
        var found = false
        Inspector.walk(.stmt(s), pre: { n in
            if case .expr(.funcLit) = n { return false }
            if case .stmt(.defer) = n { found = true }
            return !found
        })
        return found
    }

    /// Whether `s` may leave the function or the block: return, goto, labeled branches,
    /// unlabeled break/continue not inside a nested loop/switch/select, calls that never return.
    static func mayLeave(_ pass: Pass, _ s: Stmt) -> Bool {
        var found = false
        var depth = 0
        Inspector.walk(.stmt(s), pre: { n in
            switch n {
            case .expr(.funcLit): return false
            case .stmt(.for), .stmt(.range), .stmt(.switch), .stmt(.typeSwitch), .stmt(.select): depth += 1
            case .stmt(.return): found = true
            case .stmt(.branch(let b)):
                if b.tok == .goto || b.label != nil || (depth == 0 && (b.tok == .break || b.tok == .continue)) { found = true }
            case .expr(.call(let c)):
                if pass.isNoReturn(c) { found = true }
            default: break
            }
            return !found
        }, post: { n in
            switch n {
            case .stmt(.for), .stmt(.range), .stmt(.switch), .stmt(.typeSwitch), .stmt(.select): depth -= 1
            default: break
            }
        })
        return found
    }

    /// Whether the line before offset `lineStart` holds only white space.
    static func isBlankLine(_ b: [UInt8], before lineStart: Int) -> Bool {
        guard lineStart > 0 else { return false }
        var k = lineStart - 1  // the previous line's newline
        while k > 0 && b[k - 1] != 0x0A {
            guard b[k - 1] == 0x20 || b[k - 1] == 0x09 || b[k - 1] == 0x0D else { return false }
            k -= 1
        }
        return true
    }

    /// The end (past its newline) of the line starting at `offset` when it is blank.
    static func blankLineEnd(_ b: [UInt8], at offset: Int) -> Int? {
        var k = offset
        while k < b.count && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0D) { k += 1 }
        return k < b.count && b[k] == 0x0A ? k + 1 : nil
    }
}
