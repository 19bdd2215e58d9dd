import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The base protocol of the Language Server Protocol: each message is `Content-Length: N`
/// (other headers such as Content-Type are allowed and ignored), a blank line, then N bytes
/// of JSON. Reads from a file descriptor with POSIX calls.
public final class MessageReader: @unchecked Sendable {
    public enum Next: Sendable, Equatable {
        case message(Data)
        /// A header block without a usable Content-Length; it has been skipped.
        case malformed(String)
        case end
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// A body longer than this is refused (a broken client, not a Go file).
    public var maxLength = 256 << 20

    public init(fd: Int32) { self.fd = fd }

    public func next() -> Next {
        while true {
            if let message = buffered() { return message }
            if !fill() { return .end }
        }
    }

    /// The next message if the input read so far holds all of it, without reading more.
    public func buffered() -> Next? {
        guard let headerEnd = find([13, 10, 13, 10]) else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" else { continue }
            length = Int(parts[1].trimmingCharacters(in: .whitespaces))
        }
        guard let length, length >= 0, length <= maxLength else {
            start = bodyStart
            return .malformed(header)
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        if start > 1 << 20 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return .message(body)
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count - start >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= buffer.count {
            if buffer[i] == pattern[0] && buffer[i + 1] == pattern[1] && buffer[i + 2] == pattern[2] && buffer[i + 3] == pattern[3] {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Reads what is available; false at end of input or on an error.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            buffer += chunk[0..<n]
            return true
        }
    }
}

/// Writes base-protocol messages to a file descriptor, one whole message at a time.
public final class MessageWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()

    public init(fd: Int32) { self.fd = fd }

    /// False when the other side has gone away.
    @discardableResult
    public func send(_ body: Data) -> Bool {
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes += body
        lock.lock()
        defer { lock.unlock() }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}

/// Messages read on one thread and handled on another: a queue that can be waited on with a
/// deadline, and that says when the input has ended.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Data] = []
    private var closed = false

    func push(_ data: [Data]) {
        condition.lock()
        items += data
        condition.signal()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.signal()
        condition.unlock()
    }

    /// Everything queued now, without waiting.
    func drain() -> [Data] {
        condition.lock()
        defer { condition.unlock() }
        let out = items
        items.removeAll()
        return out
    }

    /// Waits until something is queued, the input ends, or `deadline` (nil: no deadline).
    /// Returns whether the input has ended with nothing left.
    func wait(until deadline: Date?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed {
            if let deadline {
                if !condition.wait(until: deadline) { break }
            } else {
                condition.wait()
            }
        }
        return items.isEmpty && closed
    }
}
