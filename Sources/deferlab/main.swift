import ArgumentParser
import DeferLabCore
import LabShell
#if canImport(Glibc)
import Glibc
#endif

/// The `deferlab` executable: argument parsing only; the work is in the libraries.
struct DeferLab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "deferlab",
        abstract: "DeferLab: learn, measure and fix Go defer leaks on the real Go runtime.",
        discussion: "DeferLab：在真实的 Go 运行时上学习、测量并修复 Go 的 defer 泄漏。",
        version: "deferlab \(version)",
        subcommands: [Parse.self, Fix.self, Explain.self, Doctor.self, Examples.self, Run.self, Workshop.self, Toc.self, Lesson.self]
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
    @Option(name: .long, help: "Language of messages: zh or en (default: DEFERLAB_LANG, then the locale).")
    var lang: String?

    func language() throws -> Language {
        do {
            return try Language.resolve(flag: lang, environment: Environment.current)
        } catch {
            throw ValidationError(Catalog(.en).text(.badLanguage, lang ?? ""))
        }
    }
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

/// Exit codes of every command (DEVELOPERS.md): 0 success, 1 findings, 2 usage/I-O/no Go.
enum ExitStatus {
    static let findings: Int32 = 1
    static let failure: Int32 = 2
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
        exit(code == .validationFailure ? ExitStatus.failure : code.rawValue)
    }
}

Console.useFullBuffering()
// The analyses allocate many small tree nodes on several threads: keep freed memory in the
// heap instead of returning it to the kernel after each package (measured on GOROOT/src:
// about 15% less wall time for `fix`).
// mallopt and its M_TOP_PAD (-2) / M_TRIM_THRESHOLD (-1) are not in Swift's Glibc module.
if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    let mallopt = unsafeBitCast(sym, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-2, 256 << 20)
    _ = mallopt(-1, 1 << 30)
}
runMain()
