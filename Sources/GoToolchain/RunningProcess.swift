import Foundation
import Glibc

/// A started child process: wait for its result, or terminate it from any thread (for
/// example a Ctrl-C handler).
///
/// Two private threads serve each child. The reaper blocks in `waitid` until the child ends,
/// kills what is left of its group (in `.own` mode) while the child is still an unreaped
/// zombie — so the group id cannot yet belong to anyone else — then reaps it. The I/O thread
/// polls the output pipes, feeds stdin, enforces the timeout, and learns of the exit through
/// a wake pipe.
public final class RunningProcess: @unchecked Sendable {
    // @unchecked: every mutable field below is guarded by `condition`.

    /// The child's process id (also its process group id in `.own` mode).
    public let pid: pid_t
    /// The process group the child was placed in.
    public let processGroup: ProcessGroup

    private let request: ProcessRequest
    private let clock: ContinuousClock
    private let started: ContinuousClock.Instant
    private let drainTimeout: Duration
    private let fds: IOFiles
    private let condition = NSCondition()

    private var reaped = false
    private var termination: ProcessResult.Termination?
    private var ended: ContinuousClock.Instant?
    private var capture: (output: CapturedStream, error: CapturedStream)?
    private var timedOut = false
    private var terminated = false
    private var finished: ProcessResult?
    private var continuations: [CheckedContinuation<ProcessResult, Never>] = []

    init(pid: pid_t, request: ProcessRequest, input: Int32?, output: Int32?, error: Int32?,
         wake: PipePair, started: ContinuousClock.Instant, clock: ContinuousClock,
         drainTimeout: Duration) {
        self.pid = pid
        self.processGroup = request.processGroup
        self.request = request
        self.clock = clock
        self.started = started
        self.drainTimeout = drainTimeout
        self.fds = IOFiles(input: input, output: output, error: error, wake: wake)
    }

    /// Kills the child with SIGKILL — the whole process group in `.own` mode, only the child
    /// in `.inheritForeground` mode. Safe to call from any thread, any number of times; does
    /// nothing once the child has been reaped.
    public func terminate() {
        condition.lock()
        defer { condition.unlock() }
        guard !reaped else { return }
        terminated = true
        signalLocked(SIGKILL)
    }

    /// Sends `signal` to the child (its whole group in `.own` mode) if it has not been reaped.
    public func send(signal: Int32) {
        condition.lock()
        defer { condition.unlock() }
        guard !reaped else { return }
        signalLocked(signal)
    }

    /// Blocks until the child has ended and its output is collected; by then every
    /// descriptor of the run is closed and the child is reaped.
    public func wait() -> ProcessResult {
        condition.lock()
        defer { condition.unlock() }
        while finished == nil { condition.wait() }
        return finished!
    }

    /// Suspends until the child has ended and its output is collected.
    public func result() async -> ProcessResult {
        await withCheckedContinuation { continuation in
            condition.lock()
            if let finished {
                condition.unlock()
                continuation.resume(returning: finished)
            } else {
                continuations.append(continuation)
                condition.unlock()
            }
        }
    }

    // MARK: - Threads

    func startThreads() {
        let reaper = Thread { [self] in reap() }
        reaper.name = "deferlab.reaper.\(pid)"
        reaper.stackSize = 256 << 10
        let io = Thread { [self] in pumpIO() }
        io.name = "deferlab.io.\(pid)"
        io.stackSize = 256 << 10
        reaper.start()
        io.start()
    }

    /// Must hold `condition`; the child must not have been reaped.
    private func signalLocked(_ signal: Int32) {
        _ = kill(processGroup == .own ? -pid : pid, signal)
    }

    private func reap() {
        blockSIGPIPEOnThisThread()
        var info = siginfo_t()
        var waited: Int32
        repeat { waited = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) } while waited == -1 && errno == EINTR

        condition.lock()
        if waited == 0, processGroup == .own {
            // Leftover descendants would keep the pipes open and outlive the run.
            _ = kill(-pid, SIGKILL)
        }
        var status: Int32 = 0
        var collected: pid_t
        repeat { collected = waitpid(pid, &status, 0) } while collected == -1 && errno == EINTR
        reaped = true
        ended = clock.now
        condition.unlock()

        // The I/O thread cannot finish (and close the read end) before it reads this byte.
        var byte: UInt8 = 1
        _ = write(fds.wake.write, &byte, 1)
        close(fds.wake.write)

        // Publishing the termination last means that once `wait()` returns, every
        // descriptor of this run is closed.
        condition.lock()
        termination = collected == pid ? Self.decode(status) : .exited(-1)
        condition.unlock()
        finishIfComplete()
    }

    private func pumpIO() {
        blockSIGPIPEOnThisThread()
        var output = CapturedStream(fd: fds.output, limit: request.outputLimit)
        var error = CapturedStream(fd: fds.error, limit: request.outputLimit)
        var input = InputFeeder(fd: fds.input, request: request)
        var wakeFD: Int32? = fds.wake.read
        let deadline = request.timeout.map { started + $0 }
        var drainDeadline: ContinuousClock.Instant?
        var expired = false

        while output.isOpen || error.isOpen || wakeFD != nil {
            let now = clock.now
            if !expired, wakeFD != nil, let deadline, now >= deadline {
                expired = true
                expire()
            }
            if let drainDeadline, now >= drainDeadline { break }

            var polled: [pollfd] = []
            for fd in [output.fd, error.fd, wakeFD].compactMap({ $0 }) {
                polled.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
            }
            if let fd = input.fd { polled.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            let wakeUp = [expired || wakeFD == nil ? nil : deadline, drainDeadline].compactMap { $0 }.min()
            let ready = poll(&polled, nfds_t(polled.count), Self.milliseconds(until: wakeUp, now: now))
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }

            for entry in polled where entry.revents != 0 {
                if entry.fd == output.fd { output.readAvailable() }
                else if entry.fd == error.fd { error.readAvailable() }
                else if entry.fd == input.fd { input.writeAvailable() }
                else if entry.fd == wakeFD {
                    close(entry.fd)
                    wakeFD = nil
                    input.close()  // the child is gone; nobody will read the rest
                    drainDeadline = clock.now + drainTimeout
                }
            }
        }
        // Descriptors still open here belong to pipes held by escaped descendants.
        output.close()
        error.close()
        input.close()
        if let wakeFD { close(wakeFD) }

        condition.lock()
        capture = (output, error)
        condition.unlock()
        finishIfComplete()
    }

    /// The timeout passed while the child still runs.
    private func expire() {
        condition.lock()
        defer { condition.unlock() }
        guard !reaped, !timedOut else { return }
        timedOut = true
        signalLocked(SIGKILL)
    }

    /// Publishes the result once both threads are done; called by each of them.
    private func finishIfComplete() {
        condition.lock()
        guard finished == nil, let termination, let ended, let capture else {
            condition.unlock()
            return
        }
        let result = ProcessResult(
            termination: termination,
            standardOutput: capture.output.data,
            standardError: capture.error.data,
            standardOutputTruncated: capture.output.truncated,
            standardErrorTruncated: capture.error.truncated,
            timedOut: timedOut,
            terminated: terminated && !timedOut,
            duration: ended - started
        )
        finished = result
        let waiting = continuations
        continuations = []
        condition.broadcast()
        condition.unlock()
        waiting.forEach { $0.resume(returning: result) }
    }

    private static func decode(_ status: Int32) -> ProcessResult.Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    /// A poll timeout in milliseconds (rounded up so we never spin), or -1 for none.
    private static func milliseconds(until instant: ContinuousClock.Instant?,
                                     now: ContinuousClock.Instant) -> Int32 {
        guard let instant else { return -1 }
        let (seconds, attoseconds) = (instant - now).components
        let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(ms, 0))
    }
}

/// The parent's ends of the child's pipes.
private struct IOFiles: Sendable {
    let input: Int32?
    let output: Int32?
    let error: Int32?
    let wake: PipePair
}

/// One output pipe being drained into a capped buffer.
private struct CapturedStream: Sendable {
    private(set) var fd: Int32?
    let limit: Int
    private(set) var data = Data()
    private(set) var truncated = false

    init(fd: Int32?, limit: Int) {
        self.fd = fd
        self.limit = max(limit, 0)
        if let fd { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    var isOpen: Bool { fd != nil }

    mutating func readAvailable() {
        guard let fd else { return }
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                let room = limit - data.count
                if count > room { truncated = true }
                if room > 0 { data.append(contentsOf: buffer[0..<min(count, room)]) }
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                close()
                return
            } else if errno == EAGAIN {
                return
            }
        }
    }

    mutating func close() {
        if let fd { Glibc.close(fd) }
        fd = nil
    }
}

/// Writes the request's stdin bytes without blocking, then closes the pipe.
private struct InputFeeder: Sendable {
    private(set) var fd: Int32?
    private let bytes: Data
    private var offset = 0

    init(fd: Int32?, request: ProcessRequest) {
        self.fd = fd
        if case .data(let data) = request.standardInput { bytes = data } else { bytes = Data() }
        if let fd { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if bytes.isEmpty { close() }
    }

    mutating func writeAvailable() {
        guard let fd else { return }
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress! + offset, min(raw.count - offset, 64 << 10))
            }
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && errno == EAGAIN {
                return
            } else {
                break  // EPIPE: the child closed its stdin early; that is its right
            }
        }
        close()
    }

    mutating func close() {
        if let fd { Glibc.close(fd) }
        fd = nil
    }
}

/// Writes to a pipe whose reader has gone must fail with EPIPE, not kill the whole program.
/// A SIGPIPE raised by `write` is directed at the writing thread, so blocking it here suffices.
private func blockSIGPIPEOnThisThread() {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGPIPE)
    pthread_sigmask(SIG_BLOCK, &set, nil)
}
