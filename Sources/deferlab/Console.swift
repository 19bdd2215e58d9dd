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

    static func line(_ s: String) { put(s + "\n", out) }
    static func raw(_ s: String) { put(s, out) }
    static func error(_ s: String) {
        fflush(out)
        put(s + "\n", err)
        fflush(err)
    }
    /// Every byte of `s`, a NUL in a program's output included (fputs would stop there).
    private static func put(_ s: String, _ stream: UnsafeMutablePointer<FILE>) {
        var s = s
        s.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, stream) }
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
