import Foundation
import XCTest
import GoAnalysis
import GoToolchain
import DeferRules

/// Behaviour, not just syntax: trace programs print every open and close. After the fix
/// they must print the same lines, except that each close now comes at the end of its
/// iteration — right after the lines of the iteration that opened it.
final class TraceTests: XCTestCase {
    func testFixedTraceProgramsCloseEachIterationAndOtherwiseBehaveAlike() throws {
        guard let go = try? GoLocator.forCurrentProcess().locate() else {
            throw XCTSkip("no Go toolchain found: the trace programs cannot run")
        }
        let traceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("trace")
        let programs = try FileManager.default.contentsOfDirectory(atPath: traceRoot.path).sorted()
        XCTAssertFalse(programs.isEmpty)
        for name in programs {
            let src = traceRoot.appendingPathComponent(name).appendingPathComponent("main.go")
            let original = [UInt8](try Data(contentsOf: src))
            var driver = Driver(analyzers: [LoopDefer.analyzer])
            driver.fixes = .safe
            let outcome = driver.analyze([(src.path, original)])[0]
            let fixed = try XCTUnwrap(outcome.fixed, "\(name): the fix changed nothing")
            XCTAssertEqual(outcome.diagnostics.filter { $0.fix != nil }.count, 0)

            let before = try run(go, original)
            let after = try run(go, fixed)
            let isClose = { (l: Substring) in l.hasPrefix("close ") }
            XCTAssertEqual(before.filter { !isClose($0) }, after.filter { !isClose($0) },
                           "\(name): apart from closes, the same lines in the same order")
            XCTAssertEqual(before.filter(isClose).sorted(), after.filter(isClose).sorted(), "\(name): the same closes")
            XCTAssertNotEqual(before, after, "\(name): the closes moved")
            // Each close follows the iteration that opened it: the nearest open before it is its own.
            for (i, line) in after.enumerated() where isClose(line) {
                let opened = after[..<i].last { $0.hasPrefix("open ") }
                XCTAssertEqual(opened.map { String($0.dropFirst(5)) }, String(line.dropFirst(6)), "\(name): line \(i + 1): \(line)")
            }
        }
    }

    func run(_ go: GoToolchain, _ source: [UInt8]) throws -> [Substring] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(source).write(to: dir.appendingPathComponent("main.go"))
        try "module trace\n\ngo 1.23\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        let vet = try go.run(arguments: ["vet", "."], in: dir)
        XCTAssertTrue(vet.succeeded, vet.standardErrorText)
        let result = try go.run(arguments: ["run", "."], in: dir, timeout: .seconds(120))
        XCTAssertTrue(result.succeeded, result.standardErrorText)
        return result.standardOutputText.split(separator: "\n")
    }
}
