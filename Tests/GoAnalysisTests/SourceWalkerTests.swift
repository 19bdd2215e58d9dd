import Foundation
import XCTest
import GoAnalysis
import TestSupport

/// The walk takes each folder's entries by name and enters subfolders where they come (two
/// threads read the folders; the order is the same as one thread's), skipping what the go
/// command or gofmt skips.
final class SourceWalkerTests: XCTestCase {
    func testWalkOrderAndSkippedFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walker-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ["a.go", "b/c.go", "b/d/e.go", "b/z.go", "b.go", "c.txt", "vendor/v.go", "testdata/t.go",
                     "_hidden/h.go", ".dot/d.go", ".x.go", "x.go/inside.go", "y/deep/deeper/w.go", "y/a.go"]
        for f in files {
            let url = root.appendingPathComponent(f)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("package p\n".utf8).write(to: url)
        }
        // A link to a folder is not followed.
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: root.appendingPathComponent("y"))
        let paths = { (mode: SourceWalker.Mode) -> [String] in
            SourceWalker.expand([root.path + "/..."], mode: mode).compactMap { item in
                if case .file(let p, let size) = item {
                    XCTAssertEqual(size, 10)
                    return String(p.dropFirst(root.path.count + 1))
                }
                return nil
            }
        }
        XCTAssertEqual(paths(.goCommand), ["a.go", "b/c.go", "b/d/e.go", "b/z.go", "b.go", "x.go/inside.go", "y/a.go", "y/deep/deeper/w.go"])
        // gofmt skips files, not folders, whose names start with a dot.
        XCTAssertEqual(paths(.gofmt), [".dot/d.go", "_hidden/h.go", "a.go", "b/c.go", "b/d/e.go", "b/z.go", "b.go", "testdata/t.go",
                                       "vendor/v.go", "x.go/inside.go", "y/a.go", "y/deep/deeper/w.go"])
        XCTAssertEqual(SourceWalker.folder(of: "a/b/c.go"), "a/b")
        XCTAssertEqual(SourceWalker.folder(of: "/c.go"), "/")
        XCTAssertEqual(SourceWalker.folder(of: "c.go"), "")
        XCTAssertEqual(SourceWalker.expand([root.appendingPathComponent("missing").path]), [.missing(root.appendingPathComponent("missing").path)])
    }

    /// Names are read where readdir leaves them: names of every length up to the longest a
    /// file system allows, in a folder that fills readdir's buffer many times, come back whole.
    /// (Copying the 256-byte name field read past a short record at the end of the buffer, and
    /// crashed a walk of GOROOT/src when that buffer ended at a page's end.)
    func testNamesOfEveryLengthInAFolderThatFillsManyBuffers() throws {
        let root = try temporaryDirectory(self)
        var expected: [String] = []
        for length in 4...255 {
            for copy in 0..<8 {
                let name = String(repeating: Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(copy))), count: length - 3) + ".go"
                XCTAssertTrue(FileManager.default.createFile(atPath: root.appendingPathComponent(name).path, contents: Data("package p\n".utf8)))
                expected.append(name)
            }
        }
        let found = SourceWalker.expand([root.path]).compactMap { item -> String? in
            if case .file(let p, _) = item { return String(p.dropFirst(root.path.count + 1)) }
            return nil
        }
        XCTAssertEqual(found.count, expected.count)
        XCTAssertEqual(found, expected.sorted())
    }
}
