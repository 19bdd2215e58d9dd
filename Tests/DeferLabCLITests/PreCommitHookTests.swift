import Foundation
import XCTest
import GoToolchain
import TestSupport

/// `.pre-commit-hooks.yaml` with the real pre-commit (installed by scripts/test into
/// .tools/pre-commit): the manifest validates, and its hooks, run on staged Go files with the
/// deferlab under test, report, fix and then pass.
final class PreCommitHookTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let preCommit = root.appendingPathComponent(".tools/pre-commit")

    struct Run { var status: Int32; var output: String }

    /// Runs `python3 args…` with pre-commit importable and the built deferlab first on PATH.
    func python(_ args: [String], in dir: URL, home: URL) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env["PYTHONPATH"] = Self.preCommit.path
        env["PATH"] = CLI.binary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["PRE_COMMIT_HOME"] = home.path
        env["PRE_COMMIT_COLOR"] = "never"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "DEFERLAB_LANG")
        let result = try ProcessRunner().run(ProcessRequest(
            executable: "/usr/bin/env", arguments: ["python3"] + args, workingDirectory: dir,
            environment: env, timeout: .seconds(300)))
        guard case .exited(let code) = result.termination else {
            XCTFail("python3 \(args) was killed")
            return Run(status: -1, output: "")
        }
        return Run(status: code, output: result.standardOutputText + result.standardErrorText)
    }

    func git(_ args: [String], in dir: URL) throws {
        let result = try ProcessRunner().run(ProcessRequest(
            executable: "/usr/bin/env", arguments: ["git"] + args, workingDirectory: dir, timeout: .seconds(60)))
        XCTAssertTrue(result.succeeded, "git \(args): \(result.standardErrorText)")
    }

    func testHooksReportFixAndThenPass() throws {
        guard FileManager.default.fileExists(atPath: Self.preCommit.appendingPathComponent("pre_commit").path) else {
            throw XCTSkip("pre-commit is not installed in .tools/pre-commit (scripts/test installs it)")
        }
        let home = try temporaryDirectory(self)
        let repo = try temporaryDirectory(self)
        let manifest = Self.root.appendingPathComponent(".pre-commit-hooks.yaml")

        let valid = try python(["-m", "pre_commit", "validate-manifest", manifest.path], in: repo, home: home)
        XCTAssertEqual(valid.status, 0, valid.output)

        // The manifest's hooks as local hooks (JSON is YAML) that use the deferlab under test
        // instead of building one: same ids, entries and file types.
        let read = try python(["-c", "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", manifest.path],
                              in: repo, home: home)
        XCTAssertEqual(read.status, 0, read.output)
        let hooks = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(hooks.compactMap { $0["id"] as? String }, ["deferlab-fix", "deferlab-fix-write"])
        let local = hooks.map { hook -> [String: Any] in
            var h = hook
            h["language"] = "system"
            return h
        }
        let config = try JSONSerialization.data(withJSONObject: ["repos": [["repo": "local", "hooks": local]]])
        try config.write(to: repo.appendingPathComponent(".pre-commit-config.yaml"))

        try write(FixCommandTests.loop, to: repo.appendingPathComponent("p/sizes.go"))
        try write("package p\n\nfunc Clean() {}\n", to: repo.appendingPathComponent("p/clean.go"))
        try write("# not Go\n", to: repo.appendingPathComponent("notes.md"))
        try git(["init", "-q"], in: repo)
        try git(["add", "."], in: repo)

        let report = try python(["-m", "pre_commit", "run", "deferlab-fix"], in: repo, home: home)
        XCTAssertEqual(report.status, 1, report.output)
        XCTAssertTrue(report.output.contains("p/sizes.go:13:3:"), report.output)
        XCTAssertFalse(report.output.contains("clean.go:"), report.output)

        let fix = try python(["-m", "pre_commit", "run", "deferlab-fix-write"], in: repo, home: home)
        XCTAssertEqual(fix.status, 1, "pre-commit fails a hook that changed files: \(fix.output)")
        XCTAssertTrue(fix.output.contains("files were modified by this hook"), fix.output)
        let fixed = try String(contentsOf: repo.appendingPathComponent("p/sizes.go"), encoding: .utf8)
        XCTAssertEqual(fixed, try CLI.run(["fix", "-p", "-"], stdin: FixCommandTests.loop).stdout)

        try git(["add", "."], in: repo)
        for id in ["deferlab-fix", "deferlab-fix-write"] {
            let again = try python(["-m", "pre_commit", "run", id], in: repo, home: home)
            XCTAssertEqual(again.status, 0, "\(id) after the fix: \(again.output)")
        }
    }
}
