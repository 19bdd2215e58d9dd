import Foundation
import XCTest
@testable import GoToolchain

/// Writes a shell script at `url` (creating folders) with the given mode.
@discardableResult
func writeScript(_ body: String, at url: URL, mode: Int = 0o755) throws -> URL {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                            withIntermediateDirectories: true)
    try ("#!/bin/sh\n" + body + "\n").write(to: url, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    return url
}

/// A fake `go` that answers `go version` with `version` and `go env GOROOT` with `goroot`.
@discardableResult
func writeFakeGo(at url: URL, version: String, goroot: String = "/fake/goroot") throws -> URL {
    try writeScript("""
        case "$1" in
        version) echo "go version \(version) linux/amd64" ;;
        env) echo "\(goroot)" ;;
        *) echo "unexpected: $*" >&2; exit 2 ;;
        esac
        """, at: url)
}

/// True while `pid` names a live (non-zombie) process.
func processIsAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
    return state != "Z" && state != "X"
}

/// Waits up to `seconds` for `pid` to disappear (an orphan is reaped by init asynchronously).
func waitUntilGone(_ pid: pid_t, seconds: Double = 5) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if !processIsAlive(pid) { return true }
        usleep(20_000)
    }
    return !processIsAlive(pid)
}

/// Waits up to `seconds` for a file to hold a pid (written by a child script).
func readPid(from url: URL, seconds: Double = 5) -> pid_t? {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if let text = try? String(contentsOf: url, encoding: .utf8),
           let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            return pid
        }
        usleep(20_000)
    }
    return nil
}

/// The number of descriptors this process has open.
func openDescriptorCount() throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
}

/// A minimal environment for children: just a PATH with the usual tools.
let minimalEnvironment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
