import GoAnalysis
import GoSyntax
import LabText

/// Whether a deferred call can move from the function's return to the end of a loop
/// iteration without the program noticing (anything but the earlier release).
///
/// The move is **safe** only when the deferred call releases values the iteration created
/// itself (`f.Close()`, `resp.Body.Close()`, `cancel()` of a context made in the iteration,
/// `close(ch)`), and neither those values nor anything sharing them (fields, elements,
/// results derived from them, the other results of the call that made them) can be reached
/// after the iteration: nothing is stored outside it, returned, sent, handed to a goroutine
/// or a longer-lived closure, or passed to a call that might keep it (`StdlibFacts` lists the
/// calls known not to). Everything else that is mechanically correct is **unsafe**, with the
/// reason: the pile-up may be the point (locks taken to work under all of them, enter and
/// restore stacks, roll-backs that look at a later error, clean-up functions, fixtures in tests,
/// timing in benchmarks) or the aliasing cannot be followed. A move that would break the
/// program's meaning (recover, named results) is **declined**.
struct LoopSafety {
    enum Verdict {
        case safe
        case unsafe(LocalizedText)
        case declined(LocalizedText)
    }

    let pass: Pass
    let file: Int
    /// The loop whose body the wrap moves into a closure.
    let loop: Loop
    let function: FunctionContext
    /// The enclosing chain of the loop (to find the declared function and its role).
    let stack: [Node]

    var types: TypeOracle { pass.types }

    func judge(_ d: DeferStmt) -> Verdict {
        if let reason = declineReason(d) { return .declined(reason) }
        if let reason = unsafeReason(d) { return .unsafe(reason) }
        return .safe
    }

    // MARK: - Declines: the wrap would change the meaning

    func declineReason(_ d: DeferStmt) -> LocalizedText? {
        if callsRecover(.call(d.call)) {
            return LocalizedText(
                zh: "被 defer 的调用使用了 recover()：包进闭包后它会在每次迭代结束时恢复 panic 并继续循环，行为会改变",
                en: "the deferred call uses recover(): inside the wrap it would recover at the end of each iteration and let the loop go on")
        }
        // Only a call of a plain name can reach a function of the package (asked only then:
        // the type oracle is made on first use).
        if case .ident = d.call.fun.unparen, let fd = types.function(called: d.call), let body = fd.body, callsRecover(body) {
            return LocalizedText(
                zh: "被 defer 的 \(fd.name.name) 调用了 recover()：包进闭包后它会在每次迭代结束时恢复 panic 并继续循环，行为会改变",
                en: "the deferred \(fd.name.name) calls recover(): inside the wrap it would recover at the end of each iteration and let the loop go on")
        }
        let named = namedResults
        if !named.isEmpty {
            var touched: String?
            if case .funcLit(let lit) = d.call.fun.unparen {
                touched = firstUse(of: named, in: .stmt(.block(lit.body)))
            }
            // `defer closeInto(r, &err)`: the callee writes the result through the pointer.
            for arg in d.call.args where touched == nil {
                Inspector.walk(.expr(arg), pre: { n in
                    if case .expr(.unary(let u)) = n, u.op == .and, let id = u.x.unparen.asIdent,
                       let o = pass.objectID(id), named.contains(o) { touched = id.name }
                    return touched == nil
                })
            }
            if let v = touched {
                return LocalizedText(
                    zh: "被 defer 的调用会读写外层函数的具名返回值 \(v)：包进闭包后它会在函数返回之前运行，看到和写入的值都不同",
                    en: "the deferred call reads or writes the function's named result \(v): inside the wrap it would run before the function returns and see or set other values")
            }
        }
        return nil
    }

    var namedResults: Set<Int> {
        guard let results = function.type.results else { return [] }
        return Set(results.list.flatMap { $0.names.compactMap { pass.resolution.defs[$0.pos] } })
    }

    func callsRecover(_ e: Expr) -> Bool { callsRecover(.expr(e)) }
    func callsRecover(_ b: BlockStmt) -> Bool { callsRecover(.stmt(.block(b))) }
    func callsRecover(_ n: Node) -> Bool {
        var found = false
        Inspector.walk(n, pre: { n in
            if case .expr(.call(let c)) = n, pass.isBuiltin(c.fun, "recover") { found = true }
            return !found
        })
        return found
    }

    func firstUse(of objects: Set<Int>, in node: Node) -> String? {
        var found: String?
        Inspector.walk(node, pre: { n in
            if case .expr(.ident(let id)) = n, let o = pass.resolution.uses[id.pos], objects.contains(o) { found = id.name }
            return found == nil
        })
        return found
    }

    // MARK: - Unsafe: correct, but the move may be observed

    /// The declared function around the loop (a function literal's outermost declaration).
    var declaredFunction: FuncDecl? {
        for n in stack { if case .decl(.func(let f)) = n { return f } }
        return nil
    }

    /// `Benchmark…(b *testing.B)` or `Test…`/`Fuzz…` with a testing parameter.
    var role: (benchmark: Bool, test: Bool) {
        // A file that does not import testing has no parameter of its types (the oracle,
        // which resolves the package's names, is not asked then).
        guard let fd = declaredFunction, pass.imports(file, "testing") else { return (false, false) }
        let params = fd.type.params.list.compactMap { $0.type.flatMap(types.typeExpr) }
        let testing = params.contains { t in if case .named("testing", _) = t.dereferenced { return true }; return false }
        guard testing else { return (false, false) }
        let name = fd.name.name
        // Helpers that take a *testing.T count as tests too.
        return (name.hasPrefix("Benchmark"), !name.hasPrefix("Benchmark"))
    }

    func unsafeReason(_ d: DeferStmt) -> LocalizedText? {
        let call = pass.summary(file, d.call)
        let role = self.role
        if role.benchmark {
            return LocalizedText(
                zh: "这是基准测试里的循环：把 \(call) 改到每次迭代结束时执行，会改变被计时的内容",
                en: "in a benchmark, releasing \(call) at the end of each iteration changes what is timed")
        }
        var roots: [Int] = []
        switch d.call.fun.unparen {
        case .funcLit(let lit):
            if let reason = closureReason(lit, call: call, roots: &roots) { return reason }
        case .selector(let sel):
            if case .ident(let pkg) = sel.x.unparen, let path = pass.packagePath(of: pkg) {
                guard path == "os" || path == "io/ioutil", ["Remove", "RemoveAll"].contains(sel.sel.name),
                      let temp = temporaryName(d.call) else { return packageCallReason(call, name: sel.sel.name) }
                roots.append(temp)
                break
            }
            if let reason = intentReason(method: sel.sel.name, call: call) { return reason }
            if !isRelease(method: sel.sel.name, receiver: sel.x) {
                return LocalizedText(
                    zh: "\(call) 不是释放本次迭代创建的值：它的效果会从函数返回时提前到每次迭代结束时",
                    en: "\(call) is not a release of a value the iteration created: its effect would move from the return to the end of each iteration")
            }
            guard let rootID = rootIdent(sel.x), let root = pass.objectID(rootID), pass.resolution.object(root).kind == .variable else {
                return LocalizedText(
                    zh: "\(call) 的接收者由一个表达式当场算出，没有保存在变量里：无法看出它释放的是什么",
                    en: "the receiver of \(call) is computed on the spot, not held in a variable: what it releases cannot be followed")
            }
            roots.append(root)
        case .ident(let id):
            if pass.isBuiltin(d.call.fun, "close"), let arg = d.call.args.first, let rid = rootIdent(arg), let r = pass.objectID(rid) {
                roots.append(r)
                break
            }
            guard let obj = pass.objectID(id), pass.resolution.object(obj).kind == .variable,
                  !pass.resolution.object(obj).isPackageLevel else {
                return LocalizedText(
                    zh: "\(call) 调用的函数作用于本次迭代之外：它的效果会从函数返回时提前到每次迭代结束时",
                    en: "\(call) calls a function that acts outside the iteration: its effect would move from the return to the end of each iteration")
            }
            roots.append(obj)
        default:
            return LocalizedText(
                zh: "无法看出 \(call) 释放的是什么：它的效果会从函数返回时提前到每次迭代结束时",
                en: "what \(call) releases cannot be followed: its effect would move from the return to the end of each iteration")
        }
        // Arguments are evaluated at the defer statement either way; what they share must not
        // outlive the iteration either.
        for arg in d.call.args {
            for obj in variables(in: arg) where !roots.contains(obj) {
                if !isIterationLocal(obj) {
                    let name = pass.resolution.object(obj).name
                    return LocalizedText(
                        zh: "被 defer 的调用的参数 \(name) 不是在本次迭代里创建的：调用提前到迭代结束时，\(name) 可能还在被使用",
                        en: "the deferred call's argument \(name) is not created in the iteration: released at the end of the iteration, \(name) may still be in use")
                }
                roots.append(obj)
            }
        }
        for root in roots {
            if let reason = originReason(root, deferred: d, call: call, role: role) { return reason }
        }
        var flow = IterationFlow(safety: self, roots: roots, deferred: d)
        if let reason = flow.escape() { return reason }
        // Made and released but never used in between: holding every one until the function
        // returns is what the loop is for (accept connections and keep them open, say).
        if !flow.usedInIteration() {
            return LocalizedText(
                zh: "本次迭代创建并释放了 \(flow.rootName)，但在两者之间没有使用它：循环的目的可能就是把它们全部持有到函数返回",
                en: "the iteration makes \(flow.rootName) and releases it but never uses it in between: holding every one until the function returns may be what the loop is for")
        }
        return nil
    }

    /// The iteration-local variable behind the name in `os.Remove(f.Name())` or
    /// `os.RemoveAll(dir)`, when every value it holds comes from os.CreateTemp or os.MkdirTemp:
    /// a fresh name that nothing else can know unless it escapes (which the flow checks).
    func temporaryName(_ c: CallExpr) -> Int? {
        guard c.args.count == 1 else { return nil }
        var target: Ident?
        switch c.args[0].unparen {
        case .ident(let id): target = id
        case .call(let inner):
            if case .selector(let s) = inner.fun.unparen, s.sel.name == "Name", inner.args.isEmpty, case .ident(let id) = s.x.unparen { target = id }
        default: break
        }
        guard let id = target, let obj = pass.objectID(id), isIterationLocal(obj) else { return nil }
        let values = assignedValues(obj, depth: 0)
        guard !values.isEmpty else { return nil }
        for v in values {
            guard case .call(let made) = v, case .selector(let s) = made.fun.unparen, case .ident(let pkg) = s.x.unparen,
                  let path = pass.packagePath(of: pkg),
                  StdlibFacts.makesTemporary(path, s.sel.name) else { return nil }
        }
        return obj
    }

    /// Calls whose names say they end an acquisition or restore state: the pile-up is likely
    /// the point.
    func intentReason(method: String, call: String) -> LocalizedText? {
        switch method {
        case "Unlock", "RUnlock":
            return LocalizedText(
                zh: "\(call) 释放的是锁：在循环里逐个加锁、在持有全部锁时工作、函数返回时再全部释放，可能正是本意；改成每次迭代结束就释放会改变这一点",
                en: "\(call) releases a lock: taking every lock in the loop and working while holding them all until the function returns may be intended; releasing each at the end of its iteration would change that")
        case "Done", "Release", "Dec", "DecRef", "Decr", "Decrement", "Unref", "Put", "Unpin", "Unreserve":
            return LocalizedText(
                zh: "\(call) 归还的是计数、信号量或池中的位置：在函数返回前一直持有全部位置可能正是本意",
                en: "\(call) gives back a count, a semaphore slot or a pooled item: holding all of them until the function returns may be intended")
        default:
            if method.hasPrefix("Restore") || method.hasPrefix("Reset") || method.hasPrefix("Set") || method.hasPrefix("Revert")
                || method.hasPrefix("Undo") || method.hasPrefix("Rollback") || method.hasPrefix("Leave") || method.hasPrefix("Exit") {
                return restoreReason(call)
            }
            return nil
        }
    }

    func restoreReason(_ call: String) -> LocalizedText {
        LocalizedText(
            zh: "\(call) 恢复或撤销循环改变的状态（在函数返回时按相反顺序，像栈一样执行）：循环之后的代码可能依赖改变后的状态",
            en: "\(call) restores or undoes state the loop changed (at return, in reverse order, like a stack): the code after the loop may rely on the changed state")
    }

    func packageCallReason(_ call: String, name: String) -> LocalizedText {
        let lower = name.lowercased()
        if ["chdir", "setns", "umask", "setenv", "unsetenv", "unshare", "setuid", "setgid"].contains(where: lower.hasPrefix)
            || lower.hasPrefix("set") || lower.hasPrefix("restore") {
            return restoreReason(call)
        }
        return LocalizedText(
            zh: "\(call) 作用于本次迭代之外（包级函数）：它的效果会从函数返回时提前到每次迭代结束时",
            en: "\(call) acts outside the iteration (a package function): its effect would move from the return to the end of each iteration")
    }

    /// Calls that only release the value they are called on.
    func isRelease(method: String, receiver: Expr) -> Bool {
        if method == "Close" { return true }
        if method == "Stop", let t = types.type(of: receiver), case .named("time", let n) = t.dereferenced {
            return n == "Timer" || n == "Ticker"
        }
        return false
    }

    /// A deferred function literal: every variable it reads must be the iteration's own, and it
    /// may only release them.
    func closureReason(_ lit: FuncLit, call: String, roots: inout [Int]) -> LocalizedText? {
        let inside = lit.type.funcPos..<Expr.funcLit(lit).end
        var outer: (name: String, obj: Int)?
        var free: [Int] = []
        Inspector.walk(.stmt(.block(lit.body)), pre: { n in
            if case .expr(.ident(let id)) = n, let o = pass.resolution.uses[id.pos] {
                let obj = pass.resolution.object(o)
                if obj.kind == .variable && !inside.contains(obj.declPos) {
                    if isIterationLocal(o) {
                        if !free.contains(o) { free.append(o) }
                    } else if !isPerIterationLoopVariable(o) && outer == nil {
                        outer = (id.name, o)
                    }
                }
            }
            return true
        })
        if let (name, obj) = outer {
            if assigns(lit, obj) {
                return LocalizedText(
                    zh: "被 defer 的函数字面量给循环外声明的 \(name) 赋值（恢复被替换的值）：循环之后的代码可能依赖替换后的值，函数返回时才应恢复",
                    en: "the deferred function literal assigns \(name), declared outside the iteration (it restores a swapped value): the code after the loop may rely on the swapped value until the function returns")
            }
            if isErrorName(name) {
                return LocalizedText(
                    zh: "被 defer 的函数字面量读取循环外声明的 \(name)：它在函数返回时根据之后的错误决定（例如回滚），而在迭代结束时 \(name) 可能还没有被赋值",
                    en: "the deferred function literal reads \(name), declared outside the iteration: it decides at return (a roll-back on a later error, say), and at the end of the iteration \(name) may not be set yet")
            }
            return LocalizedText(
                zh: "被 defer 的函数字面量读取循环外声明的 \(name)：改到迭代结束时执行，它看到的是那时的 \(name)，而不是函数返回时的",
                en: "the deferred function literal reads \(name), declared outside the iteration: at the end of each iteration it would see \(name) as it is then, not at return")
        }
        // Only releases of the iteration's values inside.
        var other: String?
        Inspector.walk(.stmt(.block(lit.body)), pre: { n in
            guard other == nil else { return false }
            if case .expr(.funcLit) = n { other = "a function literal"; return false }
            guard case .expr(.call(let c)) = n else { return true }
            switch c.fun.unparen {
            case .selector(let sel):
                if let r = rootIdent(sel.x), let o = pass.objectID(r), free.contains(o), isRelease(method: sel.sel.name, receiver: sel.x) {
                    return true
                }
            case .ident(let id):
                if let o = pass.objectID(id), free.contains(o) { return true }
                if pass.isBuiltin(c.fun, "close") { return true }
            default:
                break
            }
            other = pass.summary(file, c)
            return false
        })
        if let other {
            return LocalizedText(
                zh: "被 defer 的函数字面量除了释放之外还做了别的事（\(other)）：这些效果会从函数返回时提前到每次迭代结束时",
                en: "the deferred function literal does more than release (\(other)): those effects would move from the return to the end of each iteration")
        }
        roots.append(contentsOf: free)
        return nil
    }

    func assigns(_ lit: FuncLit, _ obj: Int) -> Bool {
        var found = false
        Inspector.walk(.stmt(.block(lit.body)), pre: { n in
            switch n {
            case .stmt(.assign(let a)) where a.tok != .define:
                if a.lhs.contains(where: { rootIdent($0).flatMap(pass.objectID) == obj }) { found = true }
            case .stmt(.incDec(let x)):
                if rootIdent(x.x).flatMap(pass.objectID) == obj { found = true }
            default: break
            }
            return !found
        })
        return found
    }
}

/// The name a call goes by: `f` in `f(…)`, `pkg.f(…)`, `x.f(…)`, `f[T](…)`.
func calleeName(_ fun: Expr) -> String? {
    switch fun.unparen {
    case .ident(let id): return id.name
    case .selector(let s): return s.sel.name
    case .index(let i): return calleeName(i.x)
    case .indexList(let i): return calleeName(i.x)
    default: return nil
    }
}

/// The variable at the root of `x`, `x.f`, `x[i]`, `*x`, `x.(T)`, `x[i:j]`.
func rootIdent(_ e: Expr) -> Ident? {
    switch e.unparen {
    case .ident(let id): return id
    case .selector(let s): return rootIdent(s.x)
    case .index(let i): return rootIdent(i.x)
    case .star(let s): return rootIdent(s.x)
    case .typeAssert(let t): return rootIdent(t.x)
    case .slice(let s): return rootIdent(s.x)
    default: return nil
    }
}

/// An error variable by its name: `err`, or a name ending in `err`/`Err`/`error`/`Error`.
func isErrorName(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.hasSuffix("err") || lower.hasSuffix("error")
}

extension String {
    /// The text on one line, runs of white space as one space, at most about 60 characters.
    var oneLine: String {
        let s = split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        return s.count > 60 ? String(s.prefix(57)) + "…" : s
    }
}
