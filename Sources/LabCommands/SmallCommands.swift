import Foundation
import GoToolchain
import LabContent
import LabText

/// `deferlab parse`: syntax check, errors as `path:line:col: message`.
public enum ParseCommand {
    public static func execute(paths: [String], stats: Bool, _ language: Language) -> CommandOutput {
        let texts = Catalog(language)
        let report = ParseCheck.run(paths: paths)
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
    public static func execute(json: Bool, _ language: Language, examples: Result<ExampleCatalog, ContentError>) -> CommandOutput {
        let catalog = Catalog(language)
        var out = CommandOutput()
        let found: ExampleCatalog
        switch examples {
        case .success(let c): found = c
        case .failure(let error):
            out.error(ExampleListing.errorText(error, catalog: catalog))
            out.status = CommandOutput.failure
            return out
        }
        let listing = ExampleListing.make(found, catalog: catalog)
        if json { out.line(listing.json()) } else { out.lines(listing.lines()) }
        listing.problems.forEach { out.error($0) }
        if !listing.problems.isEmpty { out.status = CommandOutput.failure }
        return out
    }
}
