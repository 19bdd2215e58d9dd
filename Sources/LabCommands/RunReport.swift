import Foundation
import LabContent
import LabRunner
import LabText

/// What `deferlab run` shows for its measurements: a side-by-side table of the figures, the
/// programs' own output, and failures, in one language; or one JSON array.
public struct RunReport: Sendable {
    /// One measurement per requested variant, in the order run.
    public var runs: [RunMeasurement]
    /// The open-file limit the runs had, if one was set.
    public var openFileLimit: Int?

    /// Creates a report.
    public init(runs: [RunMeasurement], openFileLimit: Int? = nil) {
        self.runs = runs
        self.openFileLimit = openFileLimit
    }

    /// True when every run was built and measured (the programs' own exit status aside).
    public var allMeasured: Bool { runs.allSatisfy(\.measured) }

    /// The table, charts of open files and pending defers over time, and the programs'
    /// output, for standard output. `plain`: no block characters (not a terminal).
    /// `width`: the terminal's columns, which the charts fit (nil: the charts' own width).
    public func lines(_ catalog: Catalog, plain: Bool = true, width: Int? = nil) -> [String] {
        var out: [String] = []
        if let openFileLimit { out.append(catalog.text(.runNoFile, String(openFileLimit))) }
        let measured = runs.filter(\.measured)
        if !measured.isEmpty {
            out += table(measured, catalog)
            for run in measured {
                guard let cost = run.cost else { continue }
                out.append("")
                out.append(catalog.text(.runCostOf, label(run, catalog)))
                for b in cost.benchmarks {
                    let bytes = b.bytesPerOp.map { "\($0) B/op" } ?? ""
                    let allocs = b.allocsPerOp.map { "\($0) allocs/op" } ?? ""
                    out.append("  " + [b.name.padding(toLength: 28, withPad: " ", startingAt: 0),
                                       String(format: "%10.2f ns/op", b.nsPerOp), bytes, allocs].joined(separator: "  "))
                }
                for v in cost.verdicts {
                    out.append("  \(v.position): \(v.kind) — \(v.source)")
                }
                if let failure = cost.failure { out.append(failure) }
            }
            for (figure, title) in [(RunChart.Figure.openFiles, catalog.text(.runChartOpenFiles)),
                                    (.pendingDefers, catalog.text(.runChartPendingDefers))] {
                // Label, " |", the bar, "| ", the peak: the bar gets what is left.
                let labelWidth = measured.map { TextLayout.width(label($0, catalog)) }.max() ?? 0
                let peakWidth = 8
                let barWidth = width.map { max(12, min(48, $0 - labelWidth - 4 - peakWidth)) } ?? 48
                let chart = RunChart.lines(measured, figure: figure, title: title, width: barWidth, plain: plain) { label($0, catalog) }
                if !chart.isEmpty { out += [""] + chart }
            }
            for run in measured {
                out.append("")
                out.append(catalog.text(.runOutputOf, label(run, catalog)))
                let text = run.stdout + run.stderr
                out += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if text.hasSuffix("\n") { out.removeLast() }
            }
        }
        return out
    }

    /// Why runs were not measured, for standard error.
    public func problems(_ catalog: Catalog) -> [String] {
        runs.compactMap { run in
            switch run.failure {
            case nil: return nil
            case .build(let output)?: return catalog.text(.runBuildFailed, label(run, catalog), output)
            case .notMain(let package?)?: return catalog.text(.runNotMain, label(run, catalog), package)
            case .notMain(nil)?: return catalog.text(.runNoGoFiles, label(run, catalog))
            case let failure?: return catalog.text(.runFailed, label(run, catalog), failure.description)
            }
        }
    }

    /// One JSON array with an object per run (see ``RunMeasurement``).
    public func json() -> String {
        JSONOutput.string(runs, fallback: "[]")
    }

    /// The name of a run's variant: bad, fixed, the learner's copy (`mine`), or nil for a program.
    private func variantName(_ run: RunMeasurement, _ catalog: Catalog) -> String? {
        switch run.variant {
        case Variant.bad.rawValue?: return catalog.text(.runVariantBad)
        case Variant.fixed.rawValue?: return catalog.text(.runVariantFixed)
        case RunReport.mine?: return catalog.text(.runVariantMine)
        default: return nil
        }
    }

    /// The variant name of the learner's own copy of an example.
    public static let mine = "mine"

    private func label(_ run: RunMeasurement, _ catalog: Catalog) -> String {
        variantName(run, catalog).map { "\(run.id) \($0)" } ?? run.id
    }

    private func table(_ runs: [RunMeasurement], _ catalog: Catalog) -> [String] {
        let header = [catalog.text(.runFigure)] + runs.map { variantName($0, catalog) ?? catalog.text(.runProgram) }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "-" }
        let exit: [String] = runs.map { run in
            let code = run.exitCode.map(String.init) ?? "-"
            return run.timedOut ? "\(code) (\(catalog.text(.runTimedOut)))" : code
        }
        let rows: [[String]] = [
            header,
            [catalog.text(.runExitCode)] + exit,
            [catalog.text(.runPeakOpenFiles)] + runs.map { number($0.peakOpenFiles) },
            [catalog.text(.runPeakPendingDefers)] + runs.map { number($0.peakPendingDefers) },
            [catalog.text(.runPendingDefersAtExit)] + runs.map { number($0.pendingDefersAtExit) },
            [catalog.text(.runPeakGoroutines)] + runs.map { number($0.peakGoroutines) },
            [catalog.text(.runGoroutinesAtExit)] + runs.map { number($0.goroutinesAtExit) },
            [catalog.text(.runHeapAllocs)] + runs.map { number($0.heapAllocs) },
            [catalog.text(.runHeapBytes)] + runs.map { number($0.heapBytes) },
            [catalog.text(.runWallMillis)] + runs.map { number($0.wallMillis) },
        ]
        let widths = (0..<header.count).map { column in rows.map { TextLayout.width($0[column]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - TextLayout.width(cell))
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }
}
