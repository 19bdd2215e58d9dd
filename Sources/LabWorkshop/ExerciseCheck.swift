import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LabRunner

/// What one check found wrong, with the figures.
public enum CheckProblem: Sendable, Hashable {
    /// A learner file is missing from the exercise folder.
    case missingFile(String)
    /// A learner file exists but cannot be read (permissions).
    case unreadable(String)
    /// A learner file carries a build constraint (refused: it could change the Go version).
    case buildConstraint(file: String, line: Int)
    /// The program did not compile: the toolchain's messages, paths relative to the workshop.
    case buildFailed(String)
    /// The program could not be measured (not a build error).
    case notMeasured(String)
    /// Killed after the exercise's timeout.
    case timedOut(seconds: Int)
    case exitCode(got: Int32?, want: Int32)
    /// Output differs from the reference solution's for the same seed, from `line` (1-based).
    case outputDiffers(line: Int, want: String?, got: String?)
    /// The program's figure lines differ from the reference's (a figure printed twice or
    /// not at all), so its reported figures cannot be trusted.
    case figureLines(want: [String], got: [String])
    /// A measured figure outside its limit (nil: the figure was not measured).
    case limit(ExerciseLimit, measured: Int?)
}

/// The verdict of one check.
public struct CheckOutcome: Sendable {
    public var exercise: Exercise
    /// The seed this run used (fresh each run).
    public var seed: UInt32
    public var problems: [CheckProblem]
    /// The learner's run (nil when it was not built).
    public var measurement: RunMeasurement?
    /// The figures the limits name, as measured.
    public var figures: [String: Int]
    public var passed: Bool { problems.isEmpty }
}

/// A check could not be carried out (the reference itself failed, no workspace): an error of
/// DeferLab or the machine, never the learner's.
public struct CheckError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Builds and runs the learner's files with our harness under the measuring runner, runs the
/// reference solution with the same fresh seed, and passes only when the output matches and
/// every measured limit holds.
///
/// Why it cannot be passed by cheating: the check uses the shipped harness (a learner's edits
/// to it don't count) and a new random seed each run that changes the expected output, so
/// replaying a captured passing output fails; deleting the work changes the output; marker
/// comments change nothing that is measured.
public struct ExerciseChecker: Sendable {
    public var runner: LabRunner

    public init(runner: LabRunner) { self.runner = runner }

    /// A fresh seed for one check.
    public static func freshSeed() -> UInt32 { UInt32.random(in: 1...UInt32(Int32.max)) }

    /// Checks the learner files in `learnerFolder` (the exercise folder of a workshop).
    /// `displayPrefix` replaces the build folder in compiler messages (e.g. `loop-files/`).
    public func check(_ exercise: Exercise, learnerFolder: URL, displayPrefix: String,
                      seed: UInt32 = freshSeed()) throws(CheckError) -> CheckOutcome {
        var learnerFiles: [String: Data] = [:]
        var missing: [CheckProblem] = []
        for name in exercise.files {
            let url = learnerFolder.appendingPathComponent(name)
            // Regular files only (a FIFO would block the read), at most 4 MB.
            var st = stat()
            guard lstat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= 4 << 20 else {
                missing.append(.missingFile(displayPrefix + name))
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                missing.append(.unreadable(displayPrefix + name))
                continue
            }
            learnerFiles[name] = data
        }
        // A build constraint could change the language version of the learner's file
        // (`//go:build go1.22` gives Go 1.22 loop semantics in a go 1.21 module) or leave it
        // out of the build: the check is about the code, so such lines are refused.
        for name in exercise.files.sorted() {
            guard let data = learnerFiles[name] else { continue }
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
            let constraint: (Substring) -> Bool = { line in
                let t = line.trimmingCharacters(in: CharacterSet.whitespaces.union(["\u{FEFF}", "\r"]))
                return t.hasPrefix("//go:build") || t.hasPrefix("//+build") || t.hasPrefix("// +build")
            }
            if let line = lines.firstIndex(where: constraint) {
                missing.append(.buildConstraint(file: displayPrefix + name, line: line + 1))
            }
        }
        if !missing.isEmpty {
            return CheckOutcome(exercise: exercise, seed: seed, problems: missing, measurement: nil, figures: [:])
        }
        let reference = try run(exercise, files: try files(in: exercise.solutionFolder, exercise), seed: seed,
                                variant: "reference", displayPrefix: displayPrefix)
        guard reference.measured, !reference.timedOut, reference.exitCode == exercise.exitCode else {
            throw CheckError(description: "the reference solution of \(exercise.id) failed with seed \(seed): "
                             + (reference.failure?.description ?? "exit \(reference.exitCode.map(String.init) ?? "?")"))
        }
        let mine = try run(exercise, files: learnerFiles, seed: seed, variant: "yours", displayPrefix: displayPrefix)
        // The machine, not the learner's code, failed: an error of the check.
        switch mine.failure {
        case .workspace(let why)?, .start(let why)?: throw CheckError(description: "\(exercise.id): \(why)")
        default: break
        }
        return Self.judge(exercise, seed: seed, learner: mine, reference: reference)
    }

    /// The verdict for a learner run against the reference run of the same seed.
    public static func judge(_ exercise: Exercise, seed: UInt32, learner: RunMeasurement,
                             reference: RunMeasurement) -> CheckOutcome {
        var problems: [CheckProblem] = []
        if let failure = learner.failure {
            switch failure {
            case .build(let text): problems.append(.buildFailed(text))
            case .noProbeData: problems.append(.notMeasured(failure.description))
            case .workspace, .start: problems.append(.notMeasured(failure.description))
            case .notMain: problems.append(.buildFailed(failure.description))
            }
            return CheckOutcome(exercise: exercise, seed: seed, problems: problems, measurement: learner, figures: [:])
        }
        if learner.timedOut { problems.append(.timedOut(seconds: exercise.timeoutSeconds)) }
        if !learner.timedOut && learner.exitCode != exercise.exitCode {
            problems.append(.exitCode(got: learner.exitCode, want: exercise.exitCode))
        }
        let want = programOutput(reference.stdout), got = programOutput(learner.stdout)
        if want != got {
            let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
            problems.append(.outputDiffers(line: line + 1, want: want[safe: line], got: got[safe: line]))
        }
        // The harness reports its own figures once each; a figure line the learner's code
        // printed too (to pass a limit) shows up as a different list of figure lines.
        let wantFigures = figureNames(reference.stdout), gotFigures = figureNames(learner.stdout)
        if !learner.timedOut && learner.exitCode == exercise.exitCode && wantFigures != gotFigures {
            problems.append(.figureLines(want: wantFigures, got: gotFigures))
        }
        var figures: [String: Int] = [:]
        for limit in exercise.limits {
            let value = learner.value(of: limit.figure)
            if let value { figures[limit.figure] = value }
            if value.map(limit.holds) != true { problems.append(.limit(limit, measured: value)) }
        }
        return CheckOutcome(exercise: exercise, seed: seed, problems: problems, measurement: learner, figures: figures)
    }

    /// The lines of a program's output proper: figure lines (`figure:`, `db.Stats:`) are
    /// measurements, not output.
    static func programOutput(_ stdout: String) -> [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !RunMeasurement.isFigureLine($0) }.map(String.init)
    }

    /// The names on a program's figure lines, in order (`figure: a=1 b=2` → a, b).
    static func figureNames(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").filter(RunMeasurement.isFigureLine).flatMap { line in
            line.split(separator: " ").dropFirst().compactMap { field in
                field.split(separator: "=", maxSplits: 1).first.map(String.init)
            }
        }
    }

    /// The `.go` files of a shipped folder for the exercise's learner file names.
    func files(in folder: URL, _ exercise: Exercise) throws(CheckError) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in exercise.files {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw CheckError(description: "\(folder.path)/\(name) is missing from the shipped exercise")
            }
            out[name] = data
        }
        return out
    }

    /// Builds harness + `files` + go.mod in a private folder and measures one run.
    func run(_ exercise: Exercise, files: [String: Data], seed: UInt32, variant: String,
             displayPrefix: String) throws(CheckError) -> RunMeasurement {
        let fm = FileManager.default
        let program = runner.temporaryFolder.appendingPathComponent("deferlab-exercise-\(UUID().uuidString)", isDirectory: true)
        defer { try? fm.removeItem(at: program) }
        do {
            try fm.createDirectory(at: program, withIntermediateDirectories: true)
            for name in exercise.harnessFiles() {
                try fm.copyItem(at: exercise.harnessFolder.appendingPathComponent(name),
                                to: program.appendingPathComponent(name))
            }
            for (name, data) in files { try data.write(to: program.appendingPathComponent(name)) }
            try Data(exercise.goMod.utf8).write(to: program.appendingPathComponent("go.mod"))
        } catch {
            throw CheckError(description: "cannot prepare the check of \(exercise.id): \(error)")
        }
        var options = RunOptions(arguments: ["-seed", String(seed)], timeout: .seconds(exercise.timeoutSeconds))
        options.goVersion = exercise.go
        options.openFileLimit = exercise.nofile
        options.separateAllocationRun = false
        var measurement = runner.run(.directory(program), id: exercise.id, variant: variant, options: options)
        if case .build(let text) = measurement.failure {
            // Messages name files by absolute path, `./name.go` or bare `name.go`: all become
            // paths relative to the workshop folder.
            let names = Set(exercise.harnessFiles() + Array(files.keys))
            let lines = text.replacingOccurrences(of: program.standardizedFileURL.path + "/", with: displayPrefix)
                .split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                    let head = line.prefix { $0 != ":" }
                    return names.contains(String(head)) ? displayPrefix + line : String(line)
                }
            measurement.failure = .build(lines.joined(separator: "\n"))
        }
        return measurement
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
