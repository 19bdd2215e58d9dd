import XCTest
import LabRunner
@testable import LabCommands

final class RunChartTests: XCTestCase {
    func sample(_ t: Int, open: Int, pending: Int) -> ProbeSample {
        ProbeSample(micros: t, openFiles: open, goroutines: 1, heapAllocs: 0, heapBytes: 0, final: false, pendingDefers: pending)
    }

    func measurement(_ variant: String) -> RunMeasurement {
        RunMeasurement(id: "x", variant: variant, exitCode: 0, stdout: "", stderr: "", report: ProbeReport(),
                       wallMillis: 1, timedOut: false, failure: nil)
    }

    func testLeakClimbsAndFixStaysFlatOnOneScale() throws {
        var bad = measurement("bad")
        bad.samples = (0..<100).map { sample($0, open: $0 * 10, pending: $0 * 10) }
        bad.peakOpenFiles = 1000
        bad.peakPendingDefers = 1000
        var fixed = measurement("fixed")
        fixed.samples = (0..<100).map { sample($0, open: 1, pending: 1) }
        fixed.peakOpenFiles = 1
        fixed.peakPendingDefers = 1
        let lines = RunChart.lines([bad, fixed], figure: .openFiles, title: "open files", width: 20, plain: true) { $0.variant ?? "" }
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[1].hasPrefix("bad   |"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("| 1000"))
        let badRow = Array(lines[1].split(separator: "|")[1])
        XCTAssertEqual(badRow.count, 20)
        XCTAssertEqual(badRow.last, "@", "the highest column reaches the top of the ramp")
        XCTAssertLessThan(String(badRow.first!).unicodeScalars.first!.value, String(badRow.last!).unicodeScalars.first!.value)
        let fixedRow = lines[2].split(separator: "|")[1]
        XCTAssertEqual(Set(fixedRow), ["."], "the fix stays at the bottom of the shared scale")
        XCTAssertTrue(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, "plain output has no block characters")
        let blocks = RunChart.lines([bad, fixed], figure: .pendingDefers, title: "t", width: 20, plain: false) { $0.variant ?? "" }
        XCTAssertTrue(blocks[1].contains("█"), blocks[1])
    }

    /// A run shorter than the sampling interval: its samples see nothing pending, the peak
    /// events the probe sent between them do; the chart is drawn from both.
    func testShortRunIsDrawnFromTheProbesEvents() throws {
        var run = measurement("bad")
        run.samples = [sample(0, open: 0, pending: 0), sample(900, open: 0, pending: 0)]
        run.peaks = [ProbePeak(micros: 100, figure: .pendingDefers, value: 1), ProbePeak(micros: 101, figure: .pendingDefers, value: 2),
                     ProbePeak(micros: 102, figure: .pendingDefers, value: 3)]
        run.peakPendingDefers = 3
        let lines = RunChart.lines([run], figure: .pendingDefers, title: "pending", width: 10, plain: true) { $0.variant ?? "" }
        XCTAssertEqual(lines.count, 2)
        let row = Array(lines[1].split(separator: "|")[1])
        XCTAssertTrue(row.contains("@"), "the peak of three is drawn: \(lines[1])")
        XCTAssertEqual(row.last, " ", "and the end, when nothing is pending, is empty")
    }
}
