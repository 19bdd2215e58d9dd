import Foundation
import Glibc

/// Starts child processes with `posix_spawn`, captures their output and enforces limits.
///
/// The one way DeferLab runs any external program: the Go tool through ``GoToolchain`` and,
/// later, the user programs it builds. What must stay true:
/// - the child gets only the descriptors it is meant to have (everything from fd 3 up is
///   closed in the child except the request's `inheritedDescriptors`; our pipe ends are
///   close-on-exec);
/// - stdout and stderr are drained concurrently by one `poll` loop, so a chatty child never
///   blocks on a full pipe;
/// - every child is reaped, so no zombie is left whether it ends, times out or is cancelled.
public struct ProcessRunner: Sendable, Hashable {
    /// How long to keep reading output after the child exits, for descendants that still hold
    /// the pipes (only possible in `.inheritForeground` mode or after `setsid`).
    public var outputDrainTimeout: Duration

    /// Creates a runner.
    public init(outputDrainTimeout: Duration = .seconds(2)) {
        self.outputDrainTimeout = outputDrainTimeout
    }

    /// Starts the child and returns at once; use the handle to wait or terminate.
    /// - Throws: ``ProcessRunnerError`` when the child cannot be started.
    public func start(_ request: ProcessRequest) throws -> RunningProcess {
        guard let addChdir = GlibcExtensions.shared.addChdir else {
            throw ProcessRunnerError.unsupportedPlatform("posix_spawn_file_actions_addchdir_np")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.workingDirectory.path,
                                             isDirectory: &isDirectory), isDirectory.boolValue
        else { throw ProcessRunnerError.workingDirectoryNotFound(path: request.workingDirectory.path) }

        var (path, argv) = (request.executable, [request.executable] + request.arguments)
        if let limit = request.openFileLimit {
            // Report a missing program the same way as without a limit, not as sh's exit 127.
            guard Self.isExecutableFile(request.executable) else {
                let code = FileManager.default.fileExists(atPath: request.executable) ? EACCES : ENOENT
                throw ProcessRunnerError.spawnFailed(executable: request.executable, errno: code)
            }
            // The shell sets the limit and then replaces itself with the program, so the limit
            // holds from the program's first instruction and for everything it starts.
            path = "/bin/sh"
            argv = ["/bin/sh", "-c", "ulimit -n \(max(limit, 0)) && exec \"$0\" \"$@\""]
                + [request.executable] + request.arguments
        }
        let envp = request.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for text in argv + envp where text.utf8.contains(0) {
            throw ProcessRunnerError.invalidArgument(text)
        }

        var pipes = SpawnPipes()
        defer { pipes.closeAll() }
        if case .data = request.standardInput { pipes.input = try makePipe() }
        if request.standardOutput == .capture { pipes.output = try makePipe() }
        if request.standardError == .capture { pipes.error = try makePipe() }
        let wake = try makePipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch request.standardInput {
        case .nullDevice: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .data: posix_spawn_file_actions_adddup2(&actions, pipes.input!.read, 0)
        case .inherit: break
        }
        for (destination, pipe, fd) in [(request.standardOutput, pipes.output, Int32(1)),
                                        (request.standardError, pipes.error, Int32(2))] {
            switch destination {
            case .capture: posix_spawn_file_actions_adddup2(&actions, pipe!.write, fd)
            case .discard: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case .inherit: break
            }
        }
        let inherited = request.inheritedDescriptors
        for (index, fd) in inherited.enumerated() {
            let target = Int32(3 + index)
            precondition(fd >= 0 && (fd == target || !(3..<Int32(3 + inherited.count)).contains(fd)),
                         "inherited descriptor \(fd) would be overwritten before it is copied")
            // glibc clears close-on-exec when source and target are the same descriptor.
            posix_spawn_file_actions_adddup2(&actions, fd, target)
        }
        _ = addChdir(&actions, request.workingDirectory.path)
        // Descriptors some other thread opened without close-on-exec must not leak either.
        _ = GlibcExtensions.shared.addClosefrom?(&actions, Int32(3 + inherited.count))

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if request.processGroup == .own {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var defaults = sigset_t()
        sigemptyset(&defaults)
        // A shell or test harness may ignore these; ignored dispositions survive exec, so reset
        // them (SIGINT and SIGQUIT matter most for `.inheritForeground`).
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)

        let clock = ContinuousClock()
        let started = clock.now
        var pid: pid_t = 0
        let code = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in posix_spawn(&pid, path, &actions, &attributes, cArgv, cEnvp) }
        }
        guard code == 0 else {
            close(wake.read)
            close(wake.write)
            throw ProcessRunnerError.spawnFailed(executable: request.executable, errno: code)
        }

        // The child holds its own copies now; the parent keeps only its ends.
        let process = RunningProcess(
            pid: pid,
            request: request,
            input: pipes.takeParentInput(),
            output: pipes.takeParentOutput(),
            error: pipes.takeParentError(),
            wake: wake,
            started: started,
            clock: clock,
            drainTimeout: outputDrainTimeout
        )
        process.startThreads()
        return process
    }

    /// Runs the child to completion, blocking the calling thread.
    /// - Throws: ``ProcessRunnerError`` when the child cannot be started.
    public func run(_ request: ProcessRequest) throws -> ProcessResult {
        try start(request).wait()
    }

    /// Runs the child to completion without blocking a concurrency thread; cancelling the task
    /// terminates the child (and its group in `.own` mode).
    /// - Throws: ``ProcessRunnerError`` when the child cannot be started.
    public func run(_ request: ProcessRequest) async throws -> ProcessResult {
        let process = try start(request)
        return await withTaskCancellationHandler {
            await process.result()
        } onCancel: {
            process.terminate()
        }
    }

    /// Every executable file called `name` in the directories of `environment["PATH"]`, in
    /// PATH order with duplicates removed; empty entries (the current directory) are skipped.
    public static func executablePaths(named name: String, environment: [String: String]) -> [String] {
        guard let searchPath = environment["PATH"] else { return [] }
        var seen = Set<String>()
        var found: [String] = []
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            // An empty entry means the current directory, which we deliberately skip: the
            // result must not depend on where the user happens to be.
            guard !directory.isEmpty else { continue }
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name).path
            if isExecutableFile(candidate), seen.insert(candidate).inserted { found.append(candidate) }
        }
        return found
    }

    /// The first executable file called `name` on `environment["PATH"]`, if any.
    public static func executablePath(named name: String, environment: [String: String]) -> String? {
        executablePaths(named: name, environment: environment).first
    }

    /// True when `path` is a regular file (after symlinks) that we may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    private func makePipe() throws -> PipePair {
        var fds: [Int32] = [-1, -1]
        if let pipe2 = GlibcExtensions.shared.pipe2 {
            // Atomic close-on-exec: a fork in another thread cannot inherit these ends.
            guard pipe2(&fds, O_CLOEXEC) == 0 else { throw ProcessRunnerError.pipeFailed(errno: errno) }
        } else {
            guard pipe(&fds) == 0 else { throw ProcessRunnerError.pipeFailed(errno: errno) }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        return PipePair(read: fds[0], write: fds[1])
    }
}

/// Two ends of one pipe.
struct PipePair: Sendable {
    var read: Int32
    var write: Int32
}

/// The pipes of one spawn; whatever is not handed to the process handle is closed on exit.
private struct SpawnPipes {
    var input: PipePair?
    var output: PipePair?
    var error: PipePair?

    /// The parent's write end of stdin; the child's read end is closed by `closeAll`.
    mutating func takeParentInput() -> Int32? {
        defer { input?.write = -1 }
        return input?.write
    }

    /// The parent's read end of stdout.
    mutating func takeParentOutput() -> Int32? {
        defer { output?.read = -1 }
        return output?.read
    }

    /// The parent's read end of stderr.
    mutating func takeParentError() -> Int32? {
        defer { error?.read = -1 }
        return error?.read
    }

    func closeAll() {
        for fd in [input?.read, input?.write, output?.read, output?.write, error?.read, error?.write] {
            if let fd, fd >= 0 { close(fd) }
        }
    }
}

/// Calls `body` with a NULL-terminated C array of copies of `strings`.
private func withCStrings<R>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R
) -> R {
    let copies = strings.map { strdup($0) } + [nil]
    defer { copies.forEach { free($0) } }
    return body(copies)
}
