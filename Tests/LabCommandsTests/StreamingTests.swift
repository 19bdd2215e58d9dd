import Foundation
import XCTest
import GoAnalysis
import LabCommands
import TestSupport

/// The driver streams a tree folder by folder and keeps only what the output needs; on
/// GOROOT/src it must find exactly what one batch of every file analysed together finds.
final class StreamingTests: XCTestCase {
    func testStreamedFindingsEqualOneBatchOnGoRoot() throws {
        let src = try TestGo.goRootSource()
        let streamed = try FixRun.run(paths: [src.path + "/..."], options: FixOptions())
        var sources: [(path: String, bytes: [UInt8])] = []
        for case .file(let path) in SourceWalker.expand([src.path + "/..."], mode: .goCommand) {
            if case .success(let bytes) = FileReader.read(path) { sources.append((path, bytes)) }
        }
        let batch = Driver(analyzers: FixRun.allRules).analyze(sources)
        var expected: [String: [Diagnostic]] = [:]
        for f in batch where !f.diagnostics.isEmpty { expected[f.path] = f.diagnostics }
        var got: [String: [Diagnostic]] = [:]
        for f in streamed.report.files where !f.diagnostics.isEmpty { got[f.path] = f.diagnostics }
        XCTAssertGreaterThan(expected.values.map(\.count).reduce(0, +), 300, "GOROOT has findings")
        XCTAssertEqual(Set(got.keys), Set(expected.keys))
        for (path, list) in expected { XCTAssertEqual(got[path], list, path) }
        // Files without findings keep neither their bytes nor their line table.
        let idle = streamed.report.files.filter { $0.diagnostics.isEmpty && $0.syntaxErrors.isEmpty && $0.fixed == nil }
        XCTAssertTrue(idle.allSatisfy { $0.bytes.isEmpty && $0.source == nil && $0.size > 0 })
    }
}
