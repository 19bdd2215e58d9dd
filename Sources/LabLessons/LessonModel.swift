import Foundation
import LabContent
import LabText

/// One section of the article as a lesson: `Lessons/<section>-<slug>.json`.
public struct LessonSection: Sendable, Hashable {
    /// The article's section number, e.g. `"2.4"` or `"1"`; the stable id of the section.
    public var id: String
    /// A short kebab-case name, the rest of the file name (`closures`).
    public var slug: String
    /// The section's heading.
    public var title: LocalizedText
    /// The section's content, in reading order.
    public var blocks: [LessonBlock]
    /// The file the section was loaded from.
    public var file: URL

    /// Creates a section.
    public init(id: String, slug: String, title: LocalizedText, blocks: [LessonBlock], file: URL) {
        self.id = id
        self.slug = slug
        self.title = title
        self.blocks = blocks
        self.file = file
    }

    /// The block with this key, if any.
    public func block(key: String) -> LessonBlock? { blocks.first { $0.key == key } }

    /// Every example id the section names, in order of first mention: in blocks and in
    /// `{{run:…}}` / `{{example:…}}` placeholders.
    public var exampleIDs: [String] {
        var seen: [String] = []
        func add(_ id: String) { if !seen.contains(id) { seen.append(id) } }
        for block in blocks {
            if let id = block.content.exampleID { add(id) }
            for text in block.content.texts {
                for language in Language.allCases {
                    for case .placeholder(let token) in LessonText.segments(text.value.text(language)) {
                        if let id = token.exampleID { add(id) }
                    }
                }
            }
        }
        return seen
    }
}

/// One block of a section, with a key that stays the same across edits and translations.
public struct LessonBlock: Sendable, Hashable {
    /// A stable kebab-case key, unique in its section (`param-order`, `fix`).
    public var key: String
    /// What the block shows.
    public var content: LessonContent

    /// Creates a block.
    public init(key: String, content: LessonContent) {
        self.key = key
        self.content = content
    }
}

/// What a block shows. Adding a kind means every `switch` over the kinds (validation, the
/// shell's renderer) must handle it.
public enum LessonContent: Sendable, Hashable {
    /// A paragraph. May contain `` `code` `` spans and `{{…}}` placeholders.
    case prose(LocalizedText)
    /// Go code, from an example's file or written inline.
    case listing(Listing)
    /// A live run of an example.
    case run(RunBlock)
    /// The bad and fixed versions of an example's file, as a diff.
    case diff(DiffBlock)
    /// A table; cells may be language-neutral.
    case table(TableBlock)
    /// A picture drawn with text (the defer stack, the order of events).
    case diagram(DiagramBlock)
    /// A checklist (chapter 5).
    case checklist([ChecklistItem])
    /// Where the article is wrong or outdated: what it said, what we measured, and the run.
    case correction(Correction)
    /// A question the learner answers before running an example; the run decides.
    case question(Question)

    /// The kind's name as written in the file.
    public var kindName: String {
        switch self {
        case .prose: return "prose"
        case .listing: return "listing"
        case .run: return "run"
        case .diff: return "diff"
        case .table: return "table"
        case .diagram: return "diagram"
        case .checklist: return "checklist"
        case .correction: return "correction"
        case .question: return "question"
        }
    }

    /// The example the block itself names (not its placeholders), if any.
    public var exampleID: String? {
        switch self {
        case .listing(let listing):
            if case .example(let id, _, _, _) = listing.source { return id }
            return nil
        case .run(let run): return run.example
        case .diff(let diff): return diff.example
        case .correction(let correction): return correction.example
        case .question(let question): return question.example
        case .prose, .table, .diagram, .checklist: return nil
        }
    }

    /// Every bilingual text of the block with its field name (`text`, `caption`,
    /// `rows[1][0]`, `items.close-early`…): the prose the shell wraps and fills. Diagram art
    /// is separate (``DiagramBlock/art``).
    public var texts: [TextField] {
        func optional(_ name: String, _ text: LocalizedText?) -> [TextField] {
            text.map { [TextField(name, $0)] } ?? []
        }
        switch self {
        case .prose(let text):
            return [TextField("text", text)]
        case .listing(let listing):
            return optional("caption", listing.caption)
        case .run(let run):
            return optional("note", run.note)
        case .diff(let diff):
            return optional("note", diff.note)
        case .table(let table):
            var all = table.columns.enumerated().map { TextField("columns[\($0.offset)]", $0.element) }
            for (r, row) in table.rows.enumerated() {
                all += row.enumerated().map { TextField("rows[\(r)][\($0.offset)]", $0.element) }
            }
            return all + optional("caption", table.caption)
        case .diagram(let diagram):
            return optional("caption", diagram.caption)
        case .checklist(let items):
            return items.map { TextField("items.\($0.key)", $0.text) }
        case .correction(let correction):
            return [TextField("article", correction.article, quotesArticle: true),
                    TextField("measured", correction.measured)]
        case .question(let question):
            return [TextField("question", question.question)] + question.choices.map { TextField("choices.\($0.key)", $0.text) }
                + [TextField("why", question.why)]
        }
    }
}

/// One bilingual text of a block and the name of its field.
public struct TextField: Sendable, Hashable {
    /// The field's name in the file (`text`, `caption`, `rows[1][0]`, `items.<key>`…).
    public var field: String
    /// The text.
    public var value: LocalizedText
    /// True for a correction's `article` text, which quotes the article (and its numbers).
    public var quotesArticle: Bool

    /// Creates a field.
    public init(_ field: String, _ value: LocalizedText, quotesArticle: Bool = false) {
        self.field = field
        self.value = value
        self.quotesArticle = quotesArticle
    }
}

/// Go code shown in a lesson.
public struct Listing: Sendable, Hashable {
    /// Where the code comes from.
    public enum Source: Sendable, Hashable {
        /// A file of an example's variant; `function` narrows it to one function or method.
        case example(id: String, variant: Variant, file: String, function: String?)
        /// Code written in the lesson itself (a fragment the article shows, a command).
        case inline(lines: [String])
    }

    /// Where the code comes from.
    public var source: Source
    /// A line under the code, if any.
    public var caption: LocalizedText?

    /// Creates a listing.
    public init(source: Source, caption: LocalizedText?) {
        self.source = source
        self.caption = caption
    }
}

/// A live run of an example; the shell runs the variants and fills the section's
/// placeholders from the results.
public struct RunBlock: Sendable, Hashable {
    /// The example's id.
    public var example: String
    /// The variants to run, in order (`"both"` in the file is bad, then fixed).
    public var variants: [Variant]
    /// What to look for in the run, if anything.
    public var note: LocalizedText?

    /// Creates a run block.
    public init(example: String, variants: [Variant], note: LocalizedText?) {
        self.example = example
        self.variants = variants
        self.note = note
    }
}

/// The bad and fixed versions of one file of an example.
public struct DiffBlock: Sendable, Hashable {
    /// The example's id.
    public var example: String
    /// The file compared, relative to each variant's folder (default `main.go`).
    public var file: String
    /// What the diff changes, if said.
    public var note: LocalizedText?

    /// Creates a diff block.
    public init(example: String, file: String, note: LocalizedText?) {
        self.example = example
        self.file = file
        self.note = note
    }
}

/// A table: a header row and body rows with as many cells as there are columns.
public struct TableBlock: Sendable, Hashable {
    /// The header cells.
    public var columns: [LocalizedText]
    /// The body rows.
    public var rows: [[LocalizedText]]
    /// A line under the table, if any.
    public var caption: LocalizedText?

    /// Creates a table.
    public init(columns: [LocalizedText], rows: [[LocalizedText]], caption: LocalizedText?) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }
}

/// A picture drawn with text, shown as is (no wrapping).
public struct DiagramBlock: Sendable, Hashable {
    /// The drawing's lines in each language.
    public var art: Bilingual<[String]>
    /// A line under the drawing, if any.
    public var caption: LocalizedText?

    /// Creates a diagram.
    public init(art: Bilingual<[String]>, caption: LocalizedText?) {
        self.art = art
        self.caption = caption
    }
}

/// One entry of a checklist.
public struct ChecklistItem: Sendable, Hashable {
    /// A stable kebab-case key, unique in its list.
    public var key: String
    /// What to check.
    public var text: LocalizedText

    /// Creates an item.
    public init(key: String, text: LocalizedText) {
        self.key = key
        self.text = text
    }
}

/// A place where the article is wrong or outdated for today's Go.
public struct Correction: Sendable, Hashable {
    /// The example whose run shows what is true.
    public var example: String
    /// What the article said (it may quote the article's own numbers).
    public var article: LocalizedText
    /// What we measured; figures only as `{{run:…}}` placeholders.
    public var measured: LocalizedText

    /// Creates a correction.
    public init(example: String, article: LocalizedText, measured: LocalizedText) {
        self.example = example
        self.article = article
        self.measured = measured
    }
}

/// A prediction: a question about what an example will do, answered before it runs. The
/// right choice is never typed in: it is the one the live run's output matches, so running
/// under another Go version (or with other arguments) can change it.
public struct Question: Sendable, Hashable {
    /// One possible answer.
    public struct Choice: Sendable, Hashable {
        /// A stable kebab-case key, unique in the question.
        public var key: String
        public var text: LocalizedText
        /// Right when the deciding line contains this text.
        public var matches: String?
        /// Right when no line of the output contains ``Question/decidedBy`` (exactly one of
        /// `matches` and `absent` is given).
        public var absent: Bool

        public init(key: String, text: LocalizedText, matches: String?, absent: Bool) {
            self.key = key
            self.text = text
            self.matches = matches
            self.absent = absent
        }
    }

    /// The example whose run decides.
    public var example: String
    /// The variant whose output decides.
    public var variant: Variant
    public var question: LocalizedText
    /// Two to four choices.
    public var choices: [Choice]
    /// The first line of the output (standard output, then standard error) that contains this
    /// text decides; without one, the `absent` choice is right.
    public var decidedBy: String
    /// Why the run came out as it did, shown after it.
    public var why: LocalizedText

    public init(example: String, variant: Variant, question: LocalizedText, choices: [Choice], decidedBy: String,
                why: LocalizedText) {
        self.example = example
        self.variant = variant
        self.question = question
        self.choices = choices
        self.decidedBy = decidedBy
        self.why = why
    }

    /// The line of a run's output that decides, if any.
    public func decidingLine(stdout: String, stderr: String) -> String? {
        (stdout.split(separator: "\n") + stderr.split(separator: "\n")).first { $0.contains(decidedBy) }.map(String.init)
    }

    /// The choice a run's output makes right; nil when it makes none or several right (the
    /// output decides nothing, and the shell says so).
    public func answer(stdout: String, stderr: String) -> Choice? {
        let line = decidingLine(stdout: stdout, stderr: stderr)
        let right = choices.filter { choice in
            if let line { return choice.matches.map { line.contains($0) } ?? false }
            return choice.absent
        }
        return right.count == 1 ? right[0] : nil
    }
}
