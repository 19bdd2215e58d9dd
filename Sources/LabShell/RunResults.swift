import Foundation
import LabContent
import LabLessons
import LabRunner

/// What a measured run leaves for the lessons once the shell is closed: the figures and the
/// output, kept in the state file so a lesson shows the learner's own figures next time too.
public struct SavedRun: Codable, Sendable, Equatable {
    /// Figures by name (`peakOpenFiles`, …, `dbInUse`, `dbWaitCount`); absent when not measured.
    public var figures: [String: Int]
    /// The program's output, then the benchmark results of a bench example (its lessons bind
    /// `stdout#BenchmarkX` to them).
    public var stdout: String
    /// When it was measured (ISO 8601).
    public var measuredAt: String

    init(_ run: RunMeasurement) {
        var figures: [String: Int] = [:]
        for figure in Figure.allCases where figure != .stdout {
            if let value = run.value(of: figure.rawValue) { figures[figure.rawValue] = value }
        }
        self.figures = figures
        var text = run.stdout
        for b in run.cost?.benchmarks ?? [] {
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += b.line + "\n"
        }
        stdout = text
        measuredAt = ISO8601DateFormatter().string(from: Date())
    }
}

/// The learner's own measurements by example and variant: what fills the lessons'
/// `{{run:…}}` placeholders. Only measured runs are kept; a later run replaces an earlier one.
/// The figures outlive the session (see ``SavedRun``); the samples behind `chart` do not.
public struct RunResults: Sendable {
    private var runs: [String: RunMeasurement] = [:]
    /// Every measured run's figures, this session's and earlier ones'.
    public private(set) var saved: [String: SavedRun]

    /// A store holding the figures of earlier sessions.
    public init(saved: [String: SavedRun] = [:]) { self.saved = saved }

    /// Keeps `run` (when measured) under its id and variant.
    public mutating func record(_ run: RunMeasurement) {
        guard run.measured, let variant = run.variant else { return }
        runs["\(run.id)/\(variant)"] = run
        saved["\(run.id)/\(variant)"] = SavedRun(run)
    }

    /// The learner's last measured runs of an example in this session: bad, fixed, then the
    /// learner's own copy.
    public func runs(of example: String) -> [RunMeasurement] {
        ["bad", "fixed", "mine"].compactMap { runs["\(example)/\($0)"] }
    }

    /// The value of `figure` from the learner's last run of its variant, or nil before one.
    public func value(_ figure: RunFigure) -> String? {
        guard let run = saved["\(figure.example)/\(figure.variant)"],
              let known = Figure(rawValue: figure.figure) else { return nil }
        guard known == .stdout else { return run.figures[known.rawValue].map(String.init) }
        let lines = run.stdout.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
        if let text = figure.line {
            guard let line = lines.first(where: { $0.contains(text) }) else { return nil }
            // `NAME=`: just the value that follows it (`figure: goroutines1x=9 heapKB1x=1120`).
            guard text.hasSuffix("="), let found = line.range(of: text) else { return line }
            let value = line[found.upperBound...].prefix { !$0.isWhitespace && $0 != ";" && $0 != "," }
            return value.isEmpty ? nil : String(value)
        }
        let text = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text.replacingOccurrences(of: "\n", with: " / ")
    }
}
