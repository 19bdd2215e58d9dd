import ArgumentParser
import LabCommands
import GoAnalysis
#if canImport(Glibc)
import Glibc
#endif
import LabText

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: UI.help(.fixAbstract),
        discussion: UI.help(.fixDiscussion)
    )

    @Flag(name: [.customShort("d"), .long], help: ArgumentHelp(UI.help(.fixDiff)))
    var diff = false
    @Flag(name: .customShort("l"), help: ArgumentHelp(UI.help(.fixList)))
    var list = false
    @Flag(name: [.customShort("w"), .long], help: ArgumentHelp(UI.help(.fixWrite)))
    var write = false
    @Flag(name: [.customShort("p"), .customLong("print")], help: ArgumentHelp(UI.help(.fixPrint)))
    var printSource = false
    @Flag(name: .long, help: ArgumentHelp(UI.help(.fixUnsafe)))
    var unsafeFixes = false
    @Flag(name: .long, help: ArgumentHelp(UI.help(.fixJSON)))
    var json = false
    @Flag(name: .long, help: ArgumentHelp(UI.help(.fixSARIF)))
    var sarif = false
    @Option(name: .long, help: ArgumentHelp(UI.help(.fixFormat), valueName: "text|json|sarif|github|checkstyle"))
    var format: String?
    @Option(name: .long, help: ArgumentHelp(UI.help(.fixRules)))
    var rules: String?
    @Option(name: .long, help: ArgumentHelp(UI.help(.fixDisable)))
    var disable: String?
    @Flag(name: .long, help: ArgumentHelp(UI.help(.fixStats)))
    var stats = false
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(UI.help(.fixPaths)))
    var paths: [String] = []

    func validate() throws {
        let modes = [diff, list, write, printSource].filter { $0 }.count
        if modes > 1 { throw ValidationError(UI.help(.fixModesCombine)) }
        let formats = [json, sarif, format != nil].filter { $0 }.count
        if formats > 0 && modes > 0 && format != "text" { throw ValidationError(UI.help(.fixFormatWithMode)) }
        if formats > 1 { throw ValidationError(UI.help(.fixJSONAndSARIF)) }
        if let format, FixCommand.Format(rawValue: format) == nil {
            throw ValidationError(UI.help(.fixUnknownFormat, format))
        }
        if unsafeFixes && modes == 0 { throw ValidationError(UI.help(.fixUnsafeNeedsMode)) }
        // -p prints one file: a folder or a pattern names many (as two paths do).
        if printSource && (paths.count != 1 || Self.namesManyFiles(paths[0])) { throw ValidationError(UI.help(.fixPrintOneFile)) }
    }

    static func namesManyFiles(_ path: String) -> Bool {
        var st = stat()
        return path == "..." || path.hasSuffix("/...") || stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    mutating func run() throws {
        var request = FixCommand.Request()
        request.language = try global.language()
        request.options.mode = diff ? .diff : list ? .list : write ? .write : printSource ? .print : .report
        request.options.unsafeFixes = unsafeFixes
        request.options.rules = rules.map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
        request.options.disabled = disable.map { $0.split(separator: ",").map { String($0).trimmingSpaces } } ?? []
        request.format = json ? .json : sarif ? .sarif : format.flatMap(FixCommand.Format.init(rawValue:)) ?? .text
        request.stats = stats
        request.paths = paths
        request.toolVersion = DeferLab.version
        if printSource && paths == ["-"] { request.stdin = Stdin.readAll() }
        let output: CommandOutput
        do {
            output = try FixCommand.execute(request)
        } catch .unknownRule(let name) {
            throw ValidationError(Catalog(request.language).text(.unknownRule, name))
        }
        try Console.show(output)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

enum Stdin {
    static func readAll() -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: UI.help(.explainAbstract)
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(UI.help(.explainRule)))
    var rule: String?

    mutating func run() throws {
        let lang = try global.language()
        guard let lines = ExplainCommand.lines(rule: rule, lang) else {
            throw ValidationError(Catalog(lang).text(.unknownRule, rule ?? ""))
        }
        lines.forEach(Console.line)
    }
}
