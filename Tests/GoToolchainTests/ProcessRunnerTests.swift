import XCTest
import TestSupport
@testable import GoToolchain

final class ProcessRunnerTests: XCTestCase {
    private let runner = ProcessRunner()

    private func shell(_ script: String, in directory: URL? = nil, timeout: Duration? = .seconds(60),
                       configure: (inout ProcessRequest) -> Void = { _ in }) throws -> ProcessResult {
        var request = ProcessRequest(
            executable: "/bin/sh", arguments: ["-c", script],
            workingDirectory: directory ?? URL(fileURLWithPath: "/"),
            environment: minimalEnvironment, timeout: timeout)
        configure(&request)
        return try runner.run(request)
    }

    func testExitCodes() throws {
        for code: Int32 in [0, 1, 3, 255] {
            let result = try shell("exit \(code)")
            XCTAssertEqual(result.termination, .exited(code))
            XCTAssertEqual(result.succeeded, code == 0)
            XCTAssertFalse(result.timedOut)
        }
    }

    func testSignaledStatus() throws {
        XCTAssertEqual(try shell("kill -TERM $$").termination, .signaled(SIGTERM))
        XCTAssertEqual(try shell("kill -KILL $$").termination, .signaled(SIGKILL))
    }

    func testStdoutAndStderrAreSeparate() throws {
        let result = try shell("echo out1; echo err1 >&2; echo out2; echo err2 >&2")
        XCTAssertEqual(result.standardOutputText, "out1\nout2\n")
        XCTAssertEqual(result.standardErrorText, "err1\nerr2\n")
    }

    func testLargeOutputOnBothStreamsDoesNotDeadlock() throws {
        // Each stream gets far more than a pipe buffer (64 KiB) while the other also fills.
        let result = try shell("head -c 5000000 /dev/zero & head -c 5000000 /dev/zero >&2; wait",
                               timeout: .seconds(30))
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.standardOutput.count, 5_000_000)
        XCTAssertEqual(result.standardError.count, 5_000_000)
        XCTAssertFalse(result.standardOutputTruncated)
    }

    func testOutputBeyondLimitIsTruncatedAndNoted() throws {
        let result = try shell("head -c 100000 /dev/zero; echo small >&2") { $0.outputLimit = 1000 }
        XCTAssertEqual(result.termination, .exited(0), "the child must not block on a full pipe")
        XCTAssertEqual(result.standardOutput.count, 1000)
        XCTAssertTrue(result.standardOutputTruncated)
        XCTAssertEqual(result.standardErrorText, "small\n")
        XCTAssertFalse(result.standardErrorTruncated)
    }

    func testTimeoutKillsTheWholeTree() throws {
        let directory = try temporaryDirectory(self)
        let pidFile = directory.appendingPathComponent("child.pid")
        let started = Date()
        let result = try shell("sleep 30 & echo $! > child.pid; wait", in: directory, timeout: .milliseconds(500))
        XCTAssertTrue(result.timedOut)
        XCTAssertEqual(result.termination, .signaled(SIGKILL))
        XCTAssertGreaterThanOrEqual(result.duration, .milliseconds(500))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        let child = try XCTUnwrap(readPid(from: pidFile), "the script never wrote its child's pid")
        XCTAssertTrue(waitUntilGone(child), "background child \(child) survived the timeout")
    }

    func testTerminateFromAnotherThreadKillsTree() throws {
        let directory = try temporaryDirectory(self)
        let pidFile = directory.appendingPathComponent("child.pid")
        let process = try runner.start(ProcessRequest(
            executable: "/bin/sh", arguments: ["-c", "sleep 30 & echo $! > child.pid; wait"],
            workingDirectory: directory, environment: minimalEnvironment))
        let child = try XCTUnwrap(readPid(from: pidFile))
        XCTAssertTrue(processIsAlive(child))
        DispatchQueue.global().async { process.terminate() }
        let result = process.wait()
        XCTAssertTrue(result.terminated)
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.termination, .signaled(SIGKILL))
        XCTAssertTrue(waitUntilGone(child), "background child \(child) survived terminate()")
        process.terminate()  // after the end: a harmless no-op
    }

    func testChildIsReapedAndNoDescriptorLeaks() throws {
        _ = try shell("true")  // let lazily created runtime descriptors settle first
        let before = try openDescriptorCount()
        for _ in 0..<20 {
            let process = try runner.start(ProcessRequest(
                executable: "/bin/echo", arguments: ["x"], workingDirectory: URL(fileURLWithPath: "/"),
                environment: minimalEnvironment, standardInput: .data(Data("in".utf8))))
            XCTAssertEqual(process.wait().standardOutputText, "x\n")
            var status: Int32 = 0
            XCTAssertEqual(waitpid(process.pid, &status, WNOHANG), -1, "child \(process.pid) not reaped")
        }
        XCTAssertEqual(try openDescriptorCount(), before)
    }

    func testChildSeesOnlyStandardDescriptors() throws {
        // `ls` itself holds one descriptor (3) for the directory it lists.
        let result = try shell("ls /proc/self/fd")
        XCTAssertEqual(result.standardOutputText.split(separator: "\n"), ["0", "1", "2", "3"])
    }

    func testOpenFileLimitIsApplied() throws {
        XCTAssertEqual(try shell("ulimit -n") { $0.openFileLimit = 37 }.standardOutputText, "37\n")
        // `paste` holds all its inputs open at once: ten files need more than 8 descriptors.
        let paste = ProcessRequest(
            executable: "/usr/bin/paste", arguments: Array(repeating: "/dev/null", count: 10),
            workingDirectory: URL(fileURLWithPath: "/"), environment: minimalEnvironment)
        var limited = paste
        limited.openFileLimit = 8
        let failed = try runner.run(limited)
        XCTAssertEqual(failed.termination, .exited(1))
        XCTAssertTrue(failed.standardErrorText.contains("Too many open files"), failed.standardErrorText)
        limited.openFileLimit = 32
        XCTAssertEqual(try runner.run(limited).termination, .exited(0))
        XCTAssertEqual(try runner.run(paste).termination, .exited(0), "no limit by default")
    }

    func testOpenFileLimitKeepsArgumentsIntact() throws {
        let result = try runner.run(ProcessRequest(
            executable: "/usr/bin/printf", arguments: ["[%s]", "a b", "$HOME", "'q'", ""],
            workingDirectory: URL(fileURLWithPath: "/"), environment: minimalEnvironment, openFileLimit: 64))
        XCTAssertEqual(result.standardOutputText, "[a b][$HOME]['q'][]")
    }

    func testWorkingDirectoryIsRespected() throws {
        let directory = try temporaryDirectory(self)
        XCTAssertEqual(try shell("pwd -P", in: directory).standardOutputText, directory.path + "\n")
    }

    func testMissingWorkingDirectoryThrows() {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        XCTAssertThrowsError(try shell("true", in: missing)) { error in
            XCTAssertEqual(error as? ProcessRunnerError, .workingDirectoryNotFound(path: missing.path))
        }
    }

    func testMissingExecutableThrows() {
        for limit in [nil, 64] {
            XCTAssertThrowsError(try runner.run(ProcessRequest(
                executable: "/nonexistent/program", workingDirectory: URL(fileURLWithPath: "/"),
                openFileLimit: limit))) { error in
                XCTAssertEqual(error as? ProcessRunnerError,
                               .spawnFailed(executable: "/nonexistent/program", errno: ENOENT))
            }
        }
    }

    func testStandardInputIsDelivered() throws {
        XCTAssertEqual(try shell("cat") { $0.standardInput = .data(Data("hello\nworld".utf8)) }.standardOutputText,
                       "hello\nworld")
        XCTAssertEqual(try shell("cat; echo end").standardOutputText, "end\n", "default stdin is /dev/null")
        // More than a pipe buffer in and out at once.
        let big = Data((0..<2_000_000).map { UInt8($0 % 251) })
        let echoed = try shell("cat") { $0.standardInput = .data(big) }
        XCTAssertEqual(echoed.standardOutput, big)
        // A child that never reads its input must not make us hang or crash on SIGPIPE.
        XCTAssertEqual(try shell("exit 0") { $0.standardInput = .data(big) }.termination, .exited(0))
    }

    func testEnvironmentIsExactlyWhatWasGiven() throws {
        let result = try runner.run(ProcessRequest(
            executable: "/usr/bin/env", workingDirectory: URL(fileURLWithPath: "/"),
            environment: ["ONLY": "this", "PATH": "/bin"]))
        XCTAssertEqual(Set(result.standardOutputText.split(separator: "\n")), ["ONLY=this", "PATH=/bin"])
    }

    func testProcessGroupModes() throws {
        let script = "cut -d' ' -f5 /proc/$$/stat"
        let own = try runner.start(ProcessRequest(
            executable: "/bin/sh", arguments: ["-c", script], workingDirectory: URL(fileURLWithPath: "/"),
            environment: minimalEnvironment))
        XCTAssertEqual(own.wait().standardOutputText, "\(own.pid)\n")
        let inherited = try shell(script) { $0.processGroup = .inheritForeground }
        XCTAssertEqual(inherited.standardOutputText, "\(getpgrp())\n")
    }

    func testInterruptSignalsAreResetToDefault() throws {
        // An ignored disposition survives exec; the child must get the default back.
        let previous = signal(SIGINT, SIG_IGN)
        defer { signal(SIGINT, previous) }
        let result = try runner.run(ProcessRequest(
            executable: "/bin/cat", arguments: ["/proc/self/status"], workingDirectory: URL(fileURLWithPath: "/"),
            environment: minimalEnvironment, processGroup: .inheritForeground))
        let line = try XCTUnwrap(result.standardOutputText.split(separator: "\n").first { $0.hasPrefix("SigIgn:") })
        let mask = try XCTUnwrap(UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16))
        XCTAssertEqual(mask & (1 << (UInt64(SIGINT) - 1)), 0, "SIGINT still ignored: \(line)")
        XCTAssertEqual(mask & (1 << (UInt64(SIGQUIT) - 1)), 0, "SIGQUIT still ignored: \(line)")
    }

    func testAsyncRunAndCancellation() async throws {
        let quick = try await runner.run(ProcessRequest(
            executable: "/bin/echo", arguments: ["async"], workingDirectory: URL(fileURLWithPath: "/"),
            environment: minimalEnvironment))
        XCTAssertEqual(quick.standardOutputText, "async\n")

        let runner = self.runner
        let task = Task {
            try await runner.run(ProcessRequest(
                executable: "/bin/sleep", arguments: ["30"], workingDirectory: URL(fileURLWithPath: "/"),
                environment: minimalEnvironment))
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let cancelled = try await task.value
        XCTAssertTrue(cancelled.terminated)
        XCTAssertEqual(cancelled.termination, .signaled(SIGKILL))
        XCTAssertLessThan(cancelled.duration, .seconds(20))
    }
}
