import ArgumentParser
import DeferLabCore
import LabShell

/// `deferlab toc`: the lessons' sections, without the shell.
struct Toc: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the lessons' sections (without the shell).")
    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        let status = LearningShell.printToc(language: try global.language(), environment: Environment.current)
        Console.flush()
        if status != 0 { throw ExitCode(status) }
    }
}

/// `deferlab lesson SECTION`: one section, without the shell.
struct Lesson: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one section of the lessons (without the shell).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Section id, e.g. 2.4.")
    var section: String

    mutating func run() throws {
        let status = LearningShell.printLesson(section, language: try global.language(), environment: Environment.current)
        Console.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
