import Foundation
import GoAnalysis
import GoSyntax

/// Renders findings as text, JSON or SARIF.
public enum FindingFormat {
    /// The rule id under which syntax errors appear among findings.
    public static let syntaxRule = "syntax-error"

    /// `path:line:col: message [rule] (fix available)`, `(unsafe fix: RISK)` or `(not fixed: REASON)`.
    public static func text(_ f: Finding, chinese: Bool) -> String {
        var s = "\(f.file):\(f.start.line):\(f.start.column): \(f.diagnostic.message.text(chinese: chinese)) [\(f.diagnostic.rule)]"
        if let fix = f.diagnostic.fix {
            switch fix.applicability {
            case .safe:
                s += chinese ? "（可修复）" : " (fix available)"
            case .unsafe:
                let risk = fix.risk?.text(chinese: chinese) ?? ""
                s += chinese ? "（不安全的修复，需 --unsafe-fixes：\(risk)）" : " (unsafe fix, needs --unsafe-fixes: \(risk))"
            }
        } else if let reason = f.diagnostic.declined {
            s += chinese ? "（未修复：\(reason.zh)）" : " (not fixed: \(reason.en))"
        }
        return s
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

    /// One JSON array: findings, then the syntax errors of files that could not be analysed
    /// (rule `syntax-error`). Edit offsets are byte offsets in the original file.
    public static func json(_ findings: [Finding], syntaxErrors: [FileOutcome] = [], chinese: Bool) -> String {
        var items = findings.map { f in
            let fix = f.diagnostic.fix
            let reason = fix.map { $0.applicability == .unsafe ? $0.risk : nil } ?? f.diagnostic.declined
            return JSONFinding(file: f.file, line: f.start.line, column: f.start.column, endLine: f.end.line,
                               endColumn: f.end.column, rule: f.diagnostic.rule, message: f.diagnostic.message.text(chinese: chinese),
                               fixable: fix != nil, applicability: fix?.applicability.rawValue ?? "none",
                               reason: reason?.text(chinese: chinese), fixTitle: fix?.title.text(chinese: chinese),
                               edits: (fix?.edits ?? []).map { JSONEdit(offset: $0.offset, length: $0.length, newText: $0.newText) })
        }
        for f in syntaxErrors {
            for e in f.syntaxErrors {
                let p = f.position(ofOffset: e.offset)
                items.append(JSONFinding(file: f.path, line: p?.line ?? 1, column: p?.column ?? 1, endLine: p?.line ?? 1,
                                         endColumn: p?.column ?? 1, rule: syntaxRule, message: e.message, fixable: false,
                                         applicability: "none", reason: syntaxReason.text(chinese: chinese), fixTitle: nil, edits: []))
            }
        }
        return encode(items)
    }

    static let syntaxReason = LocalizedText(zh: "文件有语法错误：其中的内容不会被分析，也不会被修复",
                                            en: "the file has a syntax error: nothing in it is analysed or fixed")

    static func encode<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// SARIF 2.1.0 with rule metadata and fixes. Columns are Unicode code points, as the
    /// run declares (`columnKind: unicodeCodePoints`), converted from our byte columns.
    public static func sarif(_ result: FixResult, chinese: Bool, toolVersion: String) -> String {
        var bytesByFile: [String: [UInt8]] = [:]
        for f in result.report.files { bytesByFile[f.path] = f.bytes }
        func region(_ file: String, _ start: Position, _ end: Position) -> [String: Any] {
            let b = bytesByFile[file] ?? []
            return ["startLine": start.line, "startColumn": codePointColumn(b, start.offset),
                    "endLine": end.line, "endColumn": codePointColumn(b, end.offset)]
        }
        func position(_ file: String, offset: Int) -> Position {
            let b = bytesByFile[file] ?? []
            var line = 1, lineStart = 0
            for i in 0..<min(offset, b.count) where b[i] == 0x0A { line += 1; lineStart = i + 1 }
            return Position(filename: file, offset: offset, line: line, column: offset - lineStart + 1)
        }
        var rules: [[String: Any]] = result.analyzers.map { a in
            ["id": a.name, "name": a.name,
             "shortDescription": ["text": a.title.text(chinese: chinese)],
             "fullDescription": ["text": a.doc.text(chinese: chinese)],
             "defaultConfiguration": ["level": "warning"]]
        }
        if result.report.files.contains(where: { !$0.syntaxErrors.isEmpty }) {
            rules.append(["id": syntaxRule, "name": syntaxRule,
                          "shortDescription": ["text": chinese ? "语法错误" : "syntax error"],
                          "defaultConfiguration": ["level": "error"]])
        }
        var results: [[String: Any]] = result.findings.map { f in
            let uri = f.file.hasPrefix("./") ? String(f.file.dropFirst(2)) : f.file
            var r: [String: Any] = [
                "ruleId": f.diagnostic.rule,
                "level": "warning",
                "message": ["text": f.diagnostic.message.text(chinese: chinese)],
                "locations": [["physicalLocation": ["artifactLocation": ["uri": uri],
                                                    "region": region(f.file, f.start, f.end)]]],
            ]
            var properties: [String: Any] = ["applicability": f.diagnostic.fix?.applicability.rawValue ?? "none"]
            if let fix = f.diagnostic.fix {
                if fix.applicability == .unsafe, let risk = fix.risk { properties["unsafeReason"] = risk.text(chinese: chinese) }
                let replacements: [[String: Any]] = fix.edits.map { e in
                    let s = position(f.file, offset: e.offset), t = position(f.file, offset: e.end)
                    return ["deletedRegion": region(f.file, s, t), "insertedContent": ["text": e.newText]]
                }
                r["fixes"] = [["description": ["text": fix.title.text(chinese: chinese)],
                               "artifactChanges": [["artifactLocation": ["uri": uri], "replacements": replacements]]]]
            } else if let reason = f.diagnostic.declined {
                properties["notFixedReason"] = reason.text(chinese: chinese)
            }
            r["properties"] = properties
            return r
        }
        // Syntax errors are results too, at error level.
        for f in result.report.files {
            for e in f.syntaxErrors {
                let uri = f.path.hasPrefix("./") ? String(f.path.dropFirst(2)) : f.path
                let p = position(f.path, offset: e.offset)
                results.append([
                    "ruleId": syntaxRule, "level": "error", "message": ["text": e.message],
                    "locations": [["physicalLocation": ["artifactLocation": ["uri": uri], "region": region(f.path, p, p)]]],
                    "properties": ["applicability": "none", "notFixedReason": syntaxReason.text(chinese: chinese)],
                ])
            }
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [["tool": ["driver": ["name": "deferlab", "version": toolVersion, "rules": rules]],
                      "columnKind": "unicodeCodePoints",
                      "results": results]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// 1-based column in Unicode code points of a byte offset.
    static func codePointColumn(_ bytes: [UInt8], _ offset: Int) -> Int {
        var start = min(offset, bytes.count)
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var n = 1
        for i in start..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
