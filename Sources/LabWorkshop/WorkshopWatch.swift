import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Re-checks an exercise when one of its learner files is saved. File events (inotify) wake
/// the loop at once; a comparison of file stamps every `interval` catches saves where events
/// do not arrive (network and container file systems), so either way a save is seen.
public struct WorkshopWatch {
    public var workshop: Workshop
    public var folder: WorkshopFolder
    public var interval: Duration = .milliseconds(500)
    /// Use inotify to wake at once (false: stamps compared every `interval` only, as where
    /// file events do not arrive).
    public var fileEvents = true

    public init(workshop: Workshop, folder: WorkshopFolder) {
        self.workshop = workshop
        self.folder = folder
    }

    /// A file's identity and contents stamp: size, modification time, inode.
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    func stamps() -> [String: [Stamp?]] {
        var out: [String: [Stamp?]] = [:]
        for e in workshop.set.exercises {
            out[e.id] = e.files.map { name in
                var st = stat()
                guard stat(folder.folder(of: e.id).appendingPathComponent(name).path, &st) == 0 else { return nil }
                return Stamp(size: Int64(st.st_size), seconds: st.st_mtim.tv_sec, nanoseconds: st.st_mtim.tv_nsec, inode: UInt64(st.st_ino))
            }
        }
        return out
    }

    /// Watches until `stop` says so; each changed exercise is checked with `check`.
    public func run(stop: () -> Bool, check: (Exercise) -> Void) {
        let events = fileEvents ? inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC)) : -1
        defer { if events >= 0 { close(events) } }
        if events >= 0 {
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_DELETE)
            for e in workshop.set.exercises { _ = inotify_add_watch(events, folder.folder(of: e.id).path, mask) }
        }
        workshop.out(workshop.text(.watchStart, String(workshop.set.exercises.count)))
        var last = stamps()
        let millis = Int32(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !stop() {
            if events >= 0 {
                var entry = pollfd(fd: events, events: Int16(POLLIN), revents: 0)
                if poll(&entry, 1, millis) > 0 {
                    while buffer.withUnsafeMutableBytes({ read(events, $0.baseAddress, $0.count) }) > 0 {}
                    // Editors save in several steps (write, rename): let them finish.
                    usleep(150_000)
                }
            } else {
                usleep(useconds_t(millis) * 1000)
            }
            if stop() { break }
            let now = stamps()
            for e in workshop.set.exercises where now[e.id] != last[e.id] {
                workshop.out(workshop.text(.watchChanged, e.files.map { "\(e.id)/\($0)" }.joined(separator: ", ")))
                check(e)
            }
            last = now
        }
        workshop.out(workshop.text(.watchStop))
    }
}
