import Foundation
import LabText
import LabContent

/// Why the Lessons folder could not be used at all. These are environment problems, so they
/// are thrown; a broken section is a ``LessonProblem`` value instead.
public enum LessonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `Lessons` folder was found. `home` is `DEFERLAB_HOME` when it was set; `searchedFrom`
    /// are the folders walked up from, in order (the executable's folder, then the current one).
    case notFound(home: URL?, searchedFrom: [URL])
    /// The Lessons folder exists but cannot be listed (`reason` is the system's message).
    case unreadable(path: String, reason: String)

    /// An English explanation for logs and tests; the shell shows the zh/en catalog text.
    public var description: String {
        switch self {
        case .notFound(let home, let starts):
            var places: [String] = []
            if let home { places.append("DEFERLAB_HOME (\(home.path))") }
            places += starts.map { "\($0.path) or above" }
            return "lessons not found: no \(LessonBook.lessonsRelativePath) folder in "
                + places.joined(separator: ", ")
                + "; set DEFERLAB_HOME to the DeferLab folder that holds Lessons/ and Content/"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        }
    }
}

/// One thing wrong with one lesson file. A section with problems is left out of the book;
/// the other sections still load.
public struct LessonProblem: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The file cannot be read.
        case unreadableFile(reason: String)
        /// The file is not valid JSON or does not fit the format (`reason` names the field).
        case invalidFile(reason: String)
        /// The file name is not `<section>-<slug>.json`.
        case fileNameMismatch(expected: String)
        /// The section id is not a dotted number (`1`, `2.4`).
        case invalidSectionID(String)
        /// Two files claim the same section.
        case duplicateSection(String, otherFile: String)
        /// A slug, block key or checklist key is not kebab-case.
        case invalidKey(String)
        /// Two blocks (or two checklist items) share a key.
        case duplicateKey(String)
        /// A text is missing or empty in one language.
        case missingText(language: Language)
        /// A text's two languages name different placeholders or references.
        case referenceMismatch(onlyZh: [String], onlyEn: [String])
        /// `{{…}}` that is not a known placeholder form.
        case malformedPlaceholder(String)
        /// An example id that is not in the Content catalog.
        case unknownExample(String)
        /// A variant other than `bad` or `fixed`.
        case unknownVariant(String)
        /// A figure name the runner does not produce.
        case unknownFigure(String)
        /// A figure the example's manifest does not list among the figures that matter.
        case figureNotListed(figure: String, example: String)
        /// `#TEXT` on a figure other than `stdout`.
        case lineSelectorNeedsStdout(String)
        /// `stdout#TEXT` where TEXT is not one of the variant's `stdoutContains` claims, so a
        /// run may not have such a line.
        case lineNotClaimed(line: String, example: String, variant: String)
        /// `{{section:…}}` naming a section that has no lesson.
        case unknownSection(String)
        /// `{{rule:…}}` naming a rule the fixer does not have.
        case unknownRule(String)
        case unknownExercise(String)
        /// Text that looks like a measurement typed into prose (see ``LessonText``).
        case typedMeasurement(String)
        /// A listing or diff names a file the example does not have.
        case missingExampleFile(String)
        /// A listing names a function its file does not declare.
        case functionNotFound(function: String, file: String)
        /// Something required is empty (blocks, lines, columns, items) or a table row has the
        /// wrong number of cells.
        case emptyOrMisshapen(String)
    }

    /// The lesson file.
    public var path: String
    /// Where in the file: `title`, or `<block key>.<field>` (`intro.text`, `costs.rows[2][1]`).
    public var location: String
    /// What is wrong.
    public var kind: Kind

    /// Creates a problem.
    public init(path: String, location: String, kind: Kind) {
        self.path = path
        self.location = location
        self.kind = kind
    }

    /// `path: location: what is wrong`, in English (lesson authors read these).
    public var description: String {
        location.isEmpty ? "\(path): \(detail)" : "\(path): \(location): \(detail)"
    }

    /// What is wrong, in English, without path and location.
    public var detail: String {
        switch kind {
        case .unreadableFile(let reason): return "cannot read: \(reason)"
        case .invalidFile(let reason): return "invalid lesson file: \(reason)"
        case .fileNameMismatch(let expected): return "file name should be \(expected)"
        case .invalidSectionID(let id): return "section \"\(id)\" is not a dotted number such as 2.4"
        case .duplicateSection(let id, let other): return "section \(id) is also defined in \(other)"
        case .invalidKey(let key): return "key \"\(key)\" is not kebab-case"
        case .duplicateKey(let key): return "key \"\(key)\" is used twice"
        case .missingText(let language): return "no \(language.rawValue) text (every text needs zh and en)"
        case .referenceMismatch(let zh, let en):
            var parts: [String] = []
            if !zh.isEmpty { parts.append("only in zh: " + zh.joined(separator: ", ")) }
            if !en.isEmpty { parts.append("only in en: " + en.joined(separator: ", ")) }
            return "zh and en name different placeholders (" + parts.joined(separator: "; ") + ")"
        case .malformedPlaceholder(let raw):
            return "\(raw) is not a placeholder (forms: {{run:EXAMPLE/VARIANT/FIGURE}}, "
                + "{{run:EXAMPLE/VARIANT/stdout#TEXT}}, {{example:ID}}, {{section:ID}}, {{rule:NAME}}, {{exercise:ID}})"
        case .unknownExample(let id): return "no example \"\(id)\" in Content/examples"
        case .unknownVariant(let variant): return "unknown variant \"\(variant)\" (known: bad, fixed)"
        case .unknownFigure(let figure):
            return "unknown figure \"\(figure)\" (known: \(Figure.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .figureNotListed(let figure, let example):
            return "figure \(figure) is not among the figures of example \(example) (its manifest.json)"
        case .lineSelectorNeedsStdout(let figure): return "#TEXT selects a line of stdout, not of \(figure)"
        case .lineNotClaimed(let line, let example, let variant):
            return "\"\(line)\" is not an expect.\(variant).stdoutContains claim of example \(example), "
                + "so a run need not have that line"
        case .unknownSection(let id): return "no lesson for section \(id)"
        case .unknownRule(let name): return "no rule \"\(name)\""
        case .unknownExercise(let id): return "no workshop exercise \"\(id)\""
        case .typedMeasurement(let text):
            return "\"\(text)\" looks like a typed measurement; bind it to a run with {{run:…}} "
                + "(or write a workload size as a flag in `code`)"
        case .missingExampleFile(let path): return "no file \(path)"
        case .functionNotFound(let function, let file): return "\(file) declares no function \(function)"
        case .emptyOrMisshapen(let what): return what
        }
    }
}
