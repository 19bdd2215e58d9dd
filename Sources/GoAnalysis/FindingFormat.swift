import Foundation
import GoSyntax
import LabText

/// The output formats of findings: text (like go vet), one JSON array, SARIF 2.1.0. Syntax
/// errors are findings of the rule `syntax-error` in JSON and SARIF.
public enum FindingFormat {
    /// The rule id under which syntax errors appear among findings.
    public static let syntaxRule = "syntax-error"

    static let syntaxReason = LocalizedText(zh: "文件有语法错误：其中的内容不会被分析，也不会被修复",
                                            en: "the file has a syntax error: nothing in it is analysed or fixed")
    static let fixAvailable = LocalizedText(zh: "（可修复）", en: " (fix available)")
    static let unsafeFix = LocalizedText(zh: "（不安全的修复，需 --unsafe-fixes：%1）", en: " (unsafe fix, needs --unsafe-fixes: %1)")
    static let notFixed = LocalizedText(zh: "（未修复：%1）", en: " (not fixed: %1)")
    static let syntaxTitle = LocalizedText(zh: "语法错误", en: "syntax error")

    /// `path:line:col: message [rule]` followed by `(fix available)`, `(unsafe fix, needs
    /// --unsafe-fixes: RISK)` or `(not fixed: REASON)`.
    public static func text(_ f: Finding, _ lang: Language) -> String {
        "\(f.file):\(f.start.line):\(f.start.column): \(f.diagnostic.message[lang]) [\(f.diagnostic.rule)]" + fixNote(f, lang)
    }

    /// The message and what became of its fix, without place or rule (formats that carry
    /// those apart).
    public static func summary(_ d: Diagnostic, _ lang: Language) -> String {
        d.message[lang] + fixNote(d, lang)
    }

    static func fixNote(_ f: Finding, _ lang: Language) -> String { fixNote(f.diagnostic, lang) }

    static func fixNote(_ d: Diagnostic, _ lang: Language) -> String {
        if let fix = d.fix {
            switch fix.applicability {
            case .safe: return fixAvailable[lang]
            case .unsafe: return unsafeFix.text(lang, [fix.risk?[lang] ?? ""])
            }
        }
        return d.declined.map { notFixed.text(lang, [$0[lang]]) } ?? ""
    }

    struct JSONEdit: Codable { var offset: Int; var length: Int; var newText: String }
    struct JSONFinding: Codable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var rule: String
        var message: String
        /// Whether a fix exists (safe or unsafe).
        var fixable: Bool
        /// "safe", "unsafe" or "none".
        var applicability: String
        /// Why the fix is unsafe, or why there is none.
        var reason: String?
        var fixTitle: String?
        var edits: [JSONEdit]
    }

    /// One JSON array: findings, then the syntax errors of `files` (rule `syntax-error`).
    /// Edit offsets are byte offsets in the original file.
    public static func json(_ findings: [Finding], files: [FileOutcome] = [], _ lang: Language) -> String {
        var items = findings.map { f in
            let fix = f.diagnostic.fix
            let reason = fix.map { $0.applicability == .unsafe ? $0.risk : nil } ?? f.diagnostic.declined
            return JSONFinding(file: f.file, line: f.start.line, column: f.start.column, endLine: f.end.line,
                               endColumn: f.end.column, rule: f.diagnostic.rule, message: f.diagnostic.message[lang],
                               fixable: fix != nil, applicability: fix?.applicability.rawValue ?? "none",
                               reason: reason?[lang], fixTitle: fix?.title[lang],
                               edits: (fix?.edits ?? []).map { JSONEdit(offset: $0.offset, length: $0.length, newText: $0.newText) })
        }
        for f in files {
            for e in f.syntaxErrors {
                let p = f.position(ofOffset: e.offset)
                items.append(JSONFinding(file: f.path, line: p?.line ?? 1, column: p?.column ?? 1, endLine: p?.line ?? 1,
                                         endColumn: p?.column ?? 1, rule: syntaxRule, message: e.message, fixable: false,
                                         applicability: "none", reason: syntaxReason[lang], fixTitle: nil, edits: []))
            }
        }
        return JSONOutput.string(items, fallback: "[]")
    }

    // MARK: - SARIF 2.1.0

    struct Text: Codable { var text: String }
    struct Region: Codable { var startLine: Int; var startColumn: Int; var endLine: Int; var endColumn: Int }
    struct ArtifactLocation: Codable { var uri: String }
    struct PhysicalLocation: Codable { var artifactLocation: ArtifactLocation; var region: Region }
    struct Location: Codable { var physicalLocation: PhysicalLocation }
    struct Replacement: Codable { var deletedRegion: Region; var insertedContent: Text }
    struct ArtifactChange: Codable { var artifactLocation: ArtifactLocation; var replacements: [Replacement] }
    struct Fix: Codable { var description: Text; var artifactChanges: [ArtifactChange] }
    struct Properties: Codable { var applicability: String; var unsafeReason: String?; var notFixedReason: String? }
    struct Result: Codable {
        var ruleId: String
        var level: String
        var message: Text
        var locations: [Location]
        var fixes: [Fix]?
        var properties: Properties
    }
    struct Configuration: Codable { var level: String }
    struct Rule: Codable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text?
        var defaultConfiguration: Configuration
    }
    struct Driver: Codable { var name: String; var version: String; var rules: [Rule] }
    struct Tool: Codable { var driver: Driver }
    struct Run: Codable { var tool: Tool; var columnKind: String; var results: [Result] }
    struct Log: Codable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    /// SARIF 2.1.0 with rule metadata and fixes. Columns are Unicode code points, as the run
    /// declares (`columnKind: unicodeCodePoints`), converted from our byte columns with each
    /// file's own line table.
    public static func sarif(_ findings: [Finding], files: [FileOutcome], analyzers: [Analyzer], _ lang: Language,
                             toolVersion: String) -> String {
        var byPath: [String: FileOutcome] = [:]
        for f in files { byPath[f.path] = f }
        func uri(_ path: String) -> String { path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
        func region(_ path: String, _ from: Int, _ to: Int) -> Region {
            let file = byPath[path]
            let s = file?.position(ofOffset: from), e = file?.position(ofOffset: to)
            let bytes = file?.bytes ?? []
            return Region(startLine: s?.line ?? 1, startColumn: codePointColumn(bytes, from, lineStart: from - (s?.column ?? 1) + 1),
                          endLine: e?.line ?? 1, endColumn: codePointColumn(bytes, to, lineStart: to - (e?.column ?? 1) + 1))
        }
        var rules = analyzers.map { a in
            Rule(id: a.name, name: a.name, shortDescription: Text(text: a.title[lang]), fullDescription: Text(text: a.doc[lang]),
                 defaultConfiguration: Configuration(level: "warning"))
        }
        var results: [Result] = findings.map { f in
            let d = f.diagnostic
            var fixes: [Fix]?
            if let fix = d.fix {
                let replacements = fix.edits.map { e in
                    Replacement(deletedRegion: region(f.file, e.offset, e.end), insertedContent: Text(text: e.newText))
                }
                fixes = [Fix(description: Text(text: fix.title[lang]),
                             artifactChanges: [ArtifactChange(artifactLocation: ArtifactLocation(uri: uri(f.file)), replacements: replacements)])]
            }
            let properties = Properties(applicability: d.fix?.applicability.rawValue ?? "none",
                                        unsafeReason: d.fix?.applicability == .unsafe ? d.fix?.risk?[lang] : nil,
                                        notFixedReason: d.fix == nil ? d.declined?[lang] : nil)
            return Result(ruleId: d.rule, level: "warning", message: Text(text: d.message[lang]),
                          locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(f.file)),
                                                                                  region: region(f.file, d.start, d.end)))],
                          fixes: fixes, properties: properties)
        }
        for f in files {
            for e in f.syntaxErrors {
                results.append(Result(ruleId: syntaxRule, level: "error", message: Text(text: e.message),
                                      locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(f.path)),
                                                                                              region: region(f.path, e.offset, e.offset)))],
                                      fixes: nil, properties: Properties(applicability: "none", unsafeReason: nil,
                                                                         notFixedReason: syntaxReason[lang])))
            }
        }
        if files.contains(where: { !$0.syntaxErrors.isEmpty }) {
            rules.append(Rule(id: syntaxRule, name: syntaxRule, shortDescription: Text(text: syntaxTitle[lang]), fullDescription: nil,
                              defaultConfiguration: Configuration(level: "error")))
        }
        let log = Log(schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
                      runs: [Run(tool: Tool(driver: Driver(name: "deferlab", version: toolVersion, rules: rules)),
                                 columnKind: "unicodeCodePoints", results: results)])
        return JSONOutput.string(log, fallback: "{}")
    }

    /// 1-based column in Unicode code points of byte `offset`, whose line starts at `lineStart`.
    static func codePointColumn(_ bytes: [UInt8], _ offset: Int, lineStart: Int) -> Int {
        var n = 1
        for i in max(0, lineStart)..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
