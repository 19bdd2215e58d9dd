import Foundation
import GoToolchain
import LabText
import LabContent

/// Every lesson section under `Lessons/`, loaded and validated against the example catalog,
/// sorted by section number.
///
/// Loading never stops at a broken section: each file that does not decode or validate
/// becomes one or more ``LessonProblem`` values in ``problems`` and its section is left out
/// of ``sections``. Only a missing or unlistable Lessons folder is thrown (``LessonError``).
public struct LessonBook: Sendable {
    /// Where the lessons live, relative to a DeferLab project folder.
    public static let lessonsRelativePath = "Lessons"

    /// The `Lessons` folder the book was loaded from.
    public let folder: URL
    /// Every valid section, sorted by section number (2.5 before 10.1).
    public let sections: [LessonSection]
    /// What is wrong with the sections that did not load, sorted by path, in file order.
    public let problems: [LessonProblem]

    /// Creates a book from loaded parts (``load(lessonsFolder:examples:ruleNames:exerciseIDs:)`` normally
    /// does this).
    public init(folder: URL, sections: [LessonSection], problems: [LessonProblem]) {
        self.folder = folder
        self.sections = sections
        self.problems = problems
    }

    /// The section with this id (`"2.4"`), if it loaded.
    public func section(id: String) -> LessonSection? { sections.first { $0.id == id } }

    /// The section after (`offset` 1) or before (-1) the one with `id`, if any.
    public func section(after id: String, offset: Int = 1) -> LessonSection? {
        guard let index = sections.firstIndex(where: { $0.id == id }) else { return nil }
        let target = index + offset
        return sections.indices.contains(target) ? sections[target] : nil
    }

    // MARK: - Finding the Lessons folder

    /// Finds the `Lessons` folder the same way the example catalog finds `Content`
    /// (``ProjectLocator``: `DEFERLAB_HOME`, then up from the executable, then up from the
    /// current folder).
    /// - Throws: ``LessonError/notFound(home:searchedFrom:)`` naming every place searched.
    public static func locateLessons(
        environment: [String: String], executableURL: URL?, currentDirectory: URL
    ) throws(LessonError) -> URL {
        try locateLessons(with: ProjectLocator(
            environment: environment, executableURL: executableURL, currentDirectory: currentDirectory))
    }

    /// Finds and loads the lessons for this process, validated against `examples`.
    /// - Throws: ``LessonError`` when no lessons are found or the folder cannot be listed.
    public static func forCurrentProcess(examples: ExampleCatalog, ruleNames: Set<String>? = nil, exerciseIDs: Set<String>? = nil)
        throws(LessonError) -> LessonBook
    {
        try load(with: .forCurrentProcess(), examples: examples, ruleNames: ruleNames, exerciseIDs: exerciseIDs)
    }

    /// Finds the lessons with `locator` and loads them, validated against `examples`.
    public static func load(with locator: ProjectLocator, examples: ExampleCatalog, ruleNames: Set<String>? = nil, exerciseIDs: Set<String>? = nil)
        throws(LessonError) -> LessonBook
    {
        try load(lessonsFolder: locateLessons(with: locator), examples: examples, ruleNames: ruleNames, exerciseIDs: exerciseIDs)
    }

    private static func locateLessons(with locator: ProjectLocator) throws(LessonError) -> URL {
        guard let project = locator.projectFolder(holding: lessonsRelativePath) else {
            throw .notFound(home: locator.home, searchedFrom: locator.starts)
        }
        return project.appendingPathComponent(lessonsRelativePath, isDirectory: true)
    }

    // MARK: - Loading

    /// Loads every `*.json` file in `lessonsFolder` (other files, such as README.md, and
    /// hidden files are ignored) and validates each section against `examples` and, when
    /// given, the fixer's `ruleNames` and the workshop's `exerciseIDs`.
    /// - Throws: ``LessonError`` when the folder is missing or cannot be listed.
    public static func load(lessonsFolder: URL, examples: ExampleCatalog, ruleNames: Set<String>? = nil, exerciseIDs: Set<String>? = nil)
        throws(LessonError) -> LessonBook
    {
        let names: [String]
        switch ContentFiles.list(lessonsFolder.path) {
        case .success(let list): names = list
        case .failure(let failure) where failure.code == ENOENT:
            throw .notFound(home: nil, searchedFrom: [lessonsFolder.deletingLastPathComponent()])
        case .failure(let failure): throw .unreadable(path: lessonsFolder.path, reason: failure.reason)
        }

        var decoded: [LessonSection] = []
        var problems: [LessonProblem] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let file = lessonsFolder.appendingPathComponent(name)
            switch decode(file) {
            case .success(let section): decoded.append(section)
            case .failure(let failure): problems.append(failure.problem)
            }
        }

        // Duplicate sections: the first file (by name) keeps the id, the others are problems.
        var owners: [String: String] = [:]
        var unique: [LessonSection] = []
        for section in decoded {
            if let other = owners[section.id] {
                problems.append(LessonProblem(path: section.file.path, location: "section",
                                              kind: .duplicateSection(section.id, otherFile: other)))
            } else {
                owners[section.id] = section.file.lastPathComponent
                unique.append(section)
            }
        }

        // A file that did not decode still names its section in its file name, so references
        // to it from other sections are not reported as well (one problem, not a cascade).
        let namedInFiles = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .compactMap { $0.split(separator: "-", maxSplits: 1).first.map(String.init) }
        let validator = LessonValidator(examples: examples, sectionIDs: Set(owners.keys).union(namedInFiles),
                                        ruleNames: ruleNames, exerciseIDs: exerciseIDs)
        var sections: [LessonSection] = []
        for section in unique {
            let found = validator.check(section)
            if found.isEmpty { sections.append(section) } else { problems += found }
        }
        sections.sort { ExampleCatalog.compareSections($0.id, $1.id) == .orderedAscending }
        // By path; the problems of one file stay in the order they were found.
        problems = problems.enumerated().sorted { a, b in
            a.element.path != b.element.path ? a.element.path < b.element.path : a.offset < b.offset
        }.map(\.element)
        return LessonBook(folder: lessonsFolder, sections: sections, problems: problems)
    }

    /// One file decoded into a section, or the reason it cannot be.
    static func decode(_ file: URL) -> Result<LessonSection, DecodeFailure> {
        let data: Data
        switch ContentFiles.contents(file.path) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            return .failure(DecodeFailure(problem: LessonProblem(path: file.path, location: "", kind: .unreadableFile(reason: failure.reason))))
        }
        do {
            let lesson = try JSONDecoder().decode(LessonFile.self, from: data)
            return .success(LessonSection(id: lesson.section, slug: lesson.slug, title: lesson.title,
                                          blocks: lesson.blocks, file: file))
        } catch let error as DecodingError {
            return .failure(DecodeFailure(problem: LessonProblem(path: file.path, location: "", kind: .invalidFile(reason: error.describe(in: data)))))
        } catch {
            return .failure(DecodeFailure(problem: LessonProblem(path: file.path, location: "", kind: .invalidFile(reason: "\(error)"))))
        }
    }
}

/// A file that did not decode, as an `Error` for `Result`.
struct DecodeFailure: Error {
    var problem: LessonProblem
}
