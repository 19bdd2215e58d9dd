import Foundation
import GoAnalysis
import GoSyntax
import DeferRules

/// `deferlab fix`: which rules run and what to do with their fixes.
public struct FixOptions: Sendable {
    public enum Mode: Sendable, Equatable { case report, diff, list, write, print }
    public var mode: Mode = .report
    /// Apply unsafe fixes too (`--unsafe-fixes`): a person chose them.
    public var unsafeFixes = false
    public var rules: [String]? = nil
    public var disabled: [String] = []
    /// The driver's prefilter and streaming (on); off only to prove they lose nothing.
    public var shortcuts = true
    public init() {}
}

public enum FixOptionError: Error, Equatable {
    case unknownRule(String)
}

/// The outcome of `deferlab fix` on a set of paths.
public struct FixResult: Sendable {
    public var report: AnalysisReport
    public var findings: [Finding]
    public var analyzers: [Analyzer]
    /// The fixes that were (or, for `-d` and `-l`, would be) applied.
    public var policy: FixPolicy

    /// Files whose fixed text differs from the original.
    public var changedFiles: [FileOutcome] { report.files.filter { $0.fixed != nil } }
    public var hasErrors: Bool { report.files.contains { $0.problem != nil || !$0.syntaxErrors.isEmpty } }
    /// Findings whose fix the policy does not apply (declined, or unsafe without `--unsafe-fixes`).
    public var unfixed: [Finding] { findings.filter { f in f.diagnostic.fix.map { !policy.allows($0) } ?? true } }
}

public enum FixRun {
    /// Every rule, in precedence order.
    public static var allRules: [Analyzer] { DeferRules.all }

    /// The analyzers selected by `--rules` / `--disable`.
    public static func analyzers(_ options: FixOptions) throws(FixOptionError) -> [Analyzer] {
        for name in (options.rules ?? []) + options.disabled where DeferRules.named(name) == nil {
            throw .unknownRule(name)
        }
        return DeferRules.all.filter { a in
            (options.rules.map { $0.contains(a.name) } ?? true) && !options.disabled.contains(a.name)
        }
    }

    public static func run(paths: [String], options: FixOptions) throws(FixOptionError) -> FixResult {
        var driver = Driver(analyzers: try analyzers(options))
        driver.fixes = policy(options)
        driver.prefilter = options.shortcuts
        driver.streaming = options.shortcuts
        // `-p` prints the file even when there is nothing to fix.
        driver.keepsSources = options.mode == .print
        return collect(driver.run(paths: paths), driver.analyzers, driver.fixes)
    }

    /// For `-p -`: one in-memory file.
    public static func run(source: [UInt8], name: String, options: FixOptions) throws(FixOptionError) -> FixResult {
        var driver = Driver(analyzers: try analyzers(options))
        driver.fixes = options.unsafeFixes ? .safeAndUnsafe : .safe
        let start = Date()
        let files = driver.analyze([(name, source)])
        return collect(AnalysisReport(files: files, wallSeconds: Date().timeIntervalSince(start)), driver.analyzers, driver.fixes)
    }

    /// A file `write` could not replace, and why (the original is unchanged).
    public struct WriteFailure: Sendable {
        public var path: String
        public var reason: String
    }

    /// Writes every changed file atomically; returns the files that could not be written.
    public static func write(_ result: FixResult) -> [WriteFailure] {
        var failures: [WriteFailure] = []
        for f in result.changedFiles {
            do {
                try AtomicWrite.replace(f.path, with: f.fixed!)
            } catch {
                failures.append(WriteFailure(path: f.path, reason: error.description))
            }
        }
        return failures
    }

    /// The fixes a run applies: none when it only reports, safe ones, or all with `--unsafe-fixes`.
    public static func policy(_ options: FixOptions) -> FixPolicy {
        options.mode == .report ? .none : options.unsafeFixes ? .safeAndUnsafe : .safe
    }

    static func collect(_ report: AnalysisReport, _ analyzers: [Analyzer], _ policy: FixPolicy) -> FixResult {
        var findings: [Finding] = []
        for f in report.files {
            guard let src = f.source else { continue }
            for d in f.diagnostics {
                findings.append(Finding(file: f.path, start: src.position(ofOffset: d.start), end: src.position(ofOffset: d.end),
                                        diagnostic: d))
            }
        }
        return FixResult(report: report, findings: findings, analyzers: analyzers, policy: policy)
    }
}
