import Foundation
import XCTest
import GoToolchain
import TestSupport

/// The learning shell on a real pseudo-terminal (tmux, 60×20): typing and deleting Chinese,
/// Tab completion, history recall with the up arrow, Ctrl-C at the prompt, Ctrl-D to leave.
final class ShellTerminalTests: XCTestCase {
    private var session = "deferlab-test-\(UUID().uuidString.prefix(8))"

    /// Runs tmux and returns its standard output. Through our own runner, with a timeout:
    /// Foundation's `Process.waitUntilExit` can miss a child's exit and wait forever, which
    /// once hung a whole CI run. Output is captured only for commands that do not start the
    /// tmux server (the server would otherwise hold the pipe).
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = false) throws -> String {
        guard let path = ProcessRunner.executablePath(named: "tmux", environment: ProcessInfo.processInfo.environment) else {
            throw XCTSkip("tmux is not installed")
        }
        let result = try ProcessRunner().run(ProcessRequest(
            executable: path, arguments: arguments,
            workingDirectory: FileManager.default.temporaryDirectory,
            timeout: .seconds(20),
            standardOutput: capture ? .capture : .discard,
            standardError: .discard))
        if result.timedOut { XCTFail("tmux \(arguments.first ?? "") did not finish within 20 s") }
        return result.standardOutputText
    }

    private func tmux(_ arguments: String...) throws -> String {
        try tmux(arguments, capture: true)
    }

    private var tmuxAvailable: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
        }
    }

    /// The screen once `needle` is on it (polling up to 10 s), or a failure with the screen.
    private func waitFor(_ needle: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var screen = ""
        for _ in 0..<100 {
            // With the scrollback, so long output does not hide what came before it.
            screen = try tmux("capture-pane", "-p", "-S", "-200", "-t", session)
            if screen.contains(needle) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("\(needle) not on the screen:\n\(screen)", file: file, line: line)
        return screen
    }

    private func keys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", session] + keys)
        Thread.sleep(forTimeInterval: 0.2)
    }

    func testTypingCompletionHistoryInterruptAndExit() throws {
        guard tmuxAvailable else { throw XCTSkip("tmux is not installed: the pseudo-terminal test needs it (apt-get install tmux)") }
        let state = try temporaryDirectory(self).appendingPathComponent("state")
        let command = "env XDG_STATE_HOME='\(state.path)' LANG=C.UTF-8 NO_COLOR=1 '\(CLI.binary.path)' --lang zh; echo SHELL-EXITED; sleep 30"
        // Not through a pipe: the tmux server this starts would hold the pipe open.
        try tmux(["new-session", "-d", "-s", session, "-x", "60", "-y", "20", command])
        addTeardownBlock { [self] in _ = try? tmux(["kill-session", "-t", session]) }
        _ = try waitFor("deferlab 1>")

        // Chinese typed and deleted with backspace leaves nothing behind; then a Chinese alias runs.
        try keys("下一节")
        try keys("BSpace", "BSpace", "BSpace")
        try keys("帮助", "Enter")
        var screen = try waitFor("quit（退出）")
        XCTAssertFalse(screen.contains("未知命令"), screen)
        XCTAssertFalse(screen.contains("\u{1B}"), "NO_COLOR: no escape codes")

        // Tab completes the command and the rule name.
        try keys("exp", "Tab")
        try keys("loop-d", "Tab")
        screen = try waitFor("explain loop-defer")
        try keys("Enter")
        screen = try waitFor("有问题的代码：")

        // The up arrow recalls the last line; Ctrl-C clears it.
        try keys("Up")
        screen = try waitFor("deferlab 1> explain loop-defer")
        let last = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertEqual(last.map { $0.trimmingCharacters(in: .whitespaces) }, "deferlab 1> explain loop-defer",
                       "the recalled line is at the prompt")
        try keys("C-c")
        screen = try waitFor("^C")
        try keys("toc", "Enter")
        screen = try waitFor("▸ 1")

        // A section longer than the screen comes a page at a time; q skips the rest.
        try keys("open 2.4", "Enter")
        screen = try waitFor("-- 还有")
        XCTAssertFalse(screen.contains("deferlab 2.4>"), "the prompt waits for the pager: \(screen)")
        try keys("q", "Enter")
        screen = try waitFor("deferlab 2.4>")

        // Ctrl-D on an empty line leaves, saving the state.
        try keys("C-d")
        screen = try waitFor("SHELL-EXITED")
        XCTAssertTrue(screen.contains("再见。下次从第 2.4 节继续。"), screen)
        let history = try String(contentsOf: state.appendingPathComponent("deferlab/history"), encoding: .utf8)
        XCTAssertTrue(history.contains("帮助"), history)
    }

    /// `edit` hands the terminal to the editor (here a script that reads a line typed at the
    /// terminal and adds it to the file) and takes it back: line editing and Tab work after.
    func testEditHandsTheTerminalToTheEditorAndBack() throws {
        guard tmuxAvailable else { throw XCTSkip("tmux is not installed: the pseudo-terminal test needs it (apt-get install tmux)") }
        let dir = try temporaryDirectory(self)
        let state = dir.appendingPathComponent("state"), editor = dir.appendingPathComponent("editor.sh")
        try write("#!/bin/sh\nprintf 'EDITOR-READY> '\nread line\necho \"// $line\" >> \"$1\"\n", to: editor)
        XCTAssertEqual(chmod(editor.path, 0o755), 0)
        let command = "env XDG_STATE_HOME='\(state.path)' EDITOR='\(editor.path)' LANG=C.UTF-8 NO_COLOR=1 '\(CLI.binary.path)' --lang en; echo SHELL-EXITED; sleep 30"
        try tmux(["new-session", "-d", "-s", session, "-x", "100", "-y", "30", command])
        addTeardownBlock { [self] in _ = try? tmux(["kill-session", "-t", session]) }
        _ = try waitFor("deferlab 1>")
        try keys("edit defer-param-order", "Enter")
        _ = try waitFor("EDITOR-READY>")
        try keys("typed by hand", "Enter")
        _ = try waitFor("show diff mine to see what you changed")
        try keys("show diff mine", "Enter")
        _ = try waitFor("+// typed by hand")
        try keys("exp", "Tab")
        _ = try waitFor("deferlab 1> explain")
        try keys("C-u", "C-d")
        _ = try waitFor("SHELL-EXITED")
    }

    /// Ctrl-C while an example runs stops the example, keeps its figures so far, and returns
    /// to the prompt; the shell itself goes on.
    func testCtrlCStopsARunningExampleNotTheShell() throws {
        guard tmuxAvailable else { throw XCTSkip("tmux is not installed: the pseudo-terminal test needs it (apt-get install tmux)") }
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: examples cannot run") }
        let state = try temporaryDirectory(self).appendingPathComponent("state")
        let command = "env XDG_STATE_HOME='\(state.path)' LANG=C.UTF-8 NO_COLOR=1 '\(CLI.binary.path)' --lang en; echo SHELL-EXITED; sleep 30"
        try tmux(["new-session", "-d", "-s", session, "-x", "100", "-y", "40", command])
        addTeardownBlock { [self] in _ = try? tmux(["kill-session", "-t", session]) }
        _ = try waitFor("deferlab 1>")
        // Workers that would take a minute: stop them while they are still at it.
        try keys("run goroutine-defer-main-exit fixed -- -workers 3 -work 60s -grace 100ms", "Enter")
        _ = try waitFor("Building and running goroutine-defer-main-exit")
        Thread.sleep(forTimeInterval: 2.0)
        try keys("C-c")
        var screen = try waitFor("exit status")
        XCTAssertTrue(screen.contains("^C"), screen)
        // Stopped by a signal (128 + SIGTERM or SIGKILL), not finished: a finished run exits 0.
        let status = screen.split(separator: "\n").first { $0.hasPrefix("exit status") }.map(String.init) ?? ""
        XCTAssertTrue(status.hasSuffix("143") || status.hasSuffix("137"), "the example was stopped: \(status)")
        screen = try waitFor("deferlab 1>", after: "exit status")
        try keys("toc", "Enter")
        screen = try waitFor("▸ 1")
        try keys("quit", "Enter")
        _ = try waitFor("SHELL-EXITED")
    }

    /// The screen once `needle` appears after `marker` (polling up to 10 s).
    private func waitFor(_ needle: String, after marker: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var screen = ""
        for _ in 0..<100 {
            screen = try tmux("capture-pane", "-p", "-S", "-200", "-t", session)
            if let r = screen.range(of: marker), screen[r.upperBound...].contains(needle) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("\(needle) not on the screen after \(marker):\n\(screen)", file: file, line: line)
        return screen
    }
}
