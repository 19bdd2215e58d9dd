import Foundation
import XCTest
@testable import LabLSP
#if canImport(Glibc)
import Glibc
#endif

/// The base protocol's framing over a real pipe: several messages in one write, one message
/// over several writes, extra headers, a header without a length, the end of input.
final class FramingTests: XCTestCase {
    func pipePair() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        return (fds[0], fds[1])
    }

    func testReadsWhatTheWriterSends() throws {
        let (r, w) = pipePair()
        defer { close(r) }
        let writer = MessageWriter(fd: w)
        let bodies = [#"{"a":1}"#, #"{"text":"中文 and \r\n"}"#, "{}"]
        for b in bodies { XCTAssertTrue(writer.send(Data(b.utf8))) }
        close(w)
        let reader = MessageReader(fd: r)
        for b in bodies { XCTAssertEqual(reader.next(), .message(Data(b.utf8))) }
        XCTAssertEqual(reader.next(), .end)
    }

    func testSplitWritesExtraHeadersAndBrokenHeaders() throws {
        let (r, w) = pipePair()
        defer { close(r) }
        let reader = MessageReader(fd: r)
        let body = Data(#"{"jsonrpc":"2.0"}"#.utf8)
        let framed = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: \(body.count)\r\n\r\n"
        let all = Array(framed.utf8) + Array(body) + Array("X-Nothing: 1\r\n\r\n".utf8) + Array("Content-Length: 2\r\n\r\n{}".utf8)
        // Byte by byte from another thread: the reader must wait for the rest each time.
        let writer = Thread {
            for byte in all {
                var b = byte
                _ = write(w, &b, 1)
                usleep(100)
            }
            close(w)
        }
        writer.start()
        XCTAssertEqual(reader.next(), .message(body))
        guard case .malformed(let header) = reader.next() else { return XCTFail("a header without Content-Length") }
        XCTAssertEqual(header, "X-Nothing: 1")
        XCTAssertEqual(reader.next(), .message(Data("{}".utf8)))
        XCTAssertEqual(reader.next(), .end)
    }

    func testTruncatedBodyIsTheEnd() {
        let (r, w) = pipePair()
        defer { close(r) }
        let text = "Content-Length: 50\r\n\r\n{\"short\":"
        _ = text.withCString { write(w, $0, strlen($0)) }
        close(w)
        XCTAssertEqual(MessageReader(fd: r).next(), .end)
    }
}
