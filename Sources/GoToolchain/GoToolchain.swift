import Foundation

/// A working Go toolchain, found by ``GoLocator``, and the one way to run the go command.
///
/// Every go command runs with settings pinned so that results never depend on the user's
/// configuration or the network: see ``pinnedEnvironment``.
public struct GoToolchain: Sendable, Hashable {
    /// Settings every go command runs with:
    /// - `GOTOOLCHAIN=local`: never download or switch to another toolchain;
    /// - `GOWORK=off`: ignore any go.work above the sandbox;
    /// - `GOPROXY=off`: no network for modules;
    /// - `GOTELEMETRY=off`: no telemetry;
    /// - `GOENV=off`: ignore the user's `go env -w` file, which could otherwise bring back
    ///   GOFLAGS (an empty GOFLAGS variable falls back to that file).
    ///
    /// `GOFLAGS`, `GOEXPERIMENT` and `GODEBUG` are removed from the environment: each would
    /// change how programs build or behave (`GOEXPERIMENT=loopvar` gives a go 1.21 module the
    /// 1.22 loop semantics), so measurements would depend on the caller's shell.
    public static let pinnedEnvironment: [String: String] = [
        "GOTOOLCHAIN": "local",
        "GOWORK": "off",
        "GOPROXY": "off",
        "GOTELEMETRY": "off",
        "GOENV": "off",
    ]

    /// Variables removed from the environment of every go command.
    public static let removedVariables: Set<String> = ["GOFLAGS", "GOEXPERIMENT", "GODEBUG"]

    /// The timeout ``run(arguments:in:environment:timeout:openFileLimit:standardInput:)`` uses
    /// unless told otherwise.
    public static let defaultTimeout: Duration = .seconds(300)

    /// The `go` binary.
    public let executable: URL
    /// The version it reported.
    public let version: GoVersion
    /// Its GOROOT, as `go env GOROOT` reported it.
    public let goroot: URL
    /// Where discovery found it.
    public let source: GoCandidate.Source
    /// Candidates tried before this one, and why each was passed over.
    public let skipped: [GoCandidateNote]
    /// The environment go commands start from, before the pinned settings are applied.
    public var environment: [String: String]
    /// Runs the go commands.
    public var runner: ProcessRunner

    /// Creates a toolchain from known facts (discovery normally does this).
    public init(
        executable: URL,
        version: GoVersion,
        goroot: URL,
        source: GoCandidate.Source,
        skipped: [GoCandidateNote] = [],
        environment: [String: String],
        runner: ProcessRunner = ProcessRunner()
    ) {
        self.executable = executable
        self.version = version
        self.goroot = goroot
        self.source = source
        self.skipped = skipped
        self.environment = environment
        self.runner = runner
    }

    /// `GOROOT/bin/gofmt`.
    public var gofmt: URL { goroot.appendingPathComponent("bin").appendingPathComponent("gofmt") }

    /// The environment of a go command: `base` without ``removedVariables``, then
    /// ``pinnedEnvironment``, then `extra` (the caller's explicit wishes win).
    public static func commandEnvironment(
        base: [String: String], extra: [String: String] = [:]
    ) -> [String: String] {
        var result = base.filter { !removedVariables.contains($0.key) }
        result.merge(pinnedEnvironment) { _, pinned in pinned }
        result.merge(extra) { _, wanted in wanted }
        return result
    }

    /// The request that runs `go arguments…` in `workingDirectory`, in its own process group,
    /// with output captured; adjust it before starting if needed.
    public func request(
        arguments: [String],
        in workingDirectory: URL,
        environment extra: [String: String] = [:],
        timeout: Duration? = GoToolchain.defaultTimeout,
        openFileLimit: Int? = nil,
        standardInput: StandardInput = .nullDevice
    ) -> ProcessRequest {
        ProcessRequest(
            executable: executable.path,
            arguments: arguments,
            workingDirectory: workingDirectory,
            environment: Self.commandEnvironment(base: environment, extra: extra),
            timeout: timeout,
            openFileLimit: openFileLimit,
            standardInput: standardInput,
            processGroup: .own
        )
    }

    /// Runs `go arguments…` in `workingDirectory` to completion, blocking the calling thread.
    /// A timeout kills the go command and everything it started.
    /// - Throws: ``ProcessRunnerError`` when the command cannot be started.
    public func run(
        arguments: [String],
        in workingDirectory: URL,
        environment extra: [String: String] = [:],
        timeout: Duration? = GoToolchain.defaultTimeout,
        openFileLimit: Int? = nil,
        standardInput: StandardInput = .nullDevice
    ) throws -> ProcessResult {
        try runner.run(request(arguments: arguments, in: workingDirectory, environment: extra,
                               timeout: timeout, openFileLimit: openFileLimit,
                               standardInput: standardInput))
    }

    /// Runs `go arguments…` without blocking a concurrency thread; cancelling the task kills
    /// the go command and everything it started.
    /// - Throws: ``ProcessRunnerError`` when the command cannot be started.
    public func run(
        arguments: [String],
        in workingDirectory: URL,
        environment extra: [String: String] = [:],
        timeout: Duration? = GoToolchain.defaultTimeout,
        openFileLimit: Int? = nil,
        standardInput: StandardInput = .nullDevice
    ) async throws -> ProcessResult {
        try await runner.run(request(arguments: arguments, in: workingDirectory, environment: extra,
                                     timeout: timeout, openFileLimit: openFileLimit,
                                     standardInput: standardInput))
    }

    /// Starts `go arguments…` and returns a handle at once, e.g. so a Ctrl-C handler can call
    /// ``RunningProcess/terminate()``.
    /// - Throws: ``ProcessRunnerError`` when the command cannot be started.
    public func start(
        arguments: [String],
        in workingDirectory: URL,
        environment extra: [String: String] = [:],
        timeout: Duration? = GoToolchain.defaultTimeout,
        openFileLimit: Int? = nil,
        standardInput: StandardInput = .nullDevice
    ) throws -> RunningProcess {
        try runner.start(request(arguments: arguments, in: workingDirectory, environment: extra,
                                 timeout: timeout, openFileLimit: openFileLimit,
                                 standardInput: standardInput))
    }
}
