import Foundation
import GoToolchain
import LabCommands
import LabContent
import LabRunner
import LabText

/// The learner's own copy of an example ("mine"): `edit` makes it and opens an editor on it,
/// `run … mine|all` measures it with the same probe, `show mine` / `show diff mine` show it,
/// `reset mine` removes it. Copies live in the state folder: `mine/EXAMPLE/`, the whole
/// package, with `.origin` naming the variant it came from.
extension LearningShell {
    func mineFolder(_ id: String) -> URL {
        store.folder.appendingPathComponent("mine", isDirectory: true).appendingPathComponent(id, isDirectory: true)
    }

    func hasMine(_ id: String) -> Bool {
        FileManager.default.fileExists(atPath: mineFolder(id).appendingPathComponent("main.go").path)
    }

    /// The variant the copy was made from (bad when unknown).
    func mineOrigin(_ id: String) -> Variant {
        let text = (try? String(contentsOf: mineFolder(id).appendingPathComponent(".origin"), encoding: .utf8)) ?? ""
        return Variant(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .bad
    }

    /// `edit [EXAMPLE] [bad|fixed] [--fresh]`.
    func edit(_ arguments: [String]) {
        let variant = arguments.compactMap { Variant(rawValue: $0) }.first
        let fresh = arguments.contains("--fresh")
        let others = arguments.filter { Variant(rawValue: $0) == nil && $0 != "--fresh" }
        guard others.count <= 1, arguments.compactMap({ Variant(rawValue: $0) }).count <= 1 else {
            return output.line(catalog.text(.shellUsage, "edit [EXAMPLE] [bad|fixed] [--fresh]"))
        }
        let named = others.first
        if let named, examples.example(id: named) == nil { return output.line(catalog.text(.runUnknownTarget, named)) }
        guard let id = example(named: named), let example = examples.example(id: id) else {
            return output.line(catalog.text(.shellNoExample))
        }
        let folder = mineFolder(id)
        if hasMine(id) && !fresh && (variant == nil || variant == mineOrigin(id)) {
            say(catalog.text(.shellMineKept, id, mineOrigin(id).rawValue))
        } else {
            let origin = variant ?? .bad
            do {
                try copyExample(example.folder(for: origin), to: folder)
                try Data(origin.rawValue.utf8).write(to: folder.appendingPathComponent(".origin"))
            } catch {
                return output.error(catalog.text(.cannotWrite, folder.path, error.localizedDescription))
            }
            say(catalog.text(.shellMineCopied, id, origin.rawValue))
        }
        let main = folder.appendingPathComponent("main.go")
        // The path on a line of its own, never broken, so it can be copied.
        output.line("  " + main.path)
        guard let editor = editorCommand() else {
            return say(catalog.text(.shellMineNoEditor, id))
        }
        // The editor gets the terminal: the shell is not reading while it runs, and it stays
        // in the foreground process group so it can.
        do {
            let result = try ProcessRunner().run(ProcessRequest(
                executable: editor.executable, arguments: editor.arguments + [main.path], workingDirectory: folder,
                environment: environment, timeout: nil, standardInput: .inherit, standardOutput: .inherit,
                standardError: .inherit, processGroup: .inheritForeground))
            if !result.succeeded {
                output.error(catalog.text(.shellMineEditorFailed, editor.executable, "\(result.termination)"))
            }
        } catch {
            output.error(catalog.text(.shellMineEditorFailed, editor.executable, "\(error)"))
        }
        say(catalog.text(.shellMineNext, id))
    }

    /// Replaces `target` with a copy of the regular files of `source`.
    func copyExample(_ source: URL, to target: URL) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: target)
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        let entries = try manager.contentsOfDirectory(at: source, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        for file in entries where try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            try manager.copyItem(at: file, to: target.appendingPathComponent(file.lastPathComponent))
        }
    }

    /// `$VISUAL`, else `$EDITOR` (with its own arguments, split at spaces), else `vi` or
    /// `nano` when found on PATH; nil without any.
    func editorCommand() -> (executable: String, arguments: [String])? {
        for key in ["VISUAL", "EDITOR"] {
            let words = (environment[key] ?? "").split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            let path = first.contains("/") ? first : ProcessRunner.executablePath(named: first, environment: environment)
            if let path { return (path, Array(words.dropFirst())) }
        }
        for name in ["vi", "nano"] {
            if let path = ProcessRunner.executablePath(named: name, environment: environment) { return (path, []) }
        }
        return nil
    }

    /// `reset mine [EXAMPLE]`.
    func resetMine(_ arguments: [String]) {
        guard arguments.first == "mine" else { return output.line(catalog.text(.shellUsage, "reset mine [EXAMPLE]")) }
        let named = arguments.dropFirst().first
        if let named, examples.example(id: named) == nil { return output.line(catalog.text(.runUnknownTarget, named)) }
        guard let id = example(named: named) else { return output.line(catalog.text(.shellNoExample)) }
        guard hasMine(id) else { return output.line(catalog.text(.shellMineMissing, id)) }
        do {
            try FileManager.default.removeItem(at: mineFolder(id))
            output.line(catalog.text(.shellMineRemoved, id))
        } catch {
            output.error(catalog.text(.cannotWrite, mineFolder(id).path, error.localizedDescription))
        }
    }

    /// Measures the learner's copy with the example's arguments (or the ones given).
    func runMine(_ id: String, runner: LabRunner, arguments: [String]?, openFileLimit: Int?) -> RunMeasurement? {
        guard let example = examples.example(id: id) else { return nil }
        guard hasMine(id) else {
            output.line(catalog.text(.shellMineMissing, id))
            return nil
        }
        var options = RunOptions(arguments: arguments ?? example.manifest.args, timeout: example.manifest.timeout,
                                 openFileLimit: openFileLimit)
        options.goVersion = nil
        return runner.run(.directory(mineFolder(id)), id: id, variant: RunReport.mine, options: options)
    }

    /// A compile error of the copy as `mine/main.go:L:C: message`, with the line and a caret
    /// under the column; nil when `output` is not such an error.
    func compileErrorLines(_ id: String, _ buildOutput: String) -> [String] {
        let folder = mineFolder(id).path + "/"
        var out: [String] = []
        for raw in buildOutput.split(separator: "\n").map(String.init) where !raw.hasPrefix("#") {
            guard raw.hasPrefix(folder) else {
                out.append(raw)
                continue
            }
            let rest = String(raw.dropFirst(folder.count))
            out.append("mine/" + rest)
            let parts = rest.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count >= 3, let line = Int(parts[1]), let column = Int(parts[2]),
                  let text = try? String(contentsOf: mineFolder(id).appendingPathComponent(String(parts[0])), encoding: .utf8)
            else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard line >= 1, line <= lines.count else { continue }
            let source = String(lines[line - 1])
            let bytes = Array(source.utf8)
            let before = String(decoding: bytes.prefix(max(0, min(bytes.count, column - 1))), as: UTF8.self)
            // Tabs stay tabs, so the caret lines up under the code however wide a tab is.
            let pad = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: TextLayout.width(String($0))) }.joined()
            out.append("    " + source)
            out.append("    " + pad + "^")
        }
        return out
    }
}

extension LearningShell {
    /// `trace [EXAMPLE] [bad|fixed|mine]`: what `deferlab trace` shows, fitted to the terminal.
    func traceExample(_ arguments: [String]) {
        let variants = ["bad", "fixed", RunReport.mine]
        let others = arguments.filter { !variants.contains($0) }
        let chosenVariants = arguments.filter { variants.contains($0) }
        if others.count > 1 || chosenVariants.count > 1 {
            return output.line(catalog.text(.shellUsage, "trace [EXAMPLE|PATH] [bad|fixed|mine]"))
        }
        var target: String
        var isPath = false
        if let named = others.first, examples.example(id: named) == nil {
            guard FileManager.default.fileExists(atPath: named), chosenVariants.isEmpty else {
                return output.line(catalog.text(.runUnknownTarget, named))
            }
            target = named
            isPath = true
        } else {
            guard let id = example(named: others.first) else { return output.line(catalog.text(.shellNoExample)) }
            target = id
        }
        let id = target
        var request = TraceCommand.Request()
        request.target = target
        request.variant = isPath ? nil : chosenVariants.first ?? "bad"
        request.language = language
        request.environment = environment
        request.width = terminal.interactive ? Terminal.columns() ?? terminal.width : terminal.width
        output.line(catalog.text(.shellRunning, id))
        EditLineCallbacks.interrupted = 0
        let result = TraceCommand.execute(request, examples: examples, locator: GoLocator.forCurrentProcess(),
                                          interrupt: { EditLineCallbacks.interrupted != 0 })
        EditLineCallbacks.interrupted = 0
        output.write(result.stdout)
        // The learner's copy that does not compile: the same caret view as `run mine`.
        if request.variant == RunReport.mine && result.status == 1 {
            output.error(catalog.text(.shellMineCompileError))
            compileErrorLines(id, result.stderr.joined(separator: "\n")).forEach(output.error)
        } else {
            result.stderr.forEach(output.error)
        }
    }
}
