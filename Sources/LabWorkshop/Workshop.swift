import Foundation
#if canImport(Glibc)
import Glibc
#endif
import DeferLabCore
import LabRunner

/// The workshop commands over one exercise set, shared by `deferlab workshop …` and the
/// learning shell's `exercise …`. Output goes through `out` (a line at a time); results are
/// exit statuses (0 ok, 1 failed checks or refused, 2 errors).
public struct Workshop {
    public var set: ExerciseSet
    public var text: WorkshopText
    public var out: (String) -> Void

    public init(set: ExerciseSet, language: Language, out: @escaping (String) -> Void) {
        self.set = set
        self.text = WorkshopText(language)
        self.out = out
    }

    public func exercise(_ id: String) throws(WorkshopError) -> Exercise {
        guard let e = set.exercise(id) else { throw .unknownExercise(id) }
        return e
    }

    /// The message for an error, in the workshop's language.
    public func message(_ error: WorkshopError) -> String {
        switch error {
        case .contentMissing: return text(.contentMissing)
        case .notAWorkshop(let path): return text(.notAWorkshop, path)
        case .notEmpty(let path): return text(.notEmpty, path)
        case .unknownExercise(let id): return text(.unknownExercise, id)
        case .io(let what): return what
        case .noGo: return Catalog(text.language).text(.goNotFound)
        }
    }

    // MARK: - init and lang

    /// Writes the exercise set into `dir`: a Go module per exercise (harness, starting code,
    /// go.mod, README), a README for the whole set and the state file with the language.
    public func initialize(dir: URL, force: Bool) throws(WorkshopError) -> WorkshopFolder {
        let fm = FileManager.default
        let folder = WorkshopFolder(root: dir)
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: folder.root.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .io(text(.notADirectory, folder.root.path)) }
            let entries = (try? fm.contentsOfDirectory(atPath: folder.root.path)) ?? []
            if !entries.isEmpty && !force { throw .notEmpty(folder.root.path) }
        }
        // Again over an existing workshop (--force): the learner's files are kept in a backup
        // and the progress stays.
        let existing = folder.isWorkshop ? folder.loadState(defaultLanguage: text.language).state : nil
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        do {
            try fm.createDirectory(at: folder.root, withIntermediateDirectories: true)
            for e in set.exercises {
                let target = folder.folder(of: e.id)
                if existing != nil {
                    for name in e.files where fm.fileExists(atPath: target.appendingPathComponent(name).path) {
                        let start = fm.contents(atPath: e.startFolder.appendingPathComponent(name).path)
                        guard fm.contents(atPath: target.appendingPathComponent(name).path) != start else { continue }
                        let backup = folder.backupFolder.appendingPathComponent("init-\(stamp)/\(e.id)", isDirectory: true)
                        try fm.createDirectory(at: backup, withIntermediateDirectories: true)
                        try fm.copyItem(at: target.appendingPathComponent(name), to: backup.appendingPathComponent(name))
                    }
                }
                try fm.createDirectory(at: target, withIntermediateDirectories: true)
                for name in e.harnessFiles() {
                    try copyReplacing(e.harnessFolder.appendingPathComponent(name), to: target.appendingPathComponent(name))
                }
                for name in e.files {
                    try copyReplacing(e.startFolder.appendingPathComponent(name), to: target.appendingPathComponent(name))
                }
                try Data(e.goMod.utf8).write(to: target.appendingPathComponent("go.mod"))
            }
        } catch {
            throw .io("\(folder.root.path): \(describe(error))")
        }
        var state = existing ?? WorkshopState(language: text.language)
        state.language = text.language.rawValue
        try folder.save(state)
        try writeReadmes(folder)
        return folder
    }

    private func copyReplacing(_ source: URL, to target: URL) throws {
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
        try FileManager.default.copyItem(at: source, to: target)
    }

    /// README.md for the set and for each exercise, in the workshop's language.
    public func writeReadmes(_ folder: WorkshopFolder) throws(WorkshopError) {
        let lang = text.language
        var top = ["# \(text(.readmeTitle))", "", text(.readmeIntro), "", text(.readmeCommands), ""]
        for command in ["deferlab workshop list", "deferlab workshop check [ID]", "deferlab workshop hint ID",
                        "deferlab workshop watch", "deferlab workshop reset ID", "deferlab workshop solution ID"] {
            top.append("    \(command)")
        }
        top += ["", "## \(text(.readmeExercises))", ""]
        for e in set.exercises {
            top.append("\(e.order). [\(e.id)](\(e.id)/README.md) — \(e.title(lang)) (§\(e.section))")
        }
        top += ["", text(.readmeOther), ""]
        do {
            try AtomicWrite.write(Array(top.joined(separator: "\n").utf8), to: folder.root.appendingPathComponent("README.md").path)
            for e in set.exercises {
                var lines = ["# \(e.order). \(e.title(lang))", "", "## \(text(.readmeTask))", ""]
                for paragraph in e.task(lang) { lines += [paragraph, ""] }
                lines += [text(.readmeFiles, e.files.map { "`\($0)`" }.joined(separator: ", "),
                               e.harnessFiles().map { "`\($0)`" }.joined(separator: ", ")), "", text(.readmeCheck, e.id), ""]
                try AtomicWrite.write(Array(lines.joined(separator: "\n").utf8),
                                      to: folder.folder(of: e.id).appendingPathComponent("README.md").path)
            }
        } catch {
            throw .io("\(folder.root.path): \(describe(error))")
        }
    }

    // MARK: - list

    /// The first exercise not passed yet.
    public func current(_ state: WorkshopState) -> Exercise? {
        set.exercises.first { !state.progress($0.id).passed }
    }

    /// A table of exercises with their status; the current one is marked.
    public func list(_ state: WorkshopState) {
        out(text(.listHeader))
        let current = current(state)?.id
        for e in set.exercises {
            let passed = state.progress(e.id).passed
            let marker = e.id == current ? text(.currentMarker) : " "
            let status = passed ? text(.statusPassed) : text(.statusPending)
            out("\(marker) \(Columns.pad(String(e.order), 2, right: true))  \(Columns.pad(e.id, 24))  \(Columns.pad(status, 7))  \(e.title(text.language))")
        }
        if current == nil { out(text(.allPassed)) }
    }

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
                    if !p.passed { p.passedAt = ISO8601DateFormatter().string(from: Date()) }
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
                if json { FileHandle.standardError.write(Data((text(.checkError, error.description) + "\n").utf8)) }
                else { out(text(.checkError, error.description)) }
            }
        }
        if json {
            out(Self.json(outcomes))
        } else if exercises.count > 1 {
            out("")
            out(text(.summaryTable))
            for o in outcomes {
                out("  \(Columns.pad(o.exercise.id, 24))  \(Columns.pad(o.passed ? "✓" : "✗", 7))  \(summary(o))")
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
    /// problems: [{kind, …}]`.
    public static func json(_ outcomes: [CheckOutcome]) -> String {
        let items: [[String: Any]] = outcomes.map { o in
            let problems: [[String: Any]] = o.problems.map { p in
                switch p {
                case .missingFile(let f): return ["kind": "missingFile", "file": f]
                case .unreadable(let f): return ["kind": "unreadable", "file": f]
                case .figureLines(let want, let got): return ["kind": "figureLines", "want": want, "got": got]
                case .buildConstraint(let f, let l): return ["kind": "buildConstraint", "file": f, "line": l]
                case .buildFailed(let m): return ["kind": "buildFailed", "message": m]
                case .notMeasured(let m): return ["kind": "notMeasured", "message": m]
                case .timedOut(let s): return ["kind": "timedOut", "seconds": s]
                case .exitCode(let got, let want): return ["kind": "exitCode", "got": got.map { Int($0) as Any } ?? NSNull(), "want": Int(want)]
                case .outputDiffers(let line, let want, let got):
                    return ["kind": "outputDiffers", "line": line, "want": want ?? NSNull(), "got": got ?? NSNull()]
                case .limit(let l, let m):
                    return ["kind": "limit", "figure": l.figure, "measured": m ?? NSNull(),
                            "max": l.max ?? NSNull(), "min": l.min ?? NSNull()]
                }
            }
            return ["id": o.exercise.id, "seed": Int(o.seed), "passed": o.passed, "figures": o.figures,
                    "exitCode": o.measurement?.exitCode.map { Int($0) as Any } ?? NSNull(), "problems": problems]
        }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
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
        return (kinds + [figures]).filter { !$0.isEmpty }.joined(separator: text.language == .zh ? "，" : ", ")
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

    // MARK: - hint, reset, solution, lang

    /// Shows the next hint step and remembers it.
    public func hint(_ id: String, in folder: WorkshopFolder, state: inout WorkshopState) throws(WorkshopError) {
        let e = try exercise(id)
        let hints = e.hints(text.language)
        guard !hints.isEmpty else { return out(text(.hintNoMore, id)) }
        var p = state.progress(id)
        let step = min(max(p.hintsShown, 0), hints.count - 1)
        out(text(.hintStep, String(step + 1), String(hints.count), e.id))
        out("  " + hints[step])
        if step + 1 >= hints.count { out(text(.hintNoMore, id)) }
        p.hintsShown = step + 1
        state.exercises[id] = p
        try folder.save(state)
    }

    /// Restores the starting code after `confirm` says yes; the learner's files are kept in
    /// `.deferlab/backup/<id>-<time>/`. - Returns: 0 done, 1 cancelled.
    public func reset(_ id: String, in folder: WorkshopFolder, confirm: (String) -> Bool) throws(WorkshopError) -> Int32 {
        let e = try exercise(id)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let backup = folder.backupFolder.appendingPathComponent("\(id)-\(stamp)", isDirectory: true)
        let shown = backup.path.replacingOccurrences(of: folder.root.path + "/", with: "")
        guard confirm(text(.resetAsk, id, shown)) else {
            out(text(.resetCancelled))
            return 1
        }
        let fm = FileManager.default
        do {
            var kept = false
            for name in e.files {
                let file = folder.folder(of: id).appendingPathComponent(name)
                if fm.fileExists(atPath: file.path) {
                    try fm.createDirectory(at: backup, withIntermediateDirectories: true)
                    try fm.copyItem(at: file, to: backup.appendingPathComponent(name))
                    kept = true
                    // A folder (or anything not a regular file) in the file's place goes too,
                    // once it is kept: the starting code replaces it.
                    if (try? fm.attributesOfItem(atPath: file.path)[.type] as? FileAttributeType) != .typeRegular {
                        try fm.removeItem(at: file)
                    }
                }
                try fm.createDirectory(at: folder.folder(of: id), withIntermediateDirectories: true)
                let start = try Data(contentsOf: e.startFolder.appendingPathComponent(name))
                try AtomicWrite.write(Array(start), to: file.path)
            }
            // The harness and go.mod come back as shipped too.
            for name in e.harnessFiles() {
                let data = try Data(contentsOf: e.harnessFolder.appendingPathComponent(name))
                try AtomicWrite.write(Array(data), to: folder.folder(of: id).appendingPathComponent(name).path)
            }
            try AtomicWrite.write(Array(e.goMod.utf8), to: folder.folder(of: id).appendingPathComponent("go.mod").path)
            out(text(.resetDone, id))
            if kept { out(text(.resetKept, shown)) }
        } catch {
            throw .io("\(id): \(describe(error))")
        }
        return 0
    }

    /// True for an answer that says yes to a question such as reset's (y, yes, 是, 好).
    public static func isYes(_ answer: String) -> Bool {
        ["y", "yes", "是", "好"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Prints the reference solution once the exercise passed, or with `force`.
    /// - Returns: 0 shown, 1 refused.
    public func solution(_ id: String, state: WorkshopState, force: Bool) throws(WorkshopError) -> Int32 {
        let e = try exercise(id)
        guard force || state.progress(id).passed else {
            out(text(.solutionLocked, id))
            return 1
        }
        for name in e.files {
            out(text(.solutionHeader, id, name))
            out(String(decoding: FileManager.default.contents(atPath: e.solutionFolder.appendingPathComponent(name).path) ?? Data(), as: UTF8.self))
        }
        return 0
    }

    /// Switches the folder's language and rewrites its READMEs.
    public func switchLanguage(in folder: WorkshopFolder, state: inout WorkshopState) throws(WorkshopError) {
        state.language = text.language.rawValue
        try folder.save(state)
        try writeReadmes(folder)
        out(text(.langSwitched))
    }
}


/// The system's reason for a file error ("Permission denied"), not Foundation's long description.
func describe(_ error: Error) -> String {
    if let failure = error as? AtomicWrite.Failure { return failure.description }
    if let workshop = error as? WorkshopError, case .io(let what) = workshop { return what }
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error {
        let u = underlying as NSError
        if u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(u.code))) }
    }
    switch CocoaError.Code(rawValue: ns.code) {
    case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
    case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
    case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
    case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
    default: return ns.localizedDescription
    }
}
