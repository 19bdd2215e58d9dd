import Foundation
import Synchronization
import GoToolchain
import LabContent

/// How to run a program once it is built.
public struct RunOptions: Sendable, Hashable {
    /// Arguments passed to the program.
    public var arguments: [String]
    /// Wall-clock limit for the program (not the build); on expiry its process group is killed.
    public var timeout: Duration
    /// RLIMIT_NOFILE for the program, soft and hard (Go ≥ 1.19 raises the soft limit to the hard
    /// one at start, so only lowering both shows an effect).
    public var openFileLimit: Int?
    /// Wall-clock limit for `go build`.
    public var buildTimeout: Duration
    /// The module's `go` line for the build (`1.21`, `1.22`…): loop-variable semantics and
    /// other language changes follow it. nil keeps the program's own go.mod (or, without one,
    /// the toolchain's version).
    public var goVersion: String? = nil
    /// Take heap allocations and wall time from a second run without the counting
    /// instrumentation (its extra defers change how the compiler implements defers, and its
    /// open wrapper costs time); the counts come from the first run.
    public var separateAllocationRun = true

    /// Creates options.
    public init(arguments: [String] = [], timeout: Duration = .seconds(60), openFileLimit: Int? = nil,
                buildTimeout: Duration = GoToolchain.defaultTimeout) {
        self.arguments = arguments
        self.timeout = timeout
        self.openFileLimit = openFileLimit
        self.buildTimeout = buildTimeout
    }
}

/// Builds a Go program with the probe in a private workspace, runs the binary and measures it.
///
/// What must stay true: the workspace (sources, binary, the build's and the program's temp
/// files) is removed before `run` returns, whatever happened; the user's folder is only read;
/// the program runs as the built binary in its own process group, so the timeout kills the
/// program and everything it started, not a `go run` wrapper.
public struct LabRunner: Sendable {
    /// The descriptor number the probe's pipe has in the program.
    public static let probeDescriptor: Int32 = 3
    /// How long to keep reading the probe after the program ended (see ``ProbePipe``).
    public static let probeGrace: Duration = .seconds(2)

    /// The Go toolchain that builds the programs.
    public var go: GoToolchain
    /// Where workspaces are made.
    public var temporaryFolder: URL
    /// Asked while a program runs (every 50 ms): true stops the program and everything it
    /// started. The learning shell answers from its SIGINT flag, so Ctrl-C stops the example,
    /// not the shell (the program is in its own process group and never sees the signal).
    public var interrupt: (@Sendable () -> Bool)?
    /// Where built programs are kept by content (nil: every run builds).
    public var binaryCache: BinaryCache?
    /// Builds this runner made for ``prebuild(_:options:)``, by cache entry, with how long
    /// they took: the run that uses one reports it as built, not as cached.
    let prebuilt = PrebuiltLog()

    /// The runner of the commands, the shell and the workshop: built programs are kept in the
    /// user's cache folder (``BinaryCache/standard(environment:)``).
    public static func cachingBinaries(go: GoToolchain) -> LabRunner {
        var runner = LabRunner(go: go)
        runner.binaryCache = BinaryCache.standard(environment: go.environment)
        return runner
    }

    /// Creates a runner; workspaces go to `temporaryFolder` (default: the system's, `TMPDIR`).
    public init(go: GoToolchain, temporaryFolder: URL = FileManager.default.temporaryDirectory) {
        self.go = go
        self.temporaryFolder = temporaryFolder
    }

    /// Runs one variant of an example with `options` (the caller chooses the manifest's `args`
    /// and timeout or its own).
    public func run(example: Example, variant: Variant, options: RunOptions) -> RunMeasurement {
        run(.directory(example.folder(for: variant)), id: example.id, variant: variant.rawValue,
            options: options)
    }

    /// Builds and measures `program`, reported under `id` and `variant`: counts (open files,
    /// pending defers, goroutines) from an instrumented run, then heap allocations and wall
    /// time from a run of the program as written (probe only), unless that is switched off,
    /// the first run failed or timed out, or the learner interrupted it.
    public func run(_ program: ProgramSource, id: String, variant: String?, options: RunOptions)
        -> RunMeasurement {
        var counted = build(program, id: id, variant: variant, options: options, counting: true)
        counted.runsMillis = counted.wallMillis
        guard options.separateAllocationRun, counted.failure == nil, !counted.timedOut,
              interrupt?() != true else { return counted }
        let plain = build(program, id: id, variant: variant, options: options, counting: false)
        counted.runsMillis = (counted.runsMillis ?? 0) + (plain.wallMillis ?? 0)
        if plain.failure == nil && !plain.timedOut {
            counted.heapAllocs = plain.heapAllocs
            counted.heapBytes = plain.heapBytes
            counted.wallMillis = plain.wallMillis
        }
        counted.buildCached = (counted.buildCached ?? false) && (plain.buildCached ?? false)
        counted.buildMillis = (counted.buildMillis ?? 0) + (plain.buildMillis ?? 0)
        return counted
    }

    /// Builds programs into the binary cache at the same time (as many at once as there are
    /// cores), so the runs that follow find them built. Without a cache, does nothing.
    @discardableResult
    public func prebuild(_ programs: [ProgramSource], options: RunOptions) -> PrebuildCounts {
        guard binaryCache != nil else { return PrebuildCounts() }
        let counts = Mutex(PrebuildCounts())
        let jobs = programs.flatMap { p in (options.separateAllocationRun ? [true, false] : [true]).map { (p, $0) } }
        let lanes = max(1, min(jobs.count, ProcessInfo.processInfo.activeProcessorCount))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: lanes) { _ in
            while true {
                let i = next.withLock { n in
                    defer { n += 1 }
                    return n
                }
                guard i < jobs.count else { return }
                let outcome = self.prebuild(jobs[i].0, options: options, counting: jobs[i].1)
                counts.withLock { c in
                    switch outcome {
                    case .built: c.built += 1
                    case .cached: c.cached += 1
                    case .failed: c.failed += 1
                    }
                }
            }
        }
        return counts.withLock { $0 }
    }

    /// What ``prebuild(_:options:)`` did.
    public struct PrebuildCounts: Sendable, Equatable {
        public var built = 0
        public var cached = 0
        public var failed = 0
        public var total: Int { built + cached + failed }
    }

    private func build(_ program: ProgramSource, id: String, variant: String?, options: RunOptions,
                       counting: Bool) -> RunMeasurement {
        build(program, id: id, variant: variant, options: options, mode: counting ? .counting : .plain)
    }

    /// Builds and runs `program` once with every deferred call traced (``TraceInstrumentation``):
    /// the measurement's `trace` holds the events.
    public func trace(_ program: ProgramSource, id: String, variant: String?, options: RunOptions) -> RunMeasurement {
        build(program, id: id, variant: variant, options: options, mode: .tracing)
    }

    private func build(_ program: ProgramSource, id: String, variant: String?, options: RunOptions,
                       mode: Instrumentation.Mode) -> RunMeasurement {
        let workspace: Workspace
        do {
            workspace = try Workspace(in: temporaryFolder)
        } catch {
            return RunMeasurement(id: id, variant: variant, failure: .workspace("\(error)"))
        }
        defer { workspace.remove() }
        let built: Built
        switch binary(program, options: options, mode: mode, in: workspace) {
        case .failure(let failure): return RunMeasurement(id: id, variant: variant, failure: failure)
        case .success(let b): built = b
        }
        var m = measure(in: workspace, binary: built.binary, id: id, variant: variant, options: options, mode: mode)
        m.buildCached = built.cached
        m.buildMillis = built.millis
        return m
    }

    /// A built program: where its binary is, whether it came from the cache, how long that took.
    struct Built {
        var binary: URL
        var cached: Bool
        var millis: Int
    }

    /// Prepares `program` in a workspace of its own and builds it into the cache, noting a
    /// fresh build in ``prebuilt``.
    private func prebuild(_ program: ProgramSource, options: RunOptions, counting: Bool) -> PrebuildOutcome {
        guard let cache = binaryCache, let workspace = try? Workspace(in: temporaryFolder) else { return .failed }
        defer { workspace.remove() }
        guard case .success(let built) = binary(program, options: options, mode: counting ? .counting : .plain, in: workspace)
        else { return .failed }
        if built.cached { return .cached }
        if let inputs = try? BinaryCache.inputs(of: workspace.source, go: go) {
            prebuilt.withLock { $0[cache.entry(inputs)] = built.millis }
        }
        return .built
    }

    enum PrebuildOutcome { case built, cached, failed }

    /// Prepares `program` in `workspace` and gives its binary: the cached one when the
    /// prepared package was built before, else a fresh build (then kept in the cache).
    private func binary(_ program: ProgramSource, options: RunOptions, mode: Instrumentation.Mode,
                        in workspace: Workspace) -> Result<Built, RunFailure> {
        let started = ContinuousClock.now
        func millis() -> Int {
            let (s, atto) = (ContinuousClock.now - started).components
            return Int(s * 1000 + atto / 1_000_000_000_000_000)
        }
        do {
            try workspace.prepare(program, goLine: options.goVersion ?? "\(go.version.major).\(go.version.minor)",
                                  overrideGoLine: options.goVersion != nil, mode: mode)
        } catch {
            return .failure(.workspace("\(error)"))
        }
        if let failure = workspace.mainPackageProblem() { return .failure(failure) }
        let inputs = binaryCache == nil ? nil : try? BinaryCache.inputs(of: workspace.source, go: go)
        if let cache = binaryCache, let inputs, let hit = cache.lookup(inputs) {
            if let buildMillis = prebuilt.withLock({ $0.removeValue(forKey: cache.entry(inputs)) }) {
                return .success(Built(binary: hit, cached: false, millis: buildMillis + millis()))
            }
            return .success(Built(binary: hit, cached: true, millis: millis()))
        }
        if let failure = build(in: workspace, timeout: options.buildTimeout) {
            return .failure(failure.naming(program.folder, for: workspace))
        }
        if let cache = binaryCache, let inputs { cache.store(workspace.binary, for: inputs) }
        return .success(Built(binary: workspace.binary, cached: false, millis: millis()))
    }

    /// `go build -o prog .`; nil on success. Go's own temp files go to the workspace too.
    /// Messages name the workspace's copies (`./main.go:4:2`); `RunFailure.naming` turns
    /// them back into the user's own paths.
    private func build(in workspace: Workspace, timeout: Duration) -> RunFailure? {
        do {
            let result = try go.run(arguments: ["build", "-o", workspace.binary.path, "."],
                                    in: workspace.source, environment: ["TMPDIR": workspace.temporary.path],
                                    timeout: timeout)
            if result.succeeded { return nil }
            let output = result.standardErrorText + result.standardOutputText
            return .build(result.timedOut ? output + "(go build timed out)" : output)
        } catch {
            return .build("\(error)")
        }
    }

    private func measure(in workspace: Workspace, binary: URL, id: String, variant: String?, options: RunOptions,
                         mode: Instrumentation.Mode) -> RunMeasurement {
        let pipe: ProbePipe
        do {
            pipe = try ProbePipe()
        } catch {
            return RunMeasurement(id: id, variant: variant, failure: .start("\(error)"))
        }
        var environment = go.environment
        environment["TMPDIR"] = workspace.temporary.path
        environment[ProbeSource.fdVariable] = String(Self.probeDescriptor)
        // The run for time and allocations leaves the counting of descriptors to the other.
        environment["DEFERLAB_PROBE_FDS"] = mode != .plain || !options.separateAllocationRun ? "1" : "0"
        var request = ProcessRequest(
            executable: binary.path, arguments: options.arguments,
            workingDirectory: workspace.source, environment: environment,
            timeout: options.timeout, openFileLimit: options.openFileLimit, processGroup: .own)
        request.inheritedDescriptors = [pipe.writeFD]
        pipe.startReading()
        let process: RunningProcess
        do {
            process = try go.runner.start(request)
        } catch {
            _ = pipe.finish(grace: .zero)
            return RunMeasurement(id: id, variant: variant, failure: .start("\(error)"))
        }
        pipe.closeWriteEnd()
        let finished = Flag()
        if let interrupt {
            Thread.detachNewThread {
                while !finished.isSet {
                    if interrupt() {
                        process.terminate()
                        return
                    }
                    usleep(50_000)
                }
            }
        }
        let result = process.wait()
        finished.set()
        let report = pipe.finish(grace: Self.probeGrace)

        let exitCode: Int32
        switch result.termination {
        case .exited(let code): exitCode = code
        case .signaled(let signal): exitCode = 128 + signal
        }
        let (seconds, attoseconds) = result.duration.components
        var measured = RunMeasurement(
            id: id, variant: variant, exitCode: exitCode,
            stdout: result.standardOutputText, stderr: result.standardErrorText, report: report,
            wallMillis: Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000),
            timedOut: result.timedOut, failure: report.started ? nil : .noProbeData)
        if mode == .tracing { measured.trace = TraceEvent.decode(report.traceLines) }
        return measured
    }
}

/// Fresh builds of ``LabRunner/prebuild(_:options:)`` by cache entry, shared by the copies of a runner.
final class PrebuiltLog: Sendable {
    private let builds = Mutex<[URL: Int]>([:])
    func withLock<R>(_ body: (inout [URL: Int]) -> R) -> R { builds.withLock { body(&$0) } }
}

/// A flag one thread sets and another polls.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
