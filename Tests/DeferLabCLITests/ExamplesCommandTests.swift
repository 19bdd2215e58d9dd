import Foundation
import XCTest
@testable import LabCommands
import TestSupport

/// `deferlab examples`: the catalog in either language, and a clear error without content.
final class ExamplesCommandTests: XCTestCase {
    func testListsEveryExampleInTheChosenLanguage() throws {
        let en = try CLI.run(["examples", "--lang", "en"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertEqual(en.stderr, "")
        let lines = en.stdout.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, 15)
        XCTAssertTrue(lines.contains { $0.hasPrefix("3.1") && $0.contains("loop-defer-files") && $0.contains("ten thousand files") },
                      en.stdout)
        let zh = try CLI.run(["examples", "--lang", "zh"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertTrue(zh.stdout.contains("一万个文件"), zh.stdout)

        let json = try CLI.run(["examples", "--json", "--lang", "en"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        XCTAssertEqual(array.count, lines.count)
        XCTAssertEqual(array.first(where: { $0["id"] == "defer-cost" })?["kind"], "bench")
        XCTAssertEqual(Set(array.flatMap(\.keys)), ["id", "section", "kind", "title"])
    }

    /// A copy of the binary outside the project, DEFERLAB_HOME unset, run from elsewhere:
    /// exit 2 and a message naming what is missing and where it looked.
    func testInstalledCopyWithoutContentIsAClearError() throws {
        let dir = try temporaryDirectory(self).resolvingSymlinksInPath()
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("deferlab")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let cwd = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        for (lang, needles) in [("en", ["content not found", "no Content/examples in DEFERLAB_HOME or in", "Set DEFERLAB_HOME"]),
                                ("zh", ["找不到示例内容", "DEFERLAB_HOME 以及", "Content/examples"])] {
            let out = try CLI.run(["examples", "--lang", lang], in: cwd, removing: ["DEFERLAB_HOME"], executable: copy)
            XCTAssertEqual(out.status, 2, out.stdout + out.stderr)
            XCTAssertEqual(out.stdout, "")
            for needle in needles + [bin.path, cwd.path] {
                XCTAssertTrue(out.stderr.contains(needle), "\(lang): \(needle) not in \(out.stderr)")
            }
        }
        // A DEFERLAB_HOME without content is named too.
        let out = try CLI.run(["examples", "--lang", "en"], in: cwd, env: ["DEFERLAB_HOME": dir.path], executable: copy)
        XCTAssertEqual(out.status, 2, out.stdout + out.stderr)
        XCTAssertTrue(out.stderr.contains("DEFERLAB_HOME=\(dir.path)"), out.stderr)
    }
}
