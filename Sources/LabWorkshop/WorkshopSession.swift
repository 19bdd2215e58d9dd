import Foundation
import GoToolchain
import LabRunner
import LabText

/// What every `deferlab workshop …` command starts from: the exercise set, the workshop
/// folder, its state and the language to speak, decided one way for all of them.
public struct WorkshopSession {
    public var workshop: Workshop
    public var folder: WorkshopFolder
    public var state: WorkshopState
    /// A damaged state file was set aside: the warning to show (in the session's language).
    public var warning: String?

    /// Opens the workshop in `dir` (else the current folder or a parent). The language is
    /// `flag` when given, else the one the workshop stored, else `fallback` (the environment's).
    /// - Throws: the error and the language to report it in.
    public static func open(dir: String?, currentDirectory: URL, flag: Language?, fallback: Language,
                            out: @escaping (String) -> Void, err: @escaping (String) -> Void)
        throws(SessionError) -> WorkshopSession
    {
        let set = try loadSet(language: flag ?? fallback)
        let folder: WorkshopFolder
        do {
            folder = try WorkshopFolder.locate(dir: dir, currentDirectory: currentDirectory)
        } catch {
            throw SessionError(error: error, language: flag ?? fallback)
        }
        let (state, damaged) = folder.loadState(defaultLanguage: flag ?? fallback)
        let language = flag ?? (damaged == nil ? state.storedLanguage : nil) ?? fallback
        let workshop = Workshop(set: set, language: language, out: out, err: err)
        return WorkshopSession(workshop: workshop, folder: folder, state: state,
                               warning: damaged.map { WorkshopText(language)(.damagedState, $0) })
    }

    /// The exercise set of this project.
    public static func loadSet(language: Language) throws(SessionError) -> ExerciseSet {
        do {
            return try ExerciseSet.forCurrentProcess()
        } catch {
            throw SessionError(error: error, language: language)
        }
    }

    /// A checker on the Go toolchain `locator` finds; `interrupt` stops the program being
    /// checked (Ctrl-C).
    public static func checker(locator: GoLocator, interrupt: (@Sendable () -> Bool)?) throws(WorkshopError) -> ExerciseChecker {
        guard let go = try? locator.locate() else { throw .noGo }
        var runner = LabRunner.cachingBinaries(go: go)
        runner.interrupt = interrupt
        return ExerciseChecker(runner: runner)
    }
}

/// A workshop error with the language to say it in.
public struct SessionError: Error {
    public var error: WorkshopError
    public var language: Language

    /// The message, as the workshop says it.
    public var message: String {
        Workshop(set: ExerciseSet(exercises: [], problems: []), language: language, out: { _ in }).message(error)
    }
}
