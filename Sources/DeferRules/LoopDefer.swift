import GoAnalysis
import GoSyntax
import LabText

/// loop-defer: a defer in a `for`/`range` body runs when the function returns, not at the
/// end of each iteration. The fix wraps the loop body in `func() { … }()`, carrying every
/// exit of the body out of the closure (see `LoopWrap`).
public enum LoopDefer {
    public static let name = "loop-defer"

    public static let analyzer = Analyzer(
        name: name,
        title: LocalizedText(zh: "循环里的 defer", en: "defer inside a loop"),
        doc: LocalizedText(
            zh: """
            defer 注册的调用在外层函数返回时才执行，而不是在本次循环迭代结束时。循环里的 defer 因此会一直累积：\
            每次迭代都多留下一个待执行的调用，它持有的资源（文件、连接、锁）直到函数返回才释放。\
            修复方法：把循环体包进一个立即调用的函数字面量 func() { … }()，让 defer 在每次迭代结束时执行。\
            DeferLab 会把循环体里的 continue、break、带标签的跳转、goto 和 return 原样带出闭包。\
            如果 defer 之后每条路径都会在下一次迭代开始前离开函数或所有外层循环（只执行一次），就不报告，\
            除非有 goto 能回到它。包装会移动循环体里的每一个 defer，所以每一个都要判断：\
            被 defer 的调用使用了 recover()（直接或通过本包的函数），或者读写外层函数的具名返回值时，不改写，只说明原因。
            """,
            en: """
            A deferred call runs when the surrounding function returns, not when the loop iteration ends. \
            Defers in a loop therefore pile up: every iteration leaves one more pending call, and the \
            resource it holds (a file, a connection, a lock) stays held until the function returns. \
            The fix wraps the loop body in a function literal that is called at once, func() { … }(), so \
            each defer runs at the end of its iteration. DeferLab carries continue, break, labeled \
            branches, goto and return out of the closure unchanged in meaning. A defer after which every \
            path leaves the function or all its loops before another iteration can start runs at most \
            once and is not reported, unless a goto can lead back to it. The wrap moves every defer of \
            the body, so each of them is judged: no rewrite, only the reason, when one uses recover() \
            (itself or through a function of the package) or reads or writes the function's named results.
            """),
        applicability: LocalizedText(
            zh: """
            安全：包装移动的每个 defer 都只是释放本次迭代自己创建的值（f.Close()、resp.Body.Close()、\
            本次迭代创建的 context 的 cancel()、time.Timer 的 Stop、close(ch)、删除本次迭代创建的临时文件），\
            并且这些值以及与它们共享的任何东西（字段、元素、由它们派生的值、同一个调用返回的其他结果、捕获它们的闭包）\
            都不会在迭代之后还能被用到：没有保存到循环外的变量（包括作为 map 的键）、没有被返回、发送、交给 goroutine，\
            也没有传给可能保留它们的调用（只有经过审查的标准库调用被认为不会保留，例如 io.Copy、io.ReadAll、fmt.Fprint）。\
            不安全（只有加上 --unsafe-fixes 或由人在编辑器里选择才应用）：其他所有情况，尤其是累积可能正是本意的写法——\
            在循环里加锁然后在持有全部锁时工作、计数和信号量、按栈恢复的状态（目录、命名空间、被替换的全局变量）、\
            根据之后的错误回滚、清理函数、测试里的夹具、基准测试的计时——以及值来自循环外或可能被别处保留的情况。消息会说明会改变什么。
            """,
            en: """
            Safe: every defer the wrap moves only releases values its own iteration created \
            (f.Close(), resp.Body.Close(), cancel() of a context made in the iteration, Stop of a \
            time.Timer, close(ch), removing a temporary file the iteration made), and neither those \
            values nor anything sharing them (fields, elements, values derived from them, the other \
            results of the call that made them, closures that capture them) can be used after the \
            iteration: nothing is stored in a variable declared outside it (map keys included), \
            returned, sent, handed to a goroutine, or passed to a call that may keep it (only reviewed \
            standard-library calls count as keeping nothing: io.Copy, io.ReadAll, fmt.Fprint, …). \
            Unsafe (applied only with --unsafe-fixes, or when a person picks it in an editor): everything \
            else, above all the shapes where the pile-up may be the point — taking locks in a loop to \
            work under all of them, counts and semaphores, state restored like a stack (directories, \
            namespaces, swapped globals), roll-backs that look at a later error, clean-up functions, \
            fixtures in tests, timing in benchmarks — and values that come from outside the iteration \
            or may be kept elsewhere. The message says what would change.
            """),
        precedence: 10,
        // It reports only at a defer statement.
        prefilter: .anyToken(["defer"]),
        example: RuleExample(bad: """
            package example

            import "os"

            func sizes(names []string) (int64, error) {
            	var total int64
            	for _, name := range names {
            		f, err := os.Open(name)
            		if err != nil {
            			return 0, err
            		}
            		defer f.Close()
            		st, err := f.Stat()
            		if err != nil {
            			continue
            		}
            		total += st.Size()
            	}
            	return total, nil
            }

            """, fixed: """
            package example

            import "os"

            func sizes(names []string) (int64, error) {
            	var total int64
            	for _, name := range names {
            		var ret int64
            		var ret1 error
            		exit := 0
            		func() {
            			f, err := os.Open(name)
            			if err != nil {
            				ret = 0
            				ret1 = err
            				exit = 1
            				return
            			}
            			defer f.Close()
            			st, err := f.Stat()
            			if err != nil {
            				return
            			}
            			total += st.Size()
            		}()
            		if exit == 1 {
            			return ret, ret1
            		}
            	}
            	return total, nil
            }

            """),
        run: run)

    /// The defers loop-defer reports, for rules that leave them to it (go/analysis ResultOf).
    public struct Reported: Sendable {
        public var defers: Set<Pos>
        /// The reported defers whose wrap is a safe fix: in it each runs within its iteration.
        public var safelyWrapped: Set<Pos>
    }

    /// A defer inside a loop body of its own function that can run more than once per call.
    struct Site {
        var file: Int
        var d: DeferStmt
        var enclosing: Enclosing
        /// The innermost loop that can start another iteration after the defer ran: the
        /// loop whose body the fix wraps.
        var loop: Loop
        var function: FunctionContext
        /// The loop has no exit: the defer never runs.
        var neverEnds: Bool
    }

    /// Every defer this rule reports: the one place that decides it (other rules read the
    /// result). A defer after which every path leaves the function or all its loops before
    /// another iteration can start runs at most once and is not reported, at any nesting,
    /// unless a goto can bring control back to it.
    static func sites(_ pass: Pass) -> [Site] {
        var sites: [Site] = []
        let flow = ControlFlow(pass: pass)
        pass.forEachStatement(withTokens: ["defer"]) { file, s, enclosing in
            guard case .defer(let d) = s, enclosing.loop != nil, let function = enclosing.function else { return }
            guard let target = flow.repeatingLoops(after: s, stack: enclosing.stack).first else { return }
            sites.append(Site(file: file, d: d, enclosing: enclosing, loop: target, function: function,
                              neverEnds: flow.neverEnds(target)))
        }
        return sites
    }

    /// The defers a wrap of `loop` moves into the closure: every defer of its body at any
    /// depth, outside nested function literals (theirs run when those return).
    static func movedDefers(_ loop: Loop) -> [DeferStmt] {
        var out: [DeferStmt] = []
        Inspector.walk(.stmt(.block(loop.body)), pre: { n in
            if case .expr(.funcLit) = n { return false }
            if case .stmt(.defer(let d)) = n { out.append(d) }
            return true
        })
        return out
    }

    /// A wrap and how safe it is, shared by every finding of its loop.
    struct Wrap {
        var result: LoopWrap.Result
        var applicability: Applicability
        /// The defer that makes the wrap unsafe or declined, and why.
        var culprit: (d: DeferStmt, reason: LocalizedText)?
    }

    static func wrap(_ pass: Pass, _ site: Site) -> Wrap {
        let safety = LoopSafety(pass: pass, file: site.file, loop: site.loop, function: site.function,
                                stack: site.enclosing.stack)
        var unsafe: (d: DeferStmt, reason: LocalizedText)?
        for m in movedDefers(site.loop) {
            switch safety.judge(m) {
            case .declined(let reason):
                return Wrap(result: .declined(reason), applicability: .unsafe, culprit: (m, reason))
            case .unsafe(let reason):
                if unsafe == nil || m.deferPos == site.d.deferPos && unsafe!.d.deferPos != site.d.deferPos { unsafe = (m, reason) }
            case .safe:
                break
            }
        }
        let result = LoopWrap(pass: pass, file: site.file, loop: site.loop, function: site.function).build()
        return Wrap(result: result, applicability: unsafe == nil ? .safe : .unsafe, culprit: unsafe)
    }

    static func run(_ pass: Pass) -> AnalyzerOutput {
        let sites = sites(pass)
        var out: [Diagnostic] = []
        var wraps: [String: Wrap] = [:]
        var safelyWrapped = Set<Pos>()
        for site in sites {
            let key = "\(site.file):\(site.loop.pos.raw)"
            if wraps[key] == nil { wraps[key] = wrap(pass, site) }
            let wrap = wraps[key]!
            let call = pass.summary(site.file, site.d.call)
            let message: LocalizedText
            if site.neverEnds {
                message = LocalizedText(
                    zh: "defer 永远不会执行：这个循环没有出口，\(call) 不会被调用，而每次迭代都会多留下一个待执行的调用",
                    en: "defer never runs: the loop has no exit, so \(call) is never called and every iteration adds one more pending call")
            } else {
                let fn = site.function.name
                let zhFn = fn.map { "函数 \($0) " } ?? "外层函数字面量"
                let enFn = fn ?? "the enclosing function literal"
                message = LocalizedText(
                    zh: "defer 在\(zhFn)返回时才执行，而不是在每次迭代结束时：在此之前每次迭代都会多留下一个待执行的 \(call)",
                    en: "defer runs when \(enFn) returns, not at the end of each iteration: every iteration adds one more pending \(call) until then")
            }
            var diag = Diagnostic(rule: name, pass: pass, file: site.file, from: site.d.deferPos, to: Stmt.defer(site.d).end,
                                  message: message)
            // The reason names the other defer when it is not this finding's own.
            var reason = wrap.culprit?.reason
            if let c = wrap.culprit, c.d.deferPos != site.d.deferPos {
                let line = pass.position(site.file, c.d.deferPos).line
                reason = LocalizedText(zh: "这个改写也会移动第 \(line) 行的 defer：\(c.reason.zh)",
                                       en: "the wrap also moves the defer on line \(line): \(c.reason.en)")
            }
            switch wrap.result {
            case .fix(let edit):
                if wrap.applicability == .safe { safelyWrapped.insert(site.d.deferPos) }
                diag.fix = SuggestedFix(
                    title: LocalizedText(zh: "把循环体包进函数字面量", en: "Wrap the loop body in a function literal"),
                    edits: [edit], applicability: wrap.applicability, risk: wrap.applicability == .unsafe ? reason : nil)
            case .declined(let own):
                diag.declined = reason ?? own
            }
            out.append(diag)
        }
        return AnalyzerOutput(diagnostics: out, result: Reported(defers: Set(sites.map(\.d.deferPos)), safelyWrapped: safelyWrapped))
    }
}
