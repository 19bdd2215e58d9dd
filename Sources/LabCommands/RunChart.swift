import LabRunner

/// A terminal chart of a figure over time, bad and fixed on one shared scale, so a leak is
/// seen climbing while the fix stays flat. Each row is one run; each column the highest value
/// in its slice of the run's wall time (samples and the peak events the probe sent). Block
/// characters on a terminal, a plain ASCII ramp otherwise.
public enum RunChart {
    public enum Figure: Sendable { case openFiles, pendingDefers }

    public static func lines(_ runs: [RunMeasurement], figure: Figure, title: String, width: Int = 48,
                             plain: Bool, label: (RunMeasurement) -> String) -> [String] {
        // Samples and peak events in time order: a run shorter than the sampling interval has
        // its rise only in the events.
        let series = runs.map { run -> [Int] in
            let wanted: ProbePeak.Figure = figure == .openFiles ? .openFiles : .pendingDefers
            let points = run.samples.map { ($0.micros, figure == .openFiles ? $0.openFiles : $0.pendingDefers) }
                + run.peaks.filter { $0.figure == wanted }.map { ($0.micros, $0.value) }
            return points.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        }
        let peaks = runs.map { figure == .openFiles ? ($0.peakOpenFiles ?? 0) : ($0.peakPendingDefers ?? 0) }
        guard let top = peaks.max(), top > 0, series.contains(where: { !$0.isEmpty }) else { return [] }
        let ramp: [Character] = plain ? Array(" .:-=+*#%@") : Array(" ▁▂▃▄▅▆▇█")
        let names = runs.map(label)
        let nameWidth = names.map(\.count).max() ?? 0
        var out = [title]
        for (k, values) in series.enumerated() {
            var row = ""
            for c in 0..<width {
                // The samples falling in this column; the run's peak marks its highest column.
                let lo = values.count * c / width, hi = max(lo + 1, values.count * (c + 1) / width)
                let slice = values.isEmpty ? [0] : Array(values[min(lo, values.count - 1)..<min(hi, values.count)])
                let v = slice.max() ?? 0
                let level = v == 0 ? 0 : max(1, Int((Double(v) / Double(top) * Double(ramp.count - 1)).rounded()))
                row.append(ramp[min(level, ramp.count - 1)])
            }
            let name = names[k] + String(repeating: " ", count: nameWidth - names[k].count)
            out.append("\(name) |\(row)| \(peaks[k])")
        }
        return out
    }
}
