import Foundation
import LabCommands
import DeferRules

/// The authoring check (`deferlab workshop verify-set`, run in the test suite), like
/// rustlings' dev check: every exercise as shipped fails its check; every reference solution
/// passes; where the fix engine is said to repair an exercise, `deferlab fix -w` on the
/// starting code passes, and where it is not, its result fails (or it changes nothing); the rules an exercise names report its starting code; every text
/// exists in both languages; ids are unique.
public struct SetVerifier {
    public var workshop: Workshop
    public var checker: ExerciseChecker

    public init(workshop: Workshop, checker: ExerciseChecker) {
        self.workshop = workshop
        self.checker = checker
    }

    /// Verifies every exercise (or those in `ids`); prints a line per step.
    /// - Returns: the problems found (empty: the set is sound).
    public func verify(ids: [String] = []) -> [String] {
        let text = workshop.text
        var problems = workshop.set.problems.map(\.description)
        for id in ids where workshop.set.exercise(id) == nil { problems.append(workshop.text(.unknownExercise, id)) }
        let exercises = ids.isEmpty ? workshop.set.exercises : workshop.set.exercises.filter { ids.contains($0.id) }
        workshop.out(text(.verifyStart, String(exercises.count)))
        for p in problems { workshop.out(text(.verifyProblem, p)) }
        for e in exercises {
            if checker.runner.interrupt?() == true { break }
            var mine: [String] = []
            do {
                let start = try checker.check(e, learnerFolder: e.startFolder, displayPrefix: "\(e.id)/")
                if start.passed {
                    mine.append("\(e.id): the starting code passes its check (seed \(start.seed))")
                } else {
                    workshop.out("  \(e.id): \(text(.verifyFails)) — \(workshop.summary(start))")
                }
                let solution = try checker.check(e, learnerFolder: e.solutionFolder, displayPrefix: "\(e.id)/")
                if solution.passed {
                    workshop.out("  \(e.id): \(text(.verifyPasses)) — \(workshop.summary(solution))")
                } else {
                    workshop.render(solution)
                    mine.append("\(e.id): the reference solution fails its check (seed \(solution.seed))")
                }
                mine += try verifyRules(e)
            } catch {
                mine.append("\(e.id): \(error.description)")
            }
            for p in mine { workshop.out(text(.verifyProblem, p)) }
            problems += mine
        }
        workshop.out(text(.verifySummary, String(exercises.count), String(problems.count)))
        return problems
    }

    /// The named rules report the starting code; with `fixEngine`, the fixed code passes.
    private func verifyRules(_ e: Exercise) throws(CheckError) -> [String] {
        var problems: [String] = []
        for rule in e.rules where DeferRules.named(rule) == nil { problems.append("\(e.id): unknown rule \(rule)") }
        let fm = FileManager.default
        let copy = checker.runner.temporaryFolder.appendingPathComponent("deferlab-verify-\(UUID().uuidString)", isDirectory: true)
        defer { try? fm.removeItem(at: copy) }
        do {
            try fm.createDirectory(at: copy, withIntermediateDirectories: true)
            for name in e.harnessFiles() {
                try fm.copyItem(at: e.harnessFolder.appendingPathComponent(name), to: copy.appendingPathComponent(name))
            }
            for name in e.files {
                try fm.copyItem(at: e.startFolder.appendingPathComponent(name), to: copy.appendingPathComponent(name))
            }
            try Data(e.goMod.utf8).write(to: copy.appendingPathComponent("go.mod"))
        } catch {
            throw CheckError(description: "cannot copy \(e.id): \(error)")
        }
        // Findings as `deferlab fix` reports them, then the fixed files as `-w` writes them
        // (after its rounds, the findings left are the ones it could not fix).
        var options = FixOptions()
        let report: FixResult, result: FixResult
        do {
            report = try FixRun.run(paths: [copy.path], options: options)
            options.mode = .write
            result = try FixRun.run(paths: [copy.path], options: options)
        } catch {
            throw CheckError(description: "\(e.id): fix options: \(error)")
        }
        let learnerFindings = report.findings.filter { f in e.files.contains((f.file as NSString).lastPathComponent) }
        let reported = Set(learnerFindings.map(\.diagnostic.rule))
        for rule in e.rules where !reported.contains(rule) {
            problems.append("\(e.id): rule \(rule) does not report the starting code")
        }
        var changed = false
        for f in result.changedFiles where e.files.contains((f.path as NSString).lastPathComponent) {
            do {
                try Data(f.fixed!).write(to: URL(fileURLWithPath: f.path))
                changed = true
            } catch {
                throw CheckError(description: "cannot write \(f.path): \(error)")
            }
        }
        // An exercise the fix engine does not repair must really need the learner: either
        // `fix -w` changes nothing, or what it writes still fails the check.
        guard e.fixEngine else {
            guard changed else {
                workshop.out("  \(e.id): \(workshop.text(.verifyNotFixedUnchanged))")
                return problems
            }
            let fixed = try checker.check(e, learnerFolder: copy, displayPrefix: "\(e.id)/")
            if fixed.passed {
                problems.append("\(e.id): fixEngine is false but the code deferlab fix -w produces passes the check (seed \(fixed.seed))")
            } else {
                workshop.out("  \(e.id): \(workshop.text(.verifyNotFixedFails, workshop.summary(fixed)))")
            }
            return problems
        }
        if !changed {
            problems.append("\(e.id): fixEngine is set but deferlab fix changes nothing")
            return problems
        }
        let fixed = try checker.check(e, learnerFolder: copy, displayPrefix: "\(e.id)/")
        if fixed.passed {
            workshop.out("  \(e.id): \(workshop.text(.verifyFixed)) — \(workshop.summary(fixed))")
        } else {
            workshop.render(fixed)
            problems.append("\(e.id): the code deferlab fix -w produces fails the check (seed \(fixed.seed))")
        }
        return problems
    }
}
