import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failed file-system call: its errno and the system's message for it.
public struct FileFailure: Error, Sendable, Hashable {
    /// The errno value.
    public var code: Int32
    /// The system's message for ``code``, e.g. "Permission denied".
    public var reason: String { String(cString: strerror(code)) }

    /// Creates a failure from an errno value.
    public init(code: Int32) { self.code = code }
}

/// The few file-system reads the catalog needs, reporting errno so messages can say
/// "Permission denied" rather than a generic Foundation text. Shared by every content
/// loader (examples, lessons) so they report file problems the same way.
public enum ContentFiles {
    /// True when `path` is a directory (after symlinks).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when `path` is a regular file (after symlinks).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The names in a directory, without `.` and `..`, in no particular order.
    public static func list(_ path: String) -> Result<[String], FileFailure> {
        guard let dir = opendir(path) else { return .failure(FileFailure(code: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            // Read in place: a record is only as long as its name, so copying `d_name`
            // (256 bytes) can read past the end of readdir's buffer.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// The whole contents of a file.
    public static func contents(_ path: String) -> Result<Data, FileFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileFailure(code: errno)) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return .success(data)
            } else if errno != EINTR {
                return .failure(FileFailure(code: errno))
            }
        }
    }
}
