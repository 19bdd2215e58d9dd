import ArgumentParser
import LabCommands
import LabShell
#if canImport(Glibc)
import Glibc
#endif
import LabText

/// The `deferlab` executable: argument parsing only; the work is in the libraries.
struct DeferLab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "deferlab",
        abstract: UI.help(.toolAbstract),
        discussion: UI.help(.toolDiscussion),
        version: "deferlab \(version)",
        subcommands: [Parse.self, Fix.self, Explain.self, Doctor.self, Examples.self, Run.self, Workshop.self, Toc.self, Lesson.self, Lsp.self, Trace.self]
    )

    @OptionGroup var global: GlobalOptions

    /// No subcommand: the learning shell (plain lines when not on a terminal).
    mutating func run() throws {
        let language = try global.language()
        Console.flush()
        let status = LearningShell.start(language: language, environment: Environment.current)
        if status != 0 { throw ExitCode(status) }
    }
}

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(UI.help(.langOption)))
    var lang: String?

    func language() throws -> Language {
        do {
            return try Language.resolve(flag: lang, environment: Environment.current)
        } catch {
            throw ValidationError(Catalog(.en).text(.badLanguage, lang ?? ""))
        }
    }
}

/// The language of the command line's help and usage errors, decided before any command
/// runs: `--lang` when the arguments carry it, else the environment (`Language.resolve`).
enum UI {
    static let language: Language = {
        let args = Array(CommandLine.arguments.dropFirst())
        var flag: String?
        for (i, a) in args.enumerated() {
            if a == "--lang", i + 1 < args.count { flag = args[i + 1] }
            if a.hasPrefix("--lang=") { flag = String(a.dropFirst("--lang=".count)) }
            if a == "--" { break }
        }
        return (try? Language.resolve(flag: flag, environment: Environment.current))
            ?? (try? Language.resolve(flag: nil, environment: Environment.current)) ?? .en
    }()

    static func help(_ key: CommandHelp, _ args: String...) -> String { key.text.text(language, args) }
}

enum Environment {
    static var current: [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                env[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return env
    }
}


/// Parses and runs the command, mapping swift-argument-parser's usage exit code (64) to 2.
func runMain() -> Never {
    do {
        var command = try DeferLab.parseAsRoot()
        try command.run()
        Console.flush()
        exit(0)
    } catch let exit as ExitCode {
        Console.flush()
        Glibc.exit(exit.rawValue)
    } catch {
        let code = DeferLab.exitCode(for: error)
        let message = DeferLab.fullMessage(for: error)
        if code == .success {
            Console.line(message)
            Console.flush()
            exit(0)
        }
        if !message.isEmpty { Console.error(message) }
        exit(code == .validationFailure ? CommandOutput.failure : code.rawValue)
    }
}

Console.useFullBuffering()
// The analyses allocate many small tree nodes on several threads: keep freed memory in the
// heap instead of returning it to the kernel after each package (measured on GOROOT/src:
// about 15% less wall time for `fix`). No fast bins (M_MXFAST 0): freeing a tree of many
// small nodes then leaves no fast-bin chunks for glibc to consolidate on the next large
// request (malloc_consolidate took 4% of `fix` and `parse`; measured without: fix 9% and parse
// 5% less wall time on GOROOT/src).
// mallopt and M_MXFAST (1) / M_TOP_PAD (-2) / M_TRIM_THRESHOLD (-1) are not in Swift's Glibc module.
if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    let mallopt = unsafeBitCast(sym, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(1, 0)
    _ = mallopt(-2, 256 << 20)
    _ = mallopt(-1, 1 << 30)
}
// `go vet -vettool=…` and `go fix -fixtool=…` speak their own protocol (see VetTool).
let toolArgs = Array(CommandLine.arguments.dropFirst())
if VetTool.isProtocol(toolArgs) {
    // stat follows the link to this very executable, so the build ID changes with it.
    let output = VetTool.execute(toolArgs, version: DeferLab.version, executable: "/proc/self/exe")
    Console.raw(output.stdout)
    output.stderr.forEach(Console.error)
    Console.flush()
    exit(output.status)
}
runMain()
