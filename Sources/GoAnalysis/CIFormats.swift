import GoSyntax
import LabText

/// Findings for continuous integration: GitHub Actions workflow commands and Checkstyle XML,
/// beside SARIF in ``FindingFormat``. Columns are Unicode code points, as in SARIF; syntax
/// errors are errors of the rule `syntax-error`, findings are warnings.
extension FindingFormat {
    /// One finding or syntax error, located and worded for these formats.
    struct Located {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var rule: String
        var error: Bool
        var message: String
    }

    static func located(_ findings: [Finding], files: [FileOutcome], _ lang: Language) -> [Located] {
        var byPath: [String: FileOutcome] = [:]
        for f in files { byPath[f.path] = f }
        func column(_ path: String, _ offset: Int, byteColumn: Int) -> Int {
            guard let bytes = byPath[path]?.bytes else { return byteColumn }
            return codePointColumn(bytes, offset, lineStart: offset - byteColumn + 1)
        }
        var out = findings.map { f in
            Located(file: f.file, line: f.start.line, column: column(f.file, f.diagnostic.start, byteColumn: f.start.column),
                    endLine: f.end.line, endColumn: column(f.file, f.diagnostic.end, byteColumn: f.end.column),
                    rule: f.diagnostic.rule, error: false, message: summary(f.diagnostic, lang))
        }
        for f in files {
            for e in f.syntaxErrors {
                let p = f.position(ofOffset: e.offset)
                let c = codePointColumn(f.bytes, e.offset, lineStart: e.offset - (p?.column ?? 1) + 1)
                out.append(Located(file: f.path, line: p?.line ?? 1, column: c, endLine: p?.line ?? 1, endColumn: c,
                                   rule: syntaxRule, error: true, message: e.message))
            }
        }
        // Paths as given, without a leading "./": both formats mean the checkout's files.
        for i in out.indices where out[i].file.hasPrefix("./") { out[i].file.removeFirst(2) }
        return out
    }

    /// GitHub Actions workflow commands, one per line:
    /// `::warning file=a.go,line=3,col=2,endLine=3,endColumn=9,title=deferlab loop-defer::message`.
    /// The message says what became of the fix, as in the text format.
    public static func github(_ findings: [Finding], files: [FileOutcome], _ lang: Language) -> String {
        var out = ""
        for l in located(findings, files: files, lang) {
            let properties = ["file=\(githubProperty(l.file))", "line=\(l.line)", "col=\(l.column)",
                              "endLine=\(l.endLine)", "endColumn=\(l.endColumn)",
                              "title=\(githubProperty("deferlab \(l.rule)"))"]
            out += "::\(l.error ? "error" : "warning") \(properties.joined(separator: ","))::\(githubData(l.message))\n"
        }
        return out
    }

    /// The escaping of a workflow command's message (by scalar: "\r\n" is one Character).
    static func githubData(_ s: String) -> String { githubEscape(s, property: false) }

    /// The escaping of a workflow command's property value.
    static func githubProperty(_ s: String) -> String { githubEscape(s, property: true) }

    static func githubEscape(_ s: String, property: Bool) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Checkstyle XML (the format Jenkins, GitLab converters, reviewdog and many CI systems
    /// read): one `<file>` per file in path order, an `<error>` per finding with `source`
    /// `deferlab.RULE`.
    public static func checkstyle(_ findings: [Finding], files: [FileOutcome], _ lang: Language) -> String {
        var byFile: [String: [Located]] = [:]
        for l in located(findings, files: files, lang) { byFile[l.file, default: []].append(l) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"5.0\">\n"
        for file in byFile.keys.sorted() {
            out += "  <file name=\"\(xmlAttribute(file))\">\n"
            for l in byFile[file]!.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
                out += "    <error line=\"\(l.line)\" column=\"\(l.column)\" severity=\"\(l.error ? "error" : "warning")\""
                    + " message=\"\(xmlAttribute(l.message))\" source=\"deferlab.\(xmlAttribute(l.rule))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }

    /// An XML attribute value: markup characters as entities, and the control characters
    /// XML 1.0 cannot carry at all as U+FFFD (a Go string literal in a message may hold them).
    static func xmlAttribute(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
