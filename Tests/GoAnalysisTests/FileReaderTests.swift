import Foundation
import XCTest
import GoAnalysis

/// FileReader reads the size fstat gives without zero-filling it first, then whatever lies
/// beyond (a file that grew, or one whose size says 0).
final class FileReaderTests: XCTestCase {
    func testReadsExactlyTheFilesBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filereader-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for size in [0, 1, 4095, 4096, 4097, 100_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let url = dir.appendingPathComponent("f\(size).go")
            try Data(bytes).write(to: url)
            XCTAssertEqual(try FileReader.read(url.path).get(), bytes, "size \(size)")
        }
        XCTAssertEqual(FileReader.read(dir.path).failureValue, .isDirectory)
        XCTAssertEqual(FileReader.read(dir.appendingPathComponent("missing.go").path).failureValue, .errno(ENOENT))
    }

    /// /proc files say their size is 0: everything is read all the same.
    func testReadsAFileWhoseSizeSaysZero() throws {
        let status = try FileReader.read("/proc/self/status").get()
        XCTAssertGreaterThan(status.count, 100)
        XCTAssertTrue(String(decoding: status, as: UTF8.self).contains("Pid:"))
    }
}

private extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
