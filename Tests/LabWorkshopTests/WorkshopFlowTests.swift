import Foundation
import XCTest
import LabText
import LabCommands
@testable import LabRunner
@testable import LabWorkshop

/// The workshop end to end on the real Go toolchain: init, checks that fail as shipped and
/// pass with the solutions, cheats that fail, progress, hints, reset, solution, watch.
final class WorkshopFlowTests: WorkshopTestCase {
    private func copySolutions(_ set: ExerciseSet, into folder: WorkshopFolder) throws {
        for e in set.exercises {
            for name in e.files {
                let target = folder.folder(of: e.id).appendingPathComponent(name)
                try FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: e.solutionFolder.appendingPathComponent(name), to: target)
            }
        }
    }

    func testEveryExerciseFailsAsShippedAndPassesWithItsSolutionAndProgressSurvives() throws {
        let checker = try checker()
        let workshop = try workshop(.zh)
        let folder = try workshop.initialize(dir: temporaryFolder.appendingPathComponent("ws"), force: false)
        for e in workshop.set.exercises {
            let dir = folder.folder(of: e.id)
            for name in e.files + e.harnessFiles() + ["go.mod", "README.md"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(e.id)/\(name)")
            }
            let mod = try String(contentsOf: dir.appendingPathComponent("go.mod"), encoding: .utf8)
            XCTAssertTrue(mod.contains("go \(e.go)\n"), mod)
        }
        XCTAssertTrue(try String(contentsOf: folder.root.appendingPathComponent("README.md"), encoding: .utf8).contains("练习"))

        var (state, warning) = folder.loadState(defaultLanguage: .en)
        XCTAssertNil(warning)
        XCTAssertEqual(state.storedLanguage, .zh, "the language is stored in the folder")
        XCTAssertEqual(try workshop.check([], in: folder, state: &state, checker: checker), 1)
        XCTAssertTrue(lines.contains { $0.hasPrefix("0 个通过") }, lines.joined(separator: "\n"))
        XCTAssertFalse(state.exercises.values.contains { $0.passed })

        try copySolutions(workshop.set, into: folder)
        lines = []
        XCTAssertEqual(try workshop.check([], in: folder, state: &state, checker: checker), 0, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("\(workshop.set.exercises.count) 个通过，0 个未通过。"), lines.joined(separator: "\n"))

        // A later session (or a copy of the folder) picks the progress up.
        let copy = temporaryFolder.appendingPathComponent("copied")
        try FileManager.default.copyItem(at: folder.root, to: copy)
        let (restored, _) = WorkshopFolder(root: copy).loadState(defaultLanguage: .en)
        XCTAssertEqual(Set(restored.exercises.filter { $0.value.passed }.keys), Set(workshop.set.exercises.map(\.id)))
        lines = []
        workshop.list(restored)
        XCTAssertTrue(lines.contains("全部通过！"), lines.joined(separator: "\n"))
    }

    /// Replaying a passing run's output (captured with another seed) fails every exercise, so
    /// every exercise's output depends on its seed; deleting the loop of the first fails too.
    func testCheatsFail() throws {
        let checker = try checker()
        let set = try set()
        for e in set.exercises {
            let captured = try checker.run(e, files: checker.files(in: e.solutionFolder, e), seed: 11, variant: "capture",
                                           displayPrefix: "")
            XCTAssertTrue(captured.measured, "\(e.id): \(captured.failure?.description ?? "")")
            let solution = try String(contentsOf: e.solutionFolder.appendingPathComponent(e.files[0]), encoding: .utf8)
            let body = solution.split(separator: "\n", omittingEmptySubsequences: false)
                .drop { !$0.hasPrefix("package ") }.dropFirst().joined(separator: "\n")
            let output = ExerciseChecker.programOutput(captured.stdout).joined(separator: "\n")
            let replay = """
            package main

            import (
            \tcheatfmt "fmt"
            \tcheatos "os"
            )
            \(body)

            func init() {
            \tcheatfmt.Print(\(goQuoted(output)))
            \tcheatos.Exit(\(e.exitCode))
            }

            """
            let dir = temporaryFolder.appendingPathComponent("cheat-\(e.id)", isDirectory: true)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try replay.write(to: dir.appendingPathComponent(e.files[0]), atomically: true, encoding: .utf8)
            for name in e.files.dropFirst() {
                try FileManager.default.copyItem(at: e.solutionFolder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
            }
            let outcome = try checker.check(e, learnerFolder: dir, displayPrefix: "\(e.id)/", seed: 12345)
            XCTAssertFalse(outcome.passed, "\(e.id): a replayed output passed")
            XCTAssertTrue(outcome.problems.contains { if case .outputDiffers = $0 { true } else { false } },
                          "\(e.id): \(outcome.problems)")
        }

        let e = try XCTUnwrap(set.exercise("loop-files"))
        let dir = temporaryFolder.appendingPathComponent("no-loop", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        package main

        // The loop is gone: nothing is open, nothing is read.
        func checksumFiles(paths []string) (lines int, sum uint32, err error) {
        \treturn 0, 0, nil
        }

        """.write(to: dir.appendingPathComponent("work.go"), atomically: true, encoding: .utf8)
        let outcome = try checker.check(e, learnerFolder: dir, displayPrefix: "loop-files/")
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.figures["peakOpenFiles"].map { $0 <= 2 }, true, "the limit alone would pass")

        // Printing the figure the harness would print, then exiting as before: the runner's own
        // count of defers skipped at exit still sees the bug.
        let fatal = try XCTUnwrap(set.exercise("log-fatal-cleanup"))
        let forged = temporaryFolder.appendingPathComponent("forged", isDirectory: true)
        try FileManager.default.createDirectory(at: forged, withIntermediateDirectories: true)
        let fatalStart = try String(contentsOf: fatal.startFolder.appendingPathComponent("work.go"), encoding: .utf8)
        XCTAssertTrue(fatalStart.contains("log.Fatalf("))
        try fatalStart.replacingOccurrences(of: "log.Fatalf(", with: "w.Flush(); fmt.Println(\"figure: errorsReturned=1\"); log.Fatalf(")
            .write(to: forged.appendingPathComponent("work.go"), atomically: true, encoding: .utf8)
        let forgedOutcome = try checker.check(fatal, learnerFolder: forged, displayPrefix: "log-fatal-cleanup/")
        XCTAssertFalse(forgedOutcome.passed, "\(forgedOutcome.problems)")
        XCTAssertGreaterThanOrEqual(forgedOutcome.figures["pendingDefersAtExit"] ?? 0, 1, "\(forgedOutcome.problems)")

        // Marker comments change nothing that is measured.
        let marked = temporaryFolder.appendingPathComponent("marked", isDirectory: true)
        try FileManager.default.createDirectory(at: marked, withIntermediateDirectories: true)
        let start = try String(contentsOf: e.startFolder.appendingPathComponent("work.go"), encoding: .utf8)
        try ("// PASSED: deferlab workshop check loop-files\n//deferlab:ignore\n" + start.replacingOccurrences(
            of: "defer f.Close()", with: "defer f.Close() //deferlab:ignore fixed"))
            .write(to: marked.appendingPathComponent("work.go"), atomically: true, encoding: .utf8)
        let markedOutcome = try checker.check(e, learnerFolder: marked, displayPrefix: "loop-files/")
        XCTAssertFalse(markedOutcome.passed)
        XCTAssertGreaterThan(markedOutcome.figures["peakOpenFiles"] ?? 0, 2)

        // A build constraint that would switch the loop semantics is refused.
        let loopvar = try XCTUnwrap(set.exercise("loopvar-go121"))
        let constrained = temporaryFolder.appendingPathComponent("constrained", isDirectory: true)
        try FileManager.default.createDirectory(at: constrained, withIntermediateDirectories: true)
        let loopvarStart = try String(contentsOf: loopvar.startFolder.appendingPathComponent("work.go"), encoding: .utf8)
        try ("//go:build go1.22\n\n" + loopvarStart).write(to: constrained.appendingPathComponent("work.go"), atomically: true, encoding: .utf8)
        let refused = try checker.check(loopvar, learnerFolder: constrained, displayPrefix: "loopvar-go121/")
        XCTAssertEqual(refused.problems, [.buildConstraint(file: "loopvar-go121/work.go", line: 1)])
        try ("\u{FEFF}package main\n \t//go:build go1.22\n" + loopvarStart.replacingOccurrences(of: "package main\n", with: ""))
            .write(to: constrained.appendingPathComponent("work.go"), atomically: true, encoding: .utf8)
        let indented = try checker.check(loopvar, learnerFolder: constrained, displayPrefix: "loopvar-go121/")
        XCTAssertEqual(indented.problems, [.buildConstraint(file: "loopvar-go121/work.go", line: 2)], "an indented constraint too")
    }

    func testCompileErrorsNameTheLearnersFileRelativeToTheWorkshop() throws {
        let checker = try checker()
        let workshop = try workshop()
        let folder = try workshop.initialize(dir: temporaryFolder.appendingPathComponent("ws"), force: false)
        let file = folder.folder(of: "loop-files").appendingPathComponent("work.go")
        try (String(contentsOf: file, encoding: .utf8) + "\nfunc broken() { return 1 }\n").write(to: file, atomically: true, encoding: .utf8)
        var (state, _) = folder.loadState(defaultLanguage: .en)
        XCTAssertEqual(try workshop.check(["loop-files"], in: folder, state: &state, checker: checker), 1)
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("the program does not compile"), text)
        XCTAssertTrue(text.range(of: #"loop-files/work\.go:\d+:\d+: too many return values"#, options: .regularExpression) != nil, text)
        XCTAssertFalse(text.contains(temporaryFolder.path + "/deferlab-exercise"), "no private build paths: \(text)")

        // Bytes that are not UTF-8: the toolchain names the bare file; we still say where it is.
        try Data([0xFF, 0xFE, 0x70, 0x00]).write(to: file)
        lines = []
        XCTAssertEqual(try workshop.check(["loop-files"], in: folder, state: &state, checker: checker), 1)
        XCTAssertTrue(lines.contains { $0.hasPrefix("    loop-files/work.go:1:1: illegal UTF-8 encoding") }, lines.joined(separator: "\n"))
    }

    func testHintsResetSolutionLanguageAndDamagedState() throws {
        let workshop = try workshop()
        let root = temporaryFolder.appendingPathComponent("ws")
        let folder = try workshop.initialize(dir: root, force: false)
        XCTAssertThrowsError(try workshop.initialize(dir: root, force: false)) { error in
            XCTAssertEqual(error as? WorkshopError, .notEmpty(root.standardizedFileURL.path))
        }
        var (state, _) = folder.loadState(defaultLanguage: .en)
        let e = workshop.set.exercises[0]

        // A hand-edited count out of range is clamped, not a crash.
        state.exercises[e.id] = { var p = WorkshopState.Progress(); p.hintsShown = -3; return p }()
        try workshop.hint(e.id, in: folder, state: &state)
        XCTAssertEqual(lines.dropFirst().first, "  " + e.hints.en[0])
        state.exercises[e.id] = nil
        lines = []

        // Hints come one step per call and are remembered.
        try workshop.hint(e.id, in: folder, state: &state)
        XCTAssertEqual(lines.dropFirst().first, "  " + e.hints.en[0])
        lines = []
        try workshop.hint(e.id, in: folder, state: &state)
        XCTAssertEqual(lines.dropFirst().first, "  " + e.hints.en[1])
        XCTAssertEqual(folder.loadState(defaultLanguage: .en).state.progress(e.id).hintsShown, 2)

        // The solution stays hidden until the exercise passed (or --force).
        lines = []
        XCTAssertEqual(try workshop.solution(e.id, state: state, force: false), 1)
        XCTAssertFalse(lines.joined().contains("package main"))
        XCTAssertEqual(try workshop.solution(e.id, state: state, force: true), 0)
        XCTAssertTrue(lines.joined(separator: "\n").contains("package main"))

        // Reset asks first, keeps a backup and restores the starting code.
        let file = folder.folder(of: e.id).appendingPathComponent(e.files[0])
        try "// my attempt\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try workshop.reset(e.id, in: folder) { _ in false }, 1)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "// my attempt\n", "declined: nothing changed")
        XCTAssertEqual(try workshop.reset(e.id, in: folder) { _ in true }, 0)
        XCTAssertEqual(try Data(contentsOf: file), try Data(contentsOf: e.startFolder.appendingPathComponent(e.files[0])))
        let backups = try FileManager.default.contentsOfDirectory(atPath: folder.backupFolder.path)
        XCTAssertEqual(backups.count, 1)
        XCTAssertEqual(try String(contentsOf: folder.backupFolder.appendingPathComponent(backups[0]).appendingPathComponent(e.files[0]),
                                  encoding: .utf8), "// my attempt\n")

        // The other language is one command away.
        var zh = workshop
        zh.text = WorkshopText(.zh)
        try zh.switchLanguage(in: folder, state: &state)
        XCTAssertEqual(folder.loadState(defaultLanguage: .en).state.storedLanguage, .zh)
        XCTAssertTrue(try String(contentsOf: folder.folder(of: e.id).appendingPathComponent("README.md"), encoding: .utf8)
                        .contains(e.title.zh))

        // A damaged state file: a warning and a fresh start, never a crash; a copy is kept.
        try Data("{not json".utf8).write(to: folder.stateFile)
        let (fresh, warning) = folder.loadState(defaultLanguage: .en)
        XCTAssertEqual(warning, folder.stateFile.path)
        XCTAssertEqual(try String(contentsOf: folder.stateFile.appendingPathExtension("damaged"), encoding: .utf8), "{not json")
        XCTAssertEqual(fresh.exercises, [:])
        XCTAssertEqual(fresh.storedLanguage, .en)
        XCTAssertThrowsError(try WorkshopFolder.locate(dir: temporaryFolder.path, currentDirectory: temporaryFolder))
        XCTAssertEqual(try WorkshopFolder.locate(dir: nil, currentDirectory: folder.folder(of: e.id)).root.path, folder.root.path,
                       "inside an exercise folder the workshop is found")
    }

    /// Init again with --force over a workshop: the learner's edits are backed up, progress stays;
    /// reset copes with a folder where the file should be; file errors read as the system says.
    func testInitAgainKeepsWorkAndResetReplacesAFolder() throws {
        let workshop = try workshop()
        let folder = try workshop.initialize(dir: temporaryFolder.appendingPathComponent("ws"), force: false)
        let e = workshop.set.exercises[0]
        var (state, _) = folder.loadState(defaultLanguage: .en)
        state.exercises[e.id] = { var p = WorkshopState.Progress(); p.passed = true; return p }()
        try folder.save(state)
        let file = folder.folder(of: e.id).appendingPathComponent(e.files[0])
        try "// mine\n".write(to: file, atomically: true, encoding: .utf8)
        _ = try workshop.initialize(dir: folder.root, force: true)
        XCTAssertTrue(folder.loadState(defaultLanguage: .en).state.progress(e.id).passed, "progress stays")
        let backups = try FileManager.default.contentsOfDirectory(atPath: folder.backupFolder.path)
        XCTAssertEqual(backups.count, 1)
        XCTAssertEqual(try String(contentsOf: folder.backupFolder.appendingPathComponent("\(backups[0])/\(e.id)/\(e.files[0])"), encoding: .utf8), "// mine\n")

        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
        XCTAssertEqual(try workshop.reset(e.id, in: folder) { _ in true }, 0)
        XCTAssertEqual(try Data(contentsOf: file), try Data(contentsOf: e.startFolder.appendingPathComponent(e.files[0])))

        XCTAssertEqual(describe(AtomicWrite.Failure.io("rename", EACCES)), "rename: Permission denied")
        XCTAssertEqual(describe(CocoaError(.fileWriteNoPermission)), "Permission denied")
    }

    func testWatchNoticesASavedFile() throws {
        try watchNoticesASavedFile(fileEvents: true)
    }

    /// Where file events do not arrive (network file systems), comparing stamps still sees it.
    func testWatchFallsBackToPolling() throws {
        try watchNoticesASavedFile(fileEvents: false)
    }

    private func watchNoticesASavedFile(fileEvents: Bool) throws {
        let workshop = try workshop()
        let folder = try workshop.initialize(dir: temporaryFolder.appendingPathComponent("ws"), force: false)
        var watch = WorkshopWatch(workshop: workshop, folder: folder)
        watch.interval = .milliseconds(200)
        watch.fileEvents = fileEvents
        let target = workshop.set.exercises[2]
        let file = folder.folder(of: target.id).appendingPathComponent(target.files[0])
        let saver = Thread {
            Thread.sleep(forTimeInterval: 0.6)
            try? (String(contentsOf: file, encoding: .utf8) + "\n// saved\n").write(to: file, atomically: true, encoding: .utf8)
        }
        saver.start()
        var checked: [String] = []
        let deadline = Date().addingTimeInterval(15)
        watch.run(stop: { !checked.isEmpty || Date() > deadline }) { checked.append($0.id) }
        XCTAssertEqual(checked, [target.id])
    }

    /// The authoring check over the whole set (as `deferlab workshop verify-set` runs it).
    func testVerifySet() throws {
        let verifier = SetVerifier(workshop: try workshop(), checker: try checker())
        let problems = verifier.verify()
        XCTAssertEqual(problems, [], lines.joined(separator: "\n"))
    }
}

/// A Go interpreted string literal for `s`.
func goQuoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\x%02x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}
