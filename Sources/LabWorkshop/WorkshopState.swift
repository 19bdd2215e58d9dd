import Foundation
import LabCommands
import LabText

/// A learner's progress, kept in the workshop folder (`.deferlab/workshop.json`) so the work
/// can continue later or elsewhere by copying the folder.
public struct WorkshopState: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    /// One exercise's progress.
    public struct Progress: Codable, Sendable, Equatable {
        public var passed = false
        /// How many hint steps were shown.
        public var hintsShown = 0
        /// When the exercise first passed (ISO 8601).
        public var passedAt: String?
        public init() {}
    }

    public var version = WorkshopState.currentVersion
    /// The language the folder was set up in (README and messages).
    public var language: String
    public var exercises: [String: Progress] = [:]

    public init(language: Language) { self.language = language.rawValue }

    public func progress(_ id: String) -> Progress { exercises[id] ?? Progress() }
    public var storedLanguage: Language? { Language(rawValue: language) }
}

/// Reads and writes the state file of one workshop folder.
public struct WorkshopFolder: Sendable {
    /// The workshop folder.
    public let root: URL
    public static let metaFolderName = ".deferlab"

    public init(root: URL) { self.root = root.standardizedFileURL }

    public var metaFolder: URL { root.appendingPathComponent(Self.metaFolderName, isDirectory: true) }
    public var stateFile: URL { metaFolder.appendingPathComponent("workshop.json") }
    public var backupFolder: URL { metaFolder.appendingPathComponent("backup", isDirectory: true) }

    /// True when `root` was set up by `workshop init`.
    public var isWorkshop: Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: metaFolder.path, isDirectory: &isDir) && isDir.boolValue
    }

    /// The folder of one exercise.
    public func folder(of id: String) -> URL { root.appendingPathComponent(id, isDirectory: true) }

    /// The `--dir` folder, else the current folder when it (or a parent, as for `git`) is a
    /// workshop.
    public static func locate(dir: String?, currentDirectory: URL) throws(WorkshopError) -> WorkshopFolder {
        if let dir {
            let folder = WorkshopFolder(root: URL(fileURLWithPath: dir, relativeTo: currentDirectory))
            guard folder.isWorkshop else { throw .notAWorkshop(folder.root.path) }
            return folder
        }
        var url = currentDirectory.standardizedFileURL
        while true {
            let folder = WorkshopFolder(root: url)
            if folder.isWorkshop { return folder }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        throw .notAWorkshop(currentDirectory.path)
    }

    /// The saved state; a missing file gives a fresh state, a damaged one a fresh state and a
    /// warning (never a crash, never a refusal to go on).
    public func loadState(defaultLanguage: Language) -> (state: WorkshopState, warning: String?) {
        guard FileManager.default.fileExists(atPath: stateFile.path) else {
            return (WorkshopState(language: defaultLanguage), nil)
        }
        if let data = FileManager.default.contents(atPath: stateFile.path),
           let state = try? JSONDecoder().decode(WorkshopState.self, from: data),
           state.version == WorkshopState.currentVersion, state.storedLanguage != nil {
            return (state, nil)
        }
        // Damaged or unreadable: keep a copy for the curious before a save replaces it.
        let copy = stateFile.appendingPathExtension("damaged")
        try? FileManager.default.removeItem(at: copy)
        try? FileManager.default.copyItem(at: stateFile, to: copy)
        return (WorkshopState(language: defaultLanguage), stateFile.path)
    }

    /// Writes the state atomically.
    public func save(_ state: WorkshopState) throws(WorkshopError) {
        do {
            try FileManager.default.createDirectory(at: metaFolder, withIntermediateDirectories: true)
            try AtomicWrite.write(Array(try JSONOutput.data(state)) + [0x0A], to: stateFile.path)
        } catch {
            throw .io("\(stateFile.path): \(describe(error))")
        }
    }
}
