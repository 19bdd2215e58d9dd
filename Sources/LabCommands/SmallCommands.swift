import Foundation
import GoToolchain
import LabContent
import LabRunner
import LabText

/// `deferlab parse`: syntax check, errors as `path:line:col: message`.
public enum ParseCommand {
    public static func execute(paths: [String], stats: Bool, _ language: Language) -> CommandOutput {
        let texts = Catalog(language)
        let report = ParseCheck.run(paths: paths, countLines: stats)
        var out = CommandOutput()
        for file in report.files {
            out.lines(file.errors)
            if let problem = file.problem { out.error(problem.message(file.path, language)) }
        }
        if stats {
            let ms = Int((report.wallSeconds * 1000).rounded())
            out.line("\(texts(.statsFiles)): \(report.fileCount)  \(texts(.statsLines)): \(report.totalLines)  "
                + "\(texts(.statsBytes)): \(report.totalBytes)  \(texts(.statsErrors)): \(report.filesWithErrors)  "
                + "\(texts(.statsTime)): \(ms) ms")
        }
        out.status = report.exitCode
        return out
    }
}

/// `deferlab doctor`: the Go toolchain in use and the candidates skipped.
public enum DoctorCommand {
    public static func execute(json: Bool, _ language: Language, locator: GoLocator) -> CommandOutput {
        let catalog = Catalog(language)
        let report = ToolchainReport.make(locator: locator, catalog: catalog)
        var out = CommandOutput()
        if json {
            out.line(report.json())
        } else if report.found {
            out.lines(report.lines(catalog))
        } else {
            // No Go is an error of ours: the explanation goes to stderr.
            report.lines(catalog).forEach { out.error($0) }
        }
        if !report.found { out.status = CommandOutput.failure }
        return out
    }
}

/// `deferlab examples`: the runnable examples.
public enum ExamplesCommand {
    /// The catalog, or nil with the error said in `out` (exit 2).
    static func loaded(_ examples: Result<ExampleCatalog, ContentError>, _ catalog: Catalog, _ out: inout CommandOutput) -> ExampleCatalog? {
        switch examples {
        case .success(let found): return found
        case .failure(let error):
            out.error(ExampleListing.errorText(error, catalog: catalog))
            out.status = CommandOutput.failure
            return nil
        }
    }

    /// `deferlab examples --warm`: every example's variants built once into the binary cache
    /// (which warms Go's build cache for what they import, the probe included).
    public static func warm(_ language: Language, examples: Result<ExampleCatalog, ContentError>, locator: GoLocator) -> CommandOutput {
        let catalog = Catalog(language)
        var out = CommandOutput()
        guard let found = loaded(examples, catalog, &out) else { return out }
        guard let go = try? locator.locate() else {
            out.error(catalog.text(.goNotFound))
            out.status = CommandOutput.failure
            return out
        }
        let started = ContinuousClock.now
        let runner = LabRunner.cachingBinaries(go: go)
        let programs = found.examples.flatMap { e in Variant.allCases.map { ProgramSource.directory(e.folder(for: $0)) } }
        let counts = runner.prebuild(programs, options: RunOptions())
        let seconds = Double((ContinuousClock.now - started).components.seconds)
            + Double((ContinuousClock.now - started).components.attoseconds) / 1e18
        out.line(catalog.text(.warmDone, String(counts.total), String(counts.built), String(counts.cached), String(counts.failed),
                              String(format: "%.1f", seconds)))
        if counts.failed > 0 { out.status = CommandOutput.findings }
        return out
    }

    public static func execute(json: Bool, _ language: Language, examples: Result<ExampleCatalog, ContentError>) -> CommandOutput {
        let catalog = Catalog(language)
        var out = CommandOutput()
        guard let found = loaded(examples, catalog, &out) else { return out }
        let listing = ExampleListing.make(found, catalog: catalog)
        if json { out.line(listing.json()) } else { out.lines(listing.lines()) }
        listing.problems.forEach { out.error($0) }
        if !listing.problems.isEmpty { out.status = CommandOutput.failure }
        return out
    }
}
