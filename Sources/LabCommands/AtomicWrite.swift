import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's contents atomically: a temporary file in the same folder, fsync, then
/// rename over the original, keeping its permission bits. If anything fails, the original
/// is left untouched and the temporary file removed.
public enum AtomicWrite {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case io(String, Int32)
        public var description: String {
            switch self {
            case .io(let what, let e): return "\(what): \(String(cString: strerror(e)))"
            }
        }
    }

    public static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
        try write(bytes, to: path, creating: false)
    }

    /// Writes `bytes` to `path` atomically, creating the file (mode 0644) when it is missing.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        try write(bytes, to: path, creating: true)
    }

    private static func write(_ bytes: [UInt8], to path: String, creating: Bool) throws(Failure) {
        var st = stat()
        if stat(path, &st) != 0 {
            guard creating, errno == ENOENT else { throw .io("stat", errno) }
            st.st_mode = 0o644
        }
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((dir.isEmpty ? "." : dir) + "/." + name + ".deferlab-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .io("create temporary file", errno) }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                close(fd)
                throw .io("write", e)
            }
            written += n
        }
        if fchmod(fd, st.st_mode & 0o7777) != 0 { let e = errno; close(fd); throw .io("chmod", e) }
        if fsync(fd) != 0 { let e = errno; close(fd); throw .io("fsync", e) }
        if close(fd) != 0 { throw .io("close", errno) }
        guard rename(tmp, path) == 0 else { throw .io("rename", errno) }
        ok = true
        // Make the rename durable too.
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
