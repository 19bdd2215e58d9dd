#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GoSyntax
import Synchronization

/// What a path argument named: Go files to read, or a problem with the path itself.
public enum SourceItem: Sendable, Equatable {
    /// A Go file and the size `stat` gave for it (the driver's scheduling estimate).
    case file(String, size: Int)
    case missing(String)
    case notFileOrDirectory(String)
    case unreadableDirectory(String, errno: Int32)
}

/// Expands path arguments to Go files. A file is taken as named; a directory is walked
/// recursively (a directory whose name ends in ".go" is still a directory); `DIR/...` means
/// DIR. Symbolic links to directories are not followed inside a walk.
/// - `.gofmt` takes every `*.go` file not starting with "." (testdata and vendor included),
///   as gofmt does.
/// - `.goCommand` also skips folders named `vendor` or `testdata` and folders starting with
///   "." or "_", as the go command does for `./...`.
public enum SourceWalker {
    public enum Mode: Sendable { case gofmt, goCommand }

    public static func expand(_ paths: [String], mode: Mode = .gofmt) -> [SourceItem] {
        var out: [SourceItem] = []
        for raw in paths {
            var path = raw
            if path == "..." || path.hasSuffix("/...") {
                path = String(path.dropLast(3))
                if path.isEmpty { path = "." }
                if path.count > 1 && path.hasSuffix("/") { path.removeLast() }
            }
            var st = stat()
            if stat(path, &st) != 0 {
                out.append(.missing(raw))
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, mode: mode, into: &out)
            case S_IFREG:
                out.append(.file(path, size: max(0, Int(st.st_size))))
            default:
                out.append(.notFileOrDirectory(raw))
            }
        }
        return out
    }

    /// One folder as read: its entries (sorted by name) or why it could not be.
    private enum Listing {
        case entries([(name: String, isDir: Bool, size: Int)])
        case unreadable(Int32)
    }

    /// Walks `root`: folders are read by two threads (reading them is most of a walk's time,
    /// in system calls), and the items come out in the order of a walk that takes each
    /// folder's entries by name, entering subfolders where they come.
    private static func walk(_ root: String, mode: Mode, into out: inout [SourceItem]) {
        let read = Mutex<[String: Listing]>([:])
        let queue = FolderQueue(root)
        BigStack.parallel(workers: 2) { _ in
            while let dir = queue.take() {
                let listing = list(dir)
                var subfolders: [String] = []
                if case .entries(let entries) = listing {
                    for e in entries where e.isDir && entered(e.name, mode) { subfolders.append(join(dir, e.name)) }
                }
                read.withLock { $0[dir] = listing }
                queue.finish(adding: subfolders)
            }
        }
        let listings = read.withLock { $0 }
        func emit(_ dir: String) {
            switch listings[dir] {
            case .unreadable(let e)?:
                out.append(.unreadableDirectory(dir, errno: e))
            case .entries(let entries)?:
                for (name, isDir, size) in entries {
                    if isDir {
                        if entered(name, mode) { emit(join(dir, name)) }
                    } else if name.hasSuffix(".go") && !name.hasPrefix(".") {
                        out.append(.file(join(dir, name), size: size))
                    }
                }
            case nil:
                break
            }
        }
        emit(root)
    }

    /// The folder part of a file's path, as given (`a/b/c.go` → `a/b`, `/c.go` → `/`, `c.go` →
    /// the empty string): the key that groups files into folders and packages (a string
    /// split; Foundation's path functions took 2% of a `fix` run).
    public static func folder(of path: String) -> String {
        // (The UTF-8 view: `/` is one byte, and Character search is many times slower.)
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func join(_ dir: String, _ name: String) -> String { dir == "/" ? "/" + name : dir + "/" + name }

    /// Whether a walk enters subfolder `name`.
    private static func entered(_ name: String, _ mode: Mode) -> Bool {
        mode == .gofmt || !(name == "vendor" || name == "testdata" || name.hasPrefix(".") || name.hasPrefix("_"))
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// A folder's entries that matter to a walk: subfolders, and Go files with their sizes.
    private static func list(_ dir: String) -> Listing {
        guard let d = opendir(dir) else { return .unreadable(errno) }
        var names: [(name: String, isDir: Bool, size: Int)] = []
        let fd = dirfd(d)
        while let entry = readdir(d) {
            // The entry's type saves a stat for folders and for files that are not Go files
            // (a file system that does not say is asked).
            let type = entry.pointee.d_type
            // The name is read where it lies: a record is only as long as its name, so
            // copying `d_name` (256 bytes) can read past the end of readdir's buffer.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            if type == UInt8(DT_DIR) {
                names.append((name, true, 0))
                continue
            }
            if type != UInt8(DT_UNKNOWN) && !name.hasSuffix(".go") { continue }
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            names.append((name, st.st_mode & S_IFMT == S_IFDIR, max(0, Int(st.st_size))))
        }
        closedir(d)
        names.sort { $0.name < $1.name }
        return .entries(names)
    }
}

/// The folders a walk has still to read, shared by its threads: a thread waits while the
/// queue is empty but others may still add to it.
private final class FolderQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [String]
    private var reading = 0

    init(_ root: String) { waiting = [root] }

    func take() -> String? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty {
            if reading == 0 { return nil }
            condition.wait()
        }
        reading += 1
        return waiting.removeLast()
    }

    func finish(adding folders: [String]) {
        condition.lock()
        waiting += folders
        reading -= 1
        condition.broadcast()
        condition.unlock()
    }
}

/// Reads a whole file with POSIX calls, reporting errno on failure.
public enum FileReader {
    public enum Failure: Error, Equatable {
        case errno(Int32)
        case isDirectory
    }

    public static func read(_ path: String) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(.errno(errno)) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR { return .failure(.isDirectory) }
        // The size fstat gives, read without zero-filling first; then whatever the file has
        // beyond it (it grew, or is a pipe or /proc file whose size says 0).
        var failure: Int32 = 0
        let expected = st.st_size > 0 ? Int(st.st_size) : 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buf, count in
            count = 0
            while count < expected {
                let n = Glibc.read(fd, buf.baseAddress! + count, expected - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { return .failure(.errno(failure)) }
        failure = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk in
            while true {
                let n = Glibc.read(fd, chunk.baseAddress!, chunk.count)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return 0 }
                bytes.append(contentsOf: chunk[..<n])
            }
        }
        return failure == 0 ? .success(bytes) : .failure(.errno(failure))
    }

    public static func describe(_ e: Int32) -> String { String(cString: strerror(e)) }
}
