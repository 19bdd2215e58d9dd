import Foundation
import LabContent
import LabRunner
import LabText

/// What `deferlab run TARGET` will run: an example's variants, or the user's own program.
public enum RunPlan: Sendable {
    /// These variants of an example, in this order.
    case example(Example, [Variant])
    /// The user's main package folder or single Go file; `id` is the path as given.
    case program(ProgramSource, id: String)

    /// Resolves `target`: an example id first (when the catalog loaded), else a path.
    /// `variant` is `bad`, `fixed`, `both` or nil (both). Returns a usage message on failure.
    public static func resolve(_ target: String, variant: String?, examples: ExampleCatalog?,
                               catalog: Catalog) -> Result<RunPlan, RunPlanError> {
        if let example = examples?.example(id: target) {
            switch variant ?? "both" {
            case "both": return .success(.example(example, [.bad, .fixed]))
            case let name: return Variant(rawValue: name).map { .success(.example(example, [$0])) }
                ?? .failure(RunPlanError(message: "--variant \(name): bad | fixed | both"))
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            return .failure(RunPlanError(message: catalog.text(.runUnknownTarget, target)))
        }
        if variant != nil { return .failure(RunPlanError(message: catalog.text(.runVariantForPath, target))) }
        let url = URL(fileURLWithPath: target).standardizedFileURL
        return .success(.program(isDirectory.boolValue ? .directory(url) : .file(url), id: target))
    }

    /// Runs the plan; `options` nil means the example's own `args` and timeout (for a path:
    /// no arguments, the default timeout). `arguments`/`timeout` given by the user win.
    /// `goVersion` sets the module's go line for the build; `count` replaces the value of the
    /// example's `-n` workload flag (see ``scaled(_:count:)``).
    /// `profiles`: for an example that writes profiles (``ExampleManifest/profilesFlag``), the
    /// folder that gets them, one subfolder per variant.
    public func run(with runner: LabRunner, arguments: [String]?, timeout: Duration?,
                    openFileLimit: Int?, goVersion: String? = nil, count: Int? = nil,
                    profiles: URL? = nil) -> RunReport {
        switch self {
        case .example(let example, let variants):
            var args = arguments ?? example.manifest.args
            if let count, let scaled = RunPlan.scaled(args, count: count) { args = scaled }
            var options = RunOptions(arguments: args,
                                     timeout: timeout ?? example.manifest.timeout,
                                     openFileLimit: openFileLimit)
            options.goVersion = goVersion
            // Both variants are built at once (into the cache), then measured one after the other.
            if variants.count > 1 { runner.prebuild(variants.map { .directory(example.folder(for: $0)) }, options: options) }
            let runs = variants.map { variant -> RunMeasurement in
                var options = options
                let profileFolder = profiles.map { $0.appendingPathComponent(variant.rawValue, isDirectory: true) }
                if let profileFolder, let flag = example.manifest.profilesFlag {
                    try? FileManager.default.createDirectory(at: profileFolder, withIntermediateDirectories: true)
                    options.arguments += [flag, profileFolder.path]
                    // One run writes the profiles the report shows (a second, counting only
                    // allocations, would write them again).
                    options.separateAllocationRun = false
                }
                var run = runner.run(example: example, variant: variant, options: options)
                if let profileFolder, example.manifest.profilesFlag != nil {
                    RunPlan.copySource(example.folder(for: variant), to: profileFolder)
                }
                // What defer costs: benchmarks and verdicts from the source as written.
                if example.manifest.kind == .bench { run.cost = runner.cost(of: example.folder(for: variant)) }
                return run
            }
            return RunReport(runs: runs, openFileLimit: openFileLimit)
        case .program(let source, let id):
            var options = RunOptions(arguments: arguments ?? [], openFileLimit: openFileLimit)
            if let timeout { options.timeout = timeout }
            options.goVersion = goVersion
            return RunReport(runs: [runner.run(source, id: id, variant: nil, options: options)],
                             openFileLimit: openFileLimit)
        }
    }
}

extension RunPlan {
    /// The program's Go files beside its profiles, in `src/`: the profiles name the build
    /// folder, which is gone after the run, and `go tool pprof -source_path=DIR/src` finds a
    /// file by the folder's base name (`src`) in the recorded path.
    static func copySource(_ program: URL, to folder: URL) {
        let fm = FileManager.default
        let src = folder.appendingPathComponent("src", isDirectory: true)
        try? fm.removeItem(at: src)
        guard (try? fm.createDirectory(at: src, withIntermediateDirectories: true)) != nil else { return }
        for name in (try? fm.contentsOfDirectory(atPath: program.path)) ?? [] where name.hasSuffix(".go") {
            try? fm.copyItem(at: program.appendingPathComponent(name), to: src.appendingPathComponent(name))
        }
    }

    /// The example's workload flag `-n` with `count` as its value; nil when the arguments have
    /// no `-n` (the example has no workload size to scale).
    public static func scaled(_ args: [String], count: Int) -> [String]? {
        guard let i = args.firstIndex(of: "-n"), i + 1 < args.count else { return nil }
        var out = args
        out[i + 1] = String(count)
        return out
    }

    /// Whether the plan's program writes profiles (`--profiles`).
    public var writesProfiles: Bool {
        if case .example(let example, _) = self { return example.manifest.profilesFlag != nil }
        return false
    }

    /// Whether `--n` can scale this plan's workload.
    public var isScalable: Bool {
        if case .example(let example, _) = self { return RunPlan.scaled(example.manifest.args, count: 1) != nil }
        return false
    }
}

/// A usage problem with `deferlab run`'s target or options, already in the user's language.
public struct RunPlanError: Error, Sendable {
    /// The message to print.
    public var message: String
}
