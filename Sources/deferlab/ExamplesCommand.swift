import ArgumentParser
import DeferLabCore
import LabContent

struct Examples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the runnable examples: section, id and title.",
        discussion: """
        Content is found in DEFERLAB_HOME/Content, else in the nearest folder holding \
        Content/examples at or above the executable's folder, else at or above the current \
        folder. Exit status: 0 listed, 2 content not found or an example that does not load \
        (the others are still listed).
        """
    )

    @Flag(name: .long, help: "Print one JSON array of {id, section, kind, title}.")
    var json = false

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        let catalog = Catalog(try global.language())
        let examples: ExampleCatalog
        do {
            examples = try ExampleCatalog.forCurrentProcess()
        } catch {
            Console.error(ExampleListing.errorText(error, catalog: catalog))
            throw ExitCode(ExitStatus.failure)
        }
        let listing = ExampleListing.make(examples, catalog: catalog)
        if json {
            Console.line(listing.json())
        } else {
            listing.lines().forEach(Console.line)
        }
        listing.problems.forEach(Console.error)
        if !listing.problems.isEmpty { throw ExitCode(ExitStatus.failure) }
    }
}
