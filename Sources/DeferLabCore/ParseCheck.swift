import GoSyntax
import GoAnalysis
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of checking one path.
public struct FileCheck: Sendable {
    public enum Problem: Sendable, Equatable {
        case missing
        case notFileOrDirectory
        case unreadable(String)
        case isDirectory
    }

    public var path: String
    /// Syntax errors as `path:line:col: message`.
    public var errors: [String] = []
    public var problem: Problem?
    public var bytes = 0
    public var lines = 0
}

/// The result of `deferlab parse`.
public struct ParseReport: Sendable {
    public var files: [FileCheck]
    public var wallSeconds: Double

    public var fileCount: Int { files.filter { $0.problem == nil }.count }
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }
    public var totalLines: Int { files.reduce(0) { $0 + $1.lines } }
    public var filesWithErrors: Int { files.filter { !$0.errors.isEmpty }.count }

    /// 2 for I/O problems, else 1 when any file has a syntax error, else 0.
    public var exitCode: Int32 {
        if files.contains(where: { $0.problem != nil }) { return 2 }
        return filesWithErrors > 0 ? 1 : 0
    }
}

/// Checks the syntax of Go files in parallel on all cores; results are sorted by path.
public enum ParseCheck {
    public static func run(paths: [String], workers: Int = activeProcessorCount()) -> ParseReport {
        let start = monotonicSeconds()
        let items = SourceWalker.expand(paths.isEmpty ? ["."] : paths)
        let results = Mutex<[FileCheck?]>(Array(repeating: nil, count: items.count))
        let nextIndex = Atomic<Int>(0)
        BigStack.parallel(workers: min(workers, max(1, items.count))) { _ in
            while true {
                let i = nextIndex.add(1, ordering: .relaxed).oldValue
                if i >= items.count { return }
                let check = checkItem(items[i])
                results.withLock { $0[i] = check }
            }
        }
        var files = results.withLock { $0.compactMap { $0 } }
        files.sort { $0.path < $1.path }
        return ParseReport(files: files, wallSeconds: monotonicSeconds() - start)
    }

    static func checkItem(_ item: SourceItem) -> FileCheck {
        switch item {
        case .missing(let p): return FileCheck(path: p, problem: .missing)
        case .notFileOrDirectory(let p): return FileCheck(path: p, problem: .notFileOrDirectory)
        case .unreadableDirectory(let p, let e): return FileCheck(path: p, problem: .unreadable(FileReader.describe(e)))
        case .file(let path):
            switch FileReader.read(path) {
            case .failure(.isDirectory):
                return FileCheck(path: path, problem: .isDirectory)
            case .failure(.errno(let e)):
                return FileCheck(path: path, problem: .unreadable(FileReader.describe(e)))
            case .success(let bytes):
                let parsed = GoParser.parseOnCurrentThread(name: path, bytes: bytes)
                return FileCheck(path: path, errors: parsed.formattedErrors, problem: nil,
                                 bytes: bytes.count, lines: lineCount(bytes))
            }
        }
    }

    /// Lines as `wc -l` plus an unterminated last line.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var n = 0
        for b in bytes where b == 0x0A { n += 1 }
        if let last = bytes.last, last != 0x0A { n += 1 }
        return n
    }

    public static func activeProcessorCount() -> Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
