import Foundation
import XCTest
import GoAnalysis
import GoSyntax
import GoToolchain
import LabCommands

/// Real code: `deferlab fix` over the Go toolchain's own src/ tree. Every loop-defer finding
/// is fixed or declined for a listed reason; applied to a scratch copy of GOROOT, every
/// touched package that builds on linux/amd64 passes go vet with no finding the original
/// tree did not have; touched files linux/amd64 never compiles still parse and stay
/// gofmt-clean.
final class GoRootFixTests: XCTestCase {
    static let listedReasons = [
        "the deferred call uses recover()",
        "the deferred call reads or writes the function's named result",
        "the loop body calls recover() directly",
        "the wrap also moves the defer on line",
    ]

    func testFixGoRootCopyAndVet() throws {
        guard let go = try? GoLocator.forCurrentProcess().locate() else {
            throw XCTSkip("no Go toolchain found: the GOROOT corpus run needs one")
        }
        let started = Date()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-goroot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = try ProcessRunner().run(ProcessRequest(executable: "/bin/cp", arguments: ["-a", go.goroot.path, scratch.path],
                                                          workingDirectory: URL(fileURLWithPath: "/"), timeout: .seconds(300)))
        XCTAssertTrue(copy.succeeded, copy.standardErrorText)
        let copyGo = try GoLocator(environment: ["DEFERLAB_GO": scratch.appendingPathComponent("bin/go").path, "PATH": "",
                                                 "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/root"],
                                   projectRoots: []).locate()
        XCTAssertEqual(copyGo.goroot.standardizedFileURL.path, scratch.standardizedFileURL.path, "the copy's go uses the copy as GOROOT")
        let src = scratch.appendingPathComponent("src")

        // 1. Report: every finding fixable or declined for a listed reason.
        let report = try FixRun.run(paths: [src.path + "/..."], options: FixOptions())
        XCTAssertFalse(report.hasErrors, "GOROOT/src (without testdata) parses")
        let loopFindings = report.findings.filter { $0.diagnostic.rule == "loop-defer" }
        var declinedByReason: [String: Int] = [:]
        for f in loopFindings where f.diagnostic.fix == nil {
            let reason = f.diagnostic.declined?.en ?? "(none)"
            let listed = Self.listedReasons.first { reason.hasPrefix($0) }
            XCTAssertNotNil(listed, "\(f.file):\(f.start.line): declined for an unlisted reason: \(reason)")
            declinedByReason[listed ?? reason, default: 0] += 1
        }
        let fixable = loopFindings.filter { $0.fixable }.count
        XCTAssertGreaterThan(loopFindings.count, 50, "GOROOT has many loop defers, mostly in tests")

        // 2. Apply the fixes to the copy; a second run changes nothing.
        var write = FixOptions()
        write.mode = .write
        let fixed = try FixRun.run(paths: [src.path + "/..."], options: write)
        var touched: [String] = []
        for f in fixed.changedFiles {
            XCTAssertTrue(GoParser.parse(name: f.path, bytes: f.fixed!).errors.isEmpty, "\(f.path) parses after the fix")
            try AtomicWrite.replace(f.path, with: f.fixed!)
            touched.append(f.path)
        }
        var list = FixOptions()
        list.mode = .list
        XCTAssertEqual(try FixRun.run(paths: [src.path + "/..."], options: list).changedFiles.map(\.path), [], "a second run changes nothing")

        // 3. go vet on every touched package, original vs fixed.
        let dirs = Set(touched.map { ($0 as NSString).deletingLastPathComponent }).sorted()
        var compiled = Set<String>()
        var newFindings: [String] = []
        for dir in dirs {
            let rel = String(dir.dropFirst(src.path.count + 1))
            let (moduleDir, pkg) = rel.hasPrefix("cmd/") ? ("cmd", "./" + rel.dropFirst(4)) : ("", "./" + rel)
            let list = try copyGo.run(arguments: ["list", "-e", "-f", "{{range .GoFiles}}{{$.Dir}}/{{.}}\n{{end}}{{range .TestGoFiles}}{{$.Dir}}/{{.}}\n{{end}}{{range .XTestGoFiles}}{{$.Dir}}/{{.}}\n{{end}}", pkg],
                                      in: src.appendingPathComponent(moduleDir))
            for line in list.standardOutputText.split(separator: "\n") { compiled.insert(String(line)) }
            let before = try vetFindings(go, go.goroot.appendingPathComponent("src").appendingPathComponent(moduleDir), pkg)
            let after = try vetFindings(copyGo, src.appendingPathComponent(moduleDir), pkg)
            for finding in after.subtracting(before) { newFindings.append("\(rel): \(finding)") }
        }
        XCTAssertEqual(newFindings.sorted(), [], "go vet findings the unmodified tree did not have")

        // 4. Touched files linux/amd64 never compiles: they still parse and stay gofmt-clean.
        let notCompiled = touched.filter { !compiled.contains($0) }
        if !notCompiled.isEmpty {
            let fmt = try go.runner.run(ProcessRequest(executable: go.gofmt.path, arguments: ["-l"] + notCompiled,
                                                       workingDirectory: src, timeout: .seconds(120)))
            XCTAssertEqual(fmt.standardOutputText, "", "touched files outside linux/amd64 builds must stay gofmt-clean")
        }
        let touchedWereClean = try go.runner.run(ProcessRequest(executable: go.gofmt.path, arguments: ["-l"] + touched,
                                                                workingDirectory: src, timeout: .seconds(120)))
        XCTAssertEqual(touchedWereClean.standardOutputText, "", "every fixed file stays gofmt-clean")

        print("goroot fix: \(loopFindings.count) loop-defer findings, \(fixable) fixable, declined \(declinedByReason.sorted { $0.key < $1.key }), "
              + "\(touched.count) files in \(dirs.count) packages fixed, \(notCompiled.count) touched files not compiled on linux/amd64 "
              + "(\(notCompiled.map { String($0.dropFirst(src.path.count + 1)) })), new vet findings: \(newFindings.count); "
              + "\(Int(Date().timeIntervalSince(started))) s")
    }

    /// go vet's findings for one package, without positions (fixes move lines).
    func vetFindings(_ go: GoToolchain, _ dir: URL, _ pkg: String) throws -> Set<String> {
        let r = try go.run(arguments: ["vet", pkg], in: dir, timeout: .seconds(900))
        XCTAssertFalse(r.timedOut)
        var out = Set<String>()
        for line in r.standardErrorText.split(separator: "\n") where !line.hasPrefix("#") {
            var parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 4, Int(parts[1]) != nil {
                parts[0] = (parts[0] as NSString).lastPathComponent
                out.insert(parts[0] + ":" + parts[3])
            } else {
                out.insert(String(line).replacingOccurrences(of: go.goroot.path, with: "GOROOT"))
            }
        }
        return out
    }
}
