import ArgumentParser
import LabCommands
import LabContent
import GoToolchain
import LabText

struct Examples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: UI.help(.examplesAbstract),
        discussion: UI.help(.examplesDiscussion)
    )

    @Flag(name: .long, help: ArgumentHelp(UI.help(.examplesJSON)))
    var json = false

    @Flag(name: .long, help: ArgumentHelp(UI.help(.examplesWarm)))
    var warm = false

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        let examples = Result<ExampleCatalog, ContentError> { () throws(ContentError) in try ExampleCatalog.forCurrentProcess() }
        if warm {
            Console.line(Catalog(try global.language()).text(.warmStart))
            Console.flush()
            try Console.show(ExamplesCommand.warm(try global.language(), examples: examples, locator: .forCurrentProcess()))
        } else {
            try Console.show(ExamplesCommand.execute(json: json, try global.language(), examples: examples))
        }
    }
}
