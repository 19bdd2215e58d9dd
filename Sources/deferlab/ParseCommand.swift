import ArgumentParser
import DeferLabCore
#if canImport(Glibc)
import Glibc
#endif

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the syntax of Go files and directories (like gofmt -l, without formatting).",
        discussion: """
        Walks directories like gofmt: every .go file, testdata included; DIR/... means DIR. \
        Prints errors as path:line:col: message. Exit status: 0 no errors, 1 syntax errors, \
        2 I/O problems (missing or unreadable paths).
        """
    )

    @Flag(name: .long, help: "Print files, lines, bytes and wall time.")
    var stats = false

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files or directories (default: the current directory).")
    var paths: [String] = []

    mutating func run() throws {
        let catalog = Catalog(try global.language())
        let report = ParseCheck.run(paths: paths, keepTreesUntilExit: true)
        for file in report.files {
            for e in file.errors { Console.line(e) }
            if let problem = file.problem {
                let text: String
                switch problem {
                case .missing: text = catalog.text(.noSuchPath, file.path)
                case .notFileOrDirectory: text = catalog.text(.notFileOrDirectory, file.path)
                case .isDirectory: text = catalog.text(.isDirectory, file.path)
                case .unreadable(let why): text = catalog.text(.cannotRead, file.path, why)
                }
                Console.error(text)
            }
        }
        if stats {
            let ms = Int((report.wallSeconds * 1000).rounded())
            Console.line("\(catalog.text(.statsFiles)): \(report.fileCount)  \(catalog.text(.statsLines)): \(report.totalLines)  "
                + "\(catalog.text(.statsBytes)): \(report.totalBytes)  \(catalog.text(.statsErrors)): \(report.filesWithErrors)  "
                + "\(catalog.text(.statsTime)): \(ms) ms")
        }
        Console.flush()
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
