import Foundation
import GoToolchain
import LabCommands
import LabContent
import LabText

/// One measured condition a fixed program must meet, e.g. "peakOpenFiles at most 2".
public struct ExerciseLimit: Sendable, Decodable, Hashable {
    /// A figure of the measuring runner (`peakOpenFiles`, `peakPendingDefers`, `peakGoroutines`,
    /// `goroutinesAtExit`) or one the harness printed itself (`figure: name=N`, `db.Stats:`).
    public var figure: String
    public var max: Int?
    public var min: Int?
    /// Why the limit matters, shown when it fails.
    public var why: Bilingual<String>

    /// True when `value` is within the limit.
    public func holds(_ value: Int) -> Bool {
        (max.map { value <= $0 } ?? true) && (min.map { value >= $0 } ?? true)
    }
}

/// A workshop exercise as shipped in `Content/exercises/<id>/`: `exercise.json`, the harness
/// (ours: reads `-seed`, builds the input, calls the learner's code, prints results), the
/// starting code the learner edits and the reference solution.
public struct Exercise: Sendable, Hashable, Decodable {
    public var id: String
    /// Position in the set (1 first).
    public var order: Int
    /// The article section it practises.
    public var section: String
    /// The module's go line; the check builds with it whatever the learner's go.mod says.
    public var go: String
    /// The files the learner edits (in `start/` and `solution/`).
    public var files: [String]
    /// Fix-engine rules that report the bug.
    public var rules: [String]
    /// True when `deferlab fix -w` on the starting code passes the check.
    public var fixEngine: Bool
    public var timeoutSeconds: Int
    /// The open-file limit (RLIMIT_NOFILE) every run of the check gets, as `run --nofile N`:
    /// for exercises whose leak shows only when descriptors run out. Nil: the inherited limit.
    public var nofile: Int?
    /// The exit code of a correct program.
    public var exitCode: Int32
    public var limits: [ExerciseLimit]
    public var title: Bilingual<String>
    /// Paragraphs of the README.
    public var task: Bilingual<[String]>
    /// Hints, gentle first.
    public var hints: Bilingual<[String]>
    /// The exercise's folder in Content (set when loaded).
    public var folder: URL = URL(fileURLWithPath: "/")

    enum CodingKeys: String, CodingKey {
        case id, order, section, go, files, rules, fixEngine, timeoutSeconds, nofile, exitCode, limits, title, task, hints
    }

    public var harnessFolder: URL { folder.appendingPathComponent("harness", isDirectory: true) }
    public var startFolder: URL { folder.appendingPathComponent("start", isDirectory: true) }
    public var solutionFolder: URL { folder.appendingPathComponent("solution", isDirectory: true) }

    /// The harness's `.go` files (names), sorted.
    public func harnessFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: harnessFolder.path)) ?? [])
            .filter { $0.hasSuffix(".go") }.sorted()
    }

    /// The go.mod a workshop folder and every check use.
    public var goMod: String { "module workshop/\(id)\n\ngo \(go)\n" }
}

/// Everything wrong with the shipped exercises, as values with paths.
public struct ExerciseProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// The exercises in `Content/exercises`, in order.
public struct ExerciseSet: Sendable {
    public static let relativePath = "Content/exercises"
    public var exercises: [Exercise]
    /// Problems found while loading (an exercise with a problem is still listed when it decoded).
    public var problems: [ExerciseProblem]

    public init(exercises: [Exercise], problems: [ExerciseProblem]) {
        self.exercises = exercises
        self.problems = problems
    }

    public func exercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }

    /// Finds `Content/exercises` like the example catalog finds its content.
    public static func forCurrentProcess() throws(WorkshopError) -> ExerciseSet {
        try load(with: .forCurrentProcess())
    }

    /// Finds the exercises with `locator` and loads them.
    public static func load(with locator: ProjectLocator) throws(WorkshopError) -> ExerciseSet {
        guard let project = locator.projectFolder(holding: relativePath) else {
            throw .contentMissing(locator.home?.path)
        }
        return load(folder: project.appendingPathComponent(relativePath, isDirectory: true))
    }

    /// Loads and validates every exercise folder in `folder`.
    public static func load(folder: URL) -> ExerciseSet {
        let fm = FileManager.default
        var exercises: [Exercise] = []
        var problems: [ExerciseProblem] = []
        let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let dir = folder.appendingPathComponent(name, isDirectory: true)
            guard ContentFiles.isDirectory(dir.path) else { continue }
            let manifest = dir.appendingPathComponent("exercise.json")
            do {
                var exercise = try JSONDecoder().decode(Exercise.self, from: Data(contentsOf: manifest))
                exercise.folder = dir
                problems += validate(exercise, folderName: name)
                exercises.append(exercise)
            } catch {
                problems.append(ExerciseProblem(path: manifest.path, message: "cannot load: \(error)"))
            }
        }
        var seen = Set<String>()
        for e in exercises where !seen.insert(e.id).inserted {
            problems.append(ExerciseProblem(path: e.folder.path, message: "duplicate id \(e.id)"))
        }
        if exercises.isEmpty {
            problems.append(ExerciseProblem(path: folder.path, message: "no exercises"))
        }
        return ExerciseSet(exercises: exercises.sorted { ($0.order, $0.id) < ($1.order, $1.id) }, problems: problems)
    }

    static func validate(_ e: Exercise, folderName: String) -> [ExerciseProblem] {
        var out: [ExerciseProblem] = []
        func problem(_ message: String) { out.append(ExerciseProblem(path: e.folder.path, message: message)) }
        if e.id != folderName { problem("id \(e.id) differs from the folder name") }
        if !e.go.hasPrefix("1.") || !e.go.split(separator: ".").allSatisfy({ Int($0) != nil }) { problem("go line \(e.go) is not a Go version") }
        if e.files.isEmpty { problem("no learner files") }
        for file in e.files where file.contains("/") || !file.hasSuffix(".go") { problem("learner file \(file) must be a .go file name") }
        for (variant, dir) in [("start", e.startFolder), ("solution", e.solutionFolder)] {
            for file in e.files where !FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path) {
                problem("\(variant)/\(file) is missing")
            }
        }
        if e.harnessFiles().isEmpty { problem("harness/ has no .go files") }
        for file in e.harnessFiles() where e.files.contains(file) { problem("\(file) is both harness and learner file") }
        for (key, text) in [("title", [e.title.zh, e.title.en])] where text.contains(where: { $0.isEmpty }) {
            problem("\(key) is empty in one language")
        }
        if e.task.zh.isEmpty || e.task.en.isEmpty || e.task.zh.count != e.task.en.count {
            problem("task paragraphs differ between zh (\(e.task.zh.count)) and en (\(e.task.en.count))")
        }
        if e.hints.zh.isEmpty || e.hints.zh.count != e.hints.en.count {
            problem("hints differ between zh (\(e.hints.zh.count)) and en (\(e.hints.en.count))")
        }
        if (e.task.zh + e.task.en + e.hints.zh + e.hints.en).contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            problem("an empty paragraph or hint")
        }
        for limit in e.limits {
            if limit.max == nil && limit.min == nil { problem("limit on \(limit.figure) has neither max nor min") }
            if limit.why.zh.isEmpty || limit.why.en.isEmpty { problem("limit on \(limit.figure) lacks its reason in one language") }
        }
        if e.limits.isEmpty { problem("no measured limits: a check would compare output only") }
        if !(1...120).contains(e.timeoutSeconds) { problem("timeoutSeconds must be 1…120") }
        if let n = e.nofile, !(16...65536).contains(n) { problem("nofile must be 16…65536 (the Go runtime and the probe need a few descriptors)") }
        return out
    }
}

/// Why a workshop command could not do its work.
public enum WorkshopError: Error, Sendable, Equatable {
    case contentMissing(String?)
    case notAWorkshop(String)
    case notEmpty(String)
    case unknownExercise(String)
    case io(String)
    case noGo
}
