/// What a command produced, for the executable (or the shell) to show: text for standard
/// output, lines of our own diagnostics for standard error, and the exit status (0 success,
/// 1 findings or failed checks, 2 usage, I/O or no Go).
public struct CommandOutput: Sendable, Equatable {
    public var stdout = ""
    public var stderr: [String] = []
    public var status: Int32 = 0

    public init() {}

    /// Adds a line to standard output.
    public mutating func line(_ s: String) { stdout += s + "\n" }
    /// Adds lines to standard output.
    public mutating func lines(_ list: [String]) { for s in list { line(s) } }
    /// Adds text to standard output as it is.
    public mutating func raw(_ s: String) { stdout += s }
    /// Adds a diagnostic of ours (standard error).
    public mutating func error(_ s: String) { stderr.append(s) }

    public static let findings: Int32 = 1
    public static let failure: Int32 = 2

    /// An output that only says what went wrong (standard error) and exits 2.
    public static func failed(_ message: String) -> CommandOutput {
        var out = CommandOutput()
        out.error(message)
        out.status = failure
        return out
    }
}
