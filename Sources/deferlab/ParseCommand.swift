import ArgumentParser
import LabCommands
#if canImport(Glibc)
import Glibc
#endif
import LabText

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: UI.help(.parseAbstract),
        discussion: UI.help(.parseDiscussion)
    )

    @Flag(name: .long, help: ArgumentHelp(UI.help(.parseStats)))
    var stats = false

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp(UI.help(.parsePaths)))
    var paths: [String] = []

    mutating func run() throws {
        try Console.show(ParseCommand.execute(paths: paths, stats: stats, try global.language()))
    }
}
