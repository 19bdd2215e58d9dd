import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The probe's pipe: the runner keeps the read end and drains it on a private thread while the
/// program runs, so the program never blocks on a full pipe and every line written before a
/// kill is kept.
final class ProbePipe: @unchecked Sendable {
    // @unchecked: `report`, `stopAt` and `done` are guarded by `condition`.

    /// The write end, handed to the child; the runner closes its copy once the child started.
    private(set) var writeFD: Int32
    private let readFD: Int32
    private let condition = NSCondition()
    private var report = ProbeReport()
    private var stopAt: ContinuousClock.Instant?
    private var done = false

    /// Creates the pipe; both ends are close-on-exec (the runner passes the write end on
    /// explicitly, at a fixed descriptor number).
    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw RunnerError.pipe(errno: errno) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        readFD = fds[0]
        writeFD = fds[1]
    }

    /// Starts draining the read end.
    func startReading() {
        let thread = Thread { [self] in drain() }
        thread.name = "deferlab.probe"
        thread.stackSize = 256 << 10
        thread.start()
    }

    /// Closes the runner's copy of the write end, so end of file comes when the program (and
    /// everything it started) is gone.
    func closeWriteEnd() {
        if writeFD >= 0 { close(writeFD) }
        writeFD = -1
    }

    /// Waits for end of file, at most `grace` longer (a descendant that escaped the process
    /// group could hold the pipe), and returns what arrived.
    func finish(grace: Duration) -> ProbeReport {
        closeWriteEnd()
        condition.lock()
        defer { condition.unlock() }
        stopAt = ContinuousClock.now + grace
        condition.broadcast()
        while !done { condition.wait() }
        return report
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            var entry = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, 50)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
                if count > 0 {
                    condition.lock()
                    report.consume(buffer[0..<count])
                    condition.unlock()
                    continue
                }
                if count == 0 || errno != EINTR { break }
            } else if ready < 0, errno != EINTR {
                break
            }
            condition.lock()
            let expired = stopAt.map { ContinuousClock.now >= $0 } ?? false
            condition.unlock()
            if expired { break }
        }
        close(readFD)
        condition.lock()
        report.finish()
        done = true
        condition.broadcast()
        condition.unlock()
    }
}
