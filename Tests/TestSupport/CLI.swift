import Foundation
import XCTest
import GoToolchain

/// Runs the built `deferlab` executable as a user would, through the shared process runner.
public enum CLI {
    /// `.build/<config>/deferlab`, next to the test bundle.
    public static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("deferlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("deferlab")
    }

    /// A state folder for every command a test runs (a test that needs its own passes one).
    public static let stateHome: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-cli-state-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: dir)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func run(_ args: [String], in dir: URL? = nil, env: [String: String] = [:],
                    removing: Set<String> = [], executable: URL? = nil, asUser user: String? = nil,
                    stdin: String? = nil) throws -> Output {
        var environment = ProcessInfo.processInfo.environment
        // The learner's saved state is the test process's own, never the user's.
        environment["XDG_STATE_HOME"] = stateHome.path
        for k in removing { environment.removeValue(forKey: k) }
        environment.merge(env) { _, new in new }
        var exe = (executable ?? binary).path
        var arguments = args
        if let user {
            arguments = ["-u", user, "--", exe] + args
            exe = "/usr/sbin/runuser"
        }
        let result = try ProcessRunner().run(ProcessRequest(
            executable: exe, arguments: arguments,
            workingDirectory: dir ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            environment: environment, timeout: .seconds(120),
            standardInput: stdin.map { .data(Data($0.utf8)) } ?? .nullDevice))
        let status: Int32
        switch result.termination {
        case .exited(let code): status = code
        case .signaled(let sig): status = 128 + sig
        }
        return Output(status: status, stdout: result.standardOutputText, stderr: result.standardErrorText)
    }
}

/// A fresh temporary folder, removed when the test ends.
public func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    // Resolved, so paths compare equal to what children report with `pwd -P`.
    return dir.resolvingSymlinksInPath()
}

/// Writes text to a file, making its folders.
public func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}
