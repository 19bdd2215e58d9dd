import Foundation

/// Why a variant was not (fully) measured.
public enum RunFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The private workspace could not be made or filled.
    case workspace(String)
    /// `go build` failed; its output (compiler messages name the user's files and lines).
    case build(String)
    /// The built program could not be started.
    case start(String)
    /// The program ran but the probe reported nothing (it never reached the probe's `init`).
    case noProbeData
    /// The folder or file holds no Go files of package main (the package it holds, or nil for none).
    case notMain(package: String?)

    /// An English explanation, used in JSON.
    public var description: String {
        switch self {
        case .workspace(let reason): return "cannot prepare the workspace: \(reason)"
        case .build(let output): return "build failed:\n\(output)"
        case .start(let reason): return "cannot start the program: \(reason)"
        case .noProbeData: return "the program ended before the probe reported anything"
        case .notMain(let package?): return "not a main package (package \(package))"
        case .notMain(nil): return "no Go files to build"
        }
    }
}

/// The measured run of one variant (or of the user's program): what `deferlab run` reports.
///
/// Figures are nil when nothing was measured. JSON names are the manifest's ``Figure`` names.
public struct RunMeasurement: Sendable, Hashable, Encodable {
    /// The example id, or the user's path.
    public var id: String
    /// `bad` or `fixed`; nil for the user's program.
    public var variant: String?
    /// The program's exit status; 128 + the signal number when a signal killed it.
    public var exitCode: Int32?
    /// The program's standard output.
    public var stdout: String
    /// The program's standard error.
    public var stderr: String
    /// Figures the program reported about itself, read from its output: a database pool's
    /// `db.Stats` line (`db.Stats: InUse=4 WaitCount=1 …`) gives `dbInUse` and `dbWaitCount`,
    /// the pool's own counters at the moment the program printed them.
    public var extra: [String: Int] { RunMeasurement.reportedFigures(stdout) }
    /// For benchmark examples: benchmarks and the compiler's defer verdicts (see ``CostReport``).
    public var cost: CostReport?
    /// The most descriptors the program held open at once above the baseline.
    public var peakOpenFiles: Int?
    /// The most goroutines alive at once (the probe's not counted).
    public var peakGoroutines: Int?
    /// The most deferred calls pending at once (registered and not yet run).
    public var peakPendingDefers: Int?
    /// Goroutines in the last sample before the program ended.
    public var goroutinesAtExit: Int?
    /// Deferred calls that never ran because the program ended (pending at `os.Exit` or
    /// `log.Fatal…`, or in goroutines still running when `main` returned); nil when unknown.
    public var pendingDefersAtExit: Int?
    /// Heap allocations while the program ran (count).
    public var heapAllocs: Int?
    /// Heap allocations while the program ran (bytes).
    public var heapBytes: Int?
    /// Wall time of the program (not the build), probe overhead included.
    public var wallMillis: Int?
    /// True when the run's timeout killed the program's process group.
    public var timedOut: Bool
    /// Whether the binaries came from the cache (nil: not built).
    public var buildCached: Bool?
    /// Time spent preparing and building (or finding) the binaries, in milliseconds.
    public var buildMillis: Int?
    /// How long the program's runs took together (the counting run and the one for time and
    /// allocations), in milliseconds.
    public var runsMillis: Int?
    /// Why the variant was not measured, if it was not.
    public var failure: RunFailure?
    /// The probe's samples (not in JSON; for charts).
    public var samples: [ProbeSample]
    /// The new highest counts the probe sent between samples (not in JSON; for charts).
    public var peaks: [ProbePeak] = []
    /// The events of a traced run (``LabRunner/trace(_:id:variant:options:)``); nil otherwise.
    public var trace: [TraceEvent]?

    /// True when the program was built and the probe reported figures.
    public var measured: Bool { failure == nil }

    /// A measurement that failed before the program ran.
    public init(id: String, variant: String?, failure: RunFailure) {
        self.init(id: id, variant: variant, exitCode: nil, stdout: "", stderr: "", report: ProbeReport(),
                  wallMillis: nil, timedOut: false, failure: failure)
    }

    /// A measurement from a finished run and the probe's report.
    public init(id: String, variant: String?, exitCode: Int32?, stdout: String, stderr: String,
                report: ProbeReport, wallMillis: Int?, timedOut: Bool, failure: RunFailure?) {
        self.id = id
        self.variant = variant
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
        self.peakOpenFiles = report.peakOpenFiles
        self.peakGoroutines = report.peakGoroutines
        self.peakPendingDefers = report.peakPendingDefers
        self.goroutinesAtExit = report.goroutinesAtExit
        self.pendingDefersAtExit = report.pendingDefersAtExit
        self.heapAllocs = report.heapAllocs
        self.heapBytes = report.heapBytes
        self.wallMillis = wallMillis
        self.timedOut = timedOut
        self.failure = failure
        self.samples = report.samples
        self.peaks = report.peaks
    }

    private enum CodingKeys: String, CodingKey {
        case id, variant, exitCode, stdout, stderr, peakOpenFiles, peakPendingDefers, peakGoroutines, goroutinesAtExit, extra, cost
        case pendingDefersAtExit
        case heapAllocs, heapBytes, wallMillis, timedOut, error
        case build
    }

    /// `"build": {"cached": …, "millis": …, "runsMillis": …}` in JSON: how this measurement
    /// was made, beside the figures.
    struct BuildFigures: Encodable {
        var cached: Bool
        var millis: Int
        var runsMillis: Int?
    }

    /// Every key is written; absent figures as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(variant, forKey: .variant)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(stdout, forKey: .stdout)
        try container.encode(stderr, forKey: .stderr)
        try container.encode(peakOpenFiles, forKey: .peakOpenFiles)
        try container.encode(peakPendingDefers, forKey: .peakPendingDefers)
        try container.encode(peakGoroutines, forKey: .peakGoroutines)
        try container.encode(goroutinesAtExit, forKey: .goroutinesAtExit)
        try container.encode(pendingDefersAtExit, forKey: .pendingDefersAtExit)
        try container.encode(heapAllocs, forKey: .heapAllocs)
        try container.encode(heapBytes, forKey: .heapBytes)
        try container.encode(wallMillis, forKey: .wallMillis)
        try container.encode(timedOut, forKey: .timedOut)
        try container.encode(failure?.description, forKey: .error)
        try container.encode(extra, forKey: .extra)
        try container.encode(cost, forKey: .cost)
        try container.encode(buildCached.map { BuildFigures(cached: $0, millis: buildMillis ?? 0, runsMillis: runsMillis) }, forKey: .build)
    }
}

/// Errors of the environment the runner cannot turn into a measurement.
enum RunnerError: Error, CustomStringConvertible {
    case workspace(path: String, reason: String)
    case pipe(errno: Int32)

    var description: String {
        switch self {
        case .workspace(let path, let reason): return "\(path): \(reason)"
        case .pipe(let code): return "cannot create the probe pipe: \(String(cString: strerror(code)))"
        }
    }
}

extension RunMeasurement {
    /// The start of a `db.Stats` line a program prints about its pool.
    public static let dbStatsPrefix = "db.Stats:"
    /// The start of a line with figures a program measured itself.
    public static let figurePrefix = "figure:"

    /// A figure by name: the runner's own (`peakOpenFiles`, `peakPendingDefers`,
    /// `peakGoroutines`, `goroutinesAtExit`, `pendingDefersAtExit`, `heapAllocs`, `heapBytes`,
    /// `wallMillis`), else one the program reported (``extra``). The one mapping from names to
    /// figures, for lessons and workshop limits alike.
    public func value(of name: String) -> Int? {
        switch name {
        case "peakOpenFiles": return peakOpenFiles
        case "peakPendingDefers": return peakPendingDefers
        case "peakGoroutines": return peakGoroutines
        case "goroutinesAtExit": return goroutinesAtExit
        case "pendingDefersAtExit": return pendingDefersAtExit
        case "heapAllocs": return heapAllocs
        case "heapBytes": return heapBytes
        case "wallMillis": return wallMillis
        default: return extra[name]
        }
    }

    /// True for a line of figures (not part of a program's output proper).
    public static func isFigureLine(_ line: Substring) -> Bool {
        line.hasPrefix(dbStatsPrefix) || line.hasPrefix(figurePrefix)
    }

    /// Figures the program measured itself and printed: `dbInUse`/`dbWaitCount` from the last
    /// `db.Stats: InUse=N WaitCount=M …` line, and `name` from each `figure: name=N …` line
    /// (a workshop harness times a lock this way). Later lines win.
    static func reportedFigures(_ output: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let isStats = line.hasPrefix(RunMeasurement.dbStatsPrefix)
            guard isStats || line.hasPrefix(RunMeasurement.figurePrefix) else { continue }
            let body = line.dropFirst(isStats ? RunMeasurement.dbStatsPrefix.count : RunMeasurement.figurePrefix.count)
            for field in body.split(separator: " ") {
                let kv = field.split(separator: "=", maxSplits: 1)
                guard kv.count == 2, let value = Int(kv[1]) else { continue }
                switch (isStats, kv[0]) {
                case (true, "InUse"): out["dbInUse"] = value
                case (true, "WaitCount"): out["dbWaitCount"] = value
                case (true, _): break
                case (false, let name): out[String(name)] = value
                }
            }
        }
        return out
    }
}
