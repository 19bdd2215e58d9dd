import LabCommands
import LabText

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
    case verifyStart, verifyFails, verifyPasses, verifyFixed, verifyNotFixedUnchanged, verifyNotFixedFails, verifyProblem, verifySummary
    case checkError
    case interrupted, notADirectory, unreadableFile, shortUnreadable, figureLinesDiffer, shortFigureLines
    case shortMissing, shortConstraint, shortBuild, shortNotMeasured, shortTimedOut, shortExit, shortOutput
}

/// The workshop's messages in one language.
public typealias WorkshopText = Texts<WorkshopMessage>

extension WorkshopMessage: MessageCatalog {
    public var text: LocalizedText {
        switch self {
        case .contentMissing: return LocalizedText(zh: "找不到练习内容（Content/exercises）。请在 DeferLab 项目目录中运行，或设置 DEFERLAB_HOME 指向项目目录。", en: "Cannot find the exercises (Content/exercises). Run from the DeferLab project folder or set DEFERLAB_HOME to it.")
        case .notAWorkshop: return LocalizedText(zh: "%1 不是练习目录。先运行 `deferlab workshop init 目录`，或用 --dir 指定练习目录。", en: "%1 is not a workshop folder. Run `deferlab workshop init DIR` first, or name one with --dir.")
        case .notEmpty: return LocalizedText(zh: "%1 不是空目录；确认要写入请加 --force。", en: "%1 is not empty; add --force to write into it anyway.")
        case .unknownExercise: return LocalizedText(zh: "没有这个练习：%1（`deferlab workshop list` 列出全部）", en: "no such exercise: %1 (`deferlab workshop list` lists them)")
        case .damagedState: return LocalizedText(zh: "警告：进度文件 %1 已损坏，从头开始记录。", en: "warning: the progress file %1 is damaged; starting afresh.")
        case .initDone: return LocalizedText(zh: "已在 %1 中准备好 %2 个练习。", en: "%2 exercises are ready in %1.")
        case .initNext: return LocalizedText(zh: "下一步：cd %1，阅读 README.md，然后运行 `deferlab workshop check`。", en: "Next: cd %1, read README.md, then run `deferlab workshop check`.")
        case .listHeader: return LocalizedText(zh: "   #  练习                      状态     标题", en: "   #  exercise                  status   title")
        case .statusPassed: return LocalizedText(zh: "已通过", en: "passed")
        case .statusPending: return LocalizedText(zh: "未完成", en: "pending")
        case .currentMarker: return LocalizedText(zh: "▸", en: "▸")
        case .allPassed: return LocalizedText(zh: "全部通过！", en: "All passed!")
        case .checking: return LocalizedText(zh: "检查 %1 …", en: "Checking %1 …")
        case .passed: return LocalizedText(zh: "✓ %1 通过（随机种子 %2）", en: "✓ %1 passed (seed %2)")
        case .failed: return LocalizedText(zh: "✗ %1 未通过（随机种子 %2）", en: "✗ %1 failed (seed %2)")
        case .missingFile: return LocalizedText(zh: "  %1 不存在或不是普通文件（重新取得初始代码：deferlab workshop reset %2）", en: "  %1 is missing or not a regular file (get the starting code back: deferlab workshop reset %2)")
        case .buildConstraint: return LocalizedText(zh: "  %1：不接受构建约束（//go:build）：检查总是按 go %2 构建，修复必须在代码里完成", en: "  %1: build constraints (//go:build) are not accepted: the check always builds as go %2, so the fix must be in the code")
        case .buildFailed: return LocalizedText(zh: "  编译失败：", en: "  the program does not compile:")
        case .notMeasured: return LocalizedText(zh: "  无法测量：%1", en: "  could not be measured: %1")
        case .timedOut: return LocalizedText(zh: "  程序在 %1 秒内没有结束，被终止（是不是卡住了？）", en: "  the program did not finish within %1 s and was stopped (is it stuck?)")
        case .exitCode: return LocalizedText(zh: "  退出码 %1，应为 %2", en: "  exit status %1, expected %2")
        case .outputDiffers: return LocalizedText(zh: "  输出与参考答案不同（同一随机种子），第 %1 行：", en: "  output differs from the reference for the same seed, at line %1:")
        case .outputWant: return LocalizedText(zh: "    应为：%1", en: "    expected: %1")
        case .outputGot: return LocalizedText(zh: "    实际：%1", en: "    got:      %1")
        case .outputNothing: return LocalizedText(zh: "（没有这一行）", en: "(no such line)")
        case .limitFailed: return LocalizedText(zh: "  测得 %1 = %2，要求 %3：%4", en: "  measured %1 = %2, required %3: %4")
        case .limitNotMeasured: return LocalizedText(zh: "  没有测到 %1（程序是否运行到底？）：%2", en: "  %1 was not measured (did the program run to the end?): %2")
        case .figureLine: return LocalizedText(zh: "  测得：%1", en: "  measured: %1")
        case .summaryTable: return LocalizedText(zh: "  练习                      结果     测得", en: "  exercise                  result   measured")
        case .summaryCounts: return LocalizedText(zh: "%1 个通过，%2 个未通过。", en: "%1 passed, %2 failed.")
        case .hintStep: return LocalizedText(zh: "提示 %1/%2（%3）：", en: "Hint %1/%2 (%3):")
        case .hintNoMore: return LocalizedText(zh: "（没有更多提示了；还可以 `deferlab workshop solution %1`，通过后可看答案。）", en: "(No more hints; `deferlab workshop solution %1` shows the answer once it passed.)")
        case .resetAsk: return LocalizedText(zh: "把 %1 恢复为初始代码？你的版本会备份到 %2。[y/N] ", en: "Restore %1 to the starting code? Your version is kept in %2. [y/N] ")
        case .resetDone: return LocalizedText(zh: "%1 已恢复为初始代码。", en: "%1 is back to the starting code.")
        case .resetKept: return LocalizedText(zh: "你的版本已备份到 %1。", en: "Your version was kept in %1.")
        case .resetCancelled: return LocalizedText(zh: "未做任何改动。", en: "Nothing changed.")
        case .solutionLocked: return LocalizedText(zh: "%1 还没有通过：先自己试试（`deferlab workshop hint %1`），或加 --force 直接查看答案。", en: "%1 has not passed yet: try it first (`deferlab workshop hint %1`), or add --force to see the answer anyway.")
        case .solutionHeader: return LocalizedText(zh: "参考答案 %1/%2：", en: "Reference solution %1/%2:")
        case .watchStart: return LocalizedText(zh: "正在监视 %1 个练习的文件；保存后自动检查。按 Ctrl-C 退出。", en: "Watching the files of %1 exercises; each save is checked. Ctrl-C leaves.")
        case .watchChanged: return LocalizedText(zh: "%1 已保存。", en: "%1 saved.")
        case .watchStop: return LocalizedText(zh: "停止监视。", en: "Stopped watching.")
        case .langSwitched: return LocalizedText(zh: "练习目录的语言已切换为中文，README 已重写。", en: "The workshop's language is now English; the READMEs were rewritten.")
        case .readmeTitle: return LocalizedText(zh: "DeferLab 练习：修复 Go 的 defer 泄漏", en: "DeferLab workshop: fixing Go defer leaks")
        case .readmeIntro: return LocalizedText(zh: "每个目录是一个小 Go 模块，其中有一个与 defer 有关的缺陷。用你自己的编辑器修改 `work.go`，然后让 DeferLab 检查：它用新的随机输入构建并运行你的程序，测量打开的文件、挂起的 defer、goroutine 等，只有输出正确且测量结果表明泄漏已消除时才算通过。", en: "Each folder is a small Go module with a defer-related bug. Edit `work.go` in your own editor, then let DeferLab check it: it builds and runs your program with fresh random input and measures open files, pending defers, goroutines and more. A fix passes only when the output is right and the measurements show the leak is gone.")
        case .readmeCommands: return LocalizedText(zh: "常用命令（在本目录中运行）：", en: "Commands (run them in this folder):")
        case .readmeExercises: return LocalizedText(zh: "练习", en: "Exercises")
        case .readmeTask: return LocalizedText(zh: "任务", en: "Task")
        case .readmeFiles: return LocalizedText(zh: "要修改的文件：%1。测试用的驱动程序：%2，检查时总是使用它们的原始版本。用 `go run . -seed 1` 可以自己运行。", en: "The file to edit: %1. Our driver: %2; checks always use the shipped originals. `go run . -seed 1` runs it yourself.")
        case .readmeCheck: return LocalizedText(zh: "检查：`deferlab workshop check %1`　提示：`deferlab workshop hint %1`", en: "Check: `deferlab workshop check %1`   Hint: `deferlab workshop hint %1`")
        case .readmeOther: return LocalizedText(zh: "English: `deferlab workshop lang en`", en: "中文：`deferlab workshop lang zh`")
        case .verifyStart: return LocalizedText(zh: "验证练习集（%1 个练习）…", en: "Verifying the exercise set (%1 exercises)…")
        case .verifyFails: return LocalizedText(zh: "初始代码未通过（应当如此）", en: "starting code fails (as it must)")
        case .verifyPasses: return LocalizedText(zh: "参考答案通过", en: "reference solution passes")
        case .verifyFixed: return LocalizedText(zh: "deferlab fix -w 之后通过", en: "passes after deferlab fix -w")
        case .verifyNotFixedUnchanged: return LocalizedText(zh: "deferlab fix -w 修不了（它不改动这段代码），要靠学习者自己思考", en: "not fixable by deferlab fix -w (it changes nothing here): the learner has to think")
        case .verifyNotFixedFails: return LocalizedText(zh: "deferlab fix -w 修不了（改动之后仍未通过：%1），要靠学习者自己思考", en: "not fixable by deferlab fix -w (its rewrite still fails: %1): the learner has to think")
        case .verifyProblem: return LocalizedText(zh: "问题：%1", en: "problem: %1")
        case .verifySummary: return LocalizedText(zh: "练习集：%1 个练习，%2 个问题。", en: "Exercise set: %1 exercises, %2 problems.")
        case .interrupted: return LocalizedText(zh: "已中断：%1 的检查没有完成，结果不计。", en: "Interrupted: the check of %1 did not finish and does not count.")
        case .unreadableFile: return LocalizedText(zh: "  无法读取 %1（权限？）", en: "  cannot read %1 (permissions?)")
        case .shortUnreadable: return LocalizedText(zh: "无法读取", en: "unreadable")
        case .figureLinesDiffer: return LocalizedText(zh: "  测量行（figure:）与参考答案不同：应为 [%1]，实际 [%2]。测量行由我们的驱动程序输出，你的代码不应输出它们。", en: "  the figure lines differ from the reference: expected [%1], got [%2]. Our driver prints them; your code must not.")
        case .shortFigureLines: return LocalizedText(zh: "测量行不同", en: "figure lines differ")
        case .notADirectory: return LocalizedText(zh: "%1：不是目录", en: "%1: not a directory")
        case .shortMissing: return LocalizedText(zh: "缺少文件", en: "missing file")
        case .shortConstraint: return LocalizedText(zh: "构建约束", en: "build constraint")
        case .shortBuild: return LocalizedText(zh: "编译失败", en: "does not compile")
        case .shortNotMeasured: return LocalizedText(zh: "无法测量", en: "not measured")
        case .shortTimedOut: return LocalizedText(zh: "超时", en: "timed out")
        case .shortExit: return LocalizedText(zh: "退出码 %1", en: "exit %1")
        case .shortOutput: return LocalizedText(zh: "输出第 %1 行不同", en: "output differs at line %1")
        case .checkError: return LocalizedText(zh: "无法完成检查：%1", en: "the check could not be carried out: %1")
        }
    }
}
