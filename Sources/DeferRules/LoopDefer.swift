import GoAnalysis
import GoSyntax

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
            如果 defer 之后本次迭代一定会离开循环（只执行一次），就不报告。\
            以下情况不改写，只说明原因：defer 的调用使用了 recover()；被 defer 的函数字面量读写了外层函数的具名返回值；\
            被 defer 的值逃出了本次迭代；循环体里有闭包无法携带的结构。
            """,
            en: """
            A deferred call runs when the surrounding function returns, not when the loop iteration ends. \
            Defers in a loop therefore pile up: every iteration leaves one more pending call, and the \
            resource it holds (a file, a connection, a lock) stays held until the function returns. \
            The fix wraps the loop body in a function literal that is called at once, func() { … }(), so \
            each defer runs at the end of its iteration. DeferLab carries continue, break, labeled \
            branches, goto and return out of the closure unchanged in meaning. A defer after which the \
            iteration always leaves the loop (it runs at most once) is not reported. No rewrite, only the \
            reason, when: the deferred call uses recover(); a deferred function literal reads or writes \
            the function's named results; the deferred value escapes the iteration; or the body holds a \
            construct the wrap cannot carry.
            """),
        precedence: 10,
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

    /// A defer inside a loop body of its own function.
    struct Site {
        var file: Int
        var d: DeferStmt
        var enclosing: Enclosing
        var loop: Loop
        var function: FunctionContext
        /// The loop has no exit: the defer never runs.
        var neverEnds: Bool
        /// The rule reports it (it can run more than once per call, or never).
        var reported: Bool
    }

    /// Every defer in a loop body, with whether loop-defer reports it. The one place that
    /// decides which defers this rule reports (other rules defer to it through
    /// `reportedDefers`).
    static func sites(_ pass: Pass) -> [Site] {
        var sites: [Site] = []
        pass.forEachStatement { file, s, enclosing in
            guard case .defer(let d) = s, let (index, loop) = enclosing.loop,
                  let function = enclosing.function else { return }
            let exits = LoopExits(pass: pass, loop: loop)
            let chain = Array(enclosing.stack[(index + 1)...]) + [.stmt(.defer(d))]
            let neverEnds = loop.isInfinite && !exits.sequence(loop.body.list, inSwitch: false).contains(.leaves)
            var reported = neverEnds || !exits.isSingleShot(chain)
            var target = loop
            if !reported {
                // Once per run of its loop is still many times per call when that loop sits
                // in another loop: the defer then belongs to the first outer loop it does not
                // always leave.
                let loops = enclosing.loops.map(\.loop)
                for k in loops.indices.dropFirst() where !alwaysLeaves(pass, d, inner: loop, outer: k, loops: loops) {
                    target = loops[k]
                    reported = true
                    break
                }
            }
            sites.append(Site(file: file, d: d, enclosing: enclosing, loop: target, function: function,
                              neverEnds: neverEnds, reported: reported))
        }
        return sites
    }

    /// Whether every exit after a single-shot `d` (in loop `inner` = loops[0]) also leaves
    /// loops[outer]: returns and no-return calls do; a break or continue leaves exactly the
    /// loops up to its target; a goto leaves the loops whose bodies do not hold its label.
    /// An exit that only ends `inner` lets the outer loop go round again.
    static func alwaysLeaves(_ pass: Pass, _ d: DeferStmt, inner: Loop, outer: Int, loops: [Loop]) -> Bool {
        let after = Stmt.defer(d).end
        let exits = LoopExits(pass: pass, loop: inner)
        var ok = true
        var nested = 0
        Inspector.walk(.stmt(.block(inner.body)), pre: { n in
            switch n {
            case .expr(.funcLit): return false
            case .stmt(.for), .stmt(.range), .stmt(.switch), .stmt(.typeSwitch), .stmt(.select):
                nested += 1
            case .stmt(.branch(let b)) where b.tokPos >= after:
                let label = b.label?.name
                switch b.tok {
                case .break, .continue:
                    guard let label else {
                        if nested == 0 { ok = false }  // ends (or repeats) only the inner loop
                        break
                    }
                    if exits.innerLabels.contains(label) { break }  // stays inside the inner loop
                    guard let j = loops.firstIndex(where: { $0.label == label }) else { break }
                    if b.tok == .break ? j < outer : j <= outer { ok = false }
                case .goto:
                    guard let label else { break }
                    if exits.innerLabels.contains(label) { break }
                    let target = loops[outer]
                    // A label inside the outer loop's body may lead to its next iteration.
                    var inside = false
                    Inspector.walk(.stmt(.block(target.body)), pre: { m in
                        if case .stmt(.labeled(let l)) = m, l.label.name == label { inside = true }
                        return !inside
                    })
                    if inside { ok = false }
                default:
                    break
                }
            default:
                break
            }
            return ok
        }, post: { n in
            switch n {
            case .stmt(.for), .stmt(.range), .stmt(.switch), .stmt(.typeSwitch), .stmt(.select): nested -= 1
            default: break
            }
        })
        return ok
    }

    /// Positions (`deferPos`) of the defers loop-defer reports.
    static func reportedDefers(_ pass: Pass) -> Set<Pos> {
        Set(sites(pass).filter(\.reported).map(\.d.deferPos))
    }

    static func run(_ pass: Pass) -> [Diagnostic] {
        let sites = sites(pass)
        var out: [Diagnostic] = []
        var wraps: [String: LoopWrap.Result] = [:]
        for site in sites where site.reported {
            let function = site.function
            let neverEnds = site.neverEnds
            let key = "\(site.file):\(site.loop.pos.raw)"
            if wraps[key] == nil {
                let defers = sites.filter { $0.file == site.file && $0.loop.pos == site.loop.pos }.map(\.d)
                wraps[key] = LoopWrap(pass: pass, file: site.file, loop: site.loop, function: function,
                                      defers: defers, exits: LoopExits(pass: pass, loop: site.loop)).build()
            }
            let call = pass.summary(site.file, site.d.call)
            let fn = function.name
            let message: LocalizedText
            if neverEnds {
                message = LocalizedText(
                    zh: "defer 永远不会执行：这个循环没有出口，\(call) 不会被调用，而每次迭代都会多留下一个待执行的调用",
                    en: "defer never runs: the loop has no exit, so \(call) is never called and every iteration adds one more pending call")
            } else {
                let zhFn = fn.map { "函数 \($0) " } ?? "外层函数字面量"
                let enFn = fn ?? "the enclosing function literal"
                message = LocalizedText(
                    zh: "defer 在\(zhFn)返回时才执行，而不是在每次迭代结束时：在此之前每次迭代都会多留下一个待执行的 \(call)",
                    en: "defer runs when \(enFn) returns, not at the end of each iteration: every iteration adds one more pending \(call) until then")
            }
            var diag = Diagnostic(rule: name, file: site.file, pos: site.d.deferPos,
                                  end: Stmt.defer(site.d).end, message: message)
            switch wraps[key]! {
            case .fix(let edit):
                diag.fix = SuggestedFix(
                    title: LocalizedText(zh: "把循环体包进函数字面量", en: "Wrap the loop body in a function literal"),
                    edits: [edit])
            case .declined(let reason):
                diag.declined = reason
            }
            out.append(diag)
        }
        return out
    }
}
