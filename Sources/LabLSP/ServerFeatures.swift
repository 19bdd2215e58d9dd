import Foundation
import GoAnalysis
import LabCommands
import LabText

/// Diagnostics, code actions and hovers: DeferLab's findings and fixes in LSP terms.
extension LanguageServer {
    /// A document with syntax errors shows them and nothing else: its findings would be of
    /// code that is not there yet, and no edit is offered on it.
    func diagnostics(_ s: Snapshot) -> [[String: Any]] {
        if !s.syntaxErrors.isEmpty {
            return s.syntaxErrors.map { e in
                ["range": LSPRange.range(e.offset, e.offset, in: s.map, encoding), "severity": 1,
                 "code": FindingFormat.syntaxRule, "source": "deferlab", "message": e.message]
            }
        }
        return s.diagnostics.map { diagnostic($0, s) }
    }

    func diagnostic(_ d: Diagnostic, _ s: Snapshot) -> [String: Any] {
        // The message says what became of the fix: available, unsafe and why, or declined and why.
        ["range": LSPRange.range(d.start, d.end, in: s.map, encoding), "severity": 2, "code": d.rule,
         "source": "deferlab", "message": FindingFormat.summary(d, language)]
    }

    /// A quick fix per finding with a fix in the range (safe ones preferred; unsafe ones say
    /// what may change), and the file's fix-all.
    func codeActions(_ params: [String: Any]) -> Any {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String, let s = current(uri),
              s.syntaxErrors.isEmpty else { return [Any]() }
        let only = (params["context"] as? [String: Any])?["only"] as? [String]
        func wanted(_ kind: String) -> Bool {
            only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true
        }
        let range = (params["range"] as? [String: Any]).flatMap { LSPRange.offsets($0, in: s.map, encoding) } ?? (0, s.map.bytes.count)
        let texts = Catalog(language)
        var actions: [[String: Any]] = []
        if wanted("quickfix") {
            for d in s.diagnostics where d.start <= range.1 && range.0 <= d.end {
                guard let fix = d.fix else { continue }
                let safe = fix.applicability == .safe
                let title = safe ? fix.title[language] : texts(.lspUnsafeAction, fix.title[language], fix.risk?[language] ?? "")
                actions.append(["title": title, "kind": "quickfix", "diagnostics": [diagnostic(d, s)], "isPreferred": safe,
                                "edit": workspaceEdit(uri, s, fix.edits.map { ($0.offset, $0.end, $0.newText) })])
            }
        }
        if wanted(Self.fixAllKind), let fixed = fixedText(uri, s), fixed != s.map.bytes {
            actions.append(["title": texts(.lspFixAll), "kind": Self.fixAllKind,
                            "edit": workspaceEdit(uri, s, [Self.minimalEdit(s.map.bytes, fixed)])])
        }
        return actions
    }

    /// What `deferlab fix -w` would write for this version: every safe fix, round after round.
    func fixedText(_ uri: String, _ s: Snapshot) -> [UInt8]? {
        if let known = s.fixed { return known }
        guard let doc = documents[uri] else { return nil }
        let outcome = DocumentAnalysis(analyzers: rules.analyzers).run(doc, open: openTexts, fixes: .safe)
        let fixed = outcome.syntaxErrors.isEmpty ? outcome.fixed : nil
        documents[uri]?.snapshot?.fixed = .some(fixed)
        return fixed
    }

    /// Edits on the document's version `s`: tied to that version when the client can check it.
    func workspaceEdit(_ uri: String, _ s: Snapshot, _ edits: [(Int, Int, String)]) -> [String: Any] {
        let list = edits.map { ["range": LSPRange.range($0.0, $0.1, in: s.map, encoding), "newText": $0.2] as [String: Any] }
        if documentChanges {
            return ["documentChanges": [["textDocument": ["uri": uri, "version": s.version], "edits": list]]]
        }
        return ["changes": [uri: list]]
    }

    /// One edit that turns `old` into `new`: the bytes between their common prefix and
    /// suffix, cut at character boundaries and never between "\r" and "\n".
    static func minimalEdit(_ old: [UInt8], _ new: [UInt8]) -> (Int, Int, String) {
        var p = 0
        while p < old.count && p < new.count && old[p] == new[p] { p += 1 }
        while p > 0 && p < old.count && (old[p] & 0xC0 == 0x80 || (old[p] == 10 && old[p - 1] == 13)) { p -= 1 }
        var q = 0
        while q < old.count - p && q < new.count - p && old[old.count - 1 - q] == new[new.count - 1 - q] { q += 1 }
        var e = old.count - q
        while e < old.count && e > p && (old[e] & 0xC0 == 0x80 || (old[e] == 10 && old[e - 1] == 13)) { e += 1 }
        q = old.count - e
        return (p, e, String(decoding: new[p..<(new.count - q)], as: UTF8.self))
    }

    /// The rule of the finding under the cursor: what it found, the rule's explanation, when
    /// its fixes are safe, how to silence it, and its example.
    func hover(_ params: [String: Any]) -> Any {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String, let s = current(uri),
              let position = params["position"] as? [String: Any],
              let offset = LSPRange.offset(position, in: s.map, encoding) else { return NSNull() }
        let hits = s.diagnostics.filter { $0.start <= offset && offset <= $0.end }
        guard let first = hits.first else { return NSNull() }
        let value = hits.map(explanation).joined(separator: markdown ? "\n\n---\n\n" : "\n\n")
        return ["contents": ["kind": markdown ? "markdown" : "plaintext", "value": value],
                "range": LSPRange.range(first.start, first.end, in: s.map, encoding)]
    }

    func explanation(_ d: Diagnostic) -> String {
        let summary = FindingFormat.summary(d, language)
        guard let rule = FixRun.allRules.first(where: { $0.name == d.rule }) else { return summary }
        let texts = Catalog(language)
        func code(_ text: String) -> String {
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return markdown ? "```go\n\(body)\n```" : body
        }
        var parts = [markdown ? "**\(rule.name)** — \(rule.title[language])" : "\(rule.name): \(rule.title[language])",
                     summary, rule.doc[language]]
        if let applicability = rule.applicability { parts.append(texts(.fixApplicability) + "\n" + applicability[language]) }
        parts.append(texts(.ignoreComment, rule.name))
        if let example = rule.example {
            parts.append(texts(.exampleBad) + "\n" + code(example.bad))
            if let fixed = example.fixed { parts.append(texts(.exampleFixed) + "\n" + code(fixed)) }
        }
        return parts.joined(separator: "\n\n")
    }
}
