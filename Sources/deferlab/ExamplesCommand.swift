import ArgumentParser
import LabCommands
import LabContent
import LabText

struct Examples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: UI.help(.examplesAbstract),
        discussion: UI.help(.examplesDiscussion)
    )

    @Flag(name: .long, help: ArgumentHelp(UI.help(.examplesJSON)))
    var json = false

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        let examples = Result<ExampleCatalog, ContentError> { () throws(ContentError) in try ExampleCatalog.forCurrentProcess() }
        try Console.show(ExamplesCommand.execute(json: json, try global.language(), examples: examples))
    }
}
