import LabCommands
import DeferRules
import Foundation
import GoAnalysis
import GoToolchain
import LabContent
import LabLessons
import LabRunner
#if canImport(Glibc)
import Glibc
#endif
import LabText

/// The commands that reach below the lessons: the examples' code, the runner, the rules and
/// the fixer. Each reuses the code behind the matching `deferlab` command.
extension LearningShell {
    /// The example `show`/`run` use: `named` when it is an example id, else the last one
    /// chosen, else the section's first run block, else the first example it names.
    func example(named: String?) -> String? {
        if let named, examples.example(id: named) != nil {
            chosenExample = named
            return named
        }
        if let chosenExample { return chosenExample }
        for block in current.blocks { if case .run(let run) = block.content { return run.example } }
        return current.exampleIDs.first
    }

    /// `show [bad|fixed|mine|diff [mine]] [EXAMPLE]`: the example's main.go (or the learner's
    /// copy), the diff between bad and fixed, or between the copy and where it came from.
    func show(_ arguments: [String]) {
        let words = ["bad", "fixed", "diff", RunReport.mine]
        let others = arguments.filter { !words.contains($0) }
        guard others.count <= 1 else { return output.line(catalog.text(.shellUsage, "show [bad|fixed|mine|diff [mine]] [EXAMPLE]")) }
        let named = others.first
        if let named, examples.example(id: named) == nil { return output.line(catalog.text(.runUnknownTarget, named)) }
        guard let id = example(named: named) else { return output.line(catalog.text(.shellNoExample)) }
        let renderer = self.renderer, style = Style(colour: terminal.colour)
        let mine = arguments.contains(RunReport.mine)
        if mine && !hasMine(id) { return output.line(catalog.text(.shellMineMissing, id)) }
        let copy = mine ? (try? String(contentsOf: mineFolder(id).appendingPathComponent("main.go"), encoding: .utf8)) ?? "" : ""
        if arguments.contains("diff") {
            guard mine else { return output.lines(renderer.diffLines(id, file: "main.go")) }
            let origin = mineOrigin(id)
            return output.lines(renderer.diffLines(old: renderer.code(id, origin, "main.go") ?? "", new: copy,
                                                   oldName: "\(id)/\(origin.rawValue)/main.go", newName: "mine/main.go",
                                                   same: catalog.text(.shellMineSame, origin.rawValue)))
        }
        if mine {
            output.line(style.dim(mineFolder(id).appendingPathComponent("main.go").path))
            return output.lines(style.goLines(copy))
        }
        let variant = arguments.compactMap { Variant(rawValue: $0) }.first ?? .bad
        output.line(style.dim("\(id)/\(variant.rawValue)/main.go"))
        output.lines(style.goLines(renderer.code(id, variant, "main.go") ?? ""))
    }

    /// `run [EXAMPLE] [bad|fixed|both|mine|all] [--nofile N]`: what `deferlab run` does (for
    /// `mine`, on the learner's copy; `all`: bad, fixed and the copy in one table), then the
    /// section's blocks whose figures the run filled. `run PATH` runs the learner's own program.
    /// Questions of the section about the example are asked first with `askAll`, and on a
    /// terminal while they are unanswered.
    func runExample(_ arguments: [String], askAll: Bool = false) {
        let usage = catalog.text(.shellUsage, "run [EXAMPLE] [bad|fixed|both|mine|all] [--nofile N] [-- ARGS…]")
        var variant: String?, named: String?, nofile: Int?, path: String?
        // Everything after `--` goes to the program (instead of the example's own arguments).
        var programArguments: [String]?
        var rest = arguments[...]
        if let dashes = arguments.firstIndex(of: "--") {
            programArguments = Array(arguments[(dashes + 1)...])
            rest = arguments[..<dashes]
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "bad", "fixed", "both", RunReport.mine, "all": variant = argument
            case "--nofile":
                guard let value = rest.popFirst().flatMap(Int.init), value >= 1 else { return output.line(usage) }
                nofile = value
            default:
                if examples.example(id: argument) != nil, named == nil, path == nil {
                    named = argument
                } else if named == nil, path == nil, FileManager.default.fileExists(atPath: argument) {
                    path = argument
                } else {
                    return output.line(catalog.text(.runUnknownTarget, argument))
                }
            }
        }
        let id: String
        if let path {
            id = path
        } else {
            guard let chosen = example(named: named) else { return output.line(catalog.text(.shellNoExample)) }
            id = chosen
        }
        let withMine = variant == RunReport.mine || variant == "all"
        if withMine && path == nil && !hasMine(id) { return output.line(catalog.text(.shellMineMissing, id)) }
        var plan: RunPlan?
        if variant != RunReport.mine {
            switch RunPlan.resolve(id, variant: variant == "all" ? "both" : variant, examples: examples, catalog: catalog) {
            case .success(let resolved): plan = resolved
            case .failure(let problem): return output.error(problem.message)
            }
        }
        guard let runner = makeRunner() else { return }
        // Predict, then run: the questions this run decides.
        var asked: [AskedQuestion] = []
        if path == nil, case .example(_, let variants)? = plan {
            for (key, question) in questions(about: id, variants: variants.map(\.rawValue))
            where askAll || (terminal.interactive && predictions[key] == nil) {
                asked.append(AskedQuestion(key: key, question: question, choice: ask(question)))
            }
        }
        output.line(catalog.text(.shellRunning, id))
        var runs = plan?.run(with: runner, arguments: programArguments, timeout: nil, openFileLimit: nofile).runs ?? []
        if withMine, path == nil, let mine = runMine(id, runner: runner, arguments: programArguments, openFileLimit: nofile) {
            runs.append(mine)
        }
        let report = RunReport(runs: runs, openFileLimit: nofile)
        EditLineCallbacks.interrupted = 0
        output.lines(report.lines(catalog, width: renderer.width))
        for run in report.runs {
            if run.variant == RunReport.mine, case .build(let text)? = run.failure {
                output.error(catalog.text(.shellMineCompileError))
                compileErrorLines(id, text).forEach(output.error)
            } else if let problem = RunReport(runs: [run]).problems(catalog).first {
                output.error(problem)
            }
        }
        report.runs.forEach { results.record($0) }
        settle(asked, runs: report.runs)
        saveState()
        // The lesson's figures are of bad and fixed: a run of the copy alone or of a path fills none.
        guard variant != RunReport.mine, path == nil else { return }
        // The figures this run filled, in place in the lesson.
        let renderer = self.renderer
        for block in current.blocks where mentionsRun(of: id, block.content) {
            output.line("")
            output.lines(renderer.render(block.content))
        }
    }

    /// `chart [EXAMPLE]`: open files and pending defers over time in the learner's last runs
    /// of the example, bad and fixed on one scale.
    func chart(_ arguments: [String]) {
        guard let id = example(named: arguments.first) else { return output.line(catalog.text(.shellNoExample)) }
        let runs = results.runs(of: id)
        guard !runs.isEmpty else { return output.line(catalog.text(.shellChartNoRun, id)) }
        let plain = !terminal.colour
        for (figure, title) in [(RunChart.Figure.openFiles, catalog.text(.runChartOpenFiles)),
                                (.pendingDefers, catalog.text(.runChartPendingDefers))] {
            let lines = RunChart.lines(runs, figure: figure, title: title, width: max(20, terminal.width - 30), plain: plain) {
                "\($0.id) \($0.variant ?? "")"
            }
            if !lines.isEmpty { output.lines(lines + [""]) }
        }
    }

    /// A runner on the Go toolchain (found once per shell), or nil after saying none was
    /// found. Ctrl-C stops what it runs, not the shell: the SIGINT handler sets the flag the
    /// runner polls (cleared here); programs run in their own process group.
    func makeRunner() -> LabRunner? {
        if go == nil { go = try? GoLocator.forCurrentProcess().locate() }
        guard let go else {
            output.error(catalog.text(.goNotFound))
            return nil
        }
        var runner = LabRunner.cachingBinaries(go: go)
        EditLineCallbacks.interrupted = 0
        runner.interrupt = { EditLineCallbacks.interrupted != 0 }
        return runner
    }

    /// `pprof`: chapter 4 live. Runs the leaking service (bad) and its fix as `run --profiles`
    /// does, into the state folder's `pprof/`, then shows the largest goroutine groups (count,
    /// the program's function, file:line) and the top in-use heap entries of each, so the
    /// learner finds the line and sees the pile-up gone after the fix. The profile files and a
    /// copy of the source stay for `go tool pprof`.
    func pprofWalkthrough() {
        let id = "pprof-lock-pileup"
        guard let example = examples.example(id: id) else { return output.line(catalog.text(.runUnknownTarget, id)) }
        guard let runner = makeRunner() else { return }
        let root = store.stateFile.deletingLastPathComponent().appendingPathComponent("pprof")
        try? FileManager.default.removeItem(at: root)
        output.line(catalog.text(.shellRunning, id))
        let report = RunPlan.example(example, [.bad, .fixed]).run(with: runner, arguments: nil, timeout: nil,
                                                                  openFileLimit: nil, profiles: root)
        for run in report.runs {
            results.record(run)
            let variant = run.variant ?? ""
            output.line("")
            output.line(catalog.text(.shellPprofVariant, "\(id) \(variant)"))
            if let failure = run.failure { output.error(failure.description); continue }
            let dir = root.appendingPathComponent(variant, isDirectory: true)
            output.lines(ProfileLines.lines(ProfileTop.summary(of: dir, go: runner.go), folder: dir, language))
        }
        EditLineCallbacks.interrupted = 0
    }

    private func mentionsRun(of id: String, _ content: LessonContent) -> Bool {
        content.texts.contains { field in
            LessonText.segments(field.value[language]).contains { segment in
                if case .placeholder(.run(let figure)) = segment { return figure.example == id }
                return false
            }
        }
    }

    /// `explain [RULE]`: the rules, or one rule's explanation with its examples.
    func explain(_ arguments: [String]) {
        guard let name = arguments.first else {
            let width = DeferRules.all.map(\.name.count).max() ?? 0
            return output.lines(DeferRules.all.map { TextLayout.pad($0.name, to: width) + "  " + $0.title[language] })
        }
        guard let rule = DeferRules.named(name) else {
            let near = DeferRules.all.map(\.name).min { ShellCommand.editDistance(name, $0) < ShellCommand.editDistance(name, $1) }
            output.line(catalog.text(.unknownRule, name) + (near.map { " → \($0)?" } ?? ""))
            return
        }
        let style = Style(colour: terminal.colour)
        let width = renderer.width
        var lines = [style.heading("\(rule.name): \(rule.title[language])"), ""]
        for paragraph in rule.doc[language].split(separator: "\n", omittingEmptySubsequences: false) {
            lines += TextLayout.wrap(String(paragraph), width: width)
        }
        if let example = rule.example {
            lines += ["", style.bold(catalog.text(.exampleBad))] + style.goLines(example.bad).map { "    " + $0 }
            if let fixed = example.fixed {
                lines += ["", style.bold(catalog.text(.exampleFixed))] + style.goLines(fixed).map { "    " + $0 }
            }
        }
        output.lines(lines)
    }

    /// `fix PATH`: the findings and the diff; writes (atomically) only after a yes.
    func fix(_ arguments: [String]) {
        guard let path = arguments.first else { return output.line(catalog.text(.shellUsage, "fix PATH")) }
        var options = FixOptions()
        options.mode = .diff
        guard let result = try? FixRun.run(paths: [path], options: options) else { return }
        for file in result.report.files {
            if let problem = file.problem { output.error(problem.message(file.path, language)) }
            file.syntaxErrorLines.forEach(output.error)
        }
        if result.findings.isEmpty && !result.hasErrors { return output.line(catalog.text(.shellNoFindings, path)) }
        output.lines(result.findings.map { FindingFormat.text($0, language) })
        let changed = result.changedFiles
        guard !changed.isEmpty else { return }
        let style = Style(colour: terminal.colour)
        for file in changed {
            let diff = UnifiedDiff.diff(old: file.bytes, new: file.fixed!, oldName: file.path + ".orig", newName: file.path)
            output.lines(diff.split(separator: "\n").map { line in
                line.hasPrefix("+") && !line.hasPrefix("+++") ? style.good(String(line))
                    : line.hasPrefix("-") && !line.hasPrefix("---") ? style.bad(String(line)) : String(line)
            })
        }
        let question = catalog.text(.shellConfirmWrite, String(changed.count))
        if !terminal.interactive { output.line(question) }
        guard case .line(let answer) = reader.read(prompt: terminal.interactive ? question : ""),
              ["y", "yes", "是", "好", "确认"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
            return output.line(catalog.text(.shellNotWritten))
        }
        for file in changed {
            do {
                try AtomicWrite.replace(file.path, with: file.fixed!)
                output.line(catalog.text(.shellWritten, file.path))
            } catch {
                output.error(catalog.text(.cannotWrite, file.path, error.description))
            }
        }
    }
}
