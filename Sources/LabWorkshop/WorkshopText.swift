import DeferLabCore

/// Every user-visible workshop message, in Chinese and English.
public enum WorkshopMessage: Sendable, CaseIterable {
    case contentMissing, notAWorkshop, notEmpty, unknownExercise, damagedState, initDone, initNext
    case listHeader, statusPassed, statusPending, currentMarker, allPassed
    case checking, passed, failed, missingFile, buildConstraint, buildFailed, notMeasured, timedOut, exitCode
    case outputDiffers, outputWant, outputGot, outputNothing, limitFailed, limitNotMeasured, figureLine
    case summaryTable, summaryCounts
    case hintStep, hintNoMore
    case resetAsk, resetDone, resetKept, resetCancelled
    case solutionLocked, solutionHeader
    case watchStart, watchChanged, watchStop
    case langSwitched
    case readmeTitle, readmeIntro, readmeCommands, readmeExercises, readmeTask, readmeFiles, readmeCheck, readmeOther
    case verifyStart, verifyFails, verifyPasses, verifyFixed, verifyProblem, verifySummary
    case checkError
    case interrupted, notADirectory, unreadableFile, shortUnreadable, figureLinesDiffer, shortFigureLines
    case shortMissing, shortConstraint, shortBuild, shortNotMeasured, shortTimedOut, shortExit, shortOutput
}

/// The workshop's zh/en catalog.
public struct WorkshopText: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    /// The text of `message`; `%1`, `%2`… are replaced by `args` in order.
    public func callAsFunction(_ message: WorkshopMessage, _ args: String...) -> String {
        var s = Self.table(message)[language == .zh ? 0 : 1]
        for (i, a) in args.enumerated().reversed() { s = s.replacingOccurrences(of: "%\(i + 1)", with: a) }
        return s
    }

    /// [zh, en] for each message.
    static func table(_ m: WorkshopMessage) -> [String] {
        switch m {
        case .contentMissing: return ["找不到练习内容（Content/exercises）。请在 DeferLab 项目目录中运行，或设置 DEFERLAB_HOME 指向项目目录。",
                                      "Cannot find the exercises (Content/exercises). Run from the DeferLab project folder or set DEFERLAB_HOME to it."]
        case .notAWorkshop: return ["%1 不是练习目录。先运行 `deferlab workshop init 目录`，或用 --dir 指定练习目录。",
                                    "%1 is not a workshop folder. Run `deferlab workshop init DIR` first, or name one with --dir."]
        case .notEmpty: return ["%1 不是空目录；确认要写入请加 --force。", "%1 is not empty; add --force to write into it anyway."]
        case .unknownExercise: return ["没有这个练习：%1（`deferlab workshop list` 列出全部）", "no such exercise: %1 (`deferlab workshop list` lists them)"]
        case .damagedState: return ["警告：进度文件 %1 已损坏，从头开始记录。", "warning: the progress file %1 is damaged; starting afresh."]
        case .initDone: return ["已在 %1 中准备好 %2 个练习。", "%2 exercises are ready in %1."]
        case .initNext: return ["下一步：cd %1，阅读 README.md，然后运行 `deferlab workshop check`。",
                                "Next: cd %1, read README.md, then run `deferlab workshop check`."]
        case .listHeader: return ["   #  练习                      状态     标题", "   #  exercise                  status   title"]
        case .statusPassed: return ["已通过", "passed"]
        case .statusPending: return ["未完成", "pending"]
        case .currentMarker: return ["▸", "▸"]
        case .allPassed: return ["全部通过！", "All passed!"]
        case .checking: return ["检查 %1 …", "Checking %1 …"]
        case .passed: return ["✓ %1 通过（随机种子 %2）", "✓ %1 passed (seed %2)"]
        case .failed: return ["✗ %1 未通过（随机种子 %2）", "✗ %1 failed (seed %2)"]
        case .missingFile: return ["  %1 不存在或不是普通文件（重新取得初始代码：deferlab workshop reset %2）", "  %1 is missing or not a regular file (get the starting code back: deferlab workshop reset %2)"]
        case .buildConstraint: return ["  %1：不接受构建约束（//go:build）：检查总是按 go %2 构建，修复必须在代码里完成", "  %1: build constraints (//go:build) are not accepted: the check always builds as go %2, so the fix must be in the code"]
        case .buildFailed: return ["  编译失败：", "  the program does not compile:"]
        case .notMeasured: return ["  无法测量：%1", "  could not be measured: %1"]
        case .timedOut: return ["  程序在 %1 秒内没有结束，被终止（是不是卡住了？）", "  the program did not finish within %1 s and was stopped (is it stuck?)"]
        case .exitCode: return ["  退出码 %1，应为 %2", "  exit status %1, expected %2"]
        case .outputDiffers: return ["  输出与参考答案不同（同一随机种子），第 %1 行：", "  output differs from the reference for the same seed, at line %1:"]
        case .outputWant: return ["    应为：%1", "    expected: %1"]
        case .outputGot: return ["    实际：%1", "    got:      %1"]
        case .outputNothing: return ["（没有这一行）", "(no such line)"]
        case .limitFailed: return ["  测得 %1 = %2，要求 %3：%4", "  measured %1 = %2, required %3: %4"]
        case .limitNotMeasured: return ["  没有测到 %1（程序是否运行到底？）：%2", "  %1 was not measured (did the program run to the end?): %2"]
        case .figureLine: return ["  测得：%1", "  measured: %1"]
        case .summaryTable: return ["  练习                      结果     测得", "  exercise                  result   measured"]
        case .summaryCounts: return ["%1 个通过，%2 个未通过。", "%1 passed, %2 failed."]
        case .hintStep: return ["提示 %1/%2（%3）：", "Hint %1/%2 (%3):"]
        case .hintNoMore: return ["（没有更多提示了；还可以 `deferlab workshop solution %1`，通过后可看答案。）",
                                  "(No more hints; `deferlab workshop solution %1` shows the answer once it passed.)"]
        case .resetAsk: return ["把 %1 恢复为初始代码？你的版本会备份到 %2。[y/N] ", "Restore %1 to the starting code? Your version is kept in %2. [y/N] "]
        case .resetDone: return ["%1 已恢复为初始代码。", "%1 is back to the starting code."]
        case .resetKept: return ["你的版本已备份到 %1。", "Your version was kept in %1."]
        case .resetCancelled: return ["未做任何改动。", "Nothing changed."]
        case .solutionLocked: return ["%1 还没有通过：先自己试试（`deferlab workshop hint %1`），或加 --force 直接查看答案。",
                                      "%1 has not passed yet: try it first (`deferlab workshop hint %1`), or add --force to see the answer anyway."]
        case .solutionHeader: return ["参考答案 %1/%2：", "Reference solution %1/%2:"]
        case .watchStart: return ["正在监视 %1 个练习的文件；保存后自动检查。按 Ctrl-C 退出。",
                                  "Watching the files of %1 exercises; each save is checked. Ctrl-C leaves."]
        case .watchChanged: return ["%1 已保存。", "%1 saved."]
        case .watchStop: return ["停止监视。", "Stopped watching."]
        case .langSwitched: return ["练习目录的语言已切换为中文，README 已重写。", "The workshop's language is now English; the READMEs were rewritten."]
        case .readmeTitle: return ["DeferLab 练习：修复 Go 的 defer 泄漏", "DeferLab workshop: fixing Go defer leaks"]
        case .readmeIntro: return ["每个目录是一个小 Go 模块，其中有一个与 defer 有关的缺陷。用你自己的编辑器修改 `work.go`，然后让 DeferLab 检查：它用新的随机输入构建并运行你的程序，测量打开的文件、挂起的 defer、goroutine 等，只有输出正确且测量结果表明泄漏已消除时才算通过。",
                                   "Each folder is a small Go module with a defer-related bug. Edit `work.go` in your own editor, then let DeferLab check it: it builds and runs your program with fresh random input and measures open files, pending defers, goroutines and more. A fix passes only when the output is right and the measurements show the leak is gone."]
        case .readmeCommands: return ["常用命令（在本目录中运行）：", "Commands (run them in this folder):"]
        case .readmeExercises: return ["练习", "Exercises"]
        case .readmeTask: return ["任务", "Task"]
        case .readmeFiles: return ["要修改的文件：%1。%2 是测试用的驱动程序，检查时总是使用原始版本。用 `go run . -seed 1` 可以自己运行。",
                                   "The file to edit: %1. %2 is our driver; checks always use its original. `go run . -seed 1` runs it yourself."]
        case .readmeCheck: return ["检查：`deferlab workshop check %1`　提示：`deferlab workshop hint %1`", "Check: `deferlab workshop check %1`   Hint: `deferlab workshop hint %1`"]
        case .readmeOther: return ["English: `deferlab workshop lang en`", "中文：`deferlab workshop lang zh`"]
        case .verifyStart: return ["验证练习集（%1 个练习）…", "Verifying the exercise set (%1 exercises)…"]
        case .verifyFails: return ["初始代码未通过（应当如此）", "starting code fails (as it must)"]
        case .verifyPasses: return ["参考答案通过", "reference solution passes"]
        case .verifyFixed: return ["deferlab fix -w 之后通过", "passes after deferlab fix -w"]
        case .verifyProblem: return ["问题：%1", "problem: %1"]
        case .verifySummary: return ["练习集：%1 个练习，%2 个问题。", "Exercise set: %1 exercises, %2 problems."]
        case .interrupted: return ["已中断：%1 的检查没有完成，结果不计。", "Interrupted: the check of %1 did not finish and does not count."]
        case .unreadableFile: return ["  无法读取 %1（权限？）", "  cannot read %1 (permissions?)"]
        case .shortUnreadable: return ["无法读取", "unreadable"]
        case .figureLinesDiffer: return ["  测量行（figure:）与参考答案不同：应为 [%1]，实际 [%2]。测量行由我们的驱动程序输出，你的代码不应输出它们。", "  the figure lines differ from the reference: expected [%1], got [%2]. Our driver prints them; your code must not."]
        case .shortFigureLines: return ["测量行不同", "figure lines differ"]
        case .notADirectory: return ["%1：不是目录", "%1: not a directory"]
        case .shortMissing: return ["缺少文件", "missing file"]
        case .shortConstraint: return ["构建约束", "build constraint"]
        case .shortBuild: return ["编译失败", "does not compile"]
        case .shortNotMeasured: return ["无法测量", "not measured"]
        case .shortTimedOut: return ["超时", "timed out"]
        case .shortExit: return ["退出码 %1", "exit %1"]
        case .shortOutput: return ["输出第 %1 行不同", "output differs at line %1"]
        case .checkError: return ["无法完成检查：%1", "the check could not be carried out: %1"]
        }
    }
}
