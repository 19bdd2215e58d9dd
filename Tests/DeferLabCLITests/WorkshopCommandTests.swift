import Foundation
import XCTest
import GoToolchain
import TestSupport

/// `deferlab workshop …`, `toc`, `lesson` and the shell's `exercise` through the real executable.
final class WorkshopCommandTests: XCTestCase {
    func testInitListHintSolutionResetThroughTheCommandLine() throws {
        let dir = try temporaryDirectory(self)
        let ws = dir.appendingPathComponent("ws").path
        let initOut = try CLI.run(["workshop", "init", ws, "--lang", "zh"], in: dir)
        XCTAssertEqual(initOut.status, 0, initOut.stderr)
        XCTAssertTrue(initOut.stdout.contains("个练习"), initOut.stdout)
        XCTAssertEqual(try CLI.run(["workshop", "init", ws], in: dir).status, 2, "a non-empty folder needs --force")
        XCTAssertEqual(try CLI.run(["workshop", "init", ws, "--force", "--lang", "zh"], in: dir).status, 0)

        // The stored language wins over the environment; --lang wins over both.
        let list = try CLI.run(["workshop", "list"], in: URL(fileURLWithPath: ws), env: ["DEFERLAB_LANG": "en"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("未完成"), list.stdout)
        XCTAssertTrue(list.stdout.contains("▸  1  loop-files"), list.stdout)
        let json = try CLI.run(["workshop", "list", "--json", "--dir", ws], in: dir)
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(items.count, 12)
        XCTAssertEqual(items.filter { $0["current"] as? Bool == true }.count, 1)

        let hint = try CLI.run(["workshop", "hint", "loop-files", "--dir", ws, "--lang", "en"], in: dir)
        XCTAssertEqual(hint.status, 0, hint.stderr)
        XCTAssertTrue(hint.stdout.hasPrefix("Hint 1/"), hint.stdout)
        let second = try CLI.run(["workshop", "hint", "loop-files", "--dir", ws, "--lang", "en"], in: dir)
        XCTAssertTrue(second.stdout.hasPrefix("Hint 2/"), second.stdout)

        XCTAssertEqual(try CLI.run(["workshop", "solution", "loop-files", "--dir", ws], in: dir).status, 1)
        let forced = try CLI.run(["workshop", "solution", "loop-files", "--force", "--dir", ws], in: dir)
        XCTAssertTrue(forced.stdout.contains("func checksumFiles"), forced.stdout)

        let work = URL(fileURLWithPath: ws).appendingPathComponent("loop-files/work.go")
        try "package main\n".write(to: work, atomically: true, encoding: .utf8)
        let declined = try CLI.run(["workshop", "reset", "loop-files", "--dir", ws], in: dir, stdin: "n\n")
        XCTAssertEqual(declined.status, 1)
        XCTAssertEqual(try String(contentsOf: work, encoding: .utf8), "package main\n")
        let reset = try CLI.run(["workshop", "reset", "loop-files", "--dir", ws], in: dir, stdin: "y\n")
        XCTAssertEqual(reset.status, 0, reset.stderr)
        XCTAssertTrue(try String(contentsOf: work, encoding: .utf8).contains("defer f.Close()"))

        let lang = try CLI.run(["workshop", "lang", "en", "--dir", ws], in: dir)
        XCTAssertEqual(lang.status, 0, lang.stderr)
        XCTAssertTrue(try String(contentsOfFile: ws + "/README.md", encoding: .utf8).contains("DeferLab workshop"))

        // Damaged progress: a warning, a fresh start, the command still works.
        try "garbage".write(toFile: ws + "/.deferlab/workshop.json", atomically: true, encoding: .utf8)
        let damaged = try CLI.run(["workshop", "list", "--dir", ws, "--lang", "en"], in: dir)
        XCTAssertEqual(damaged.status, 0)
        XCTAssertTrue(damaged.stderr.contains("damaged"), damaged.stderr)
    }

    func testErrorsExitTwo() throws {
        let dir = try temporaryDirectory(self)
        let notWorkshop = try CLI.run(["workshop", "list", "--lang", "en"], in: dir)
        XCTAssertEqual(notWorkshop.status, 2)
        XCTAssertTrue(notWorkshop.stderr.contains("is not a workshop folder"), notWorkshop.stderr)
        try CLI.run(["workshop", "init", "ws"], in: dir).status == 0 ? () : XCTFail("init failed")
        let unknown = try CLI.run(["workshop", "hint", "no-such", "--dir", "ws", "--lang", "en"], in: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no such exercise: no-such"), unknown.stderr)
        XCTAssertEqual(try CLI.run(["workshop", "frobnicate"], in: dir).status, 2)
        XCTAssertEqual(try CLI.run(["workshop", "init"], in: dir).status, 2, "init needs a folder")
        XCTAssertEqual(try CLI.run(["workshop", "init", "--dir", "ws2", "--lang", "en"], in: dir).status, 0, "--dir works for init too")
        // A folder that cannot be made: the system's reason, not a crash or a stack of NSError text.
        try "x".write(to: dir.appendingPathComponent("afile"), atomically: true, encoding: .utf8)
        let blocked = try CLI.run(["workshop", "init", "afile/ws", "--lang", "en"], in: dir)
        XCTAssertEqual(blocked.status, 2)
        XCTAssertTrue(blocked.stderr.hasSuffix("afile/ws: Not a directory\n"), blocked.stderr)
        let onFile = try CLI.run(["workshop", "init", "afile", "--lang", "en"], in: dir)
        XCTAssertEqual(onFile.status, 2)
        XCTAssertTrue(onFile.stderr.contains("afile: not a directory"), onFile.stderr)
    }

    func testCheckOneExerciseFailsThenPassesAndWatchSeesTheSave() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: exercises cannot be checked") }
        let dir = try temporaryDirectory(self)
        XCTAssertEqual(try CLI.run(["workshop", "init", "ws", "--lang", "en"], in: dir).status, 0)
        let ws = dir.appendingPathComponent("ws")
        let failing = try CLI.run(["workshop", "check", "loop-files"], in: ws)
        XCTAssertEqual(failing.status, 1, failing.stderr)
        XCTAssertTrue(failing.stdout.contains("✗ loop-files failed"), failing.stdout)
        XCTAssertTrue(failing.stdout.range(of: #"measured peakOpenFiles = \d{3}, required ≤ 2"#, options: .regularExpression) != nil,
                      failing.stdout)
        let json = try CLI.run(["workshop", "check", "--json", "loop-files"], in: ws)
        XCTAssertEqual(json.status, 1, json.stderr)
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0]["passed"] as? Bool, false)
        let problem = try XCTUnwrap((items[0]["problems"] as? [[String: Any]])?.first)
        XCTAssertEqual(problem["kind"] as? String, "limit")
        XCTAssertEqual(problem["max"] as? Int, 2)
        XCTAssertGreaterThan(problem["measured"] as? Int ?? 0, 2)

        // watch: a saved solution is checked and passes; Ctrl-C leaves.
        let process = try ProcessRunner().start(ProcessRequest(
            executable: CLI.binary.path, arguments: ["workshop", "watch", "--lang", "en"],
            workingDirectory: ws, timeout: .seconds(90)))
        Thread.sleep(forTimeInterval: 1.0)
        let solution = try XCTUnwrap(projectFolder()?.appendingPathComponent("Content/exercises/loop-files/solution/work.go"))
        try Data(contentsOf: solution).write(to: ws.appendingPathComponent("loop-files/work.go"))
        let deadline = Date().addingTimeInterval(60)
        let state = ws.appendingPathComponent(".deferlab/workshop.json")
        while Date() < deadline {
            if (try? String(contentsOf: state, encoding: .utf8))?.contains("\"passed\" : true") == true { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        kill(process.pid, SIGINT)
        let result = process.wait()
        XCTAssertEqual(result.termination, .exited(0), result.standardErrorText)
        XCTAssertTrue(result.standardOutputText.contains("loop-files/work.go saved."), result.standardOutputText)
        XCTAssertTrue(result.standardOutputText.contains("✓ loop-files passed"), result.standardOutputText)
        XCTAssertTrue(result.standardOutputText.contains("Stopped watching."), result.standardOutputText)

        let list = try CLI.run(["workshop", "list"], in: ws)
        XCTAssertTrue(list.stdout.contains("loop-files                passed"), list.stdout)
        XCTAssertTrue(list.stdout.contains("▸  2"), "the next pending exercise is current: \(list.stdout)")
        XCTAssertEqual(try CLI.run(["workshop", "solution", "loop-files"], in: ws).status, 0, "passed: the solution is shown")
    }

    func testTocLessonAndShellExercise() throws {
        let toc = try CLI.run(["toc", "--lang", "en"])
        XCTAssertEqual(toc.status, 0, toc.stderr)
        XCTAssertTrue(toc.stdout.contains("2.4"), toc.stdout)
        let lesson = try CLI.run(["lesson", "2.4", "--lang", "zh"])
        XCTAssertEqual(lesson.status, 0, lesson.stderr)
        XCTAssertTrue(lesson.stdout.contains("2.4 闭包捕获与延迟释放的陷阱"), lesson.stdout)
        XCTAssertEqual(try CLI.run(["lesson", "9.9", "--lang", "en"]).status, 2, "an unknown section is a usage error")

        let dir = try temporaryDirectory(self)
        let state = dir.appendingPathComponent("state")
        let shell = try CLI.run(["--lang", "en"], in: dir, env: ["XDG_STATE_HOME": state.path],
                                stdin: "exercise init ws\nexercise list\nexercise hint loop-files\nexercise solution loop-files\nopen 3.1\nquit\n")
        XCTAssertEqual(shell.status, 0, shell.stderr)
        XCTAssertTrue(shell.stdout.contains("exercises are ready in"), shell.stdout)
        XCTAssertTrue(shell.stdout.contains("▸  1  loop-files"), shell.stdout)
        XCTAssertTrue(shell.stdout.contains("Hint 1/"), shell.stdout)
        XCTAssertTrue(shell.stdout.contains("has not passed yet"), shell.stdout)
        let flat = shell.stdout.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        XCTAssertTrue(flat.contains("Practise it: loop-files (defer f.Close() in a loop"), "a section points at its exercises: \(flat)")

        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: exercise check cannot run") }
        let check = try CLI.run(["--lang", "zh"], in: dir, env: ["XDG_STATE_HOME": state.path],
                                stdin: "练习 check loop-files\nquit\n")
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("✗ loop-files 未通过"), check.stdout)
        XCTAssertTrue(check.stdout.contains("测得 peakOpenFiles ="), check.stdout)
    }
}

/// The checkout holding Content/ (the test binary lives in .build inside it).
func projectFolder() -> URL? {
    var dir = CLI.binary.deletingLastPathComponent()
    while dir.path != "/" {
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Content/exercises").path) { return dir }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}
