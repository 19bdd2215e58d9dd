import Foundation
import LabCommands
import GoToolchain
import LabRunner
import LabWorkshop

/// The workshop inside the learning shell: `exercise init DIR|list|check [ID]|hint ID|reset ID|
/// solution ID [--force]|dir DIR`, the same operations as `deferlab workshop …`.
public enum ShellExercise {
    public static let subcommands = ["list", "check", "hint", "reset", "solution", "init", "dir"]
}

extension LearningShell {
    func exercise(_ arguments: [String]) {
        let usage = "exercise list | check [ID] | hint ID | reset ID | solution ID [--force] | init DIR | dir DIR"
        guard let sub = arguments.first, ShellExercise.subcommands.contains(sub) else {
            return output.line(catalog.text(.shellUsage, usage))
        }
        guard let set = exerciseSet else { return output.error(WorkshopText(language)(.contentMissing)) }
        let workshop = Workshop(set: set, language: language) { [output] in output.line($0) }
        let flags = Set(arguments.dropFirst().filter { $0.hasPrefix("--") })
        let rest = arguments.dropFirst().filter { !$0.hasPrefix("--") }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if sub == "init" || sub == "dir" {
            guard let path = rest.first else { return output.line(catalog.text(.shellUsage, usage)) }
            let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath, relativeTo: cwd).standardizedFileURL
            if sub == "init" {
                do {
                    let folder = try workshop.initialize(dir: url, force: flags.contains("--force"))
                    output.line(workshop.text(.initDone, folder.root.path, String(set.exercises.count)))
                } catch {
                    return output.error(workshop.message(error))
                }
            } else if !WorkshopFolder(root: url).isWorkshop {
                return output.error(workshop.message(.notAWorkshop(url.path)))
            }
            workshopDir = url
            saveState()
            return
        }
        let folder: WorkshopFolder
        do {
            folder = try WorkshopFolder.locate(dir: workshopDir?.path, currentDirectory: cwd)
        } catch {
            return output.error(workshop.message(error))
        }
        var (state, damaged) = folder.loadState(defaultLanguage: language)
        if let damaged { output.error(workshop.text(.damagedState, damaged)) }
        do {
            switch sub {
            case "list": workshop.list(state)
            case "check":
                guard let runner = makeRunner() else { return }
                _ = try workshop.check(rest.first.map { [$0] } ?? [], in: folder, state: &state,
                                       checker: ExerciseChecker(runner: runner))
                EditLineCallbacks.interrupted = 0
            case "hint":
                guard let id = rest.first else { return output.line(catalog.text(.shellUsage, usage)) }
                try workshop.hint(id, in: folder, state: &state)
            case "reset":
                guard let id = rest.first else { return output.line(catalog.text(.shellUsage, usage)) }
                _ = try workshop.reset(id, in: folder) { [self] question in
                    output.write(question)
                    if case .line(let answer) = reader.read(prompt: "") {
                        return Workshop.isYes(answer)
                    }
                    return false
                }
            case "solution":
                guard let id = rest.first else { return output.line(catalog.text(.shellUsage, usage)) }
                _ = try workshop.solution(id, state: state, force: flags.contains("--force"))
            default: break
            }
        } catch {
            output.error(workshop.message(error))
        }
    }
}
