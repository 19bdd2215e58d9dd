import Foundation

/// Finds the DeferLab project folder that holds something (`Content/examples`, `Lessons`, the
/// project-local Go), the same way for every kind of content and for the toolchain, so the
/// example catalog, the lessons and the Go locator never disagree about where a copied or
/// installed binary looks.
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
        folders { folder in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(relativePath).path, isDirectory: &isDir)
                && isDir.boolValue
        }.first
    }

    /// Every candidate folder that passes `holds`, in order: `DEFERLAB_HOME` (when it holds),
    /// then, for each start, the nearest folder at or above it; duplicates removed.
    public func folders(where holds: (URL) -> Bool) -> [URL] {
        var out: [URL] = []
        if let home, holds(home) { out.append(home.standardizedFileURL) }
        for start in starts {
            var folder = start
            while true {
                if holds(folder) {
                    out.append(folder)
                    break
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
