import Foundation
import LabCommands
import LabRunner
import LabText

/// Setting up, restoring and switching the files of a workshop folder.
extension Workshop {
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
        let stamp = stamp().replacingOccurrences(of: ":", with: "")
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
                // A list reads "a, b" in English and "a、b" in Chinese.
                let separator = lang == .zh ? "、" : ", "
                lines += [text(.readmeFiles, e.files.map { "`\($0)`" }.joined(separator: separator),
                               e.harnessFiles().map { "`\($0)`" }.joined(separator: separator)), "", text(.readmeCheck, e.id), ""]
                try AtomicWrite.write(Array(lines.joined(separator: "\n").utf8),
                                      to: folder.folder(of: e.id).appendingPathComponent("README.md").path)
            }
        } catch {
            throw .io("\(folder.root.path): \(describe(error))")
        }
    }

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
        let stamp = stamp().replacingOccurrences(of: ":", with: "")
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
