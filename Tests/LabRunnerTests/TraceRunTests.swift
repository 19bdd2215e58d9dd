import Foundation
import XCTest
import GoToolchain
import LabContent
@testable import LabRunner

/// `deferlab trace` from real runs: registration order and values, the order calls start
/// and what started them, recover, named results, what never ran at exit, goroutines, and a
/// program's output unchanged by the tracing.
final class TraceRunTests: XCTestCase {
    static let programs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("programs")

    func runner() throws -> LabRunner {
        do { return LabRunner.cachingBinaries(go: try GoLocator.forCurrentProcess().locate()) }
        catch { throw XCTSkip("no Go toolchain: nothing can be traced: \(error)") }
    }

    func trace(_ id: String, _ variant: Variant = .bad, go: String? = nil) throws -> (RunMeasurement, [TraceEvent]) {
        let example = try XCTUnwrap(try ExampleCatalog.forCurrentProcess().example(id: id))
        var options = RunOptions(arguments: example.manifest.args, timeout: example.manifest.timeout)
        options.goVersion = go
        let run = try runner().trace(.directory(example.folder(for: variant)), id: id, variant: variant.rawValue, options: options)
        XCTAssertNil(run.failure, "\(id): \(run.failure?.description ?? "")")
        return (run, run.trace ?? [])
    }

    func testLIFOOrderAndArgumentsTakenAtTheDefer() throws {
        let (_, lifo) = try trace("defer-lifo-order")
        let writeReport = lifo.filter { $0.function == "writeReport" }
        let registered = writeReport.filter { $0.event == "defer" }.map(\.seq)
        let started = writeReport.filter { $0.event == "run" }.compactMap(\.deferSeq)
        XCTAssertEqual(registered.count, 2)
        XCTAssertEqual(started, registered.reversed(), "last in, first out")
        XCTAssertTrue(writeReport.filter { $0.event == "run" }.allSatisfy { $0.from == "return" })

        let (_, param) = try trace("defer-param-order")
        let defers = param.filter { $0.event == "defer" }
        XCTAssertEqual(defers.map { $0.args ?? [] }, [["0"], ["1"], ["2"]], "i as each defer statement took it")
        XCTAssertEqual(defers.map(\.iteration), [0, 1, 2])
        XCTAssertEqual(param.filter { $0.event == "run" }.compactMap(\.deferSeq), defers.map(\.seq).reversed())
        XCTAssertEqual(defers.last?.pending, 3)
    }

    func testClosuresUnderGo121HaveNoArgumentsToRecord() throws {
        let (run, events) = try trace("loopvar-capture", go: "1.21")
        XCTAssertEqual(run.stdout, "deferred closures printed: 3 3 3\n")
        let defers = events.filter { $0.event == "defer" }
        XCTAssertEqual(defers.count, 3)
        XCTAssertTrue(defers.allSatisfy { ($0.args ?? []).isEmpty }, "a closure captures i; it takes no value at the defer")
        XCTAssertEqual(events.filter { $0.event == "run" }.count, 3)
    }

    func testNamedResultAfterTheDefers() throws {
        let (_, fixed) = try trace("defer-return-value", .fixed)
        XCTAssertEqual(fixed.first { $0.event == "return" && $0.function == "count" }?.results, ["1"])
        let (_, bad) = try trace("defer-return-value", .bad)
        XCTAssertNil(bad.first { $0.event == "return" && $0.function == "count" }?.results, "an unnamed result cannot be shown")
    }

    func testWhatNeverRanAtExitAndInOtherGoroutines() throws {
        let (_, exit) = try trace("os-exit-skips-defers")
        let atExit = try XCTUnwrap(exit.first { $0.event == "exit" })
        XCTAssertEqual(atExit.reason, "os.Exit")
        XCTAssertEqual(atExit.pending, 2)
        XCTAssertEqual(atExit.pendingCalls, ["fmt.Println(\"deferred: report finished\")", "out.Flush()"], "the next to run first")
        XCTAssertEqual(exit.filter { $0.event == "run" }.count, 0)

        let (_, main) = try trace("goroutine-defer-main-exit")
        let exits = main.filter { $0.event == "exit" }
        XCTAssertEqual(exits.count, 3, "one per worker")
        XCTAssertTrue(exits.allSatisfy { $0.reason == "main returned" && $0.pending == 1 })
        let workers = Set(main.filter { $0.event == "defer" && $0.function == "worker" }.map(\.goroutine))
        XCTAssertEqual(Set(exits.map(\.goroutine)), workers, "the workers' defers are the ones left")
        XCTAssertEqual(workers.count, 3)
    }

    func testPanicRecoverGoexitAndOutputUnchanged() throws {
        let runner = try runner()
        let program = ProgramSource.directory(Self.programs.appendingPathComponent("trace-shapes"))
        let traced = runner.trace(program, id: "trace-shapes", variant: nil, options: RunOptions())
        let plain = runner.run(program, id: "trace-shapes", variant: nil, options: RunOptions())
        XCTAssertNil(traced.failure, traced.failure?.description ?? "")
        XCTAssertEqual(traced.stdout, plain.stdout, "tracing changes nothing the program prints")
        XCTAssertEqual(traced.stdout, "goroutine: deferred\ndouble: 42\nreturning\nfirst deferred\nrecovered: boom in defer\n")
        let events = traced.trace ?? []
        let runs = events.filter { $0.event == "run" }
        XCTAssertEqual(runs.filter { $0.from == "goexit" }.map(\.call), ["fmt.Println(\"goroutine: deferred\")", "wg.Done()"])
        XCTAssertEqual(runs.filter { $0.from == "panic" }.map(\.line), [21, 17], "after the deferred panic, the rest run from the panic")
        XCTAssertEqual(events.first { $0.event == "recover" }?.value, "boom in defer")
        XCTAssertEqual(events.first { $0.event == "return" && $0.function == "double" }?.results, ["42"])
        XCTAssertEqual(events.map(\.seq), Array(1...events.count), "one numbering over the whole program")
    }

    /// The traced copy prints what the program prints, for every example whose output does
    /// not depend on timing or temporary paths.
    func testTracingKeepsEveryExamplesOutput() throws {
        let runner = try runner()
        let catalog = try ExampleCatalog.forCurrentProcess()
        var compared = 0
        // Chapters 2 and 3.3: short programs (the others' output depends on timing or load).
        for example in catalog.examples where example.manifest.kind == .program
            && (example.manifest.section.hasPrefix("2.") || example.manifest.section == "3.3") {
            for variant in Variant.allCases {
                var options = RunOptions(arguments: example.manifest.args, timeout: example.manifest.timeout)
                options.separateAllocationRun = false
                let folder = ProgramSource.directory(example.folder(for: variant))
                let plain = runner.run(folder, id: example.id, variant: variant.rawValue, options: options)
                let traced = runner.trace(folder, id: example.id, variant: variant.rawValue, options: options)
                XCTAssertNil(traced.failure, "\(example.id) \(variant): \(traced.failure?.description ?? "")")
                XCTAssertEqual(traced.exitCode, plain.exitCode, "\(example.id) \(variant)")
                let steady = !plain.stdout.contains("/tmp/") && !example.id.contains("goroutine") && !example.id.contains("pprof")
                    && !example.id.contains("middleware") && !example.id.contains("rows")
                if steady {
                    XCTAssertEqual(traced.stdout, plain.stdout, "\(example.id) \(variant)")
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 10)
    }
}
