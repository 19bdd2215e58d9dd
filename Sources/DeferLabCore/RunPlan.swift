import Foundation
import LabContent
import LabRunner

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
    public func run(with runner: LabRunner, arguments: [String]?, timeout: Duration?,
                    openFileLimit: Int?) -> RunReport {
        switch self {
        case .example(let example, let variants):
            let options = RunOptions(arguments: arguments ?? example.manifest.args,
                                     timeout: timeout ?? example.manifest.timeout,
                                     openFileLimit: openFileLimit)
            let runs = variants.map { runner.run(example: example, variant: $0, options: options) }
            return RunReport(runs: runs, openFileLimit: openFileLimit)
        case .program(let source, let id):
            var options = RunOptions(arguments: arguments ?? [], openFileLimit: openFileLimit)
            if let timeout { options.timeout = timeout }
            return RunReport(runs: [runner.run(source, id: id, variant: nil, options: options)],
                             openFileLimit: openFileLimit)
        }
    }
}

/// A usage problem with `deferlab run`'s target or options, already in the user's language.
public struct RunPlanError: Error, Sendable {
    /// The message to print.
    public var message: String
}
