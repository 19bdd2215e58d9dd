import ArgumentParser
import LabCommands
import LabShell

/// `deferlab toc`: the lessons' sections, without the shell.
struct Toc: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: UI.help(.tocAbstract))
    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        let status = LearningShell.printToc(language: try global.language(), environment: Environment.current)
        Console.flush()
        if status != 0 { throw ExitCode(status) }
    }
}

/// `deferlab lesson SECTION`: one section, without the shell.
struct Lesson: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: UI.help(.lessonAbstract))
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(UI.help(.lessonSection)))
    var section: String

    mutating func run() throws {
        let status = LearningShell.printLesson(section, language: try global.language(), environment: Environment.current)
        Console.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
