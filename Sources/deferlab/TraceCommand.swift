import ArgumentParser
import GoToolchain
import LabCommands
import LabContent
import LabText
import LabShell
#if canImport(Glibc)
import Glibc
#endif

/// `deferlab trace ID|PATH [--variant bad|fixed|mine] [--json] [--go 1.21] [-- ARGS]`.
struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: UI.help(.traceAbstract), discussion: UI.help(.traceDiscussion))

    @Option(name: .long, help: ArgumentHelp(UI.help(.traceVariant)))
    var variant: String?
    @Flag(name: .long, help: ArgumentHelp(UI.help(.traceJSON)))
    var json = false
    @Option(name: .customLong("go"), help: ArgumentHelp(UI.help(.runGo)))
    var goVersion: String?
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(UI.help(.runTarget)))
    var target: String
    @Argument(parsing: .postTerminator, help: ArgumentHelp(UI.help(.runArguments)))
    var arguments: [String] = []

    func validate() throws { try validateGoVersion(goVersion) }

    mutating func run() throws {
        var request = TraceCommand.Request()
        request.language = try global.language()
        request.target = target
        request.variant = variant
        request.json = json
        request.goVersion = goVersion
        request.arguments = arguments
        request.environment = Environment.current
        // On a terminal the picture fits its width; through a pipe it is whole.
        if isatty(1) != 0 { request.width = Terminal.columns() }
        Interrupt.install()
        try Console.show(TraceCommand.execute(request, examples: try? ExampleCatalog.forCurrentProcess(),
                                              locator: GoLocator.forCurrentProcess(), interrupt: { Interrupt.requested }))
    }
}
