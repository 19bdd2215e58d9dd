import LabRunner

/// A terminal chart of a figure over time, bad and fixed on one shared scale, so a leak is
/// seen climbing while the fix stays flat. Each row is one run; each column the highest value
/// in its slice of the run's wall time (samples and the peak events the probe sent). Block
/// characters on a terminal, a plain ASCII ramp otherwise.
public enum RunChart {
    public enum Figure: Sendable { case openFiles, pendingDefers }

    public static func lines(_ runs: [RunMeasurement], figure: Figure, title: String, width: Int = 48,
                             plain: Bool, label: (RunMeasurement) -> String) -> [String] {
        let series = runs.map { run -> [Int] in
            run.samples.map { figure == .openFiles ? $0.openFiles : $0.pendingDefers }
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
