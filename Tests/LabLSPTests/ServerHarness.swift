import Foundation
import XCTest
@testable import LabLSP
#if canImport(Glibc)
import Glibc
#endif

/// A language server in this process, spoken to through real pipes as an editor would: send
/// messages, wait (with a deadline, so a silent server fails the test instead of hanging it)
/// for the ones that match, and end it to learn its exit status.
final class ServerHarness: @unchecked Sendable {
    let toServer: Int32
    let fromServer: Int32
    private let serverInput: Int32
    private let serverOutput: Int32
    private let received = Inbox()
    private let done = DispatchSemaphore(value: 0)
    private var status: Int32?
    private var backlog: [[String: Any]] = []
    /// Everything the server sent, in order.
    private(set) var log: [[String: Any]] = []

    init(options: LanguageServer.Options = .init(languageFlag: nil, environment: ["LANG": "C.UTF-8"], version: "test"),
         prepare: (LanguageServer) -> Void = { _ in }) {
        var a: [Int32] = [0, 0], b: [Int32] = [0, 0]
        precondition(pipe(&a) == 0 && pipe(&b) == 0)
        serverInput = a[0]
        toServer = a[1]
        fromServer = b[0]
        serverOutput = b[1]
        let made = LanguageServer(options: options, input: serverInput, output: serverOutput)
        prepare(made)
        let server = Unchecked(made)
        let runner = Thread { [self] in
            let s = server.value.run()
            status = s
            close(serverOutput)
            done.signal()
        }
        runner.stackSize = 8 << 20
        runner.start()
        let reader = MessageReader(fd: fromServer), inbox = received
        Thread {
            while case .message(let data) = reader.next() { inbox.push([data]) }
            inbox.close()
        }.start()
    }

    private var inputClosed = false

    deinit {
        closeInput()
        close(fromServer)
        close(serverInput)
    }

    private func closeInput() {
        if !inputClosed { close(toServer) }
        inputClosed = true
    }

    func send(_ object: [String: Any]) {
        let body = try! JSONSerialization.data(withJSONObject: object)
        let bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
        sendRaw(bytes)
    }

    func sendRaw(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(toServer, $0.baseAddress!, $0.count) }
            precondition(n > 0, "the server stopped reading")
            offset += n
        }
    }

    /// Several messages in one write, as a busy editor's buffer would deliver them.
    func sendTogether(_ objects: [[String: Any]]) {
        var bytes: [UInt8] = []
        for o in objects {
            let body = try! JSONSerialization.data(withJSONObject: o)
            bytes += Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
        }
        sendRaw(bytes)
    }

    func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) {
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// The next message that matches, within `timeout` seconds; messages passed over are kept
    /// for later waits.
    func wait(timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line,
              _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
        if let i = backlog.firstIndex(where: matches) { return backlog.remove(at: i) }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let ended = received.wait(until: deadline)
            for data in received.drain() {
                guard let m = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                    XCTFail("the server sent something that is not a JSON object", file: file, line: line)
                    continue
                }
                log.append(m)
                backlog.append(m)
            }
            if let i = backlog.firstIndex(where: matches) { return backlog.remove(at: i) }
            if ended { break }
        }
        XCTFail("no matching message from the server within \(timeout) s", file: file, line: line)
        return nil
    }

    func response(_ id: Int, file: StaticString = #filePath, line: UInt = #line) -> [String: Any]? {
        wait(file: file, line: line) { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    func diagnostics(for uri: String, version: Int? = nil, file: StaticString = #filePath, line: UInt = #line) -> [String: Any]? {
        wait(file: file, line: line) { m in
            guard m["method"] as? String == "textDocument/publishDiagnostics", let p = m["params"] as? [String: Any],
                  p["uri"] as? String == uri else { return false }
            return version == nil || p["version"] as? Int == version
        }
    }

    /// Closes the server's input and returns its exit status.
    func finish(timeout: TimeInterval = 30) -> Int32? {
        closeInput()
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return status
    }

    /// `initialize` and `initialized`; returns the initialize result.
    func start(capabilities: [String: Any] = [:], locale: String? = nil, options: [String: Any]? = nil) -> [String: Any]? {
        var params: [String: Any] = ["capabilities": capabilities, "processId": NSNull()]
        if let locale { params["locale"] = locale }
        if let options { params["initializationOptions"] = options }
        request(1, "initialize", params)
        let result = response(1)?["result"] as? [String: Any]
        notify("initialized")
        return result
    }
}

/// A value handed to the one thread that uses it.
struct Unchecked<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

/// A shared, settable reference for a closure made before its value exists.
final class Ref<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
