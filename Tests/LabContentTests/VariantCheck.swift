import Foundation
import GoToolchain
import LabContent

/// Vets, builds and runs one variant of one example with the real Go toolchain in a private
/// sandbox, and lists every way it falls short of its manifest.
///
/// Sandbox layout (removed at the end, and checked to be removable):
/// `src/` a copy of the variant (vet, build and `go test` run here; `bin` is built here),
/// `tmp/` the program's TMPDIR, `run/` its working folder, `gotmp/` the go command's own
/// GOTMPDIR — kept apart so that `tmp/` and `run/` must be empty after the program ends.
final class VariantCheck {
    let go: GoToolchain
    let example: Example
    let variant: Variant

    /// Wall time of each step, for the log.
    private(set) var timings: [(step: String, seconds: Double)] = []
    /// Every claim that did not hold, prefixed with `id/variant`.
    private(set) var failures: [String] = []

    init(go: GoToolchain, example: Example, variant: Variant) {
        self.go = go
        self.example = example
        self.variant = variant
    }

    /// Runs every step; a failed build skips the runs. Throws only for environment problems
    /// (a sandbox that cannot be created, a program that cannot be started).
    func run() throws {
        let files = FileManager.default
        let sandbox = files.temporaryDirectory
            .appendingPathComponent("labcontent-\(example.id)-\(variant.rawValue)-\(UUID().uuidString)", isDirectory: true)
        let source = sandbox.appendingPathComponent("src"), tmp = sandbox.appendingPathComponent("tmp")
        let work = sandbox.appendingPathComponent("run"), goTmp = sandbox.appendingPathComponent("gotmp")
        for folder in [tmp, work, goTmp] { try files.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? files.removeItem(at: sandbox) }
        try files.copyItem(at: example.folder(for: variant), to: source)
        let extra = ["TMPDIR": tmp.path, "GOTMPDIR": goTmp.path]

        try vet(in: source, environment: extra)
        let build = try timed("build") {
            try go.run(arguments: ["build", "-o", "bin", "."], in: source, environment: extra, timeout: .seconds(300))
        }
        guard build.succeeded else {
            return fail("go build failed: \(build.termination)\n\(build.standardErrorText)")
        }

        let manifest = example.manifest
        let program = try timed("run") {
            try go.runner.run(ProcessRequest(
                executable: source.appendingPathComponent("bin").path,
                arguments: manifest.kind == .program ? manifest.args : [],
                workingDirectory: work,
                environment: GoToolchain.commandEnvironment(base: go.environment, extra: extra),
                timeout: manifest.timeout
            ))
        }
        switch manifest.kind {
        case .program:
            check(program, against: manifest.expect[variant], what: "the program")
        case .bench:
            // The bench variant also builds and runs as a program; its claims are about `go test`.
            if !program.succeeded || program.timedOut {
                fail("the program (no args) ended with \(program.termination)\(program.timedOut ? " (timed out)" : "")")
            }
            let bench = try timed("bench") {
                try go.run(arguments: ["test", "-run", "^$", "-bench", ".", "-benchtime=100x"] + manifest.args,
                           in: source, environment: extra, timeout: manifest.timeout)
            }
            check(bench, against: manifest.expect[variant], what: "go test -bench")
        }

        for (name, folder) in [("TMPDIR", tmp), ("working folder", work)] {
            let left = (try? files.contentsOfDirectory(atPath: folder.path)) ?? ["<unreadable>"]
            if !left.isEmpty { fail("left in its \(name): \(left.sorted())") }
        }
        try files.removeItem(at: sandbox)
        if files.fileExists(atPath: sandbox.path) { fail("sandbox \(sandbox.path) still exists") }
    }

    /// `go vet ./...` must be clean, or fail with only warning lines matching the lesson's
    /// regular expression.
    private func vet(in source: URL, environment: [String: String]) throws {
        let result = try timed("vet") {
            try go.run(arguments: ["vet", "./..."], in: source, environment: environment, timeout: .seconds(300))
        }
        let lines = (result.standardOutputText + "\n" + result.standardErrorText)
            .split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
        switch example.manifest.vet[variant] {
        case .clean:
            if !result.succeeded || !lines.isEmpty {
                fail("go vet is not clean (\(result.termination)):\n\(lines.joined(separator: "\n"))")
            }
        case .warning(let pattern):
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                return fail("vet pattern /\(pattern)/ does not compile")
            }
            let unmatched = lines.filter {
                regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) == nil
            }
            if result.succeeded || lines.isEmpty || !unmatched.isEmpty {
                fail("go vet should warn only /\(pattern)/ but ended with \(result.termination):\n"
                     + lines.joined(separator: "\n"))
            }
        }
    }

    /// Every claim of `expectation` about `result`.
    private func check(_ result: ProcessResult, against expectation: Expectation, what: String) {
        var problems: [String] = []
        if result.timedOut { problems.append("timed out after \(example.manifest.timeoutSeconds)s") }
        if result.termination != .exited(expectation.exitCode) {
            problems.append("ended with \(result.termination), expected exit \(expectation.exitCode)")
        }
        let stdout = result.standardOutputText, stderr = result.standardErrorText
        problems += expectation.stdoutContains.filter { !stdout.contains($0) }.map { "stdout lacks \($0.debugDescription)" }
        problems += expectation.stdoutNotContains.filter { stdout.contains($0) }.map { "stdout has \($0.debugDescription)" }
        problems += expectation.stderrContains.filter { !stderr.contains($0) }.map { "stderr lacks \($0.debugDescription)" }
        if !problems.isEmpty {
            fail("\(what): " + problems.joined(separator: "; ")
                 + "\n--- stdout:\n\(stdout.prefix(1500))\n--- stderr:\n\(stderr.prefix(800))")
        }
    }

    private func fail(_ message: String) {
        failures.append("\(example.id)/\(variant.rawValue): \(message)")
    }

    private func timed<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock(), start = clock.now
        let value = try body()
        timings.append((step, (clock.now - start).seconds))
        return value
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
