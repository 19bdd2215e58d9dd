import Foundation
import XCTest
import GoToolchain
import TestSupport

/// `deferlab lsp` with real clients: pytest-lsp's (with the capabilities VS Code, Neovim and
/// Emacs announce; lsp-clients/test_deferlab_lsp.py) and Neovim itself, headless, with its
/// built-in client (lsp-clients/neovim.lua). scripts/test installs both.
final class LanguageClientTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let clients = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("lsp-clients")

    func run(_ executable: String, _ args: [String], env extra: [String: String], in dir: URL) throws -> (Int32, String) {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DEFERLAB_LANG")
        env.merge(extra) { _, new in new }
        let result = try ProcessRunner().run(ProcessRequest(
            executable: executable, arguments: args, workingDirectory: dir, environment: env, timeout: .seconds(600)))
        guard case .exited(let code) = result.termination else { return (-1, result.standardOutputText + result.standardErrorText) }
        return (code, result.standardOutputText + result.standardErrorText)
    }

    func testPytestLSPClients() throws {
        let tools = Self.root.appendingPathComponent(".tools/pytest-lsp")
        guard FileManager.default.fileExists(atPath: tools.appendingPathComponent("pytest_lsp").path) else {
            throw XCTSkip("pytest-lsp is not installed in .tools/pytest-lsp (scripts/test installs it)")
        }
        let cache = try temporaryDirectory(self)
        let (status, output) = try run("/usr/bin/env", ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                                        "--basetemp", cache.appendingPathComponent("t").path, Self.clients.path],
                                       env: ["PYTHONPATH": tools.path, "DEFERLAB_BIN": CLI.binary.path], in: Self.clients)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("16 passed"), output)
    }

    /// The Go file the language-client tests edit (Tests/LabLSPTests/fixtures/sizes.go).
    func goSource() throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent("Tests/LabLSPTests/fixtures/sizes.go"), encoding: .utf8)
    }

    func testNeovimAppliesTheQuickFixLikeFixW() throws {
        guard let nvim = ProcessRunner.executablePath(named: "nvim", environment: ProcessInfo.processInfo.environment) else {
            throw XCTSkip("Neovim is not installed (scripts/test installs Debian's neovim)")
        }
        let dir = try temporaryDirectory(self)
        let project = dir.appendingPathComponent("p"), copy = dir.appendingPathComponent("copy")
        let source = try goSource()
        XCTAssertTrue(source.contains("defer f.Close()"))
        try write("module example.com/p\n\ngo 1.22\n", to: project.appendingPathComponent("go.mod"))
        try write(source, to: project.appendingPathComponent("a.go"))
        try write("package p\n\nfunc helper() int { return 1 }\n", to: project.appendingPathComponent("b.go"))
        try FileManager.default.copyItem(at: project, to: copy)
        let log = dir.appendingPathComponent("nvim.log")
        let (status, output) = try run(nvim, ["--headless", "--clean", "-n", "-i", "NONE", "-c",
                                              "luafile " + Self.clients.appendingPathComponent("neovim.lua").path],
                                       env: ["DEFERLAB_BIN": CLI.binary.path, "DEFERLAB_FILE": project.appendingPathComponent("a.go").path,
                                             "DEFERLAB_OUT": log.path, "HOME": dir.path], in: dir)
        let steps = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(status, 0, steps + output)
        XCTAssertEqual(steps.split(separator: "\n").filter { $0.hasPrefix("diagnostic ") }.count, 2, steps)
        XCTAssertTrue(steps.contains("action quickfix preferred=true"), steps)
        XCTAssertTrue(steps.contains("preferred=false Wrap the loop body in a function literal (unsafe: "), steps)
        XCTAssertTrue(steps.contains("fix-all actions left: 0"), steps)
        XCTAssertTrue(steps.contains("server exit 0"), steps)

        let fixW = try CLI.run(["fix", "-w", copy.path])
        XCTAssertEqual(fixW.status, 1, "the unsafe finding is left: \(fixW.stdout)")
        let edited = try String(contentsOf: project.appendingPathComponent("a.go"), encoding: .utf8)
        XCTAssertEqual(edited, try String(contentsOf: copy.appendingPathComponent("a.go"), encoding: .utf8))
        XCTAssertNotEqual(edited, source)
    }
}
