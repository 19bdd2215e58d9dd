import GoAnalysis
import GoSyntax
import LabText

/// exit-skips-defer: `os.Exit` and `log.Fatal`/`Fatalf`/`Fatalln` end the program at once;
/// the calls deferred so far in the function never run. Report only: whether the exit should
/// become a return, or the cleanup move before it, is the author's decision.
public enum ExitSkipsDefer {
    public static let name = "exit-skips-defer"

    public static let analyzer = Analyzer(
        name: name,
        title: LocalizedText(zh: "退出程序跳过 defer", en: "exit skips deferred calls"),
        doc: LocalizedText(
            zh: """
            os.Exit 立即结束程序，log.Fatal、log.Fatalf、log.Fatalln 打印后调用 os.Exit(1)。\
            程序就此结束，函数里已经注册、尚未执行的 defer 调用一个也不会执行：文件不会关闭、缓冲不会写出、\
            临时文件不会删除、锁不会释放。这条规则报告在同一个函数里、前面已有 defer 的位置上调用这些函数的地方\
            （defer 写在调用之前，且 defer 所在的块包含这个调用；函数字面量里的 defer 属于它自己）。\
            只按导入识别：本地变量名叫 log 或 os 的不算，重命名导入的算。\
            只报告，不自动修复：常见的做法是把逻辑移进一个返回 error 的函数，由 main 在 defer 都执行完后再退出，\
            或者在退出前显式完成清理。
            """,
            en: """
            os.Exit ends the program at once; log.Fatal, log.Fatalf and log.Fatalln print and then call \
            os.Exit(1). The program ends there, and none of the function's deferred calls registered so \
            far runs: files are not closed, buffers not flushed, temporary files not removed, locks not \
            released. The rule reports such calls where a defer is pending in the same function (the \
            defer comes before the call and its block encloses the call; a defer inside a function \
            literal belongs to that literal). Calls are matched through the file's imports: a local \
            variable named log or os does not count, a renamed import does. Report only, no fix: the \
            usual cure is to move the work into a function that returns an error and exit in main after \
            its defers ran, or to do the cleanup explicitly before exiting.
            """),
        applicability: LocalizedText(
            zh: "只报告，不改写：返回错误并在上层退出，还是在退出之前先做清理，要由人来决定。",
            en: "Report only, no fix: whether to return an error and exit further up, or to clean up before exiting, is for a person to decide."),
        precedence: 50,
        // It reports only at a defer statement.
        prefilter: .anyToken(["defer"]),
        example: RuleExample(bad: """
            package example

            import (
            	"log"
            	"os"
            )

            func main() {
            	f, err := os.Create("out.txt")
            	if err != nil {
            		log.Fatal(err)
            	}
            	defer f.Close()
            	if _, err := f.WriteString("hello\\n"); err != nil {
            		log.Fatal(err)
            	}
            }

            """, fixed: nil),
        diagnose: run)

    struct Pending {
        var function: Pos
        var d: DeferStmt
        /// The block (or clause) that holds the defer.
        var scope: Range<Pos>
    }

    static func run(_ pass: Pass) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for i in pass.files.indices {
            // Only os.Exit and log.Fatal* count: a file or declaration without one of those
            // names (as tokens) of a package it imports has nothing to report, and a subtree
            // with neither a defer nor one of them is not entered (t.Fatal in a test that does
            // not import log does not count).
            let names = (pass.imports(i, "os") ? ["Exit"] : []) + (pass.imports(i, "log") ? ["Fatal", "Fatalf", "Fatalln"] : [])
            guard !names.isEmpty else { continue }
            let deferTokens = pass.tokenOffsets(i, ["defer"])
            guard !deferTokens.isEmpty else { continue }
            let exits = pass.tokenOffsets(i, Set(names))
            guard !exits.isEmpty else { continue }
            for decl in pass.decls(i, withTokens: ["defer"]) {
                // A pending defer comes before the exit: the declaration needs an exit token
                // after its first defer token.
                let start = pass.files[i].offset(decl.pos)
                guard let firstDefer = deferTokens.first(where: { $0 >= start }),
                      pass.holds(i, exits, from: pass.files[i].parsed.source.pos(firstDefer + 1), to: decl.end) else { continue }
                var defers: [Pending] = []
                Inspector.walkWithStack(.decl(decl)) { node, stack in
                    guard pass.holds(i, exits, from: node.pos, to: node.end) || pass.holds(i, deferTokens, from: node.pos, to: node.end)
                    else { return false }
                    switch node {
                    case .stmt(.defer(let d)):
                        if let fn = function(stack), let scope = parentScope(stack) {
                            defers.append(Pending(function: fn, d: d, scope: scope))
                        }
                    case .expr(.call(let c)):
                        guard !defers.isEmpty, let fn = function(stack) else { break }
                        // The inspector visits in source order: every defer seen so far comes first.
                        let pending = defers.filter {
                            $0.function == fn && $0.scope.contains(c.fun.pos)
                                && !(Stmt.defer($0.d).pos..<Stmt.defer($0.d).end).contains(c.fun.pos)
                        }
                        // (Whether it exits asks the names' resolution: only with a defer pending.)
                        if !pending.isEmpty, isExit(pass, c) { out.append(diagnose(pass, i, c, pending)) }
                    default:
                        break
                    }
                    return true
                }
            }
        }
        return out
    }

    static func isExit(_ pass: Pass, _ c: CallExpr) -> Bool {
        pass.isCall(c, to: "os", ["Exit"]) || pass.isCall(c, to: "log", ["Fatal", "Fatalf", "Fatalln"])
    }

    /// The position of the innermost function (declaration or literal) in `stack`.
    static func function(_ stack: [Node]) -> Pos? {
        for n in stack.reversed() {
            switch n {
            case .expr(.funcLit(let f)): return f.type.funcPos
            case .decl(.func(let f)): return f.pos
            default: continue
            }
        }
        return nil
    }

    /// The range of the block or clause whose statement list holds the statement.
    static func parentScope(_ stack: [Node]) -> Range<Pos>? {
        for n in stack.reversed() {
            switch n {
            case .stmt(.labeled): continue
            case .stmt(.block(let b)): return b.pos..<b.end
            case .stmt(.caseClause(let c)): return c.casePos..<Stmt.caseClause(c).end
            case .stmt(.commClause(let c)): return c.casePos..<Stmt.commClause(c).end
            default: return nil
            }
        }
        return nil
    }

    static func diagnose(_ pass: Pass, _ file: Int, _ c: CallExpr, _ pending: [Pending]) -> Diagnostic {
        var exit = pass.text(file, c.fun)
        if exit.contains("\n") { exit = "the exit call" }
        let isOS = pass.isCall(c, to: "os", ["Exit"])
        let calls = pending.map { pass.summary(file, $0.d.call) }
        let what: (zh: String, en: String)
        if calls.count == 1 {
            what = ("尚未执行的被 defer 的 \(calls[0])", "the pending deferred \(calls[0])")
        } else {
            let list = calls.joined(separator: ", ")
            what = ("\(calls.count) 个尚未执行的被 defer 的调用（\(list)）", "\(calls.count) pending deferred calls (\(list))")
        }
        let verb: (zh: String, en: String) = isOS
            ? ("\(exit) 会跳过", "\(exit) skips")
            : ("\(exit) 会调用 os.Exit(1)，跳过", "\(exit) calls os.Exit(1) and skips")
        var diag = Diagnostic(
            rule: name, pass: pass, file: file, from: c.fun.pos, to: Expr.call(c).end,
            message: LocalizedText(
                zh: "\(verb.zh)\(what.zh)：程序退出时被 defer 的调用不会执行",
                en: "\(verb.en) \(what.en): deferred calls do not run when the program exits"))
        diag.declined = LocalizedText(
            zh: "没有机械的改写：应该返回错误、由上层决定退出，还是在退出前先做清理，要由人来决定",
            en: "no mechanical rewrite: whether to return an error and exit further up, or to clean up before exiting, is for a person to decide")
        return diag
    }
}
