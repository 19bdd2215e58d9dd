import Foundation
import GoAnalysis
import LabText

/// `deferlab fix`: runs the rules, applies or shows their fixes, and renders the outcome in the
/// chosen format.
public enum FixCommand {
    /// How findings are reported: `--format NAME` (`--json` and `--sarif` are short for two).
    public enum Format: String, Sendable, CaseIterable { case text, json, sarif, github, checkstyle }

    public struct Request: Sendable {
        public var paths: [String] = []
        public var options = FixOptions()
        public var format: Format = .text
        public var stats = false
        /// `-p -`: the source read from standard input.
        public var stdin: [UInt8]?
        public var language: Language = .en
        public var toolVersion = ""
        public init() {}
    }

    public static func execute(_ r: Request) throws(FixOptionError) -> CommandOutput {
        let result: FixResult
        if let source = r.stdin {
            result = try FixRun.run(source: source, name: "<stdin>", options: r.options)
        } else {
            result = try FixRun.run(paths: r.paths, options: r.options)
        }
        let lang = r.language
        var out = CommandOutput()
        // Problems of our own go to stderr; every other file is still processed. A syntax
        // error is a finding about the file (exit 1, like gofmt -l's list), an I/O problem ours (2).
        var failed = false
        var syntaxErrors = false
        for f in result.report.files {
            if let problem = f.problem {
                failed = true
                out.error(problem.message(f.path, lang))
            }
            if !f.syntaxErrors.isEmpty { syntaxErrors = true }
            if r.format == .text { f.syntaxErrorLines.forEach { out.error($0) } }
        }
        var found = false
        switch r.options.mode {
        case .report:
            switch r.format {
            case .json: out.line(FindingFormat.json(result.findings, files: result.report.files, lang))
            case .sarif: out.line(FindingFormat.sarif(result.findings, files: result.report.files, analyzers: result.analyzers, lang,
                                                      toolVersion: r.toolVersion))
            case .github: out.raw(FindingFormat.github(result.findings, files: result.report.files, lang))
            case .checkstyle: out.raw(FindingFormat.checkstyle(result.findings, files: result.report.files, lang))
            case .text: out.lines(result.findings.map { FindingFormat.text($0, lang) })
            }
            found = !result.findings.isEmpty
        case .diff:
            for f in result.changedFiles {
                out.raw(UnifiedDiff.diff(old: f.bytes, new: f.fixed!, oldName: f.path + ".orig", newName: f.path))
            }
            found = !result.changedFiles.isEmpty
        case .list:
            out.lines(result.changedFiles.map(\.path))
            found = !result.changedFiles.isEmpty
        case .write:
            for failure in FixRun.write(result) {
                failed = true
                out.error(Catalog(lang).text(.cannotWrite, failure.path, failure.reason))
            }
            out.lines(result.unfixed.map { FindingFormat.text($0, lang) })
            found = !result.unfixed.isEmpty
        case .print:
            if let f = result.report.files.first, f.problem == nil, f.syntaxErrors.isEmpty {
                out.raw(String(decoding: f.fixed ?? f.bytes, as: UTF8.self))
            }
        }
        if r.stats {
            let texts = Catalog(lang)
            let ms = Int((result.report.wallSeconds * 1000).rounded())
            let line = "\(texts(.statsFiles)): \(result.report.tally.files)  \(texts(.statsBytes)): \(result.report.totalBytes)  "
                + "\(texts(.statsFindings)): \(result.findings.count)  \(texts(.statsTime)): \(ms) ms"
            if r.options.mode == .print || r.format != .text { out.error(line) } else { out.line(line) }
        }
        out.status = failed ? CommandOutput.failure : found || syntaxErrors ? CommandOutput.findings : 0
        return out
    }
}

/// `deferlab explain`: the rules, or one rule with its criteria and example.
public enum ExplainCommand {
    /// The list of rules, or nil for an unknown rule name.
    public static func lines(rule name: String?, _ lang: Language) -> [String]? {
        let texts = Catalog(lang)
        guard let name else {
            let width = FixRun.allRules.map { TextLayout.width($0.name) }.max() ?? 0
            return FixRun.allRules.map { TextLayout.pad($0.name, to: width) + "  " + $0.title[lang] }
        }
        guard let a = FixRun.allRules.first(where: { $0.name == name }) else { return nil }
        var out = ["\(a.name): \(a.title[lang])", "", a.doc[lang]]
        if let applicability = a.applicability {
            out += ["", texts(.fixApplicability), applicability[lang]]
        }
        out += ["", texts(.ignoreComment, a.name)]
        if let ex = a.example {
            out += ["", texts(.exampleBad)] + ex.bad.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            if let fixed = ex.fixed {
                out += ["", texts(.exampleFixed)] + fixed.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            }
        }
        return out
    }
}
