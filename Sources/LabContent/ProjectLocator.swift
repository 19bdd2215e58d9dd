import Foundation

/// Finds the DeferLab project folder that holds a given data folder (`Content/examples`,
/// `Lessons`, …), the same way for every kind of content, so the example catalog and the
/// lessons can never disagree about where a copied or installed binary looks.
///
/// The order, first match wins:
/// 1. `DEFERLAB_HOME`, when set and non-empty and it holds the folder;
/// 2. walking up from the executable's folder (symlinks resolved) — a binary in
///    `.build/debug` finds the checkout's data;
/// 3. walking up from the current folder the same way.
public struct ProjectLocator: Sendable {
    /// `DEFERLAB_HOME` when it was set and non-empty (whether or not it held the folder).
    public let home: URL?
    /// The folders walked up from, in order: the executable's folder, then the current folder.
    public let starts: [URL]

    /// Prepares a search from an environment, an executable and a current folder.
    public init(environment: [String: String], executableURL: URL?, currentDirectory: URL) {
        home = environment["DEFERLAB_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        starts = [executableURL?.resolvingSymlinksInPath().deletingLastPathComponent(), currentDirectory]
            .compactMap { $0?.standardizedFileURL }
    }

    /// The search for this process: its environment, `/proc/self/exe` and current folder.
    public static func forCurrentProcess() -> ProjectLocator {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .map { URL(fileURLWithPath: $0) }
        return ProjectLocator(
            environment: ProcessInfo.processInfo.environment,
            executableURL: executable,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        )
    }

    /// The first project folder (not the data folder itself) in which `relativePath` is a
    /// directory, or nil when there is none.
    public func projectFolder(holding relativePath: String) -> URL? {
        func holds(_ folder: URL) -> Bool {
            ContentFiles.isDirectory(folder.appendingPathComponent(relativePath).path)
        }
        if let home, holds(home) { return home.standardizedFileURL }
        for start in starts {
            var folder = start
            while true {
                if holds(folder) { return folder }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
