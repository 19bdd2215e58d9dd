import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import DeferLabCore
import Foundation
import GoToolchain
import LabRunner
import LabWorkshop

/// `deferlab workshop …`: exercises fixed in the learner's own editor, checked by measurement.
struct Workshop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Exercises you fix in your own editor; DeferLab checks each fix by running and measuring it.",
        subcommands: [WorkshopInit.self, WorkshopList.self, WorkshopCheck.self, WorkshopHint.self,
                      WorkshopWatchCommand.self, WorkshopReset.self, WorkshopSolution.self, WorkshopLang.self,
                      WorkshopVerifySet.self]
    )
}

/// Options every workshop command shares.
struct WorkshopOptions: ParsableArguments {
    @Option(name: .long, help: "The workshop folder (default: the current folder when it is one).")
    var dir: String?
    @OptionGroup var global: GlobalOptions

    var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

    /// The language: --lang, else the one stored in the workshop, else the environment's.
    func language(stored: Language?) throws -> Language {
        if global.lang != nil || stored == nil { return try global.language() }
        return stored!
    }

    /// The exercise set, the folder and its state (a damaged state file warns and starts afresh).
    func open() throws -> (LabWorkshop.Workshop, WorkshopFolder, WorkshopState) {
        let fallback = try global.language()
        let set = try loadSet(fallback)
        let folder: WorkshopFolder
        do {
            folder = try WorkshopFolder.locate(dir: dir, currentDirectory: currentDirectory)
        } catch {
            fail(WorkshopText(fallback), error)
        }
        let (state, damaged) = folder.loadState(defaultLanguage: fallback)
        let language = try language(stored: damaged == nil ? state.storedLanguage : nil)
        if let damaged { Console.error(WorkshopText(language)(.damagedState, damaged)) }
        return (makeWorkshop(set, language), folder, state)
    }

    func loadSet(_ language: Language) throws -> ExerciseSet {
        do {
            return try ExerciseSet.forCurrentProcess()
        } catch {
            fail(WorkshopText(language), error)
        }
    }

    func makeWorkshop(_ set: ExerciseSet, _ language: Language) -> LabWorkshop.Workshop {
        LabWorkshop.Workshop(set: set, language: language) { line in
            Console.line(line)
            Console.flush()
        }
    }

    /// A checker with the Go toolchain; Ctrl-C stops the program being checked.
    func checker(_ workshop: LabWorkshop.Workshop) throws -> ExerciseChecker {
        let go: GoToolchain
        do {
            go = try GoLocator.forCurrentProcess().locate()
        } catch {
            Console.error(workshop.message(.noGo))
            throw ExitCode(ExitStatus.failure)
        }
        Interrupt.install()
        var runner = LabRunner(go: go)
        runner.interrupt = { Interrupt.requested }
        return ExerciseChecker(runner: runner)
    }

    /// Runs one workshop operation: its status becomes the exit status; a workshop error
    /// is said in the learner's language and exits 2.
    func perform(_ workshop: LabWorkshop.Workshop, _ body: () throws(WorkshopError) -> Int32) throws {
        let status: Int32
        do { status = try body() } catch { fail(workshop.text, error) }
        if status != 0 { throw ExitCode(status) }
    }

    func fail(_ text: WorkshopText, _ error: WorkshopError) -> Never {
        let workshop = LabWorkshop.Workshop(set: ExerciseSet(exercises: [], problems: []), language: text.language) { _ in }
        Console.error(workshop.message(error))
        Console.flush()
        Glibc.exit(ExitStatus.failure)
    }
}

struct WorkshopInit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write the exercise set into DIR (a Go module per exercise).")
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: "Write into a folder that is not empty.")
    var force = false
    @Argument(help: "The folder to create (or --dir).")
    var target: String?

    func validate() throws {
        if target == nil && options.dir == nil { throw ValidationError("workshop init needs a folder: DIR or --dir DIR") }
        if let target, let dir = options.dir, target != dir { throw ValidationError("give the folder once: DIR or --dir DIR") }
    }

    mutating func run() throws {
        let target = self.target ?? options.dir ?? "."
        let language = try options.global.language()
        let set = try options.loadSet(language)
        let workshop = options.makeWorkshop(set, language)
        do {
            let folder = try workshop.initialize(dir: URL(fileURLWithPath: target, relativeTo: options.currentDirectory), force: force)
            Console.line(workshop.text(.initDone, folder.root.path, String(set.exercises.count)))
            Console.line(workshop.text(.initNext, target))
        } catch {
            options.fail(workshop.text, error)
        }
    }
}

struct WorkshopList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the exercises with their status.")
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: "Print one JSON array.")
    var json = false

    mutating func run() throws {
        let (workshop, _, state) = try options.open()
        if json {
            let current = workshop.current(state)?.id
            let items: [[String: Any]] = workshop.set.exercises.map { e in
                ["id": e.id, "order": e.order, "section": e.section, "title": e.title(workshop.text.language),
                 "passed": state.progress(e.id).passed, "current": e.id == current, "hintsShown": state.progress(e.id).hintsShown]
            }
            let data = try JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])
            Console.line(String(decoding: data, as: UTF8.self))
        } else {
            workshop.list(state)
        }
    }
}

struct WorkshopCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build, run and measure your code (all exercises, or ID) with fresh random input.",
        discussion: "Exit status: 0 every checked exercise passed, 1 some failed, 2 errors.")
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: "Print one JSON array with an object per checked exercise.")
    var json = false
    @Argument(help: "Exercise id (default: all).")
    var id: String?

    mutating func run() throws {
        var (workshop, folder, state) = try options.open()
        let checker = try options.checker(workshop)
        try options.perform(workshop) { () throws(WorkshopError) in
            try workshop.check(id.map { [$0] } ?? [], in: folder, state: &state, checker: checker, json: json)
        }
    }
}

struct WorkshopHint: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "Show the next hint for an exercise.")
    @OptionGroup var options: WorkshopOptions
    @Argument(help: "Exercise id.")
    var id: String

    mutating func run() throws {
        var (workshop, folder, state) = try options.open()
        try options.perform(workshop) { () throws(WorkshopError) in
            try workshop.hint(id, in: folder, state: &state)
            return 0
        }
    }
}

struct WorkshopReset: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Restore the starting code (asks first; keeps a backup of yours).")
    @OptionGroup var options: WorkshopOptions
    @Flag(name: [.short, .long], help: "Do not ask.")
    var yes = false
    @Argument(help: "Exercise id.")
    var id: String

    mutating func run() throws {
        let (workshop, folder, _) = try options.open()
        let yes = self.yes
        try options.perform(workshop) { () throws(WorkshopError) in
            try workshop.reset(id, in: folder) { question in
                if yes { return true }
                Console.raw(question)
                Console.flush()
                return LabWorkshop.Workshop.isYes(readLine() ?? "")
            }
        }
    }
}

struct WorkshopSolution: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solution", abstract: "Show the reference solution (after the exercise passed, or with --force).")
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: "Show it even though the exercise has not passed.")
    var force = false
    @Argument(help: "Exercise id.")
    var id: String

    mutating func run() throws {
        let (workshop, _, state) = try options.open()
        try options.perform(workshop) { () throws(WorkshopError) in try workshop.solution(id, state: state, force: force) }
    }
}

struct WorkshopLang: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lang", abstract: "Switch the workshop's language (zh or en) and rewrite its READMEs.")
    @OptionGroup var options: WorkshopOptions
    @Argument(help: "zh or en.")
    var language: String

    mutating func run() throws {
        guard let chosen = Language(rawValue: language.lowercased()) else {
            throw ValidationError(Catalog(.en).text(.badLanguage, language))
        }
        var (workshop, folder, state) = try options.open()
        workshop = options.makeWorkshop(workshop.set, chosen)
        try options.perform(workshop) { () throws(WorkshopError) in
            try workshop.switchLanguage(in: folder, state: &state)
            return 0
        }
    }
}

struct WorkshopWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Check an exercise each time one of its files is saved; Ctrl-C leaves.")
    @OptionGroup var options: WorkshopOptions

    mutating func run() throws {
        var (workshop, folder, state) = try options.open()
        let checker = try options.checker(workshop)
        let watch = WorkshopWatch(workshop: workshop, folder: folder)
        watch.run(stop: { Interrupt.requested }) { exercise in
            do {
                _ = try workshop.check([exercise.id], in: folder, state: &state, checker: checker)
            } catch let error as WorkshopError {
                Console.error(workshop.message(error))
            } catch {
                Console.error("\(error)")
            }
        }
    }
}

struct WorkshopVerifySet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-set",
        abstract: "Authoring check: every exercise fails as shipped, every solution passes, fix-engine repairs pass.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Exercise ids (default: all).")
    var ids: [String] = []

    mutating func run() throws {
        let options = try WorkshopOptions.parse(global.lang.map { ["--lang", $0] } ?? [])
        let language = try global.language()
        let set = try options.loadSet(language)
        let workshop = options.makeWorkshop(set, language)
        let problems = SetVerifier(workshop: workshop, checker: try options.checker(workshop)).verify(ids: ids)
        if !problems.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}
