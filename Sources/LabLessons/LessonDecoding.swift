import Foundation
import LabText
import LabContent

/// Any JSON object key; used to reject fields a block kind does not have, so a misspelt
/// `caption` is an error instead of silently missing text.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == AnyKey {
    /// Throws when the object has a key outside `allowed`.
    func rejectUnknownKeys(_ allowed: [String], what: String) throws {
        for key in allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "unknown field \"\(key.stringValue)\" in \(what) (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    func value<T: Decodable>(_ name: String) throws -> T { try decode(T.self, forKey: AnyKey(name)) }
    func optional<T: Decodable>(_ name: String) throws -> T? { try decodeIfPresent(T.self, forKey: AnyKey(name)) }

    /// A text field `{"zh": "…", "en": "…"}` (see `TextJSON`).
    func text(_ name: String) throws -> LocalizedText { try decode(TextJSON.self, forKey: AnyKey(name)).text }
    func optionalText(_ name: String) throws -> LocalizedText? { try decodeIfPresent(TextJSON.self, forKey: AnyKey(name))?.text }
}

/// A text in a lesson file: `{"zh": "…", "en": "…"}`. Either may be missing, decoded as empty
/// (validation reports it); any other field is an error.
struct TextJSON: Decodable {
    var text: LocalizedText
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        try c.rejectUnknownKeys(["zh", "en"], what: "a text")
        text = LocalizedText(zh: try c.optional("zh") ?? "", en: try c.optional("en") ?? "")
    }
}

/// Diagram lines: `{"zh": [...], "en": [...]}`, or one list shared by both languages.
struct LinesJSON: Decodable {
    var lines: Bilingual<[String]>
    init(from decoder: any Decoder) throws {
        if let shared = try? decoder.singleValueContainer().decode([String].self) {
            lines = Bilingual(both: shared)
            return
        }
        let c = try decoder.container(keyedBy: AnyKey.self)
        try c.rejectUnknownKeys(["zh", "en"], what: "a diagram")
        lines = Bilingual(zh: try c.optional("zh") ?? [], en: try c.optional("en") ?? [])
    }
}

/// The current version of the lesson file format (`"format"` in each file).
let lessonFormatVersion = 1

/// The top level of a lesson file, as decoded (see Lessons/README.md).
struct LessonFile: Decodable {
    var section: String
    var slug: String
    var title: LocalizedText
    var blocks: [LessonBlock]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        try c.rejectUnknownKeys(["format", "section", "slug", "title", "blocks"], what: "a lesson file")
        let format: Int = try c.value("format")
        guard format == lessonFormatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey("format"), in: c,
                debugDescription: "format \(format) is not supported (this DeferLab reads format \(lessonFormatVersion))")
        }
        section = try c.value("section")
        slug = try c.value("slug")
        title = try c.text("title")
        blocks = try c.value("blocks")
    }
}

/// A table cell: `{"zh", "en"}`, or one string shared by both languages (code, names).
struct Cell: Decodable {
    var text: LocalizedText
    init(from decoder: any Decoder) throws {
        if let shared = try? decoder.singleValueContainer().decode(String.self) {
            text = LocalizedText(both: shared)
        } else {
            text = try TextJSON(from: decoder).text
        }
    }
}

extension ChecklistItem: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        try c.rejectUnknownKeys(["key", "text"], what: "a checklist item")
        self.init(key: try c.value("key"), text: try c.text("text"))
    }
}

extension Question.Choice: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        try c.rejectUnknownKeys(["key", "text", "matches", "absent"], what: "a question's choice")
        self.init(key: try c.value("key"), text: try c.text("text"), matches: try c.optional("matches"),
                  absent: try c.optional("absent") ?? false)
    }
}

extension LessonBlock: Decodable {
    /// The fields each kind may have, besides `key` and `kind`.
    static let fields: [String: [String]] = [
        "prose": ["text"],
        "listing": ["example", "variant", "file", "function", "code", "caption"],
        "run": ["example", "variant", "note"],
        "diff": ["example", "file", "note"],
        "table": ["columns", "rows", "caption"],
        "diagram": ["art", "caption"],
        "checklist": ["items"],
        "correction": ["example", "article", "measured"],
        "question": ["example", "variant", "question", "choices", "decidedBy", "why"],
    ]

    /// Decodes one block; the kind decides which fields it may and must have.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        let key: String = try c.value("key")
        let kind: String = try c.value("kind")
        guard let allowed = Self.fields[kind] else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey("kind"), in: c,
                debugDescription: "unknown block kind \"\(kind)\" (known: \(Self.fields.keys.sorted().joined(separator: ", ")))")
        }
        try c.rejectUnknownKeys(["key", "kind"] + allowed, what: "a \(kind) block")

        func variant(_ name: String, allowBoth: Bool) throws -> [Variant] {
            let text: String = try c.optional(name) ?? (allowBoth ? "both" : "")
            if allowBoth && text == "both" { return Variant.allCases }
            guard let one = Variant(rawValue: text) else {
                let known = Variant.allCases.map(\.rawValue) + (allowBoth ? ["both"] : [])
                throw DecodingError.dataCorruptedError(
                    forKey: AnyKey(name), in: c,
                    debugDescription: "unknown variant \"\(text)\" (known: \(known.joined(separator: ", ")))")
            }
            return [one]
        }

        let content: LessonContent
        switch kind {
        case "prose":
            content = .prose(try c.text("text"))
        case "listing":
            let code: [String]? = try c.optional("code")
            let example: String? = try c.optional("example")
            let source: Listing.Source
            switch (example, code) {
            case (let id?, nil):
                source = .example(id: id, variant: try variant("variant", allowBoth: false)[0],
                                  file: try c.optional("file") ?? "main.go", function: try c.optional("function"))
            case (nil, let lines?):
                for name in ["variant", "file", "function"] where c.contains(AnyKey(name)) {
                    throw DecodingError.dataCorruptedError(
                        forKey: AnyKey(name), in: c, debugDescription: "\"\(name)\" belongs to an example listing, not to inline code")
                }
                source = .inline(lines: lines)
            default:
                throw DecodingError.dataCorruptedError(
                    forKey: AnyKey("code"), in: c,
                    debugDescription: "a listing has either \"example\" (with \"variant\") or \"code\", exactly one")
            }
            content = .listing(Listing(source: source, caption: try c.optionalText("caption")))
        case "run":
            content = .run(RunBlock(example: try c.value("example"), variants: try variant("variant", allowBoth: true),
                                    note: try c.optionalText("note")))
        case "diff":
            content = .diff(DiffBlock(example: try c.value("example"), file: try c.optional("file") ?? "main.go",
                                      note: try c.optionalText("note")))
        case "table":
            let columns: [Cell] = try c.value("columns")
            let rows: [[Cell]] = try c.value("rows")
            content = .table(TableBlock(columns: columns.map(\.text), rows: rows.map { $0.map(\.text) },
                                        caption: try c.optionalText("caption")))
        case "diagram":
            content = .diagram(DiagramBlock(art: try c.decode(LinesJSON.self, forKey: AnyKey("art")).lines,
                                            caption: try c.optionalText("caption")))
        case "checklist":
            content = .checklist(try c.value("items"))
        case "correction":
            content = .correction(Correction(example: try c.value("example"), article: try c.text("article"),
                                             measured: try c.text("measured")))
        case "question":
            content = .question(Question(example: try c.value("example"), variant: try variant("variant", allowBoth: false)[0],
                                         question: try c.text("question"), choices: try c.value("choices"),
                                         decidedBy: try c.value("decidedBy"), why: try c.text("why")))
        default:
            preconditionFailure("block kind \(kind) is in LessonBlock.fields but not decoded")
        }
        self.init(key: key, content: content)
    }
}
