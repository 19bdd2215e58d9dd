import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LabCommands
import LabRunner
import LabText

/// The workshop commands over one exercise set, shared by `deferlab workshop …` and the
/// learning shell's `exercise …`. Output goes through `out` (a line at a time); results are
/// exit statuses (0 ok, 1 failed checks or refused, 2 errors). The commands live in
/// extensions by what they do: setting up and restoring files (WorkshopFiles.swift),
/// listing and hints (WorkshopProgress.swift), checking (WorkshopChecks.swift).
public struct Workshop {
    public var set: ExerciseSet
    public var text: WorkshopText
    /// Where the learner's output goes, a line at a time.
    public var out: (String) -> Void
    /// Where diagnostics of ours go when standard output must stay machine-readable (--json).
    public var err: (String) -> Void
    /// The clock for stamps (passes, backups); tests set their own.
    public var now: () -> Date

    public init(set: ExerciseSet, language: Language, out: @escaping (String) -> Void,
                err: ((String) -> Void)? = nil, now: @escaping () -> Date = { Date() }) {
        self.set = set
        self.text = WorkshopText(language)
        self.out = out
        self.err = err ?? out
        self.now = now
    }

    /// A stamp for backup folders and pass times.
    func stamp() -> String { ISO8601DateFormatter().string(from: now()) }

    public func exercise(_ id: String) throws(WorkshopError) -> Exercise {
        guard let e = set.exercise(id) else { throw .unknownExercise(id) }
        return e
    }

    /// The message for an error, in the workshop's language.
    public func message(_ error: WorkshopError) -> String {
        switch error {
        case .contentMissing: return text(.contentMissing)
        case .notAWorkshop(let path): return text(.notAWorkshop, path)
        case .notEmpty(let path): return text(.notEmpty, path)
        case .unknownExercise(let id): return text(.unknownExercise, id)
        case .io(let what): return what
        case .noGo: return Catalog(text.language).text(.goNotFound)
        }
    }
}

