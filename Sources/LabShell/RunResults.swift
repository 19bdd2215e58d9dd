import LabContent
import LabLessons
import LabRunner

/// The learner's own measurements in this session, by example and variant: what fills the
/// lessons' `{{run:…}}` placeholders. Only measured runs are kept; a later run replaces an
/// earlier one.
public struct RunResults: Sendable {
    private var runs: [String: RunMeasurement] = [:]

    /// An empty store.
    public init() {}

    /// Keeps `run` (when measured) under its id and variant.
    public mutating func record(_ run: RunMeasurement) {
        guard run.measured, let variant = run.variant else { return }
        runs["\(run.id)/\(variant)"] = run
    }

    /// The learner's last measured runs of an example, bad before fixed.
    public func runs(of example: String) -> [RunMeasurement] {
        ["bad", "fixed"].compactMap { runs["\(example)/\($0)"] }
    }

    /// The value of `figure` from the learner's last run of its variant, or nil before one.
    public func value(_ figure: RunFigure) -> String? {
        guard let run = runs["\(figure.example)/\(figure.variant)"],
              let known = Figure(rawValue: figure.figure) else { return nil }
        func number(_ value: Int?) -> String? { value.map(String.init) }
        switch known {
        case .peakOpenFiles: return number(run.peakOpenFiles)
        case .peakPendingDefers: return number(run.peakPendingDefers)
        case .peakGoroutines: return number(run.peakGoroutines)
        case .goroutinesAtExit: return number(run.goroutinesAtExit)
        case .heapAllocs: return number(run.heapAllocs)
        case .heapBytes: return number(run.heapBytes)
        case .wallMillis: return number(run.wallMillis)
        case .dbInUse: return number(run.extra["dbInUse"])
        case .dbWaitCount: return number(run.extra["dbWaitCount"])
        case .stdout:
            let lines = run.stdout.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            if let text = figure.line { return lines.first { $0.contains(text) } }
            let text = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text.replacingOccurrences(of: "\n", with: " / ")
        }
    }
}
