import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import LabCommands
import Foundation
import GoToolchain
import LabRunner
import LabWorkshop
import LabText

/// `deferlab workshop …`: exercises fixed in the learner's own editor, checked by measurement.
struct Workshop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: UI.help(.workshopAbstract),
        discussion: UI.help(.workshopDiscussion),
        subcommands: [WorkshopInit.self, WorkshopList.self, WorkshopCheck.self, WorkshopHint.self,
                      WorkshopWatchCommand.self, WorkshopReset.self, WorkshopSolution.self, WorkshopLang.self,
                      WorkshopVerifySet.self]
    )
}

/// Options every workshop command shares.
struct WorkshopOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(UI.help(.workshopDir)))
    var dir: String?
    @OptionGroup var global: GlobalOptions

    var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

    /// The flag's language (nil without --lang) and the environment's.
    func languages() throws -> (flag: Language?, fallback: Language) {
        let fallback = try global.language()
        return (global.lang == nil ? nil : fallback, fallback)
    }

    /// The exercise set, the folder and its state (a damaged state file warns and starts afresh).
    func open() throws -> (LabWorkshop.Workshop, WorkshopFolder, WorkshopState) {
        let (flag, fallback) = try languages()
        do {
            let session = try WorkshopSession.open(dir: dir, currentDirectory: currentDirectory, flag: flag, fallback: fallback,
                                                   out: Self.printLine, err: { Console.error($0) })
            if let warning = session.warning { Console.error(warning) }
            return (session.workshop, session.folder, session.state)
        } catch {
            fail(error.message)
        }
    }

    func loadSet(_ language: Language) throws -> ExerciseSet {
        do { return try WorkshopSession.loadSet(language: language) } catch { fail(error.message) }
    }

    static func printLine(_ line: String) {
        Console.line(line)
        Console.flush()
    }

    func makeWorkshop(_ set: ExerciseSet, _ language: Language) -> LabWorkshop.Workshop {
        LabWorkshop.Workshop(set: set, language: language, out: Self.printLine, err: { Console.error($0) })
    }

    /// A checker with the Go toolchain; Ctrl-C stops the program being checked.
    func checker(_ workshop: LabWorkshop.Workshop) throws -> ExerciseChecker {
        Interrupt.install()
        do {
            return try WorkshopSession.checker(locator: GoLocator.forCurrentProcess(), interrupt: { Interrupt.requested })
        } catch {
            fail(workshop.message(error))
        }
    }

    /// Runs one workshop operation: its status becomes the exit status; a workshop error
    /// is said in the learner's language and exits 2.
    func perform(_ workshop: LabWorkshop.Workshop, _ body: () throws(WorkshopError) -> Int32) throws {
        let status: Int32
        do { status = try body() } catch { fail(workshop.message(error)) }
        if status != 0 { throw ExitCode(status) }
    }

    func fail(_ message: String) -> Never {
        Console.error(message)
        Console.flush()
        Glibc.exit(CommandOutput.failure)
    }
}

struct WorkshopInit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: UI.help(.workshopInitAbstract))
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: ArgumentHelp(UI.help(.workshopInitForce)))
    var force = false
    @Argument(help: ArgumentHelp(UI.help(.workshopInitFolder)))
    var target: String?

    func validate() throws {
        if target == nil && options.dir == nil { throw ValidationError(UI.help(.workshopInitNeedsFolder)) }
        if let target, let dir = options.dir, target != dir { throw ValidationError(UI.help(.workshopInitFolderOnce)) }
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
            options.fail(workshop.message(error))
        }
    }
}

struct WorkshopList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: UI.help(.workshopListAbstract))
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: ArgumentHelp(UI.help(.workshopListJSON)))
    var json = false

    mutating func run() throws {
        let (workshop, _, state) = try options.open()
        if json {
            Console.line(workshop.listJSON(state))
        } else {
            workshop.list(state)
        }
    }
}

struct WorkshopCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: UI.help(.workshopCheckAbstract),
        discussion: UI.help(.workshopCheckDiscussion))
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: ArgumentHelp(UI.help(.workshopCheckJSON)))
    var json = false
    @Argument(help: ArgumentHelp(UI.help(.workshopCheckID)))
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
    static let configuration = CommandConfiguration(commandName: "hint", abstract: UI.help(.workshopHintAbstract))
    @OptionGroup var options: WorkshopOptions
    @Argument(help: ArgumentHelp(UI.help(.workshopID)))
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
    static let configuration = CommandConfiguration(commandName: "reset", abstract: UI.help(.workshopResetAbstract))
    @OptionGroup var options: WorkshopOptions
    @Flag(name: [.short, .long], help: ArgumentHelp(UI.help(.workshopResetYes)))
    var yes = false
    @Argument(help: ArgumentHelp(UI.help(.workshopID)))
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
    static let configuration = CommandConfiguration(commandName: "solution", abstract: UI.help(.workshopSolutionAbstract))
    @OptionGroup var options: WorkshopOptions
    @Flag(name: .long, help: ArgumentHelp(UI.help(.workshopSolutionForce)))
    var force = false
    @Argument(help: ArgumentHelp(UI.help(.workshopID)))
    var id: String

    mutating func run() throws {
        let (workshop, _, state) = try options.open()
        try options.perform(workshop) { () throws(WorkshopError) in try workshop.solution(id, state: state, force: force) }
    }
}

struct WorkshopLang: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lang", abstract: UI.help(.workshopLangAbstract))
    @OptionGroup var options: WorkshopOptions
    @Argument(help: ArgumentHelp(UI.help(.workshopLangValue)))
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
    static let configuration = CommandConfiguration(commandName: "watch", abstract: UI.help(.workshopWatchAbstract))
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
        abstract: UI.help(.workshopVerifyAbstract))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(UI.help(.workshopVerifyIDs)))
    var ids: [String] = []

    mutating func run() throws {
        let options = try WorkshopOptions.parse(global.lang.map { ["--lang", $0] } ?? [])
        let language = try global.language()
        let set = try options.loadSet(language)
        let workshop = options.makeWorkshop(set, language)
        let problems = SetVerifier(workshop: workshop, checker: try options.checker(workshop)).verify(ids: ids)
        if !problems.isEmpty { throw ExitCode(CommandOutput.findings) }
    }
}
