import Foundation
import LabContent
import LabText

/// What `deferlab examples` shows: every example's id, section and title in one language.
public struct ExampleListing: Sendable {
    /// One listed example.
    public struct Entry: Sendable, Codable, Equatable {
        /// The stable example id.
        public var id: String
        /// The article section.
        public var section: String
        /// `program` or `bench`.
        public var kind: String
        /// The title in the listing's language.
        public var title: String
    }

    /// The examples, in catalog order (section, then id).
    public var entries: [Entry]
    /// Examples that did not load, as lines in the listing's language.
    public var problems: [String]

    /// The listing of `catalog` in `catalog`'s language.
    public static func make(_ examples: ExampleCatalog, catalog: Catalog) -> ExampleListing {
        let entries = examples.examples.map { example in
            Entry(id: example.id, section: example.manifest.section, kind: example.manifest.kind.rawValue,
                  title: example.manifest.title.text(catalog.language))
        }
        let problems = examples.problems.map { catalog.text(.exampleSkipped, $0.description) }
        return ExampleListing(entries: entries, problems: problems)
    }

    /// The message for content that cannot be used at all.
    public static func errorText(_ error: ContentError, catalog: Catalog) -> String {
        switch error {
        case .notFound(let home, let starts):
            return catalog.text(.contentNotFound, home.map { "=\($0.path)" } ?? "",
                                starts.map(\.path).joined(separator: ", "))
        case .unreadable(let path, let reason):
            return catalog.text(.cannotRead, path, reason)
        }
    }

    /// `section  id  title` lines with the first two columns aligned.
    public func lines() -> [String] {
        let sectionWidth = entries.map(\.section.count).max() ?? 0
        let idWidth = entries.map(\.id.count).max() ?? 0
        return entries.map { entry in
            entry.section.padding(toLength: sectionWidth, withPad: " ", startingAt: 0) + "  "
                + entry.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + entry.title
        }
    }

    /// One JSON array of the entries (`id`, `section`, `kind`, `title`).
    public func json() -> String {
        JSONOutput.string(entries, fallback: "[]")
    }
}

extension LocalizedText {
    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }
}
