import ArgumentParser
import LabCommands
import GoToolchain
import LabText

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: UI.help(.doctorAbstract),
        discussion: UI.help(.doctorDiscussion)
    )

    @Flag(name: .long, help: ArgumentHelp(UI.help(.doctorJSON)))
    var json = false

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        try Console.show(DoctorCommand.execute(json: json, try global.language(), locator: GoLocator.forCurrentProcess()))
    }
}
