import ArgumentParser
import LabLSP
#if canImport(Glibc)
import Glibc
#endif

/// `deferlab lsp`: the language server; editors start it and talk to it over stdio.
struct Lsp: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: UI.help(.lspAbstract), discussion: UI.help(.lspDiscussion))
    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        _ = try global.language()  // a bad --lang is a usage error before the server starts
        // The editor may go away mid-write: that ends the server, not a SIGPIPE crash.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(options: .init(languageFlag: global.lang, environment: Environment.current,
                                                   version: DeferLab.version))
        let status = server.run()
        if status != 0 { throw ExitCode(status) }
    }
}
