import Foundation
import GoToolchain

/// What a defer costs, from the program as written (never the instrumented copy): the
/// `go test -bench -benchmem` results of its benchmarks, and the compiler's verdict for each
/// defer statement from `go build -gcflags=-d=defer` with the source line beside it.
public struct CostReport: Sendable, Hashable, Codable {
    public struct Benchmark: Sendable, Hashable, Codable {
        public var name: String
        public var iterations: Int
        public var nsPerOp: Double
        public var bytesPerOp: Int?
        public var allocsPerOp: Int?

        /// The result as `go test -bench` prints it, without the GOMAXPROCS suffix and the
        /// iteration count (fixed by the runner, not a measurement):
        /// `BenchmarkX  3.27 ns/op  0 B/op  0 allocs/op`.
        public var line: String {
            var out = "\(name)\t\(String(format: "%.2f", nsPerOp)) ns/op"
            if let bytesPerOp { out += "\t\(bytesPerOp) B/op" }
            if let allocsPerOp { out += "\t\(allocsPerOp) allocs/op" }
            return out
        }
    }

    public struct Verdict: Sendable, Hashable, Codable {
        /// `main.go:36:2` relative to the program's folder.
        public var position: String
        /// "open-coded", "stack-allocated" or "heap-allocated".
        public var kind: String
        /// The source line, trimmed.
        public var source: String
    }

    public var benchmarks: [Benchmark] = []
    public var verdicts: [Verdict] = []
    /// go test's output when it failed.
    public var failure: String?

    /// Parses `BenchmarkX-2   2000   3.27 ns/op   0 B/op   0 allocs/op` lines.
    static func benchmarks(_ output: String) -> [Benchmark] {
        output.split(separator: "\n").compactMap { line in
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard f.count >= 4, f[0].hasPrefix("Benchmark"), let n = Int(f[1]), let ns = Double(f[2]), f[3] == "ns/op" else { return nil }
            var b = Benchmark(name: f[0].split(separator: "-").first.map(String.init) ?? f[0], iterations: n, nsPerOp: ns)
            for i in stride(from: 4, to: f.count - 1, by: 2) {
                if f[i + 1] == "B/op" { b.bytesPerOp = Int(f[i]) }
                if f[i + 1] == "allocs/op" { b.allocsPerOp = Int(f[i]) }
            }
            return b
        }
    }

    /// Parses `./main.go:36:2: open-coded defer` lines, adding the source line from `folder`.
    static func verdicts(_ output: String, folder: URL) -> [Verdict] {
        output.split(separator: "\n").compactMap { line in
            guard line.hasSuffix(" defer"), let colon = line.range(of: ": ") else { return nil }
            var position = String(line[..<colon.lowerBound])
            if position.hasPrefix("./") { position.removeFirst(2) }
            let kind = String(line[colon.upperBound...].dropLast(" defer".count))
            let parts = position.split(separator: ":")
            var source = ""
            if parts.count >= 2, let n = Int(parts[1]),
               let text = try? String(contentsOf: folder.appendingPathComponent(String(parts[0])), encoding: .utf8) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if n >= 1 && n <= lines.count { source = lines[n - 1].trimmingCharacters(in: .whitespaces) }
            }
            return Verdict(position: position, kind: kind, source: source)
        }
    }
}

extension LabRunner {
    /// Benchmarks and defer verdicts of the program in `folder`, built as written (copied to a
    /// private workspace, removed afterwards).
    public func cost(of folder: URL, benchtime: String = "100000x", timeout: Duration = .seconds(300)) -> CostReport {
        var report = CostReport()
        let workspace: Workspace
        do {
            workspace = try Workspace(in: temporaryFolder)
            try workspace.copyPlain(from: folder)
        } catch {
            report.failure = "\(error)"
            return report
        }
        defer { workspace.remove() }
        let env = ["TMPDIR": workspace.temporary.path]
        if let build = try? go.run(arguments: ["build", "-gcflags=-d=defer", "-o", workspace.binary.path, "."],
                                   in: workspace.source, environment: env, timeout: timeout) {
            report.verdicts = CostReport.verdicts(build.standardErrorText + build.standardOutputText, folder: folder)
        }
        do {
            let bench = try go.run(arguments: ["test", "-run", "^$", "-bench", ".", "-benchmem", "-benchtime", benchtime],
                                   in: workspace.source, environment: env, timeout: timeout)
            report.benchmarks = CostReport.benchmarks(bench.standardOutputText)
            if !bench.succeeded { report.failure = bench.standardOutputText + bench.standardErrorText }
        } catch {
            report.failure = "\(error)"
        }
        return report
    }
}
