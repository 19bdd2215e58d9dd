import Foundation
import XCTest
import TestSupport

/// `deferlab run` through the real executable: a user's own program, measured; usage errors.
final class RunCommandTests: XCTestCase {
    func testRunsAUserProgramAndMeasuresIt() throws {
        let doctor = try CLI.run(["doctor"])
        guard doctor.status == 0 else { throw XCTSkip("no Go toolchain: deferlab run cannot build programs") }
        let dir = try temporaryDirectory(self)
        try write("""
        package main

        import (
        \t"fmt"
        \t"os"
        \t"path/filepath"
        \t"strconv"
        )

        func main() {
        \tn, _ := strconv.Atoi(os.Args[1])
        \tdir, _ := os.MkdirTemp("", "files")
        \tfor i := 0; i < n; i++ {
        \t\tf, err := os.Create(filepath.Join(dir, fmt.Sprint(i)))
        \t\tif err != nil {
        \t\t\tpanic(err)
        \t\t}
        \t\tdefer f.Close()
        \t}
        \tfmt.Println("created", n)
        }

        """, to: dir.appendingPathComponent("prog/main.go"))
        let out = try CLI.run(["run", "--json", "prog", "--", "40"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        let items = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0]["exitCode"] as? Int, 0)
        XCTAssertEqual(items[0]["stdout"] as? String, "created 40\n")
        XCTAssertEqual(items[0]["peakOpenFiles"] as? Int, 40, "the measured peak follows the argument")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["prog"], "nothing left behind")
    }

    /// Built programs are cached by content under XDG_CACHE_HOME: a re-run is not rebuilt and
    /// says so in --json; `examples --warm` builds every example once.
    func testRunsAreCachedAndExamplesCanBeWarmed() throws {
        let doctor = try CLI.run(["doctor"])
        guard doctor.status == 0 else { throw XCTSkip("no Go toolchain: deferlab run cannot build programs") }
        let go = try TestGo.require()
        // Go's own build cache stays where it is (XDG_CACHE_HOME would move it too).
        let gocache = try go.run(arguments: ["env", "GOCACHE"], in: FileManager.default.temporaryDirectory)
            .standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
        let cache = try temporaryDirectory(self)
        let env = ["XDG_CACHE_HOME": cache.path, "GOCACHE": gocache]
        func builds(_ out: CLI.Output) throws -> [[String: Any]] {
            XCTAssertEqual(out.status, 0, out.stderr)
            let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
            return items.compactMap { $0["build"] as? [String: Any] }
        }
        let first = try builds(CLI.run(["run", "defer-param-order", "--json"], env: env))
        XCTAssertEqual(first.map { $0["cached"] as? Bool }, [false, false])
        let again = try builds(CLI.run(["run", "defer-param-order", "--json"], env: env))
        XCTAssertEqual(again.map { $0["cached"] as? Bool }, [true, true])
        XCTAssertTrue(again.allSatisfy { ($0["runsMillis"] as? Int).map { $0 >= 0 } == true })
        let warm = try CLI.run(["examples", "--warm", "--lang", "en"], env: env)
        XCTAssertEqual(warm.status, 0, warm.stderr)
        let examples = try CLI.run(["examples", "--json"])
        let count = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(examples.stdout.utf8)) as? [Any]).count
        // Two variants, each with a counting build and a build for time and allocations; the
        // four of defer-param-order were cached by the runs above.
        XCTAssertTrue(warm.stdout.contains("\n\(count * 4) example builds: \(count * 4 - 4) built, 4 already cached, 0 failed"), warm.stdout)
        let warmAgain = try CLI.run(["examples", "--warm", "--lang", "en"], env: env)
        XCTAssertTrue(warmAgain.stdout.contains("\n\(count * 4) example builds: 0 built, \(count * 4) already cached"), warmAgain.stdout)
    }

    /// --profiles keeps the leaking service's profiles and shows where the goroutines wait.
    func testProfilesAreKeptAndTheirTopEntriesShown() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain") }
        let dir = try temporaryDirectory(self)
        let out = try CLI.run(["run", "--lang", "en", "--variant", "bad", "--profiles", "prof", "pprof-lock-pileup"], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        for name in ["goroutine.txt", "goroutine-stacks.txt", "heap.pprof"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("prof/bad/\(name)").path), name)
        }
        let top = out.stdout.components(separatedBy: "goroutine profile (debug=1), largest groups").last ?? ""
        XCTAssertTrue(top.range(of: #"\n  \d+  main\.\(\*service\)\.handle  main\.go:\d+"#, options: .regularExpression) != nil, out.stdout)
        // The source beside the profiles, and a pprof command that finds it.
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("prof/bad/src/main.go").path))
        let list = try XCTUnwrap(out.stdout.split(separator: "\n").first { $0.contains("go tool pprof -source_path=") })
        XCTAssertTrue(list.contains(dir.appendingPathComponent("prof/bad/src").path), String(list))
        let other = try CLI.run(["run", "--lang", "en", "--profiles", "prof", "loop-defer-files"], in: dir)
        XCTAssertEqual(other.status, 2)
        XCTAssertTrue(other.stderr.contains("writes no profiles"), other.stderr)
    }

    func testUsageErrors() throws {
        let missing = try CLI.run(["run", "--lang", "en", "no-such-example-or-path"])
        XCTAssertEqual(missing.status, 2, missing.stdout + missing.stderr)
        XCTAssertFalse(missing.stderr.isEmpty)
        XCTAssertEqual(try CLI.run(["run", "--nofile", "0", "x"]).status, 2)
    }
}

/// `--go` picks the language version of the build; `--n` scales an example's workload.
final class RunOptionsTests: XCTestCase {
    func testGoLineDecidesLoopVariableSemanticsAndNScalesTheWorkload() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain") }
        // The same fixed source prints 2 1 0 under go 1.22 and 3 3 3 when built as go 1.21.
        let new = try CLI.run(["run", "--json", "--variant", "fixed", "loopvar-capture"])
        let old = try CLI.run(["run", "--json", "--variant", "fixed", "--go", "1.21", "loopvar-capture"])
        XCTAssertEqual(new.status, 0, new.stderr)
        XCTAssertEqual(old.status, 0, old.stderr)
        func stdout(_ o: CLI.Output) throws -> String {
            let items = try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as! [[String: Any]]
            return items[0]["stdout"] as? String ?? ""
        }
        let newOut = try stdout(new), oldOut = try stdout(old)
        XCTAssertTrue(newOut.contains("2 1 0"), newOut)
        XCTAssertTrue(oldOut.contains("3 3 3"), oldOut)

        let small = try CLI.run(["run", "--json", "--variant", "bad", "--n", "300", "loop-defer-files"])
        XCTAssertEqual(small.status, 0, small.stderr)
        let item = (try JSONSerialization.jsonObject(with: Data(small.stdout.utf8)) as! [[String: Any]])[0]
        XCTAssertEqual(item["peakOpenFiles"] as? Int, 300, "the measured peak follows --n")
        XCTAssertGreaterThanOrEqual(item["peakPendingDefers"] as? Int ?? 0, 300)
        let notScalable = try CLI.run(["run", "--n", "5", "double-unlock"])
        XCTAssertEqual(notScalable.status, 2)
        XCTAssertEqual(try CLI.run(["run", "--go", "banana", "loopvar-capture"]).status, 2)
    }

    /// `deferlab run` with an example's default workload leaves its figures for the lessons
    /// (`deferlab lesson` and the shell); a run with other arguments does not.
    func testRunsLeaveTheirFiguresForTheLessons() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain") }
        let state = try temporaryDirectory(self)
        let env = ["XDG_STATE_HOME": state.path]
        let before = try CLI.run(["lesson", "--lang", "en", "2.2"], env: env)
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("run to measure"), before.stdout)
        XCTAssertEqual(try CLI.run(["run", "--lang", "en", "defer-args-evaluated", "--", "-n", "2"], env: env).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: state.appendingPathComponent("deferlab/state.json").path),
                       "a run with its own arguments is not what the lesson describes")
        // Every example whose figures 2.2 shows.
        let lesson = try String(contentsOf: LanguageClientTests.root.appendingPathComponent("Lessons/2.2-defer-stack.json"), encoding: .utf8)
        let bound = try NSRegularExpression(pattern: #"\{\{run:([a-z0-9-]+)/"#)
        let ids = Set(bound.matches(in: lesson, range: NSRange(lesson.startIndex..., in: lesson)).compactMap {
            Range($0.range(at: 1), in: lesson).map { String(lesson[$0]) }
        })
        XCTAssertFalse(ids.isEmpty)
        for id in ids.sorted() {
            XCTAssertEqual(try CLI.run(["run", "--lang", "en", id], env: env).status, 0, id)
        }
        let after = try CLI.run(["lesson", "--lang", "en", "2.2"], env: env)
        XCTAssertFalse(after.stdout.contains("run to measure"), after.stdout)
    }
}
