import Foundation
import GoToolchain
import LabContent
import LabRunner
import LabText

/// `deferlab run`: builds and measures an example or a main package, and renders the report.
public enum RunCommand {
    public struct Request: Sendable {
        public var target = ""
        public var variant: String?
        public var json = false
        public var openFileLimit: Int?
        public var timeoutSeconds: Double?
        public var goVersion: String?
        public var count: Int?
        public var profiles: String?
        public var arguments: [String] = []
        public var language: Language = .en
        /// No colour (not a terminal, NO_COLOR, TERM=dumb).
        public var plain = true
        /// The terminal's columns, which the charts fit (nil: not a terminal).
        public var width: Int?
        public init() {}
    }

    /// `record` receives the runs made with an example's default workload (no arguments,
    /// `-n`, `--go` or `--nofile`), which are what the lessons' figures describe.
    public static func execute(_ r: Request, examples: ExampleCatalog?, locator: GoLocator,
                               interrupt: (@Sendable () -> Bool)? = nil,
                               record: (([RunMeasurement]) -> Void)? = nil) -> CommandOutput {
        let catalog = Catalog(r.language)
        var out = CommandOutput()
        let plan: RunPlan
        switch RunPlan.resolve(r.target, variant: r.variant, examples: examples, catalog: catalog) {
        case .success(let resolved): plan = resolved
        case .failure(let problem): return .failed(problem.message)
        }
        guard let go = try? locator.locate() else { return .failed(catalog.text(.goNotFound)) }
        if r.count != nil && !plan.isScalable { return .failed(catalog.text(.runNotScalable, r.target)) }
        if r.profiles != nil && !plan.writesProfiles { return .failed(catalog.text(.runNoProfiles, r.target)) }
        let profilesFolder = r.profiles.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        var runner = LabRunner.cachingBinaries(go: go)
        runner.interrupt = interrupt
        let report = plan.run(with: runner, arguments: r.arguments.isEmpty ? nil : r.arguments,
                              timeout: r.timeoutSeconds.map { .milliseconds(Int64($0 * 1000)) },
                              openFileLimit: r.openFileLimit, goVersion: r.goVersion, count: r.count, profiles: profilesFolder)
        if r.arguments.isEmpty && r.count == nil && r.goVersion == nil && r.openFileLimit == nil {
            record?(report.runs)
        }
        if r.json {
            out.line(report.json())
        } else {
            out.lines(report.lines(catalog, plain: r.plain, width: r.width))
        }
        if let profilesFolder, !r.json {
            for run in report.runs where run.measured {
                let folder = profilesFolder.appendingPathComponent(run.variant ?? "", isDirectory: true)
                out.line("")
                out.line(catalog.text(.shellPprofVariant, "\(run.id) \(run.variant ?? "")"))
                out.lines(ProfileLines.lines(ProfileTop.summary(of: folder, go: go), folder: folder, r.language))
            }
        }
        report.problems(catalog).forEach { out.error($0) }
        if !report.allMeasured { out.status = CommandOutput.findings }
        return out
    }
}
