import Foundation
import LabText
import LabContent

/// Checks one decoded section against the rules of Lessons/README.md.
///
/// What a valid section guarantees to the shell: both languages of every text and diagram
/// are present and non-empty and name the same placeholders; every example, variant, file,
/// function, figure, section and rule it names exists; no prose looks like a typed
/// measurement; keys are unique kebab-case strings; tables are rectangular.
struct LessonValidator {
    var examples: ExampleCatalog
    /// Every section id that has a lesson file (valid or not), for `{{section:…}}`.
    var sectionIDs: Set<String>
    /// The fixer's rule names, when the caller knows them; nil skips the `{{rule:…}}` check.
    var ruleNames: Set<String>?
    /// The workshop's exercise ids, when the caller knows them; nil skips the `{{exercise:…}}` check.
    var exerciseIDs: Set<String>?

    func check(_ section: LessonSection) -> [LessonProblem] {
        var problems: [LessonProblem] = []
        let path = section.file.path
        func report(_ location: String, _ kind: LessonProblem.Kind) {
            problems.append(LessonProblem(path: path, location: location, kind: kind))
        }

        if !Self.isSectionID(section.id) { report("section", .invalidSectionID(section.id)) }
        if !StableID.isValid(section.slug) { report("slug", .invalidKey(section.slug)) }
        let expectedName = "\(section.id)-\(section.slug).json"
        if section.file.lastPathComponent != expectedName { report("", .fileNameMismatch(expected: expectedName)) }
        checkText(section.title, at: "title", quotesArticle: false, report: report)
        if section.blocks.isEmpty { report("blocks", .emptyOrMisshapen("a section needs at least one block")) }

        var keys: Set<String> = []
        for block in section.blocks {
            let at = block.key
            if !StableID.isValid(block.key) { report(at, .invalidKey(block.key)) }
            if !keys.insert(block.key).inserted { report(at, .duplicateKey(block.key)) }
            checkContent(block.content, at: at, report: report)
            for field in block.content.texts {
                checkText(field.value, at: "\(at).\(field.field)", quotesArticle: field.quotesArticle, report: report)
            }
        }
        // A bad placeholder written in both languages is one problem, not two.
        var seen: Set<LessonProblem> = []
        return problems.filter { seen.insert($0).inserted }
    }

    // MARK: - Blocks

    private func checkContent(_ content: LessonContent, at: String,
                              report: (String, LessonProblem.Kind) -> Void) {
        switch content {
        case .prose:
            break
        case .listing(let listing):
            switch listing.source {
            case .example(let id, let variant, let file, let function):
                guard let example = example(id, at: "\(at).example", report: report) else { return }
                let url = example.folder(for: variant).appendingPathComponent(file)
                guard ContentFiles.isRegularFile(url.path) else {
                    return report("\(at).file", .missingExampleFile("\(id)/\(variant.rawValue)/\(file)"))
                }
                if let function {
                    let source = (try? ContentFiles.contents(url.path).get()).map { String(decoding: $0, as: UTF8.self) } ?? ""
                    if !Self.declares(function, in: source) {
                        report("\(at).function", .functionNotFound(function: function, file: "\(id)/\(variant.rawValue)/\(file)"))
                    }
                }
            case .inline(let lines):
                if lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    report("\(at).code", .emptyOrMisshapen("inline code has no lines"))
                }
            }
        case .run(let run):
            _ = example(run.example, at: "\(at).example", report: report)
        case .diff(let diff):
            guard let example = example(diff.example, at: "\(at).example", report: report) else { return }
            for variant in Variant.allCases
            where !ContentFiles.isRegularFile(example.folder(for: variant).appendingPathComponent(diff.file).path) {
                report("\(at).file", .missingExampleFile("\(diff.example)/\(variant.rawValue)/\(diff.file)"))
            }
        case .table(let table):
            if table.columns.isEmpty { report("\(at).columns", .emptyOrMisshapen("a table needs at least one column")) }
            if table.rows.isEmpty { report("\(at).rows", .emptyOrMisshapen("a table needs at least one row")) }
            for (index, row) in table.rows.enumerated() where row.count != table.columns.count {
                report("\(at).rows[\(index)]",
                       .emptyOrMisshapen("row has \(row.count) cells, the table has \(table.columns.count) columns"))
            }
        case .diagram(let diagram):
            for language in Language.allCases {
                let lines = diagram.art[language]
                if lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    report("\(at).art", .missingText(language: language))
                } else {
                    for line in lines { checkTokens(in: line, at: "\(at).art", quotesArticle: false, report: report) }
                }
            }
            let zh = LessonText.tokens(diagram.art.zh.joined(separator: "\n"))
            let en = LessonText.tokens(diagram.art.en.joined(separator: "\n"))
            if zh != en { report("\(at).art", mismatch(zh, en)) }
        case .checklist(let items):
            if items.isEmpty { report("\(at).items", .emptyOrMisshapen("a checklist needs at least one item")) }
            var keys: Set<String> = []
            for item in items {
                if !StableID.isValid(item.key) { report("\(at).items.\(item.key)", .invalidKey(item.key)) }
                if !keys.insert(item.key).inserted { report("\(at).items.\(item.key)", .duplicateKey(item.key)) }
            }
        case .correction(let correction):
            _ = example(correction.example, at: "\(at).example", report: report)
        case .question(let question):
            _ = example(question.example, at: "\(at).example", report: report)
            if !(2...4).contains(question.choices.count) {
                report("\(at).choices", .emptyOrMisshapen("a question has 2 to 4 choices, not \(question.choices.count)"))
            }
            if question.decidedBy.trimmingCharacters(in: .whitespaces).isEmpty {
                report("\(at).decidedBy", .emptyOrMisshapen("decidedBy names the text of the output line that decides"))
            }
            var keys: Set<String> = []
            for choice in question.choices {
                let here = "\(at).choices.\(choice.key)"
                if !StableID.isValid(choice.key) { report(here, .invalidKey(choice.key)) }
                if !keys.insert(choice.key).inserted { report(here, .duplicateKey(choice.key)) }
                if (choice.matches?.isEmpty ?? true) == !choice.absent {
                    report(here, .emptyOrMisshapen("a choice has either \"matches\" (a text of the deciding line) or \"absent\": true"))
                }
            }
            if question.choices.filter(\.absent).count > 1 {
                report("\(at).choices", .emptyOrMisshapen("only one choice can be right when the deciding line is absent"))
            }
        }
    }

    /// The example with this id, or a problem.
    private func example(_ id: String, at: String, report: (String, LessonProblem.Kind) -> Void) -> Example? {
        if let example = examples.example(id: id) { return example }
        report(at, .unknownExample(id))
        return nil
    }

    // MARK: - Texts

    /// Both languages present, the same placeholders in each, every placeholder valid, and
    /// nothing that looks like a typed measurement.
    private func checkText(_ text: LocalizedText, at: String, quotesArticle: Bool,
                           report: (String, LessonProblem.Kind) -> Void) {
        for language in Language.allCases {
            let value = text[language]
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                report(at, .missingText(language: language))
                continue
            }
            checkTokens(in: value, at: at, quotesArticle: quotesArticle, report: report)
        }
        if !text.zh.isEmpty && !text.en.isEmpty {
            let zhTokens = LessonText.tokens(text.zh), enTokens = LessonText.tokens(text.en)
            if zhTokens != enTokens { report(at, mismatch(zhTokens, enTokens)) }
        }
    }

    private func mismatch(_ zh: [String], _ en: [String]) -> LessonProblem.Kind {
        var onlyEn = en
        var onlyZh: [String] = []
        for token in zh {
            if let index = onlyEn.firstIndex(of: token) { onlyEn.remove(at: index) } else { onlyZh.append(token) }
        }
        return .referenceMismatch(onlyZh: onlyZh, onlyEn: onlyEn)
    }

    /// The placeholders of one language of one text, and the typed-measurement heuristic
    /// (skipped for a correction's quote of the article).
    private func checkTokens(in text: String, at: String, quotesArticle: Bool,
                             report: (String, LessonProblem.Kind) -> Void) {
        for segment in LessonText.segments(text) {
            switch segment {
            case .text:
                break
            case .malformed(let raw):
                report(at, .malformedPlaceholder(raw))
            case .placeholder(.example(let id)):
                _ = example(id, at: at, report: report)
            case .placeholder(.section(let id)):
                if !sectionIDs.contains(id) { report(at, .unknownSection(id)) }
            case .placeholder(.rule(let name)):
                if let ruleNames, !ruleNames.contains(name) { report(at, .unknownRule(name)) }
            case .placeholder(.exercise(let id)):
                if let exerciseIDs, !exerciseIDs.contains(id) { report(at, .unknownExercise(id)) }
            case .placeholder(.run(let figure)):
                checkFigure(figure, at: at, report: report)
            }
        }
        if !quotesArticle {
            for match in LessonText.typedMeasurements(in: text) { report(at, .typedMeasurement(match)) }
        }
    }

    /// Example, variant and figure exist; the figure is one the example's manifest lists; a
    /// stdout line selector is one of the variant's claims.
    private func checkFigure(_ figure: RunFigure, at: String, report: (String, LessonProblem.Kind) -> Void) {
        guard let example = example(figure.example, at: at, report: report) else { return }
        let variant = Variant(rawValue: figure.variant)
        if variant == nil { report(at, .unknownVariant(figure.variant)) }
        guard let known = Figure(rawValue: figure.figure) else { return report(at, .unknownFigure(figure.figure)) }
        if !example.manifest.figures.contains(known) {
            report(at, .figureNotListed(figure: known.rawValue, example: example.id))
        }
        if let line = figure.line {
            if known != .stdout {
                report(at, .lineSelectorNeedsStdout(known.rawValue))
            } else if let variant, !example.manifest.expect[variant].stdoutContains.contains(line) {
                report(at, .lineNotClaimed(line: line, example: example.id, variant: variant.rawValue))
            }
        }
    }

    // MARK: - Small scans

    /// `1`, `2.4`, `10.12`: dot-separated numbers.
    static func isSectionID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in !part.isEmpty && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) }
    }

    /// True when `source` declares a function or method named `name`: `func name(`,
    /// `func name[` or `) name(` after a receiver. A text scan is enough for our own examples;
    /// the Go front end is not a dependency of the content layer.
    static func declares(_ name: String, in source: String) -> Bool {
        for line in source.split(whereSeparator: \.isNewline) where line.hasPrefix("func ") {
            var rest = line.dropFirst(5)
            if rest.hasPrefix("(") {
                guard let close = rest.firstIndex(of: ")") else { continue }
                rest = rest[rest.index(after: close)...].drop { $0 == " " }
            }
            if rest.hasPrefix(name + "(") || rest.hasPrefix(name + "[") { return true }
        }
        return false
    }
}
