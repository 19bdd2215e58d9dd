import ArgumentParser
import DeferLabCore
import GoAnalysis
#if canImport(Glibc)
import Glibc
#endif

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find defer misuse in Go code and fix it without changing what the program does.",
        discussion: """
        Default: report findings as path:line:col: message [rule] followed by (fix available), \
        (unsafe fix, needs --unsafe-fixes: RISK) or (not fixed: REASON). A safe fix is proven to change \
        nothing but what the finding is about; -w, -d, -l and -p apply safe fixes only, and unsafe ones \
        too with --unsafe-fixes (a person's choice: the message says what may change). \
        `deferlab explain RULE` gives each rule's criteria. \
        A comment //deferlab:ignore (or //deferlab:ignore rule1,rule2) on the finding's line or the line \
        above silences it. \
        Paths: files, directories, ./... (default); vendor, testdata, hidden and _ folders are skipped. \
        Exit status: 0 nothing found, 1 findings (with -w: findings left unfixed), 2 errors.
        """
    )

    @Flag(name: [.customShort("d"), .long], help: "Print unified diffs of the fixes.")
    var diff = false
    @Flag(name: .customShort("l"), help: "List files the fixes would change.")
    var list = false
    @Flag(name: [.customShort("w"), .long], help: "Apply the fixes in place (atomically).")
    var write = false
    @Flag(name: [.customShort("p"), .customLong("print")], help: "Print the fixed source of one file (- for stdin).")
    var printSource = false
    @Flag(name: .long, help: "With -w, -d, -l or -p: apply unsafe fixes too (their messages say what may change).")
    var unsafeFixes = false
    @Flag(name: .long, help: "Print findings as one JSON array.")
    var json = false
    @Flag(name: .long, help: "Print findings as SARIF 2.1.0.")
    var sarif = false
    @Option(name: .long, help: "Only these rules (comma-separated).")
    var rules: String?
    @Option(name: .long, help: "Skip these rules (comma-separated).")
    var disable: String?
    @Flag(name: .long, help: "Print files, bytes, findings and wall time.")
    var stats = false
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Files or directories (default ./...).")
    var paths: [String] = []

    func validate() throws {
        let modes = [diff, list, write, printSource].filter { $0 }.count
        if modes > 1 { throw ValidationError("-d, -l, -w and -p cannot be combined") }
        if (json || sarif) && modes > 0 { throw ValidationError("--json and --sarif report findings; they do not combine with -d, -l, -w or -p") }
        if json && sarif { throw ValidationError("choose one of --json and --sarif") }
        if unsafeFixes && modes == 0 { throw ValidationError("--unsafe-fixes applies fixes: use it with -w, -d, -l or -p") }
        if printSource && paths.count != 1 { throw ValidationError("-p takes exactly one file, or - for standard input") }
    }

    mutating func run() throws {
        let lang = try global.language()
        let chinese = lang == .zh
        let catalog = Catalog(lang)
        var options = FixOptions()
        options.mode = diff ? .diff : list ? .list : write ? .write : printSource ? .print : .report
        options.unsafeFixes = unsafeFixes
        options.rules = rules.map { $0.split(separator: ",").map { String($0).trimmingSpaces } }
        options.disabled = disable.map { $0.split(separator: ",").map { String($0).trimmingSpaces } } ?? []

        let result: FixResult
        do {
            if printSource && paths == ["-"] {
                result = try FixRun.run(source: Stdin.readAll(), name: "<stdin>", options: options)
            } else {
                result = try FixRun.run(paths: paths, options: options, keepTreesUntilExit: true)
            }
        } catch .unknownRule(let name) {
            throw ValidationError(catalog.text(.unknownRule, name))
        }

        // Problems of our own go to stderr; every other file is still processed.
        var failed = false
        for f in result.report.files {
            if let problem = f.problem {
                failed = true
                Console.error(catalog.problemText(f.path, problem))
            }
            if !f.syntaxErrors.isEmpty { failed = true }
            if !json && !sarif { f.syntaxErrorLines.forEach(Console.error) }
        }

        var found = false
        switch options.mode {
        case .report:
            if json {
                Console.line(FindingFormat.json(result.findings, syntaxErrors: result.report.files, chinese: chinese))
            } else if sarif {
                Console.line(FindingFormat.sarif(result, chinese: chinese, toolVersion: DeferLab.version))
            } else {
                for f in result.findings { Console.line(FindingFormat.text(f, chinese: chinese)) }
            }
            found = !result.findings.isEmpty
        case .diff:
            for f in result.changedFiles {
                Console.raw(UnifiedDiff.diff(old: f.bytes, new: f.fixed!, oldName: f.path + ".orig", newName: f.path))
            }
            found = !result.changedFiles.isEmpty
        case .list:
            for f in result.changedFiles { Console.line(f.path) }
            found = !result.changedFiles.isEmpty
        case .write:
            for f in result.changedFiles {
                do {
                    try AtomicWrite.replace(f.path, with: f.fixed!)
                } catch {
                    failed = true
                    Console.error(catalog.text(.cannotWrite, f.path, error.description))
                }
            }
            for f in result.unfixed { Console.line(FindingFormat.text(f, chinese: chinese)) }
            found = !result.unfixed.isEmpty
        case .print:
            if let f = result.report.files.first, f.problem == nil, f.syntaxErrors.isEmpty {
                Console.raw(String(decoding: f.fixed ?? f.bytes, as: UTF8.self))
            }
        }
        if stats {
            let ms = Int((result.report.wallSeconds * 1000).rounded())
            let line = "\(catalog.text(.statsFiles)): \(result.report.files.count)  \(catalog.text(.statsBytes)): \(result.report.totalBytes)  "
                + "\(catalog.text(.statsFindings)): \(result.findings.count)  \(catalog.text(.statsTime)): \(ms) ms"
            if printSource || json || sarif { Console.error(line) } else { Console.line(line) }
        }
        Console.flush()
        if failed { throw ExitCode(ExitStatus.failure) }
        if found { throw ExitCode(ExitStatus.findings) }
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
        abstract: "Explain a rule with its bad and fixed example, or list the rules."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A rule name (see the list without it).")
    var rule: String?

    mutating func run() throws {
        let lang = try global.language()
        let catalog = Catalog(lang)
        guard let name = rule else {
            for a in FixRun.allRules { Console.line("\(a.name.padding(to: 22))\(a.title.text(chinese: lang == .zh))") }
            return
        }
        guard let a = FixRun.allRules.first(where: { $0.name == name }) else {
            throw ValidationError(catalog.text(.unknownRule, name))
        }
        Console.line("\(a.name): \(a.title.text(chinese: lang == .zh))")
        Console.line("")
        Console.line(a.doc.text(chinese: lang == .zh))
        if let applicability = a.applicability {
            Console.line("")
            Console.line(catalog.text(.fixApplicability))
            Console.line(applicability.text(chinese: lang == .zh))
        }
        Console.line("")
        Console.line(catalog.text(.ignoreComment, a.name))
        if let ex = a.example {
            Console.line("")
            Console.line(catalog.text(.exampleBad))
            Console.raw(ex.bad)
            if let fixed = ex.fixed {
                Console.line("")
                Console.line(catalog.text(.exampleFixed))
                Console.raw(fixed)
            }
        }
    }
}

extension String {
    func padding(to n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
