import GoSyntax
import GoAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of checking one path.
public struct FileCheck: Sendable {
    public typealias Problem = FileOutcome.Problem

    public var path: String
    /// Syntax errors as `path:line:col: message`.
    public var errors: [String] = []
    public var problem: Problem?
}

/// The result of `deferlab parse`.
public struct ParseReport: Sendable {
    /// The paths with syntax errors or a problem, sorted (a file without errors is only counted).
    public var files: [FileCheck]
    /// Every file checked.
    public var tally: FileTally
    public var wallSeconds: Double

    public var fileCount: Int { tally.files }
    public var totalBytes: Int { tally.bytes }
    public var totalLines: Int { tally.lines }
    public var filesWithErrors: Int { files.filter { !$0.errors.isEmpty }.count }

    /// 2 for I/O problems, else 1 when any file has a syntax error, else 0.
    public var exitCode: Int32 {
        if files.contains(where: { $0.problem != nil }) { return 2 }
        return filesWithErrors > 0 ? 1 : 0
    }
}

/// Checks the syntax of Go files in parallel on all cores, walking directories like gofmt;
/// results are sorted by path. Reading and parsing are the analysis driver's (with no rules).
public enum ParseCheck {
    /// With `countLines` (`--stats`), each file's lines are counted (a line table for every
    /// file, 2% of a check of GOROOT/src; without it `totalLines` is 0).
    public static func run(paths: [String], countLines: Bool = true) -> ParseReport {
        var driver = Driver(analyzers: [])
        driver.countsLines = countLines
        let report = driver.run(paths: paths.isEmpty ? ["."] : paths, walk: .gofmt)
        let files = report.files.map { f -> FileCheck in
            FileCheck(path: f.path, errors: f.syntaxErrorLines, problem: f.problem)
        }
        return ParseReport(files: files, tally: report.tally, wallSeconds: report.wallSeconds)
    }

    public static func activeProcessorCount() -> Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
