import Foundation
import XCTest
@testable import LabShell
@testable import LabRunner
import LabLessons

/// Commands, aliases, suggestions, completion candidates and the state file.
final class ShellCommandTests: XCTestCase {
    func testNamesAndChineseAliases() {
        XCTAssertEqual(ShellCommand.named("toc"), .toc)
        XCTAssertEqual(ShellCommand.named("目录"), .toc)
        XCTAssertEqual(ShellCommand.named("下一节"), .next)
        XCTAssertEqual(ShellCommand.named("上一节"), .prev)
        XCTAssertEqual(ShellCommand.named("退出"), .quit)
        XCTAssertEqual(ShellCommand.named("QUIT"), .quit)
        XCTAssertNil(ShellCommand.named("nope"))
        XCTAssertEqual(ShellCommand.split("  open　2.4 ")?.word, "open")
        XCTAssertEqual(ShellCommand.split("open　2.4")?.arguments, ["2.4"], "a full-width space separates too")
        XCTAssertNil(ShellCommand.split("   "))
    }

    func testUnknownCommandsSuggestTheNearest() {
        XCTAssertEqual(ShellCommand.suggestion(for: "opne"), "open")
        XCTAssertEqual(ShellCommand.suggestion(for: "exlpain"), "explain")
        XCTAssertEqual(ShellCommand.suggestion(for: "tco"), nil, "two edits are too many for a short word")
        XCTAssertEqual(ShellCommand.suggestion(for: "hlep"), "help")
        XCTAssertEqual(ShellCommand.suggestion(for: "下一"), "next")
        XCTAssertNil(ShellCommand.suggestion(for: "xyzzy"))
        XCTAssertEqual(ShellCommand.editDistance("kitten", "sitting"), 3)
    }

    func testCompletionCandidates() {
        func complete(_ line: String) -> [String] {
            ShellCommand.completions(line: line, sections: ["1", "2.4", "2.5"], examples: ["loop-defer-files", "defer-cost"],
                                     rules: ["loop-defer", "loopvar-capture"])
        }
        XCTAssertEqual(complete("exp"), ["explain"])
        XCTAssertEqual(complete("open 2."), ["2.4", "2.5"])
        XCTAssertEqual(complete("explain loop"), ["loop-defer", "loopvar-capture"])
        XCTAssertEqual(complete("run loop"), ["loop-defer-files"])
        XCTAssertEqual(complete("lang "), ["zh", "en"])
        XCTAssertEqual(complete("quit x"), [])
        XCTAssertEqual(ShellCommand.completions(line: "exercise ", sections: [], examples: [], rules: []),
                       ShellExercise.subcommands)
        XCTAssertEqual(ShellCommand.completions(line: "exercise hint loop", sections: [], examples: [], rules: [],
                                                exercises: ["loop-files", "rows-pool"]), ["loop-files"])
    }

    func testFixCompletesGoFilesAndFolders() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pkg/sub"), withIntermediateDirectories: true)
        for name in ["pkg/main.go", "pkg/main_test.go", "pkg/notes.txt", "pkg/.hidden.go", "top.go"] {
            try Data().write(to: dir.appendingPathComponent(name))
        }
        func complete(_ line: String) -> [String] {
            ShellCommand.completions(line: line, sections: [], examples: [], rules: []) {
                ShellCommand.pathCandidates($0, in: dir.path)
            }
        }
        XCTAssertEqual(complete("fix "), ["pkg/", "top.go"])
        XCTAssertEqual(complete("fix pkg/"), ["pkg/main.go", "pkg/main_test.go", "pkg/sub/"], "only .go files and folders")
        XCTAssertEqual(complete("fix pkg/main_"), ["pkg/main_test.go"])
        XCTAssertEqual(complete("fix pkg/."), ["pkg/.hidden.go"], "hidden entries when asked for")
        XCTAssertEqual(complete("修复 t"), ["top.go"], "the Chinese alias completes too")
        XCTAssertEqual(complete("fix nowhere/x"), [])
    }

    func testStateStoreRoundTripsAndReportsDamage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = StateStore(folder: folder)
        XCTAssertEqual(try store.load().get(), ShellState(), "no file: a fresh start without a warning")
        try store.save(ShellState(section: "3.1"))
        XCTAssertEqual(try store.load().get().section, "3.1")
        try Data("{not json".utf8).write(to: store.stateFile)
        guard case .failure(.damaged) = store.load() else { return XCTFail("a damaged file is reported") }
        XCTAssertEqual(StateStore.folder(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]).path, "/x/state/deferlab")
        XCTAssertEqual(StateStore.folder(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path, "/h/.local/state/deferlab")
    }

    func testHistoryFileThatIsNotUTF8IsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertNil(EditLineReader.historyProblem(file), "no file yet is fine")
        try Data([0x5F, 0xFF, 0xFE, 0x0A]).write(to: file)
        XCTAssertEqual(EditLineReader.historyProblem(file), "not UTF-8")
        try Data("_HiStOrY_V2_\ntoc\n".utf8).write(to: file)
        XCTAssertNil(EditLineReader.historyProblem(file))
    }
}

/// What a run leaves for the lessons' `{{run:…}}` bindings.
final class RunResultsTests: XCTestCase {
    /// A bench example's lessons bind `stdout#BenchmarkX` to go test's result lines: the saved
    /// output carries them after the program's own.
    func testBenchmarkLinesFillStdoutBindings() {
        var run = RunMeasurement(id: "defer-cost", variant: "bad", exitCode: 0, stdout: "counter: 3\n", stderr: "",
                                 report: ProbeReport(), wallMillis: 5, timedOut: false, failure: nil)
        var cost = CostReport()
        cost.benchmarks = CostReport.benchmarks("BenchmarkDeferInLoop-2   \t  300\t  4012 ns/op\t  512 B/op\t  8 allocs/op\n")
        run.cost = cost
        var results = RunResults()
        results.record(run)
        let line = results.value(RunFigure(example: "defer-cost", variant: "bad", figure: "stdout", line: "BenchmarkDeferInLoop"))
        XCTAssertEqual(line, "BenchmarkDeferInLoop\t4012.00 ns/op\t512 B/op\t8 allocs/op")
        XCTAssertEqual(results.value(RunFigure(example: "defer-cost", variant: "bad", figure: "stdout", line: "counter")), "counter: 3")
        XCTAssertNil(results.value(RunFigure(example: "defer-cost", variant: "fixed", figure: "stdout", line: "BenchmarkDeferInLoop")))
    }

    /// `stdout#NAME=` gives only the value after NAME= on the first line that has it.
    func testAValueOfAFigureLine() {
        let run = RunMeasurement(id: "middleware-defer", variant: "bad", exitCode: 0,
                                 stdout: "1x: 20 requests\nfigure: goroutines1x=9 heapInuseKB1x=1120\n", stderr: "",
                                 report: ProbeReport(), wallMillis: 5, timedOut: false, failure: nil)
        var results = RunResults()
        results.record(run)
        func value(_ text: String) -> String? {
            results.value(RunFigure(example: "middleware-defer", variant: "bad", figure: "stdout", line: text))
        }
        XCTAssertEqual(value("heapInuseKB1x="), "1120")
        XCTAssertEqual(value("goroutines1x="), "9")
        XCTAssertEqual(value("figure: goroutines1x="), "9")
        XCTAssertEqual(value("figure:"), "figure: goroutines1x=9 heapInuseKB1x=1120")
        XCTAssertNil(value("heapInuseKB10x="))
    }
}
