#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    private static func walk(_ dir: String, mode: Mode, into out: inout [SourceItem]) {
        guard let d = opendir(dir) else {
            out.append(.unreadableDirectory(dir, errno: errno))
            return
        }
        var names: [(name: String, isDir: Bool, size: Int)] = []
        let fd = dirfd(d)
        while let entry = readdir(d) {
            // The entry's type saves a stat for folders and for files that are not Go files
            // (a file system that does not say is asked).
            let type = entry.pointee.d_type
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            if type == UInt8(DT_DIR) {
                names.append((name, true, 0))
                continue
            }
            if type != UInt8(DT_UNKNOWN) && !name.hasSuffix(".go") { continue }
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let isDir = st.st_mode & S_IFMT == S_IFDIR
            names.append((name, isDir, max(0, Int(st.st_size))))
        }
        closedir(d)
        names.sort { $0.name < $1.name }
        for (name, isDir, size) in names {
            let full = dir == "/" ? "/" + name : dir + "/" + name
            if isDir {
                if mode == .goCommand && (name == "vendor" || name == "testdata" || name.hasPrefix(".") || name.hasPrefix("_")) {
                    continue
                }
                walk(full, mode: mode, into: &out)
            } else if name.hasSuffix(".go") && !name.hasPrefix(".") {
                out.append(.file(full, size: size))
            }
        }
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
