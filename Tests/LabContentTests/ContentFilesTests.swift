import Foundation
import XCTest
import LabContent
import TestSupport

/// ContentFiles.list reads each name where readdir leaves it (a record is only as long as its
/// name, so copying the 256-byte name field could read past readdir's buffer).
final class ContentFilesTests: XCTestCase {
    func testListGivesNamesOfEveryLengthWhole() throws {
        let root = try temporaryDirectory(self)
        var expected: [String] = []
        for length in 1...255 {
            for letter in ["a", "b", "c", "d"] {
                let name = String(repeating: letter, count: length)
                XCTAssertTrue(FileManager.default.createFile(atPath: root.appendingPathComponent(name).path, contents: Data()))
                expected.append(name)
            }
        }
        XCTAssertEqual(try ContentFiles.list(root.path).get().sorted(), expected.sorted())
        guard case .failure(let failure) = ContentFiles.list(root.appendingPathComponent("missing").path) else {
            return XCTFail("a missing folder was listed")
        }
        XCTAssertEqual(failure.code, ENOENT)
    }
}
