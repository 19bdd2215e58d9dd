import Foundation
import LabCommands
import LabRunner
import LabText

/// Checking exercises by measurement, and how a verdict reads.
extension Workshop {
    // MARK: - check

    /// Checks `ids` (all when empty), records passes in the state, prints the verdicts.
    /// - Returns: 0 all passed, 1 some failed, 2 a check could not be carried out.
    /// With `json`, nothing is printed but one JSON array (``json(_:)``) at the end.
    public func check(_ ids: [String], in folder: WorkshopFolder, state: inout WorkshopState,
                      checker: ExerciseChecker, json: Bool = false) throws(WorkshopError) -> Int32 {
        let exercises = try ids.isEmpty ? set.exercises : ids.map { id throws(WorkshopError) in try exercise(id) }
        var outcomes: [CheckOutcome] = []
        var errors = 0
        var interrupted = false
        for e in exercises {
            if checker.runner.interrupt?() == true { interrupted = true; break }
            if exercises.count > 1 && !json { out(text(.checking, e.id)) }
            do {
                let outcome = try checker.check(e, learnerFolder: folder.folder(of: e.id), displayPrefix: e.id + "/")
                // A run stopped by Ctrl-C says nothing about the learner's code.
                if checker.runner.interrupt?() == true {
                    interrupted = true
                    out(text(.interrupted, e.id))
                    break
                }
                outcomes.append(outcome)
                if outcome.passed {
                    var p = state.progress(e.id)
                    if !p.passed { p.passedAt = stamp() }
                    p.passed = true
                    state.exercises[e.id] = p
                }
                if (exercises.count == 1 || !outcome.passed) && !json { render(outcome) }
            } catch {
                if checker.runner.interrupt?() == true {
                    interrupted = true
                    out(text(.interrupted, e.id))
                    break
                }
                errors += 1
                if json { err(text(.checkError, error.description)) } else { out(text(.checkError, error.description)) }
            }
        }
        if json {
            out(Self.json(outcomes))
        } else if exercises.count > 1 {
            out("")
            out(text(.summaryTable))
            for o in outcomes {
                out("  \(TextLayout.pad(o.exercise.id, to: 24))  \(TextLayout.pad(o.passed ? "✓" : "✗", to: 7))  \(summary(o))")
            }
            let passed = outcomes.filter(\.passed).count
            out(text(.summaryCounts, String(passed), String(outcomes.count - passed)))
        }
        // Another command (hint, lang, a second check) may have saved meanwhile: merge this
        // check's passes into the state as it is now, then save.
        let (current, _) = folder.loadState(defaultLanguage: text.language)
        var merged = current
        for o in outcomes where o.passed { merged.exercises[o.exercise.id] = state.progress(o.exercise.id) }
        state = merged
        try folder.save(state)
        if interrupted { return Self.interruptedStatus }
        if errors > 0 { return 2 }
        return outcomes.allSatisfy(\.passed) && outcomes.count == exercises.count ? 0 : 1
    }

    /// The exit status of a check stopped with Ctrl-C (as a shell reports SIGINT).
    public static let interruptedStatus: Int32 = 130

    /// One JSON array, an object per checked exercise: `id, seed, passed, exitCode, figures,
    /// problems: [{kind, …}]` (absent values are null).
    public static func json(_ outcomes: [CheckOutcome]) -> String {
        JSONOutput.string(outcomes.map(CheckJSON.init), pretty: false, fallback: "[]")
    }

    /// The verdict of one check, with what was measured and what was expected.
    public func render(_ o: CheckOutcome) {
        out(o.passed ? text(.passed, o.exercise.id, String(o.seed)) : text(.failed, o.exercise.id, String(o.seed)))
        for problem in o.problems {
            switch problem {
            case .missingFile(let path): out(text(.missingFile, path, o.exercise.id))
            case .unreadable(let path): out(text(.unreadableFile, path))
            case .figureLines(let want, let got):
                out(text(.figureLinesDiffer, want.joined(separator: ", "), got.joined(separator: ", ")))
            case .buildConstraint(let file, let line): out(text(.buildConstraint, "\(file):\(line)", o.exercise.go))
            case .buildFailed(let messages):
                out(text(.buildFailed))
                for line in messages.split(separator: "\n") where !line.hasPrefix("# ") { out("    " + line) }
            case .notMeasured(let why): out(text(.notMeasured, why))
            case .timedOut(let seconds): out(text(.timedOut, String(seconds)))
            case .exitCode(let got, let want): out(text(.exitCode, got.map(String.init) ?? "?", String(want)))
            case .outputDiffers(let line, let want, let got):
                out(text(.outputDiffers, String(line)))
                out(text(.outputWant, want.map(clip) ?? text(.outputNothing)))
                out(text(.outputGot, got.map(clip) ?? text(.outputNothing)))
            case .limit(let limit, let measured):
                if let measured {
                    out(text(.limitFailed, limit.figure, String(measured), bound(limit), limit.why(text.language)))
                } else {
                    out(text(.limitNotMeasured, limit.figure, limit.why(text.language)))
                }
            }
        }
        if !o.figures.isEmpty {
            out(text(.figureLine, o.figures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")))
        }
    }

    /// One line for a table: what went wrong (limits aside) and the figures measured.
    public func summary(_ o: CheckOutcome) -> String {
        let figures = o.figures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let kinds = o.problems.compactMap { p -> String? in
            switch p {
            case .missingFile: return text(.shortMissing)
            case .unreadable: return text(.shortUnreadable)
            case .figureLines: return text(.shortFigureLines)
            case .buildConstraint: return text(.shortConstraint)
            case .buildFailed: return text(.shortBuild)
            case .notMeasured: return text(.shortNotMeasured)
            case .timedOut: return text(.shortTimedOut)
            case .exitCode(let got, _): return text(.shortExit, got.map(String.init) ?? "?")
            case .outputDiffers(let line, _, _): return text(.shortOutput, String(line))
            case .limit: return nil
            }
        }
        return (kinds + [figures]).filter { !$0.isEmpty }.joined(separator: listSeparator[text.language])
    }

    private func bound(_ limit: ExerciseLimit) -> String {
        switch (limit.min, limit.max) {
        case (let lo?, let hi?): return "\(lo)…\(hi)"
        case (nil, let hi?): return "≤ \(hi)"
        case (let lo?, nil): return "≥ \(lo)"
        default: return "?"
        }
    }

    private func clip(_ s: String) -> String { s.count > 120 ? String(s.prefix(117)) + "…" : s }
}

/// A check's outcome as `workshop check --json` prints it.
struct CheckJSON: Encodable {
    var outcome: CheckOutcome
    init(_ outcome: CheckOutcome) { self.outcome = outcome }

    enum Key: String, CodingKey {
        case id, seed, passed, figures, exitCode, problems
        case kind, file, want, got, line, message, seconds, figure, measured, max, min
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(outcome.exercise.id, forKey: .id)
        try c.encode(Int(outcome.seed), forKey: .seed)
        try c.encode(outcome.passed, forKey: .passed)
        try c.encode(outcome.figures, forKey: .figures)
        try c.encode(outcome.measurement?.exitCode.map { Int($0) }, forKey: .exitCode)
        var list = c.nestedUnkeyedContainer(forKey: .problems)
        for p in outcome.problems {
            var o = list.nestedContainer(keyedBy: Key.self)
            switch p {
            case .missingFile(let f): try o.encode("missingFile", forKey: .kind); try o.encode(f, forKey: .file)
            case .unreadable(let f): try o.encode("unreadable", forKey: .kind); try o.encode(f, forKey: .file)
            case .figureLines(let want, let got):
                try o.encode("figureLines", forKey: .kind); try o.encode(want, forKey: .want); try o.encode(got, forKey: .got)
            case .buildConstraint(let f, let l):
                try o.encode("buildConstraint", forKey: .kind); try o.encode(f, forKey: .file); try o.encode(l, forKey: .line)
            case .buildFailed(let m): try o.encode("buildFailed", forKey: .kind); try o.encode(m, forKey: .message)
            case .notMeasured(let m): try o.encode("notMeasured", forKey: .kind); try o.encode(m, forKey: .message)
            case .timedOut(let seconds): try o.encode("timedOut", forKey: .kind); try o.encode(seconds, forKey: .seconds)
            case .exitCode(let got, let want):
                try o.encode("exitCode", forKey: .kind); try o.encode(got.map { Int($0) }, forKey: .got); try o.encode(Int(want), forKey: .want)
            case .outputDiffers(let line, let want, let got):
                try o.encode("outputDiffers", forKey: .kind); try o.encode(line, forKey: .line)
                try o.encode(want, forKey: .want); try o.encode(got, forKey: .got)
            case .limit(let l, let measured):
                try o.encode("limit", forKey: .kind); try o.encode(l.figure, forKey: .figure); try o.encode(measured, forKey: .measured)
                try o.encode(l.max, forKey: .max); try o.encode(l.min, forKey: .min)
            }
        }
    }
}
