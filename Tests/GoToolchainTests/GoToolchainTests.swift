import XCTest
import TestSupport
@testable import GoToolchain

/// Tests against the real Go found the way DeferLab finds it; skipped when there is none.
final class GoToolchainTests: XCTestCase {
    private func realToolchain() throws -> GoToolchain {
        do {
            return try GoLocator.forCurrentProcess().locate()
        } catch let error as GoToolchainError {
            throw XCTSkip("no usable Go for the real-toolchain tests.\n\(error)")
        }
    }

    func testCommandEnvironmentPinsGoSettings() {
        let base = ["GOFLAGS": "-mod=vendor", "GOTOOLCHAIN": "auto", "GOPROXY": "https://proxy.golang.org",
                    "HOME": "/home/u", "GOWORK": "/x/go.work", "GOEXPERIMENT": "loopvar", "GODEBUG": "panicnil=1"]
        let environment = GoToolchain.commandEnvironment(base: base, extra: ["CGO_ENABLED": "0"])
        XCTAssertEqual(environment, [
            "GOTOOLCHAIN": "local", "GOWORK": "off", "GOPROXY": "off", "GOTELEMETRY": "off", "GOENV": "off",
            "HOME": "/home/u", "CGO_ENABLED": "0",
        ])
        XCTAssertEqual(GoToolchain.commandEnvironment(base: base, extra: ["GOFLAGS": "-count=1"])["GOFLAGS"],
                       "-count=1", "the caller's explicit extra settings win")
    }

    func testRealGoIsSupportedAndHasGofmt() throws {
        let go = try realToolchain()
        XCTAssertGreaterThanOrEqual(go.version, .minimumSupported)
        XCTAssertTrue(FileManager.default.fileExists(atPath: go.goroot.appendingPathComponent("src/go/ast").path),
                      "GOROOT \(go.goroot.path) has no sources")
        XCTAssertTrue(ProcessRunner.isExecutableFile(go.gofmt.path), "no gofmt at \(go.gofmt.path)")
        let directory = try temporaryDirectory(self)
        let reported = try go.run(arguments: ["version"], in: directory, timeout: .seconds(30))
        XCTAssertEqual(GoVersion.parse(versionOutput: reported.standardOutputText), go.version)
    }

    func testGoEnvShowsPinnedSettingsDespiteParentEnvironment() throws {
        var go = try realToolchain()
        go.environment["GOFLAGS"] = "-mod=vendor"
        go.environment["GOTOOLCHAIN"] = "auto"
        go.environment["GOPROXY"] = "https://proxy.golang.org"
        go.environment["GOWORK"] = "/nonexistent/go.work"
        let directory = try temporaryDirectory(self)
        let result = try go.run(arguments: ["env", "GOTOOLCHAIN", "GOWORK", "GOPROXY", "GOFLAGS"],
                                in: directory, timeout: .seconds(30))
        XCTAssertEqual(result.termination, .exited(0), result.standardErrorText)
        XCTAssertEqual(result.standardOutputText.split(separator: "\n", omittingEmptySubsequences: false),
                       ["local", "off", "off", "", ""])
    }

    func testGoRunBuildsAndRunsAProgram() throws {
        let go = try realToolchain()
        let directory = try temporaryDirectory(self)
        try "module example.com/hello\n\ngo 1.23\n".write(
            to: directory.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try """
            package main

            import (
            \t"fmt"
            \t"os"
            )

            func main() {
            \tdata, _ := os.ReadFile("/dev/stdin")
            \tfmt.Printf("hello %s", data)
            \tfmt.Fprintln(os.Stderr, "to stderr")
            \tos.Exit(4)
            }

            """.write(to: directory.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
        let result = try go.run(arguments: ["run", "."], in: directory, timeout: .seconds(240),
                                standardInput: .data(Data("gopher".utf8)))
        XCTAssertFalse(result.timedOut)
        XCTAssertEqual(result.standardOutputText, "hello gopher")
        XCTAssertTrue(result.standardErrorText.contains("to stderr"), result.standardErrorText)
        XCTAssertEqual(result.termination, .exited(1), "go run reports a failing program with exit 1")
    }
}
