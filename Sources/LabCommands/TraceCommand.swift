import Foundation
import GoToolchain
import LabContent
import LabRunner
import LabText

/// `deferlab trace`: one variant of an example (or the learner's copy, or a main package) run
/// with every deferred call traced; the events as a picture of the defer stack, or as JSON.
public enum TraceCommand {
    public struct Request: Sendable {
        public var target = ""
        /// `bad` (default), `fixed` or `mine` (the shell's copy in the state folder).
        public var variant: String?
        public var json = false
        public var goVersion: String?
        public var arguments: [String] = []
        public var language: Language = .en
        public var environment: [String: String] = [:]
        /// Rows of the picture cut to this many columns (nil: whole).
        public var width: Int?
        public init() {}
    }

    public static func execute(_ r: Request, examples: ExampleCatalog?, locator: GoLocator,
                               interrupt: (@Sendable () -> Bool)? = nil) -> CommandOutput {
        let catalog = Catalog(r.language)
        var out = CommandOutput()
        if let v = r.variant, !["bad", "fixed", RunReport.mine].contains(v) { return .failed(catalog.text(.traceOneVariant)) }
        var program: ProgramSource
        var options = RunOptions(arguments: r.arguments)
        var variant: String?
        if r.variant == RunReport.mine {
            guard let example = examples?.example(id: r.target) else { return .failed(catalog.text(.runUnknownTarget, r.target)) }
            let folder = StatePaths.mine(r.target, environment: r.environment)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("main.go").path) else {
                return .failed(catalog.text(.shellMineMissing, r.target))
            }
            program = .directory(folder)
            variant = RunReport.mine
            options = RunOptions(arguments: r.arguments.isEmpty ? example.manifest.args : r.arguments, timeout: example.manifest.timeout)
        } else {
            switch RunPlan.resolve(r.target, variant: r.variant ?? (examples?.example(id: r.target) != nil ? "bad" : nil),
                                   examples: examples, catalog: catalog) {
            case .failure(let problem): return .failed(problem.message)
            case .success(.example(let example, let variants)):
                program = .directory(example.folder(for: variants[0]))
                variant = variants[0].rawValue
                options = RunOptions(arguments: r.arguments.isEmpty ? example.manifest.args : r.arguments, timeout: example.manifest.timeout)
            case .success(.program(let source, _)):
                program = source
            }
        }
        options.goVersion = r.goVersion
        guard let go = try? locator.locate() else { return .failed(catalog.text(.goNotFound)) }
        var runner = LabRunner.cachingBinaries(go: go)
        runner.interrupt = interrupt
        let run = runner.trace(program, id: r.target, variant: variant, options: options)
        if let failure = run.failure {
            out.error(RunReport(runs: [run]).problems(catalog).first ?? failure.description)
            out.status = CommandOutput.findings
            return out
        }
        let events = run.trace ?? []
        if r.json {
            out.line(JSONOutput.string(events, fallback: "[]"))
        } else {
            out.lines(TraceView.lines(events, catalog, width: r.width))
            out.line("")
            out.line(catalog.text(.runOutputOf, r.target + (variant.map { " " + $0 } ?? "")))
            let text = run.stdout + run.stderr
            out.raw(text.hasSuffix("\n") || text.isEmpty ? text : text + "\n")
            out.line(catalog.text(.runExitCode) + ": " + (run.exitCode.map(String.init) ?? "-")
                     + (run.timedOut ? " (\(catalog.text(.runTimedOut)))" : ""))
        }
        return out
    }
}

/// Where the shell keeps its files: `$XDG_STATE_HOME/deferlab`, else `~/.local/state/deferlab`.
public enum StatePaths {
    public static func folder(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("deferlab", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/state/deferlab", isDirectory: true)
    }

    /// The learner's own copy of an example (the shell's `edit`).
    public static func mine(_ id: String, environment: [String: String]) -> URL {
        folder(environment: environment).appendingPathComponent("mine", isDirectory: true).appendingPathComponent(id, isDirectory: true)
    }
}
