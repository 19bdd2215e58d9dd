import Foundation
import XCTest
import TestSupport

/// The learning shell (`deferlab` without arguments) driven through a pipe, as a script
/// would: plain lines in, no prompt decoration or escape codes out, state kept between runs.
final class ShellTranscriptTests: XCTestCase {
    /// A fresh XDG state folder for one test.
    private func stateHome() throws -> URL { try temporaryDirectory(self).appendingPathComponent("state") }

    private func shell(_ script: String, lang: String = "zh", state: URL, env: [String: String] = [:]) throws -> CLI.Output {
        try CLI.run(["--lang", lang], env: ["DEFERLAB_LANG": "zh", "XDG_STATE_HOME": state.path].merging(env) { $1 },
                    removing: ["NO_COLOR"], stdin: script)
    }

    func testTranscriptInBothLanguagesAndResumeNextTime() throws {
        let state = try stateHome()
        let out = try shell("toc\nopen 2.4\nlang en\nnext\nprev\nshow fixed\nexplain loop-defer\nquit\n", state: state)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stderr, "")
        XCTAssertFalse(out.stdout.contains("\u{1B}"), "no escape codes through a pipe")
        XCTAssertFalse(out.stdout.contains("deferlab 1>"), "no prompt through a pipe")
        let text = out.stdout
        // In order: Chinese welcome and contents, the Chinese page, then English.
        let needles = [
            "DeferLab 学习环境", "目录", "▸ 1", "2.4  2.4 闭包捕获与延迟释放的陷阱", "5    第五章",
            "2.4 闭包捕获与延迟释放的陷阱", "⚠ 更正", "文章说：", "[运行后显示]",
            "Language: English", "2.4 Closure capture and delayed-release traps", "The article said:", "[run to measure]",
            "2.5 defer on hot paths", "2.4 Closure capture", "nil-closer-panic/fixed/main.go", "func openSource",
            "loop-defer:", "Code it reports:",
            "Bye. Next time we resume at section 2.4.",
        ]
        var rest = text[...]
        for needle in needles {
            guard let found = rest.range(of: needle) else { return XCTFail("\(needle) missing (in order) from:\n\(text)") }
            rest = rest[found.upperBound...]
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("    ") && !line.hasPrefix("+") && !line.hasPrefix("-") {
            XCTAssertLessThanOrEqual(displayWidth(line), 80, "prose fits 80 columns: \(line)")
            XCTAssertFalse(line.first.map { "。，）：；！？".contains($0) } ?? false, "no line starts with closing punctuation: \(line)")
        }
        let saved = try String(contentsOf: state.appendingPathComponent("deferlab/state.json"), encoding: .utf8)
        XCTAssertTrue(saved.contains("\"2.4\""), saved)

        // Next time: resumes at 2.4; `next` goes to 2.5; end of input saves like quit.
        let again = try shell("next\n", lang: "en", state: state)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("Current section: 2.4 Closure capture"), again.stdout)
        XCTAssertTrue(again.stdout.contains("2.5 defer on hot paths"), again.stdout)
        let third = try shell("quit\n", state: state)
        XCTAssertTrue(third.stdout.contains("当前章节：2.5"), third.stdout)
    }

    /// `edit` copies an example into the learner's copy and runs EDITOR on it (here a script
    /// that changes one line); `run … mine|all`, `show diff mine`, a compile error with its
    /// caret, `reset mine`, and no editor at all.
    func testEditRunAndResetTheLearnersOwnCopy() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: examples cannot run") }
        let state = try stateHome()
        let dir = try temporaryDirectory(self)
        let editor = dir.appendingPathComponent("editor.sh")
        try write("#!/bin/sh\nsed -i 's/fmt.Print(\" \", val)/fmt.Print(\" v\", val)/' \"$1\"\n", to: editor)
        XCTAssertEqual(chmod(editor.path, 0o755), 0)
        let out = try shell("open 2.4\nrun defer-param-order mine\nedit defer-param-order\nshow diff mine\nrun all\nquit\n",
                            lang: "en", state: state, env: ["EDITOR": editor.path, "VISUAL": ""])
        XCTAssertEqual(out.status, 0, out.stderr)
        let copy = state.appendingPathComponent("deferlab/mine/defer-param-order")
        for needle in ["you have no copy of defer-param-order yet: edit defer-param-order makes one",
                       "Your copy of defer-param-order (from bad):\n  \(copy.path)/main.go\n",
                       "--- defer-param-order/bad/main.go", "+++ mine/main.go", "-\t\t\t\tfmt.Print(\" \", val)", "+\t\t\t\tfmt.Print(\" v\", val)",
                       "figure", "bad", "fixed", "yours",
                       "── output of defer-param-order bad ──", "deferred calls printed: 2 1 0",
                       "── output of defer-param-order yours ──", "deferred calls printed: v2 v1 v0"] {
            XCTAssertTrue(out.stdout.contains(needle), "\(needle) missing from:\n\(out.stdout)")
        }
        XCTAssertEqual(try String(contentsOf: copy.appendingPathComponent(".origin"), encoding: .utf8), "bad")

        // A copy that does not compile: the error names mine/main.go, with the line and a caret.
        try write("#!/bin/sh\nsed -i 's/fmt.Print(\" v\", val)/fmt.Print(\" \", vall)/' \"$1\"\n", to: editor)
        XCTAssertEqual(chmod(editor.path, 0o755), 0)
        let broken = try shell("open 2.4\nedit defer-param-order\nrun mine\nshow mine\nreset mine\nshow mine\nquit\n",
                               lang: "en", state: state, env: ["EDITOR": editor.path, "VISUAL": ""])
        XCTAssertEqual(broken.status, 0, broken.stderr)
        XCTAssertTrue(broken.stdout.contains("Editing your existing copy of defer-param-order"), broken.stdout)
        XCTAssertTrue(broken.stderr.contains("your copy does not compile:\nmine/main.go:18:20: undefined: vall\n"
                                             + "    \t\t\t\tfmt.Print(\" \", vall)\n    \t\t\t\t               ^"), broken.stderr)
        XCTAssertTrue(broken.stdout.contains("fmt.Print(\" \", vall)"), "show mine shows the copy")
        XCTAssertTrue(broken.stdout.contains("your copy of defer-param-order is removed"), broken.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy.path))

        // No editor anywhere: the path and how to set one.
        let none = try shell("open 2.4\nedit defer-param-order fixed\nquit\n", lang: "en", state: state,
                             env: ["EDITOR": "", "VISUAL": "", "PATH": dir.path])
        XCTAssertTrue(none.stdout.contains("Your copy of defer-param-order (from fixed)"), none.stdout)
        XCTAssertTrue(none.stdout.contains("No editor found: set EDITOR"), none.stdout)
    }

    /// `predict` asks the section's question, runs the example, and the output decides; the
    /// answers are kept and `toc` counts the right ones. A plain `run` through a pipe asks nothing.
    func testPredictThenRunTheOutputDecides() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: examples cannot run") }
        let state = try stateHome()
        let out = try shell("open 2.4\nrun defer-param-order\npredict defer-param-order\n2\npredict loopvar-capture\n1\nquit\n",
                            lang: "en", state: state)
        XCTAssertEqual(out.status, 0, out.stderr)
        let text = out.stdout
        let afterRun = try XCTUnwrap(text.range(of: "Building and running defer-param-order")).upperBound
        // Through a pipe there is no prompt: the next line is the answer.
        let firstPredict = try XCTUnwrap(text.range(of: "Predict, then run: i is passed", range: afterRun..<text.endIndex))
        XCTAssertFalse(text[afterRun..<firstPredict.lowerBound].contains("✓"), "run through a pipe asked nothing")
        for needle in ["Predict, then run: i is passed to the deferred function as an argument",
                       "  1. 0 1 2", "  2. 2 1 0",
                       "✓ Right: 2 1 0", "decided by the program's output: deferred calls printed: 2 1 0",
                       "The argument is evaluated at the defer statement",
                       "Predict, then run: Three deferred closures read the loop variable i",
                       "✗ You predicted “0 1 2”; the run says “3 3 3”"] {
            XCTAssertTrue(text.contains(needle), "\(needle) missing from:\n\(text)")
        }
        let saved = try String(contentsOf: state.appendingPathComponent("deferlab/state.json"), encoding: .utf8)
        XCTAssertTrue(saved.contains("\"2.4/predict-param\""), saved)
        let toc = try shell("toc\nquit\n", lang: "en", state: state)
        XCTAssertTrue(toc.stdout.contains("2.4 Closure capture and delayed-release traps  predictions ✓1/4"), toc.stdout)
        XCTAssertTrue(toc.stdout.contains("predictions ✓0/3"), toc.stdout)
    }

    /// `predict` names an unknown example instead of asking something else; without an
    /// example it takes the section's next unanswered question; a wrong answer is said to be
    /// one. `trace PATH` runs a folder; `show`, `edit` and `open` refuse words they do not know.
    func testPredictAndTraceArgumentsAreChecked() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: examples cannot run") }
        let state = try stateHome()
        let dir = try temporaryDirectory(self)
        try write("package main\n\nimport \"fmt\"\n\nfunc main() { defer fmt.Println(\"bye\") }\n", to: dir.appendingPathComponent("prog/main.go"))
        let out = try shell("open 2.2\npredict nosuch\npredict\n7\nopen 2.2\ntrace \(dir.appendingPathComponent("prog").path)\nshow nosuch\nedit defer-lifo-order wrong\nopen 2.4 extra\nquit\n",
                            lang: "en", state: state)
        XCTAssertEqual(out.status, 0, out.stderr)
        for needle in ["nosuch: neither an example id nor an existing file or folder",
                       "Predict, then run: writeReport defers",
                       "“7” is not a choice (1–2): the question is skipped",
                       "The run says: `f.Close()`: the last one deferred runs first",
                       "defer fmt.Println(\"bye\")",
                       "usage: edit [EXAMPLE] [bad|fixed] [--fresh]", "usage: open SECTION"] {
            XCTAssertTrue(out.stdout.contains(needle), "\(needle) missing from:\n\(out.stdout)")
        }
        XCTAssertEqual(out.stdout.components(separatedBy: "neither an example id nor an existing file or folder").count - 1, 2,
                       "predict nosuch and show nosuch")
    }

    func testDamagedStateWarnsAndStartsFresh() throws {
        let state = try stateHome()
        try write("{\"format\": 1, \"section\": ", to: state.appendingPathComponent("deferlab/state.json"))
        let out = try shell("quit\n", lang: "en", state: state)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stderr.contains("warning: the state file"), out.stderr)
        XCTAssertTrue(out.stderr.contains("damaged"), out.stderr)
        XCTAssertTrue(out.stdout.contains("Current section: Chapter 1") || out.stdout.contains("Current section: 1"), out.stdout)
        let repaired = try String(contentsOf: state.appendingPathComponent("deferlab/state.json"), encoding: .utf8)
        XCTAssertTrue(repaired.contains("\"1\""), "quit writes a good state again: \(repaired)")
    }

    func testUnknownCommandsAndAliases() throws {
        let state = try stateHome()
        let out = try shell("opne 2.2\nxyzzy\n下一节\n上一节\n上一节\nopen 9.9\nlang fr\n退出\n", lang: "zh", state: state)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("未知命令 opne。你是想输入 open 吗？"), out.stdout)
        XCTAssertTrue(out.stdout.contains("未知命令 xyzzy（输入 help 查看命令）"), out.stdout)
        XCTAssertTrue(out.stdout.contains("2.1 defer 在底层如何实现"), out.stdout)
        XCTAssertTrue(out.stdout.contains("这已经是第一节。"), out.stdout)
        XCTAssertTrue(out.stdout.contains("没有第 9.9 节"), out.stdout)
        XCTAssertTrue(out.stdout.contains("用法：lang zh|en"), out.stdout)
        XCTAssertTrue(out.stdout.contains("再见。下次从第 1 节继续。"), out.stdout)
    }

    /// chart draws the learner's last runs; before a run it says to run first.
    func testChartAfterARun() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: examples cannot run") }
        let state = try stateHome()
        let out = try shell("图表 loop-defer-files\nrun loop-defer-files fixed\nchart loop-defer-files\nquit\n", lang: "en", state: state)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("loop-defer-files has not been run yet: type run loop-defer-files first"), out.stdout)
        let chart = out.stdout.components(separatedBy: "open files over time").last ?? ""
        XCTAssertTrue(chart.contains("loop-defer-files fixed |"), out.stdout)
        XCTAssertTrue(chart.contains("| 2\n") || chart.contains("| 1\n"), "the fixed run's peak: \(chart)")
        XCTAssertFalse(out.stdout.contains("\u{1B}"), "no escape codes through a pipe")

        // Next session: the lesson shows the learner's own figure from that run, not
        // "run to measure"; the bad variant, never run, still asks for a run.
        let later = try shell("open 1\nquit\n", lang: "en", state: state)
        let flat = later.stdout.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let page = flat.components(separatedBy: "Peak open files:").last ?? ""
        XCTAssertTrue(page.hasPrefix(" [run to measure] in the bad version, 1 in the fixed one")
                      || page.hasPrefix(" [run to measure] in the bad version, 2 in the fixed one"), later.stdout)
    }

    /// pprof runs the leaking service and its fix: in bad most goroutines wait in the handler's
    /// Lock line; in fixed that group is gone.
    func testPprofFindsThePileUpAndItsLine() throws {
        guard try CLI.run(["doctor"]).status == 0 else { throw XCTSkip("no Go toolchain: examples cannot run") }
        let state = try stateHome()
        let out = try shell("pprof\nquit\n", lang: "en", state: state)
        XCTAssertEqual(out.status, 0, out.stderr)
        let parts = out.stdout.components(separatedBy: "== pprof-lock-pileup fixed")
        XCTAssertEqual(parts.count, 2, out.stdout)
        let bad = parts[0], fixed = parts[1]
        let badTop = bad.split(separator: "\n").first { $0.contains("main.(*service).handle  main.go:") }
        let count = badTop.flatMap { Int($0.split(separator: " ").first ?? "") } ?? 0
        XCTAssertGreaterThan(count, 50, "goroutines pile up behind the lock: \(bad)")
        XCTAssertFalse(fixed.contains("main.(*service).handle  main.go:"), "no pile-up in the handler after the fix: \(fixed)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: state.appendingPathComponent("deferlab/pprof/bad/heap.pprof").path))
    }

    /// A copied binary without Lessons/Content: exit 2 and a message naming what is missing.
    func testMissingContentIsAClearError() throws {
        let dir = try temporaryDirectory(self).resolvingSymlinksInPath()
        let copy = dir.appendingPathComponent("bin/deferlab")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let state = try stateHome()
        let none = try CLI.run(["--lang", "en"], in: dir, env: ["XDG_STATE_HOME": state.path], removing: ["DEFERLAB_HOME"],
                               executable: copy, stdin: "quit\n")
        XCTAssertEqual(none.status, 2, none.stdout + none.stderr)
        XCTAssertTrue(none.stderr.contains("Content/examples"), none.stderr)

        // Content present but no Lessons folder: the error names Lessons.
        let home = dir.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try FileManager.default.createSymbolicLink(at: home.appendingPathComponent("Content"),
                                                   withDestinationURL: project.appendingPathComponent("Content"))
        let noLessons = try CLI.run(["--lang", "en"], in: dir, env: ["XDG_STATE_HOME": state.path, "DEFERLAB_HOME": home.path],
                                    executable: copy, stdin: "quit\n")
        XCTAssertEqual(noLessons.status, 2, noLessons.stdout + noLessons.stderr)
        XCTAssertTrue(noLessons.stderr.contains("lessons not found: no Lessons folder"), noLessons.stderr)
        XCTAssertTrue(noLessons.stderr.contains("DEFERLAB_HOME=\(home.path)"), noLessons.stderr)

        // A damaged lesson file: named, and the other sections still load.
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try write("{\"format\": 1, \"section\": \"1\"", to: home.appendingPathComponent("Lessons/1-why-it-matters.json"))
        let damaged = try CLI.run(["--lang", "en"], in: dir, env: ["XDG_STATE_HOME": state.path, "DEFERLAB_HOME": home.path],
                                  executable: copy, stdin: "quit\n")
        XCTAssertEqual(damaged.status, 2, damaged.stdout + damaged.stderr)
        XCTAssertTrue(damaged.stderr.contains("1-why-it-matters.json"), damaged.stderr)
        XCTAssertTrue(damaged.stderr.contains("no lesson section in"), damaged.stderr)
    }

    /// Terminal columns of `text` (CJK takes two), for the fit check.
    private func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6: return width + 2
            default: return width + 1
            }
        }
    }
}
