import Foundation
import GoToolchain

/// One loaded, validated example: its manifest and where its programs are.
public struct Example: Sendable, Hashable {
    /// The decoded manifest.
    public var manifest: ExampleManifest
    /// The example's folder (`Content/examples/<id>`).
    public var folder: URL

    /// Creates an example.
    public init(manifest: ExampleManifest, folder: URL) {
        self.manifest = manifest
        self.folder = folder
    }

    /// The example's id.
    public var id: String { manifest.id }

    /// The folder of one variant's program (`bad/` or `fixed/`), its own Go module.
    public func folder(for variant: Variant) -> URL {
        folder.appendingPathComponent(variant.rawValue, isDirectory: true)
    }
}

/// The runnable examples under `Content/examples`, sorted by article section, then id.
///
/// Loading never stops at a broken example: each one that does not validate becomes a
/// ``ContentProblem`` in ``problems`` and is left out of ``examples``. Only a missing or
/// unlistable examples folder is thrown (``ContentError``).
public struct ExampleCatalog: Sendable {
    /// Where the examples live, relative to a DeferLab project folder.
    public static let examplesRelativePath = "Content/examples"

    /// The `Content` folder the catalog was loaded from.
    public let contentFolder: URL
    /// Every valid example, sorted by section (numerically: 2.5 before 10.1), then id.
    public let examples: [Example]
    /// What is wrong with the examples that did not load, sorted by path.
    public let problems: [ContentProblem]

    /// Creates a catalog from loaded parts (``load(contentFolder:)`` normally does this).
    public init(contentFolder: URL, examples: [Example], problems: [ContentProblem]) {
        self.contentFolder = contentFolder
        self.examples = examples
        self.problems = problems
    }

    /// `Content/examples`.
    public var examplesFolder: URL { contentFolder.appendingPathComponent("examples", isDirectory: true) }

    /// The example with this id, if it loaded.
    public func example(id: String) -> Example? { examples.first { $0.id == id } }

    // MARK: - Finding the Content folder

    /// Finds the `Content` folder. The order, first match wins:
    /// 1. `DEFERLAB_HOME/Content`, when `DEFERLAB_HOME` is set and non-empty;
    /// 2. walking up from the executable's folder (symlinks resolved) to the first folder
    ///    holding `Content/examples` — a binary in `.build/debug` finds the checkout's content;
    /// 3. walking up from `currentDirectory` the same way.
    ///
    /// A `DEFERLAB_HOME` without content does not stop the search, but the error names it.
    /// - Throws: ``ContentError/notFound(home:searchedFrom:)`` naming every place searched,
    ///   e.g. for an installed copy of the binary without its content.
    public static func locateContent(
        environment: [String: String], executableURL: URL?, currentDirectory: URL
    ) throws(ContentError) -> URL {
        try locateContent(with: ProjectLocator(
            environment: environment, executableURL: executableURL, currentDirectory: currentDirectory))
    }

    /// Finds the `Content` folder for this process (its environment, `/proc/self/exe` and
    /// current folder; see ``locateContent(environment:executableURL:currentDirectory:)``)
    /// and loads it.
    /// - Throws: ``ContentError`` when no content is found or the examples cannot be listed.
    public static func forCurrentProcess() throws(ContentError) -> ExampleCatalog {
        try load(with: .forCurrentProcess())
    }

    /// Finds the content with `locator` and loads it.
    public static func load(with locator: ProjectLocator) throws(ContentError) -> ExampleCatalog {
        try load(contentFolder: locateContent(with: locator))
    }

    /// The `Content` folder of the first project found by `locator` that holds
    /// `Content/examples`.
    private static func locateContent(with locator: ProjectLocator) throws(ContentError) -> URL {
        guard let project = locator.projectFolder(holding: examplesRelativePath) else {
            throw .notFound(home: locator.home, searchedFrom: locator.starts)
        }
        return project.appendingPathComponent("Content", isDirectory: true)
    }

    // MARK: - Loading

    /// Loads and validates every example folder in `contentFolder/examples` (hidden entries
    /// and plain files are ignored).
    /// - Throws: ``ContentError`` when the examples folder is missing or cannot be listed.
    public static func load(contentFolder: URL) throws(ContentError) -> ExampleCatalog {
        let examplesFolder = contentFolder.appendingPathComponent("examples", isDirectory: true)
        let names: [String]
        switch ContentFiles.list(examplesFolder.path) {
        case .success(let list): names = list
        case .failure(let failure) where failure.code == ENOENT:
            throw .notFound(home: nil, searchedFrom: [contentFolder.deletingLastPathComponent()])
        case .failure(let failure): throw .unreadable(path: examplesFolder.path, reason: failure.reason)
        }
        var examples: [Example] = []
        var problems: [ContentProblem] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = examplesFolder.appendingPathComponent(name, isDirectory: true)
            guard ContentFiles.isDirectory(folder.path) else { continue }
            switch ExampleValidator.load(folder: folder) {
            case .success(let example): examples.append(example)
            case .failure(let found): problems += found.problems
            }
        }
        examples.sort { a, b in
            let order = compareSections(a.manifest.section, b.manifest.section)
            return order != .orderedSame ? order == .orderedAscending : a.id < b.id
        }
        problems.sort { $0.path < $1.path }
        return ExampleCatalog(contentFolder: contentFolder, examples: examples, problems: problems)
    }

    /// Orders article sections by their dot-separated numbers (`2.5` < `3.1` < `10.1`);
    /// parts that are not numbers compare as text.
    public static func compareSections(_ a: String, _ b: String) -> ComparisonResult {
        let left = a.split(separator: ".", omittingEmptySubsequences: false)
        let right = b.split(separator: ".", omittingEmptySubsequences: false)
        for (x, y) in zip(left, right) where x != y {
            if let m = Int(x), let n = Int(y) { return m < n ? .orderedAscending : .orderedDescending }
            return x < y ? .orderedAscending : .orderedDescending
        }
        if left.count == right.count { return .orderedSame }
        return left.count < right.count ? .orderedAscending : .orderedDescending
    }
}
