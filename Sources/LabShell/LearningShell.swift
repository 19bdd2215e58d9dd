import LabCommands
import DeferRules
import Foundation
import GoToolchain
import LabContent
import LabLessons
import LabWorkshop
#if canImport(Glibc)
import Glibc
#endif
import LabText

/// Where the shell writes: lines for the learner (standard output) and warnings/errors
/// (standard error). Injected so the shell's logic never reaches for the streams itself.
public struct ShellOutput {
    /// Writes text as is (no newline added).
    public var write: (String) -> Void
    /// Writes a warning or error line.
    public var error: (String) -> Void

    /// Creates a sink.
    public init(write: @escaping (String) -> Void, error: @escaping (String) -> Void) {
        self.write = write
        self.error = error
    }

    /// The process's standard streams, flushed after each write so a pipe sees lines in order.
    public static var standard: ShellOutput {
        ShellOutput(
            write: { Streams.put($0, Streams.output); fflush(Streams.output) },
            error: { fflush(Streams.output); Streams.put($0 + "\n", Streams.error); fflush(Streams.error) }
        )
    }

    /// Writes `lines`, each followed by a newline.
    public func lines(_ lines: [String]) { if !lines.isEmpty { write(lines.joined(separator: "\n") + "\n") } }
    /// Writes one line.
    public func line(_ line: String) { write(line + "\n") }
}

/// The standard streams as the shell's own `FILE`s (the C globals are not concurrency-safe
/// to name from Swift 6). Every write is flushed, so sharing descriptors with libedit is safe.
enum Streams {
    nonisolated(unsafe) static let input: UnsafeMutablePointer<FILE> = fdopen(0, "r")
    nonisolated(unsafe) static let output: UnsafeMutablePointer<FILE> = fdopen(1, "w")
    nonisolated(unsafe) static let error: UnsafeMutablePointer<FILE> = fdopen(2, "w")

    /// Every byte of `s`, a NUL in a program's output included (fputs would stop there).
    static func put(_ s: String, _ stream: UnsafeMutablePointer<FILE>) {
        var s = s
        s.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, stream) }
    }
}

/// The bilingual learning shell over the lessons: a read–eval loop with one current section.
///
/// `start(…)` loads the content (a clear message and exit status 2 when it is missing or
/// unusable), restores the last section from the state file, and reads commands until
/// `quit` or end of input.
public final class LearningShell {
    let book: LessonBook
    let examples: ExampleCatalog
    let store: StateStore
    let output: ShellOutput
    var terminal: Terminal
    var language: Language
    var current: LessonSection
    var results = RunResults()
    /// The workshop folder `exercise init`/`exercise dir` chose (else the current folder's).
    var workshopDir: URL?
    /// The workshop's exercises, read once (nil when Content/exercises is missing).
    lazy var exerciseSet: ExerciseSet? = try? ExerciseSet.load(with: locator)
    /// Where the content is found: from the environment the shell was started with.
    var locator: ProjectLocator = .forCurrentProcess()
    /// The example `show` and `run` use when none is named: the last one named, else the
    /// section's first.
    var chosenExample: String?
    var reader: LineReader!
    var go: GoToolchain?
    /// The environment the shell was started with (the editor, PATH).
    var environment: [String: String] = [:]
    /// The learner's answers to the lessons' questions (kept in the state file).
    var predictions: [String: SavedPrediction] = [:]

    init(book: LessonBook, examples: ExampleCatalog, store: StateStore, output: ShellOutput,
         terminal: Terminal, language: Language, current: LessonSection) {
        self.book = book
        self.examples = examples
        self.store = store
        self.output = output
        self.terminal = terminal
        self.language = language
        self.current = current
    }

    var catalog: Catalog { Catalog(language) }

    /// Sets a UTF-8 locale: without one libedit drops CJK input and wcwidth knows no widths.
    public static func prepareLocale() {
        if setlocale(LC_ALL, "") == nil || !(String(cString: nl_langinfo(nl_item(CODESET))).uppercased().contains("UTF")) {
            _ = setlocale(LC_ALL, "C.UTF-8")
        }
        _ = setlocale(LC_NUMERIC, "C")
    }

    /// Runs the shell for this process and returns its exit status: 0 after `quit` or end
    /// of input, 2 when the lessons or examples cannot be used.
    public static func start(language: Language, environment: [String: String],
                             output: ShellOutput = .standard) -> Int32 {
        guard let shell = make(language: language, environment: environment, output: output) else { return 2 }
        shell.reader = shell.makeReader()
        return shell.loop()
    }

    /// `deferlab toc`: every section, without the shell. 0, or 2 when lessons are missing.
    public static func printToc(language: Language, environment: [String: String],
                                output: ShellOutput = .standard) -> Int32 {
        guard let shell = make(language: language, environment: environment, output: output, plain: true) else { return 2 }
        output.lines(shell.toc())
        return 0
    }

    /// `deferlab lesson SECTION`: one section, without the shell. 0; 2 no such section (a usage
    /// error) or lessons missing.
    public static func printLesson(_ id: String, language: Language, environment: [String: String],
                                   output: ShellOutput = .standard) -> Int32 {
        guard let shell = make(language: language, environment: environment, output: output, plain: true) else { return 2 }
        guard let section = shell.book.section(id: id) ?? shell.book.sections.first(where: { $0.slug == id }) else {
            output.error(shell.catalog.text(.shellNoSection, id))
            return 2
        }
        shell.current = section
        output.lines(shell.renderer.render(section) + shell.practice(commandLine: true))
        return 0
    }

    /// Loads examples, lessons and saved state; nil (after saying why) when they cannot be used.
    /// `plain`: no terminal features (the non-interactive commands).
    static func make(language: Language, environment: [String: String], output: ShellOutput,
                     plain: Bool = false) -> LearningShell? {
        prepareLocale()
        let catalog = Catalog(language)
        // The content is found from the environment given, not the process's.
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map { URL(fileURLWithPath: $0) }
        let locator = ProjectLocator(environment: environment, executableURL: executable,
                                     currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        let examples: ExampleCatalog
        do {
            examples = try ExampleCatalog.load(with: locator)
        } catch {
            output.error(ExampleListing.errorText(error, catalog: catalog))
            return nil
        }
        if !plain {
            for problem in ExampleListing.make(examples, catalog: catalog).problems { output.error(problem) }
        }
        let book: LessonBook
        do {
            // Exercise links are checked when the workshop's set loads; without it they render as is.
            let exercises = (try? ExerciseSet.load(with: locator)).map { Set($0.exercises.map(\.id)) }
            book = try LessonBook.load(with: locator, examples: examples, ruleNames: Set(DeferRules.all.map(\.name)),
                                       exerciseIDs: exercises)
        } catch {
            output.error(lessonErrorText(error, catalog))
            return nil
        }
        for problem in book.problems { output.error(catalog.text(.shellLessonSkipped, problem.description)) }
        guard let first = book.sections.first else {
            output.error(catalog.text(.shellNoLessons, book.folder.path))
            return nil
        }
        let store = StateStore(folder: StateStore.folder(environment: environment))
        var state = ShellState()
        switch store.load() {
        case .success(let saved):
            // The commands without the shell show the learner's figures too, and nothing else of it.
            state = plain ? ShellState(results: saved.results) : saved
        case .failure(.damaged(let reason)):
            if !plain { output.error(catalog.text(.shellStateDamaged, store.stateFile.path, reason)) }
        }
        let terminal = plain ? Terminal(interactive: false, colour: false, width: Terminal.columns() ?? 80)
            : Terminal.current(environment: environment)
        let shell = LearningShell(book: book, examples: examples, store: store, output: output, terminal: terminal,
                                  language: language, current: state.section.flatMap(book.section(id:)) ?? first)
        shell.locator = locator
        shell.environment = environment
        shell.results = RunResults(saved: state.results ?? [:])
        shell.workshopDir = state.workshop.map { URL(fileURLWithPath: $0, isDirectory: true) }
        shell.predictions = state.predictions ?? [:]
        return shell
    }

    /// The message for lessons that cannot be used at all.
    static func lessonErrorText(_ error: LessonError, _ catalog: Catalog) -> String {
        switch error {
        case .notFound(let home, let starts):
            let places = (home.map { ["DEFERLAB_HOME=\($0.path)"] } ?? []) + starts.map(\.path)
            return catalog.text(.shellLessonsNotFound, places.joined(separator: ", "))
        case .unreadable(let path, let reason):
            return catalog.text(.cannotRead, path, reason)
        }
    }

    private func makeReader() -> LineReader {
        guard terminal.interactive else { return PlainLineReader() }
        let editor = EditLineReader(
            historyFile: store.historyFile,
            warn: { [output, catalog, store] reason in
                let why = reason == "not UTF-8" ? catalog.text(.shellNotUTF8) : reason
                output.error(catalog.text(.shellHistoryIgnored, store.historyFile.path, why))
            },
            complete: { [weak self] text in self?.completions(text) ?? [] })
        return editor ?? PlainLineReader()
    }

    /// Candidates for Tab after `text`.
    func completions(_ text: String) -> [String] {
        ShellCommand.completions(line: text, sections: book.sections.map(\.id), examples: examples.examples.map(\.id),
                                 rules: DeferRules.all.map(\.name),
                                 exercises: exerciseSet?.exercises.map(\.id) ?? [],
                                 paths: { ShellCommand.pathCandidates($0, in: FileManager.default.currentDirectoryPath) })
    }

    var prompt: String { terminal.interactive ? "deferlab \(current.id)> " : "" }

    /// Reads and runs commands until `quit` or end of input.
    func loop() -> Int32 {
        output.line(catalog.text(.shellWelcome))
        output.line(catalog.text(.shellResume, current.title[language]))
        while true {
            switch reader.read(prompt: prompt) {
            case .end:
                return quit()
            case .interrupted:
                continue
            case .line(let line):
                reader.remember(line)
                guard let (word, arguments) = ShellCommand.split(line) else { continue }
                if ShellCommand.named(word) == .quit { return quit() }
                perform(word, arguments)
            }
        }
    }

    private func quit() -> Int32 {
        saveState()
        output.line(catalog.text(.shellBye, current.id))
        return 0
    }

    func saveState() {
        do {
            var state = ShellState(section: current.id, results: results.saved.isEmpty ? nil : results.saved,
                                   workshop: workshopDir?.path)
            state.predictions = predictions.isEmpty ? nil : predictions
            try store.save(state)
        } catch {
            output.error(catalog.text(.shellStateNotSaved, store.stateFile.path, error.localizedDescription))
        }
    }

    /// Runs one command.
    func perform(_ word: String, _ arguments: [String]) {
        guard let command = ShellCommand.named(word) else {
            if let hint = ShellCommand.suggestion(for: word) {
                output.line(catalog.text(.shellUnknownCommand, word, hint))
            } else {
                output.line(catalog.text(.shellUnknownCommandNoHint, word))
            }
            return
        }
        switch command {
        case .help: output.lines(fitted(catalog.text(.shellHelp)))
        case .toc: output.lines(toc())
        case .open:
            guard arguments.count <= 1 else { return output.line(catalog.text(.shellUsage, "open SECTION")) }
            guard let id = arguments.first else { return showPage() }
            guard let section = book.section(id: id) ?? book.sections.first(where: { $0.slug == id }) else {
                return output.line(catalog.text(.shellNoSection, id))
            }
            go(to: section)
        case .next, .prev:
            guard let section = book.section(after: current.id, offset: command == .next ? 1 : -1) else {
                return output.line(catalog.text(command == .next ? .shellLastSection : .shellFirstSection))
            }
            go(to: section)
        case .lang:
            guard arguments.count == 1, let chosen = Language(rawValue: arguments[0].lowercased()) else {
                return output.line(catalog.text(.shellUsage, "lang zh|en"))
            }
            language = chosen
            output.line(catalog.text(.shellLanguageNow))
            showPage()
        case .show: show(arguments)
        case .run: runExample(arguments)
        case .edit: edit(arguments)
        case .reset: resetMine(arguments)
        case .predict: predict(arguments)
        case .trace: traceExample(arguments)
        case .chart: chart(arguments)
        case .pprof: pprofWalkthrough()
        case .explain: explain(arguments)
        case .fix: fix(arguments)
        case .exercise: exercise(arguments)
        case .quit: break
        }
    }

    private func go(to section: LessonSection) {
        current = section
        chosenExample = nil
        saveState()
        showPage()
    }

    /// A renderer for the current language, width and results.
    var renderer: PageRenderer {
        let width = terminal.interactive ? Terminal.columns() ?? terminal.width : terminal.width
        return PageRenderer(language: language, width: width, style: Style(colour: terminal.colour),
                            examples: examples, results: results)
    }

    /// Shows the current section; on a terminal, a page at a time when it is longer than the
    /// screen (Enter or Space: the next page, q: the rest is skipped).
    func showPage() { page(renderer.render(current) + practice()) }

    /// The workshop exercises that practise the current section, if any, and how to start
    /// them: with the shell's `exercise` command, or (`commandLine`) with `deferlab workshop`.
    func practice(commandLine: Bool = false) -> [String] {
        guard let set = exerciseSet else { return [] }
        let chapter = current.id.split(separator: ".").first.map(String.init) ?? current.id
        let here = set.exercises.filter { $0.section == current.id }
        let matching = here.isEmpty && !current.id.contains(".") ? set.exercises.filter { $0.section.hasPrefix(chapter + ".") } : here
        guard !matching.isEmpty else { return [] }
        let list = matching.map { "\($0.id)（\($0.title(language))）" }
        let joined = language == .zh ? list.joined(separator: "；") : list.map { $0.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")") }.joined(separator: "; ")
        let text = catalog.text(commandLine ? .lessonPractice : .shellPractice, joined)
        return [""] + TextLayout.wrap(text, width: renderer.width, first: "", rest: "  ")
    }

    /// Prints `lines`, paging on a terminal.
    func page(_ lines: [String]) {
        let rows = terminal.interactive ? (Terminal.rows() ?? 24) : 0
        guard rows > 4, lines.count > rows - 1 else { return output.lines(lines) }
        var start = 0
        while start < lines.count {
            let end = min(lines.count, start + rows - 2)
            output.lines(Array(lines[start..<end]))
            start = end
            guard start < lines.count else { break }
            let prompt = catalog.text(.shellMore, String(start * 100 / lines.count))
            switch reader.read(prompt: prompt) {
            case .line(let answer) where !answer.lowercased().hasPrefix("q"): continue
            default: return
            }
        }
    }

    /// A message of the shell, wrapped to the terminal (continuation lines indented).
    func say(_ text: String) {
        output.lines(TextLayout.wrap(text, width: renderer.width, first: "", rest: "  "))
    }

    /// Lines of `text` kept as they are when they fit, wrapped (continuing under the
    /// description) when they do not.
    func fitted(_ text: String) -> [String] {
        let width = renderer.width
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            guard TextLayout.width(line) > width else { return [line] }
            let indent = String(line.prefix { $0 == " " })
            return TextLayout.wrap(line, width: width, first: indent, rest: indent + "    ")
        }
    }

    /// Every section with its title; the current one is marked.
    func toc() -> [String] {
        let style = Style(colour: terminal.colour)
        let width = book.sections.map { TextLayout.width($0.id) }.max() ?? 0
        return [style.heading(catalog.text(.shellToc))] + book.sections.map { section in
            let mark = section.id == current.id ? "▸ " : "  "
            var line = mark + TextLayout.pad(section.id, to: width) + "  " + section.title[language]
            let asked = questionKeys(in: section)
            if !asked.isEmpty {
                let right = asked.filter { predictions[$0]?.right == true }.count
                line += "  " + catalog.text(.shellTocPredictions, String(right), String(asked.count))
            }
            return section.id == current.id ? style.bold(line) : line
        }
    }
}
