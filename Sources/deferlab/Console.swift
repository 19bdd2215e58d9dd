import ArgumentParser
import LabCommands
#if canImport(Glibc)
import Glibc
#endif

/// The executable's only access to the C standard streams. Human output goes to stdout,
/// our own diagnostics to stderr.
enum Console {
    nonisolated(unsafe) private static let out = fdopen(1, "w")!
    nonisolated(unsafe) private static let err = fdopen(2, "w")!

    static func line(_ s: String) { fputs(s + "\n", out) }
    static func raw(_ s: String) { fputs(s, out) }
    static func error(_ s: String) {
        fflush(out)
        fputs(s + "\n", err)
        fflush(err)
    }
    static func flush() { fflush(out) }

    /// Shows a command's output and ends with its exit status.
    static func show(_ output: CommandOutput) throws {
        raw(output.stdout)
        output.stderr.forEach(error)
        flush()
        if output.status != 0 { throw ExitCode(output.status) }
    }
    static func useFullBuffering() { setvbuf(out, nil, _IOFBF, 1 << 16) }
}
