import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import LabCommands
import Foundation
import GoToolchain
import LabContent
import LabRunner
import LabText
import LabShell

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: UI.help(.runAbstract),
        discussion: UI.help(.runDiscussion)
    )

    @Option(name: .long, help: ArgumentHelp(UI.help(.runVariant)))
    var variant: String?
    @Flag(name: .long, help: ArgumentHelp(UI.help(.runJSON)))
    var json = false
    @Option(name: .long, help: ArgumentHelp(UI.help(.runNofile)))
    var nofile: Int?
    @Option(name: .long, help: ArgumentHelp(UI.help(.runTimeout)))
    var timeout: Double?
    @Option(name: .customLong("go"), help: ArgumentHelp(UI.help(.runGo)))
    var goVersion: String?
    @Option(name: .customLong("n"), help: ArgumentHelp(UI.help(.runCount)))
    var count: Int?
    @Option(name: .long, help: ArgumentHelp(UI.help(.runProfiles)))
    var profiles: String?
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(UI.help(.runTarget)))
    var target: String
    @Argument(parsing: .postTerminator, help: ArgumentHelp(UI.help(.runArguments)))
    var arguments: [String] = []

    func validate() throws {
        if let nofile, nofile < 1 { throw ValidationError(UI.help(.runNofileAtLeastOne)) }
        if let count, count < 1 { throw ValidationError(UI.help(.runCountAtLeastOne)) }
        try validateGoVersion(goVersion)
        if let timeout, !(timeout > 0 && timeout < 86_400) { throw ValidationError(UI.help(.runTimeoutRange)) }
    }

    mutating func run() throws {
        var request = RunCommand.Request()
        request.language = try global.language()
        request.target = target
        request.variant = variant
        request.json = json
        request.openFileLimit = nofile
        request.timeoutSeconds = timeout
        request.goVersion = goVersion
        request.count = count
        request.profiles = profiles
        request.arguments = arguments
        request.plain = isatty(1) == 0 || Environment.current["NO_COLOR"] != nil || Environment.current["TERM"] == "dumb"
        if isatty(1) != 0 { request.width = Terminal.columns() }
        Interrupt.install()
        let store = StateStore(folder: StateStore.folder(environment: Environment.current))
        try Console.show(RunCommand.execute(request, examples: try? ExampleCatalog.forCurrentProcess(),
                                            locator: GoLocator.forCurrentProcess(), interrupt: { Interrupt.requested },
                                            record: { store.record($0) }))
    }
}

/// `--go 1.N`: a Go language version.
func validateGoVersion(_ version: String?) throws {
    guard let v = version else { return }
    let parts = v.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count >= 2, parts.allSatisfy({ $0 != nil }), parts[0] == 1, parts[1]! >= 18 else {
        throw ValidationError(UI.help(.runGoVersion))
    }
}
