import LabCommands
import Foundation
import GoSyntax
import LabContent
import LabLessons
import LabText

/// Turns a lesson section into terminal lines in one language: prose wrapped by display
/// width, Go listings highlighted with our scanner, tables, diagrams, corrections, run
/// blocks and checklists, with `{{run:…}}` figures from the learner's own runs.
public struct PageRenderer {
    /// The language of the page.
    public var language: Language
    /// Columns to fit.
    public var width: Int
    /// Colour or plain text.
    public var style: Style
    /// Where listings and diffs read their code.
    public var examples: ExampleCatalog
    /// The learner's measurements so far.
    public var results: RunResults

    /// Creates a renderer.
    public init(language: Language, width: Int, style: Style, examples: ExampleCatalog, results: RunResults) {
        self.language = language
        self.width = max(width, 20)
        self.style = style
        self.examples = examples
        self.results = results
    }

    private var catalog: Catalog { Catalog(language) }

    /// The whole section: its title, then each block separated by a blank line.
    public func render(_ section: LessonSection) -> [String] {
        var out = [style.heading(section.title.text(language)), ""]
        for block in section.blocks {
            out += render(block.content)
            out.append("")
        }
        return out
    }

    /// The lines of one block.
    public func render(_ content: LessonContent) -> [String] {
        switch content {
        case .prose(let text):
            return paragraph(text)
        case .listing(let listing):
            var out: [String]
            switch listing.source {
            case .inline(let lines):
                out = style.goLines(lines.joined(separator: "\n")).map { "    " + $0 }
            case .example(let id, let variant, let file, let function):
                let source = code(id, variant, file).map { text in function.flatMap { Self.function($0, in: text) } ?? text }
                out = [style.dim("  \(id)/\(variant.rawValue)/\(file)" + (function.map { " · \($0)" } ?? ""))]
                out += style.goLines(source ?? "").map { "    " + $0 }
            }
            if let caption = listing.caption { out += paragraph(caption, first: "  ", rest: "  ").map(style.dim) }
            return out
        case .run(let run):
            let variants = run.variants.count == 2 ? "both" : run.variants.map(\.rawValue).joined()
            let title = examples.example(id: run.example)?.manifest.title.text(language) ?? run.example
            var out = TextLayout.wrap(catalog.text(.shellRunHint, run.example + (variants == "both" ? "" : " \(variants)"), title),
                                    width: width, rest: "  ").map(style.bold)
            if let note = run.note { out += paragraph(note, first: "  ", rest: "  ") }
            return out
        case .diff(let diff):
            var out = diffLines(diff.example, file: diff.file)
            if let note = diff.note { out += paragraph(note, first: "  ", rest: "  ") }
            return out
        case .table(let table):
            return self.table(table)
        case .diagram(let diagram):
            var out = diagram.art[language].map { "  " + $0 }
            if let caption = diagram.caption { out += paragraph(caption, first: "  ", rest: "  ").map(style.dim) }
            return out
        case .checklist(let items):
            return items.flatMap { paragraph($0.text, first: "  [ ] ", rest: "      ") }
        case .correction(let correction):
            var out = [style.warning("⚠ " + catalog.text(.shellCorrection))]
            out += paragraph(correction.article, first: label(.shellArticleSaid), rest: "  ")
            out += paragraph(correction.measured, first: label(.shellWeMeasured), rest: "  ")
            let title = examples.example(id: correction.example)?.manifest.title.text(language) ?? ""
            out += TextLayout.wrap(catalog.text(.shellRunHint, correction.example, title), width: width,
                                 first: "  ", rest: "    ").map(style.dim)
            return out
        case .question(let question):
            var out = TextLayout.wrap("? " + catalog.text(.shellQuestion, fill(question.question.text(language))), width: width,
                                      rest: "  ", markerWidth: style.colour ? 0 : 1).map(style.codeSpans).map(style.bold)
            for (n, choice) in question.choices.enumerated() {
                out += paragraph(choice.text, first: "  \(n + 1). ", rest: "     ")
            }
            out += TextLayout.wrap(catalog.text(.shellPredictHint, question.example), width: width, first: "  ", rest: "    ").map(style.dim)
            return out
        }
    }

    /// `  Label：` or `  Label: ` (a full-width colon carries its own space).
    private func label(_ message: Message) -> String {
        let text = catalog.text(message)
        return "  " + text + (text.hasSuffix("：") ? "" : " ")
    }

    /// A bilingual text wrapped to the width, placeholders filled, code spans marked.
    public func paragraph(_ text: LocalizedText, first: String = "", rest: String = "") -> [String] {
        TextLayout.wrap(fill(text.text(language)), width: width, first: first, rest: rest,
                      markerWidth: style.colour ? 0 : 1).map(style.codeSpans)
    }

    /// `text` with placeholders replaced and code spans turned into markers.
    public func fill(_ text: String) -> String {
        var out = ""
        for segment in LessonText.segments(text) {
            switch segment {
            case .text(let piece):
                var inCode = false
                for character in piece {
                    if character == "`" {
                        out.append(inCode ? TextLayout.codeOff : TextLayout.codeOn)
                        inCode.toggle()
                    } else {
                        out.append(character)
                    }
                }
                if inCode { out.append(TextLayout.codeOff) }
            case .placeholder(.run(let figure)):
                out += results.value(figure) ?? "[\(catalog.text(.shellRunToMeasure))]"
            case .placeholder(.example(let id)):
                out += "\(TextLayout.codeOn)\(id)\(TextLayout.codeOff)"
            case .placeholder(.section(let id)):
                out += catalog.text(.shellSectionRef, id)
            case .placeholder(.rule(let name)):
                out += "\(TextLayout.codeOn)\(name)\(TextLayout.codeOff)"
            case .placeholder(.exercise(let id)):
                // The section's closing line says how to set the workshop up and check one.
                out += catalog.text(.shellExerciseRef, "\(TextLayout.codeOn)\(id)\(TextLayout.codeOff)")
            case .malformed(let raw):
                out += raw
            }
        }
        return out
    }

    /// The text of a variant's file, if the example and file exist.
    public func code(_ id: String, _ variant: Variant, _ file: String) -> String? {
        guard let example = examples.example(id: id) else { return nil }
        let url = example.folder(for: variant).appendingPathComponent(file)
        return (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The declaration of function or method `name` in `source`, with its doc comment,
    /// found with our parser; nil when it is not declared.
    static func function(_ name: String, in source: String) -> String? {
        let bytes = Array(source.utf8)
        let parsed = GoParser.parse(name: "listing.go", bytes: bytes)
        for case .func(let decl) in parsed.file.decls where decl.name.name == name {
            let start = parsed.source.offset(decl.doc?.pos ?? decl.pos)
            let end = parsed.source.offset(decl.end)
            guard 0 <= start, start <= end, end <= bytes.count else { return nil }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        return nil
    }

    /// The bad → fixed diff of one file of an example, coloured on a terminal.
    public func diffLines(_ id: String, file: String) -> [String] {
        guard let bad = code(id, .bad, file), let fixed = code(id, .fixed, file) else { return [] }
        return diffLines(old: bad, new: fixed, oldName: "\(id)/bad/\(file)", newName: "\(id)/fixed/\(file)",
                         same: catalog.text(.shellNoDiff, "\(id)/\(file)"))
    }

    /// A coloured unified diff of two texts; `same` when they do not differ.
    func diffLines(old: String, new: String, oldName: String, newName: String, same: String) -> [String] {
        let text = UnifiedDiff.diff(old: Array(old.utf8), new: Array(new.utf8), oldName: oldName, newName: newName)
        if text.isEmpty { return [same] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines.map { line in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return style.bold(line) }
            if line.hasPrefix("+") { return style.good(line) }
            if line.hasPrefix("-") { return style.bad(line) }
            if line.hasPrefix("@@") { return style.dim(line) }
            return line
        }
    }

    /// A table with columns sized to their widest cell; when that does not fit, each row
    /// becomes a list of `column: cell` lines instead.
    func table(_ table: TableBlock) -> [String] {
        let header = table.columns.map { fill($0.text(language)) }
        let rows = table.rows.map { $0.map { fill($0.text(language)) } }
        let marker = style.colour ? 0 : 1
        let widths: [Int] = header.indices.map { column in
            let cells: [String] = [header[column]] + rows.map { $0.indices.contains(column) ? $0[column] : "" }
            return cells.map { (cell: String) in TextLayout.width(cell, markerWidth: marker) }.max() ?? 0
        }
        var out: [String] = []
        if widths.reduce(0, +) + 3 * max(0, widths.count - 1) + 2 <= width {
            func line(_ cells: [String]) -> String {
                "  " + cells.enumerated().map { TextLayout.pad($0.element, to: widths[$0.offset], markerWidth: marker) }
                    .joined(separator: " │ ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            out.append(style.bold(line(header)))
            out.append("  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"))
            out += rows.map(line)
        } else {
            for row in rows {
                for (column, cell) in row.enumerated() {
                    let name = header.indices.contains(column) ? header[column] : ""
                    out += TextLayout.wrap(cell, width: width, first: column == 0 ? "• \(name): " : "  \(name): ", rest: "    ",
                                         markerWidth: marker)
                }
            }
        }
        if let caption = table.caption { out += paragraph(caption, first: "  ", rest: "  ").map(style.dim) }
        return out.map(style.codeSpans)
    }
}
