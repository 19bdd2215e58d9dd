import CLibEdit
import Foundation
#if canImport(Glibc)
import Glibc
import Synchronization
#endif

/// What reading one line gave.
public enum ReadResult: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C at the prompt: the line is dropped, ask again.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or the end of a script).
    case end
}

/// Where the shell's lines come from: libedit on a terminal, plain lines otherwise.
public protocol LineReader: AnyObject {
    /// Reads one line after showing `prompt` (plain readers show nothing).
    func read(prompt: String) -> ReadResult
    /// Remembers `line` in the history (and its file), if the reader keeps one.
    func remember(_ line: String)
}

/// Plain lines from standard input, for scripts, pipes and tests: no prompt, no escapes.
public final class PlainLineReader: LineReader {
    /// Creates a reader of standard input.
    public init() {}

    public func read(prompt: String) -> ReadResult {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    public func remember(_ line: String) {}
}

/// The state libedit's C callbacks reach: they cannot capture Swift values.
enum EditLineCallbacks {
    nonisolated(unsafe) static var prompt: UnsafeMutablePointer<CChar>? = strdup("> ")
    nonisolated(unsafe) static var completer: ((String) -> [String])?
    /// 1 once SIGINT came: set by the signal handler, cleared by the shell, polled by a
    /// runner's thread while a program runs. Hence an atomic (lock-free, so the handler may
    /// store to it; a plain variable read on another thread is a data race, which
    /// ThreadSanitizer reported).
    static var interrupted: Int32 {
        get { interruptFlag.load(ordering: .relaxed) }
        set { interruptFlag.store(newValue, ordering: .relaxed) }
    }
    /// (Made before the handler is installed: a static's first use runs its initializer,
    /// which a signal handler must not.)
    static let interruptFlag = Atomic<Int32>(0)
}

/// libedit line editing: history (loaded from and saved to a file), Tab completion, Ctrl-C
/// clearing the line. Needs `setlocale` to have been called (``LearningShell`` does).
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: URL?

    /// Sets up libedit on the standard streams. `historyFile` is loaded when it is usable
    /// (`warn` gets the reason otherwise) and saved after every line; `complete` gives the
    /// candidates for the text before the cursor.
    public init?(historyFile: URL?, warn: (String) -> Void, complete: @escaping (String) -> [String]) {
        guard let el = el_init("deferlab", Streams.input, Streams.output, Streams.error),
              let h = history_init() else { return nil }
        editLine = el
        history = h
        self.historyFile = historyFile
        var event = HistEvent()
        _ = deferlab_history_setsize(h, &event, 1000)
        _ = deferlab_history_setunique(h, &event, 1)
        if let historyFile, let problem = Self.historyProblem(historyFile) {
            warn(problem)
        } else if let historyFile, FileManager.default.fileExists(atPath: historyFile.path) {
            _ = deferlab_history_load(h, &event, historyFile.path)
        }
        _ = deferlab_el_set_editor(el, "emacs")
        _ = deferlab_el_set_history(el, h)
        _ = deferlab_el_set_prompt(el) { _ in EditLineCallbacks.prompt }
        EditLineCallbacks.completer = complete
        _ = deferlab_el_add_function(el, "deferlab-complete", "Complete the word") { el, _ in
            guard let el else { return UInt8(CC_ERROR) }
            return EditLineReader.complete(el)
        }
        _ = deferlab_el_bind(el, "^I", "deferlab-complete")
        Self.installInterruptHandler()
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    /// Why the history file cannot be loaded (unreadable, not UTF-8), or nil when it can
    /// (or does not exist yet).
    public static func historyProblem(_ file: URL) -> String? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path) else { return "unreadable" }
        return String(validating: data, as: UTF8.self) == nil ? "not UTF-8" : nil
    }

    /// SIGINT without SA_RESTART: `el_gets` returns, and the shell asks again.
    private static func installInterruptHandler() {
        EditLineCallbacks.interrupted = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in EditLineCallbacks.interrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    public func read(prompt: String) -> ReadResult {
        free(EditLineCallbacks.prompt)
        EditLineCallbacks.prompt = strdup(prompt)
        EditLineCallbacks.interrupted = 0
        fflush(Streams.output)
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            if EditLineCallbacks.interrupted != 0 || (count < 0 && errno == EINTR) {
                fputs("^C\n", Streams.output)
                return .interrupted
            }
            fputs("\n", Streams.output)
            return .end
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        var event = HistEvent()
        _ = deferlab_history_enter(history, &event, line)
        if let historyFile {
            try? FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            _ = deferlab_history_save(history, &event, historyFile.path)
        }
    }

    /// Tab: completes the word before the cursor to the candidates' common prefix; lists
    /// the candidates when that adds nothing.
    private static func complete(_ el: OpaquePointer) -> UInt8 {
        guard let info = el_line(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let before = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                         count: max(0, cursor - buffer))
        let text = String(decoding: before, as: UTF8.self)
        let candidates = EditLineCallbacks.completer?(text) ?? []
        let partial = (text.last?.isWhitespace ?? true) ? "" : String(text.split(whereSeparator: \.isWhitespace).last ?? "")
        guard let first = candidates.first else { return UInt8(CC_ERROR) }
        if candidates.count == 1 {
            _ = el_insertstr(el, String(first.dropFirst(partial.count)) + " ")
            return UInt8(CC_REFRESH)
        }
        var common = first
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        if common.count > partial.count {
            _ = el_insertstr(el, String(common.dropFirst(partial.count)))
            return UInt8(CC_REFRESH)
        }
        fputs("\n" + candidates.joined(separator: "  ") + "\n", Streams.output)
        return UInt8(CC_REDISPLAY)
    }
}
