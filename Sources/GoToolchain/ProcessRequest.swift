import Foundation

/// Which process group a spawned child joins.
public enum ProcessGroup: Sendable, Hashable {
    /// The child leads a new process group, so a timeout or `terminate()` kills the whole
    /// tree it started, and anything still alive in the group when the child exits is killed.
    case own
    /// The child stays in the caller's (foreground) process group with SIGINT and SIGQUIT
    /// reset to their defaults, so a Ctrl-C typed at the terminal reaches it directly.
    /// `terminate()` then signals only the child itself.
    case inheritForeground
}

/// What the child reads on its standard input.
public enum StandardInput: Sendable, Hashable {
    /// `/dev/null`: reads see end of file at once.
    case nullDevice
    /// These bytes, then end of file.
    case data(Data)
    /// The caller's own standard input (for interactive programs).
    case inherit
}

/// Where one of the child's output streams goes.
public enum OutputDestination: Sendable, Hashable {
    /// Captured into the result, up to the request's `outputLimit` bytes.
    case capture
    /// Shared with the caller's own stream (for interactive programs); nothing is captured.
    case inherit
    /// Thrown away (`/dev/null`).
    case discard
}

/// Everything needed to start one child process; a plain value that callers build and adjust.
public struct ProcessRequest: Sendable, Hashable {
    /// The default cap on captured bytes per output stream: 16 MiB.
    public static let defaultOutputLimit = 16 << 20

    /// Path of the program to execute (not searched on PATH; see
    /// ``ProcessRunner/executablePath(named:environment:)``).
    public var executable: String
    /// Arguments after the program name.
    public var arguments: [String]
    /// The directory the child starts in; it must exist.
    public var workingDirectory: URL
    /// The child's complete environment (nothing is inherited implicitly).
    public var environment: [String: String]
    /// Wall-clock limit after which the child (and in `.own` mode its tree) is killed.
    public var timeout: Duration?
    /// A limit on open files (RLIMIT_NOFILE, soft and hard) applied before the program starts.
    public var openFileLimit: Int?
    /// What the child reads on standard input.
    public var standardInput: StandardInput
    /// Where standard output goes.
    public var standardOutput: OutputDestination
    /// Where standard error goes.
    public var standardError: OutputDestination
    /// Maximum bytes captured per stream; the rest is read and dropped, and the result notes it.
    public var outputLimit: Int
    /// The process group the child joins.
    public var processGroup: ProcessGroup
    /// Descriptors of this process handed to the child as its descriptors 3, 4, … in this
    /// order (every other descriptor from 3 up is still closed in the child), e.g. the write
    /// end of a pipe the child reports through. A descriptor numbered inside 3..<3+count must
    /// already sit at its own target number, or it would be overwritten before it is copied.
    public var inheritedDescriptors: [Int32] = []

    /// Creates a request; the environment defaults to this process's environment.
    public init(
        executable: String,
        arguments: [String] = [],
        workingDirectory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: Duration? = nil,
        openFileLimit: Int? = nil,
        standardInput: StandardInput = .nullDevice,
        standardOutput: OutputDestination = .capture,
        standardError: OutputDestination = .capture,
        outputLimit: Int = ProcessRequest.defaultOutputLimit,
        processGroup: ProcessGroup = .own
    ) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
        self.openFileLimit = openFileLimit
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.outputLimit = outputLimit
        self.processGroup = processGroup
    }
}

/// What became of a finished child process.
public struct ProcessResult: Sendable, Hashable {
    /// How the child ended.
    public enum Termination: Sendable, Hashable, CustomStringConvertible {
        /// It called exit with this code. `-1` means the status could not be collected
        /// because something else in this process reaped the child.
        case exited(Int32)
        /// It was killed by this signal.
        case signaled(Int32)

        /// `exit 3` or `signal 9`.
        public var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signaled(let signal): return "signal \(signal)"
            }
        }
    }

    /// How the child ended.
    public var termination: Termination
    /// Captured standard output (empty unless the destination was `.capture`).
    public var standardOutput: Data
    /// Captured standard error (empty unless the destination was `.capture`).
    public var standardError: Data
    /// True when standard output exceeded the request's `outputLimit` and was cut.
    public var standardOutputTruncated: Bool
    /// True when standard error exceeded the request's `outputLimit` and was cut.
    public var standardErrorTruncated: Bool
    /// True when the request's timeout expired and the child was killed for it.
    public var timedOut: Bool
    /// True when `terminate()` was called before the child had ended.
    public var terminated: Bool
    /// Wall time from spawning until the child ended.
    public var duration: Duration

    /// True when the child exited with status 0 on its own.
    public var succeeded: Bool {
        termination == .exited(0) && !timedOut && !terminated
    }

    /// Standard output decoded as UTF-8 (invalid bytes repaired).
    public var standardOutputText: String { String(decoding: standardOutput, as: UTF8.self) }

    /// Standard error decoded as UTF-8 (invalid bytes repaired).
    public var standardErrorText: String { String(decoding: standardError, as: UTF8.self) }
}

/// Why a child process could not be started.
public enum ProcessRunnerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The working directory does not exist or is not a directory.
    case workingDirectoryNotFound(path: String)
    /// `posix_spawn` failed with this errno (ENOENT: no such program, EACCES: not executable).
    case spawnFailed(executable: String, errno: Int32)
    /// Creating a pipe failed with this errno (usually too many open files).
    case pipeFailed(errno: Int32)
    /// An argument or environment entry contained a NUL byte, which exec cannot pass on.
    case invalidArgument(String)
    /// The C library lacks a function the runner needs (named here); glibc 2.29 or newer is.
    case unsupportedPlatform(String)

    /// An English explanation for logs and tests.
    public var description: String {
        switch self {
        case .workingDirectoryNotFound(let path):
            return "working directory \(path) does not exist"
        case .spawnFailed(let executable, let code):
            return "cannot start \(executable): \(String(cString: strerror(code)))"
        case .pipeFailed(let code):
            return "cannot create a pipe: \(String(cString: strerror(code)))"
        case .invalidArgument(let text):
            return "argument contains a NUL byte: \(text.debugDescription)"
        case .unsupportedPlatform(let function):
            return "the C library lacks \(function) (glibc 2.29 or newer is required)"
        }
    }
}
