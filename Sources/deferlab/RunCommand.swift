import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import DeferLabCore
import Foundation
import GoToolchain
import LabContent
import LabRunner

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build and run an example (bad and fixed) or your own main package, and measure it.",
        discussion: """
        TARGET is an example id (deferlab examples) or a main package folder or .go file. The \
        program is built with the probe in a private temp workspace, removed afterwards. \
        Exit status: 0 every variant built and measured (whatever the program's own exit \
        status), 1 a build failed or a run was not measured, 2 usage errors or no Go.
        """
    )

    @Option(name: .long, help: "bad, fixed or both (examples only; default both).")
    var variant: String?
    @Flag(name: .long, help: "Print one JSON array with an object per variant.")
    var json = false
    @Option(name: .long, help: "Open-file limit of the program (soft and hard).")
    var nofile: Int?
    @Option(name: .long, help: "Seconds before the program is killed (default: the example's, else 60).")
    var timeout: Double?
    @Option(name: .customLong("go"), help: "The module's go line for the build, e.g. 1.21 or 1.22 (loop-variable semantics follow it).")
    var goVersion: String?
    @Option(name: .customLong("n"), help: "Workload size: the example's -n value.")
    var count: Int?
    @Option(name: .long, help: "Keep the profiles of an example that writes them (pprof-lock-pileup) in DIR/bad and DIR/fixed and show their top entries.")
    var profiles: String?
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Example id, folder or .go file.")
    var target: String
    @Argument(parsing: .postTerminator, help: "Arguments for the program (after --).")
    var arguments: [String] = []

    func validate() throws {
        if let nofile, nofile < 1 { throw ValidationError("--nofile must be at least 1") }
        if let count, count < 1 { throw ValidationError("--n must be at least 1") }
        if let v = goVersion, !v.split(separator: ".").allSatisfy({ Int($0) != nil }) || !v.hasPrefix("1.") {
            throw ValidationError("--go takes a Go language version such as 1.21 or 1.22")
        }
        if let timeout, !(timeout > 0 && timeout < 86_400) { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
    }

    mutating func run() throws {
        let catalog = Catalog(try global.language())
        let examples = try? ExampleCatalog.forCurrentProcess()
        let plan: RunPlan
        switch RunPlan.resolve(target, variant: variant, examples: examples, catalog: catalog) {
        case .success(let resolved): plan = resolved
        case .failure(let problem):
            Console.error(problem.message)
            throw ExitCode(ExitStatus.failure)
        }
        let go: GoToolchain
        do {
            go = try GoLocator.forCurrentProcess().locate()
        } catch {
            Console.error(catalog.text(.goNotFound))
            throw ExitCode(ExitStatus.failure)
        }
        if count != nil && !plan.isScalable {
            Console.error(catalog.text(.runNotScalable, target))
            throw ExitCode(ExitStatus.failure)
        }
        if profiles != nil && !plan.writesProfiles {
            Console.error(catalog.text(.runNoProfiles, target))
            throw ExitCode(ExitStatus.failure)
        }
        let profilesFolder = profiles.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        // Ctrl-C stops the program (in its own process group, it never sees the signal) and
        // still reports what was measured; a second Ctrl-C ends deferlab at once.
        Interrupt.install()
        var runner = LabRunner(go: go)
        runner.interrupt = { Interrupt.requested }
        let report = plan.run(with: runner, arguments: arguments.isEmpty ? nil : arguments,
                              timeout: timeout.map { .milliseconds(Int64($0 * 1000)) },
                              openFileLimit: nofile, goVersion: goVersion, count: count, profiles: profilesFolder)
        if json {
            Console.line(report.json())
        } else {
            let plain = isatty(1) == 0 || Environment.current["NO_COLOR"] != nil || Environment.current["TERM"] == "dumb"
            report.lines(catalog, plain: plain).forEach(Console.line)
        }
        if let profilesFolder, !json {
            for run in report.runs where run.measured {
                let folder = profilesFolder.appendingPathComponent(run.variant ?? "", isDirectory: true)
                let top = ProfileTop.summary(of: folder, go: go)
                Console.line("")
                Console.line(catalog.text(.shellPprofVariant, "\(run.id) \(run.variant ?? "")"))
                Console.line(catalog.text(.shellPprofGoroutines))
                for e in top.goroutines { Console.line("  \(e.amount)  \(e.function)  \(e.location)") }
                Console.line(catalog.text(.shellPprofHeap))
                for e in top.heap { Console.line("  \(e.amount)  \(e.function)") }
                Console.line(catalog.text(.shellPprofFiles, folder.path))
            }
        }
        report.problems(catalog).forEach(Console.error)
        if !report.allMeasured { throw ExitCode(ExitStatus.findings) }
    }
}

/// SIGINT for `deferlab run`: the first sets a flag the runner polls; the handler then goes
/// back to the default, so a second Ctrl-C ends deferlab.
enum Interrupt {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0
    static var requested: Bool { flag != 0 }

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.flag = 1
            signal(SIGINT, SIG_DFL)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
