import Foundation
import LabCommands
import LabRunner
import LabText

/// What the shell remembers between sessions, stored as JSON in the XDG state folder
/// (`$XDG_STATE_HOME/deferlab/state.json`, else `~/.local/state/deferlab/state.json`).
public struct ShellState: Codable, Sendable, Equatable {
    /// The format of the file; a different number is a damaged file.
    public var format = 1
    /// The section the learner was reading.
    public var section: String?
    /// The figures of the learner's measured runs, by `example/variant` (absent in files
    /// written before runs were kept).
    public var results: [String: SavedRun]?
    /// The workshop folder `exercise init` or `exercise dir` chose last.
    public var workshop: String?
    /// The learner's answers to the lessons' questions, by `section/block-key`.
    public var predictions: [String: SavedPrediction]?

    /// Creates a state.
    public init(section: String? = nil, results: [String: SavedRun]? = nil, workshop: String? = nil) {
        self.section = section
        self.results = results
        self.workshop = workshop
    }
}

/// An answered question: the choice taken and whether the run made it right.
public struct SavedPrediction: Codable, Sendable, Equatable {
    public var choice: String
    public var right: Bool
    public init(choice: String, right: Bool) {
        self.choice = choice
        self.right = right
    }
}

/// Where the state and history live, and reading and writing them without ever failing hard.
public struct StateStore: Sendable {
    /// The folder (`…/deferlab`).
    public var folder: URL

    /// Creates a store in `folder`.
    public init(folder: URL) { self.folder = folder }

    /// The XDG state folder for DeferLab: `$XDG_STATE_HOME/deferlab` when set to an absolute
    /// path, else `$HOME/.local/state/deferlab`.
    public static func folder(environment: [String: String]) -> URL { StatePaths.folder(environment: environment) }

    /// `state.json` in the folder.
    public var stateFile: URL { folder.appendingPathComponent("state.json") }
    /// `history` in the folder (libedit's format).
    public var historyFile: URL { folder.appendingPathComponent("history") }

    /// Why a state file could not be used.
    public enum LoadProblem: Error, Sendable, Equatable {
        /// The file exists but is not a state file we understand (`reason` says why).
        case damaged(reason: String)
    }

    /// The saved state; a fresh one when there is no file; a problem when the file is
    /// unreadable or damaged (the caller warns and starts fresh).
    public func load() -> Result<ShellState, LoadProblem> {
        guard FileManager.default.fileExists(atPath: stateFile.path) else { return .success(ShellState()) }
        guard let data = FileManager.default.contents(atPath: stateFile.path) else {
            return .failure(.damaged(reason: "unreadable"))
        }
        do {
            let state = try JSONDecoder().decode(ShellState.self, from: data)
            guard state.format == 1 else { return .failure(.damaged(reason: "format \(state.format)")) }
            return .success(state)
        } catch {
            return .failure(.damaged(reason: "not a state file"))
        }
    }

    /// Writes `state` atomically, creating the folder; throws the system's reason.
    public func save(_ state: ShellState) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONOutput.data(state).write(to: stateFile, options: .atomic)
    }
}

extension StateStore {
    /// Adds measured example runs to the saved results, so the lessons show them (what
    /// `deferlab run` leaves for `deferlab lesson` and the shell). A damaged state file is
    /// left as it is; a file that cannot be written is not an error of the run.
    public func record(_ runs: [RunMeasurement]) {
        guard case .success(var state) = load() else { return }
        var results = RunResults(saved: state.results ?? [:])
        for run in runs { results.record(run) }
        guard !results.saved.isEmpty, results.saved != (state.results ?? [:]) else { return }
        state.results = results.saved
        try? save(state)
    }
}
