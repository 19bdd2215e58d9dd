import GoAnalysis
import GoSyntax

/// defer-before-check: `x, err := f(…)` followed in the same block by a `defer` that uses `x`
/// before `err` is checked. The fix moves the defer to right after the `if err != nil { … }`
/// block, when that block always leaves the function and nothing between the two places
/// could notice the move.
public enum DeferBeforeCheck {
    public static let name = "defer-before-check"

    public static let analyzer = Analyzer(
        name: name,
        title: LocalizedText(zh: "检查错误之前的 defer", en: "defer before the error check"),
        doc: LocalizedText(
            zh: """
            x, err := f(…) 之后，如果在检查 err 之前就写了使用 x 的 defer（例如 defer f.Close()），\
            那么 f 失败时 defer 也已经注册了：x 此时通常是 nil 或零值，函数返回时被 defer 的调用仍会作用在它上面。\
            在 nil 指针上调用方法可能 panic，也可能被方法自己处理；在 nil 接口上调用方法一定 panic。\
            只看语法无法知道是哪一种，所以 DeferLab 只说明可能发生什么。\
            修复方法：把 defer 移到 if err != nil { … } 之后，这样只有成功时才注册它。\
            只有当这个 if 块一定离开函数（return、panic、os.Exit 等）并且两处之间没有别的 defer、\
            也没有可能离开函数的语句时才移动，否则说明原因、不改写（越过另一个 defer 会改变执行顺序）。
            """,
            en: """
            After x, err := f(…), a defer that uses x written before err is checked (say defer f.Close()) \
            is registered even when f failed: x is then usually nil or a zero value, and the deferred call \
            still runs on it when the function returns. A method on a nil pointer may panic or may handle \
            nil itself; a method on a nil interface always panics. Syntax alone cannot tell which, so \
            DeferLab says what can happen, not what will. The fix moves the defer to right after the \
            if err != nil { … } block, so it is only registered on success. It moves it only when that \
            block always leaves the function (return, panic, os.Exit, …) and no other defer and no \
            statement that can leave the function lies between the two places; otherwise it gives the \
            reason and leaves the code alone (moving past another defer would change their order).
            """),
        precedence: 20,
        example: RuleExample(bad: """
            package example

            import (
            	"io"
            	"os"
            )

            func read(name string) ([]byte, error) {
            	f, err := os.Open(name)
            	defer f.Close()
            	if err != nil {
            		return nil, err
            	}
            	return io.ReadAll(f)
            }

            """, fixed: """
            package example

            import (
            	"io"
            	"os"
            )

            func read(name string) ([]byte, error) {
            	f, err := os.Open(name)
            	if err != nil {
            		return nil, err
            	}
            	defer f.Close()
            	return io.ReadAll(f)
            }

            """),
        run: run)

    static func run(_ pass: Pass) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in pass.files.indices {
            for decl in pass.decls(i, mentioning: ["defer"]) {
                Inspector.walk(.decl(decl), pre: { n in
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

    /// An error variable by its name: `err`, or a name ending in `err`/`Err`/`error`/`Error`.
    static func isErrorName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix("err") || lower.hasSuffix("error")
    }

    /// Findings for the assignments of one statement list.
    static func check(_ pass: Pass, _ file: Int, _ list: [Stmt]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (k, s) in list.enumerated() {
            guard case .assign(let a) = s, a.lhs.count >= 2, a.rhs.count == 1,
                  case .call(let call) = a.rhs[0].unparen,
                  case .ident(let errID) = a.lhs[a.lhs.count - 1], isErrorName(errID.name),
                  let errObj = pass.objectID(errID) else { continue }
            let values: [(Ident, Int)] = a.lhs.dropLast().compactMap { e in
                guard case .ident(let id) = e, id.name != "_", let o = pass.objectID(id) else { return nil }
                return (id, o)
            }
            guard !values.isEmpty else { continue }
            for j in (k + 1)..<list.count {
                let t = list[j]
                if pass.mentions(.stmt(t), errObj) { break }  // err is checked (or otherwise used) here
                if case .defer(let d) = t, let (x, _) = values.first(where: { pass.mentions(.stmt(t), $0.1) }) {
                    if values.contains(where: { comparesWithNil(pass, .stmt(t), $0.1) }) { break }  // it guards itself
                    out.append(diagnose(pass, file, list, deferIndex: j, d, value: x.name, err: errID.name,
                                        errObj: errObj, callee: call))
                    break
                }
                if values.contains(where: { assigns(pass, t, $0.1) }) { break }  // x holds something else now
            }
        }
        return out
    }

    static func diagnose(_ pass: Pass, _ file: Int, _ list: [Stmt], deferIndex j: Int, _ d: DeferStmt,
                         value x: String, err: String, errObj: Int, callee: CallExpr) -> Diagnostic {
        var fn = pass.text(file, callee.fun)
        if fn.contains("\n") { fn = "the call" }
        let deferred = pass.summary(file, d.call)
        var diag = Diagnostic(
            rule: name, file: file, pos: d.deferPos, end: Stmt.defer(d).end,
            message: LocalizedText(
                zh: "defer 在检查 \(err) 之前就使用了 \(x)：如果 \(fn) 失败，\(x) 可能是 nil，而被 defer 的 \(deferred) 仍会在函数返回时使用它（nil 指针上的方法可能处理 nil 也可能 panic；nil 接口上的调用一定 panic）",
                en: "defer uses \(x) before \(err) is checked: if \(fn) fails, \(x) may be nil, and the deferred \(deferred) still uses it when the function returns (a method on a nil pointer may handle nil or panic; a call on a nil interface panics)"))
        switch move(pass, file, list, deferIndex: j, d, errObj: errObj, err: err) {
        case .success(let edits):
            diag.fix = SuggestedFix(
                title: LocalizedText(zh: "把 defer 移到 \(err) 的检查之后", en: "Move the defer after the \(err) check"),
                edits: edits)
        case .failure(let reason):
            diag.declined = reason.text
        }
        return diag
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
