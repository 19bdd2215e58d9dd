import Foundation
import XCTest
import LabCommands
import GoSyntax
import TestSupport
@testable import LabLSP

/// The language server through pipes: lifecycle and errors, diagnostics, quick fixes and the
/// fix-all compared with `deferlab fix -w`, hovers, syntax errors, bursts, cancellation,
/// settings.
final class ServerTests: XCTestCase {
    /// A safe loop-defer (with a Chinese comment and an emoji before the defer, so UTF-8,
    /// UTF-16 and UTF-32 columns differ) and an unsafe one (the locks are the point); the
    /// language-client tests edit the same file.
    static let source: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("fixtures/sizes.go")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    func project() throws -> (dir: URL, uri: String) {
        XCTAssertTrue(Self.source.contains("defer f.Close()"), "the fixture file is missing")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try "module example.com/p\n\ngo 1.22\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try Self.source.write(to: dir.appendingPathComponent("a.go"), atomically: true, encoding: .utf8)
        try "package p\n\nfunc helper() int { return 1 }\n".write(to: dir.appendingPathComponent("b.go"), atomically: true, encoding: .utf8)
        return (dir, "file://" + dir.appendingPathComponent("a.go").path)
    }

    func open(_ server: ServerHarness, _ uri: String, _ text: String = ServerTests.source, version: Int = 1) {
        server.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "go", "version": version, "text": text]])
    }

    /// Applies LSP text edits (non-overlapping, any order) to a text.
    func apply(_ edits: [[String: Any]], to text: String, _ encoding: PositionEncoding) -> String {
        var bytes = Array(text.utf8)
        let map = LineMap(bytes)
        let resolved = edits.map { e -> (Int, Int, String) in
            let (s, t) = LSPRange.offsets(e["range"] as! [String: Any], in: map, encoding)!
            return (s, t, e["newText"] as! String)
        }.sorted { $0.0 > $1.0 }
        for (s, t, new) in resolved { bytes.replaceSubrange(s..<t, with: Array(new.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func edits(of action: [String: Any], uri: String, version: Int? = nil) -> [[String: Any]] {
        let edit = action["edit"] as? [String: Any] ?? [:]
        if let changes = edit["documentChanges"] as? [[String: Any]] {
            let doc = changes.first?["textDocument"] as? [String: Any]
            XCTAssertEqual(doc?["uri"] as? String, uri)
            if let version { XCTAssertEqual(doc?["version"] as? Int, version, "edits are tied to the version they were made for") }
            return changes.first?["edits"] as? [[String: Any]] ?? []
        }
        return (edit["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
    }

    /// What `deferlab fix -w` writes for a.go of the project folder.
    func fixW(_ dir: URL) throws -> String {
        var options = FixOptions()
        options.mode = .write
        let result = try FixRun.run(paths: [dir.path], options: options)
        let a = try XCTUnwrap(result.report.files.first { $0.path.hasSuffix("/a.go") })
        return String(decoding: a.fixed ?? a.bytes, as: UTF8.self)
    }

    func testLifecycleAndProtocolErrors() throws {
        let server = ServerHarness()
        server.request(7, "textDocument/hover", [:])
        XCTAssertEqual((server.response(7)?["error"] as? [String: Any])?["code"] as? Int, -32002, "before initialize")

        let result = try XCTUnwrap(server.start())
        let caps = try XCTUnwrap(result["capabilities"] as? [String: Any])
        XCTAssertEqual(caps["positionEncoding"] as? String, "utf-16", "the default when the client offers nothing")
        XCTAssertEqual((caps["textDocumentSync"] as? [String: Any])?["change"] as? Int, 2, "incremental")
        XCTAssertEqual((caps["codeActionProvider"] as? [String: Any])?["codeActionKinds"] as? [String], ["quickfix", "source.fixAll.deferlab"])
        XCTAssertEqual(caps["hoverProvider"] as? Bool, true)
        XCTAssertEqual((result["serverInfo"] as? [String: Any])?["name"] as? String, "deferlab")

        server.request(2, "textDocument/definition", [:])
        XCTAssertEqual((server.response(2)?["error"] as? [String: Any])?["code"] as? Int, -32601)
        server.sendRaw(Array("Content-Length: 8\r\n\r\nnot json".utf8))
        XCTAssertEqual((server.wait { $0["id"] is NSNull }?["error"] as? [String: Any])?["code"] as? Int, -32700)

        server.request(3, "shutdown")
        XCTAssertTrue(server.response(3)?["result"] is NSNull)
        server.request(4, "textDocument/hover", [:])
        XCTAssertEqual((server.response(4)?["error"] as? [String: Any])?["code"] as? Int, -32600, "after shutdown")
        server.notify("exit")
        XCTAssertEqual(server.finish(), 0)
    }

    func testExitWithoutShutdownFails() {
        let server = ServerHarness()
        _ = server.start()
        server.notify("exit")
        XCTAssertEqual(server.finish(), 1)

        let closed = ServerHarness()
        _ = closed.start()
        XCTAssertEqual(closed.finish(), 1, "input ended without shutdown and exit")
    }

    func testFindingsQuickFixesAndFixAllInUTF16() throws {
        let (dir, uri) = try project()
        let server = ServerHarness()
        _ = server.start(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true]]])
        open(server, uri)
        let published = try XCTUnwrap(server.diagnostics(for: uri)?["params"] as? [String: Any])
        XCTAssertEqual(published["version"] as? Int, 1)
        let diagnostics = try XCTUnwrap(published["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertEqual(diagnostics.map { $0["code"] as? String }, ["loop-defer", "loop-defer"])
        XCTAssertEqual(diagnostics.map { $0["source"] as? String }, ["deferlab", "deferlab"])
        // `\t\t/* 每次 😀 */ defer` — the defer starts at UTF-16 character 14 (byte 20).
        let start = (diagnostics[0]["range"] as? [String: Any])?["start"] as? [String: Any]
        XCTAssertEqual(start?["line"] as? Int, 15)
        XCTAssertEqual(start?["character"] as? Int, 14)
        XCTAssertTrue((diagnostics[0]["message"] as? String)?.hasSuffix("(fix available)") == true)
        XCTAssertTrue((diagnostics[1]["message"] as? String)?.contains("(unsafe fix, needs --unsafe-fixes:") == true)

        server.request(2, "textDocument/codeAction", ["textDocument": ["uri": uri],
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 40, "character": 0]], "context": ["diagnostics": []]])
        let actions = try XCTUnwrap(server.response(2)?["result"] as? [[String: Any]])
        XCTAssertEqual(actions.map { $0["kind"] as? String }, ["quickfix", "quickfix", "source.fixAll.deferlab"])
        XCTAssertEqual(actions[0]["isPreferred"] as? Bool, true)
        XCTAssertEqual(actions[1]["isPreferred"] as? Bool, false)
        XCTAssertTrue((actions[1]["title"] as? String)?.contains("(unsafe: ") == true, "\(actions[1]["title"] ?? "")")

        let expected = try fixW(dir)
        XCTAssertNotEqual(expected, Self.source)
        XCTAssertEqual(apply(edits(of: actions[2], uri: uri, version: 1), to: Self.source, .utf16), expected, "fix-all writes what fix -w writes")
        XCTAssertEqual(apply(edits(of: actions[0], uri: uri, version: 1), to: Self.source, .utf16), expected, "the one safe fix, alone")
        let unsafe = apply(edits(of: actions[1], uri: uri), to: Self.source, .utf16)
        XCTAssertTrue(unsafe.contains("\t\tfunc() {\n\t\t\tm.Lock()"), unsafe)

        // Only the kinds asked for; a range without findings has no quick fix.
        server.request(3, "textDocument/codeAction", ["textDocument": ["uri": uri],
            "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 0]], "context": ["diagnostics": [], "only": ["source.fixAll"]]])
        XCTAssertEqual((server.response(3)?["result"] as? [[String: Any]])?.map { $0["kind"] as? String }, ["source.fixAll.deferlab"])
        server.request(4, "textDocument/codeAction", ["textDocument": ["uri": uri],
            "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 0]], "context": ["diagnostics": [], "only": ["quickfix"]]])
        XCTAssertEqual((server.response(4)?["result"] as? [[String: Any]])?.count, 0)
        server.request(5, "shutdown")
        _ = server.response(5)
        server.notify("exit")
        XCTAssertEqual(server.finish(), 0)
    }

    func testUTF8WhenOfferedAndIncrementalEdits() throws {
        let (_, uri) = try project()
        let server = ServerHarness()
        let result = server.start(capabilities: ["general": ["positionEncodings": ["utf-16", "utf-8"]]])
        XCTAssertEqual((result?["capabilities"] as? [String: Any])?["positionEncoding"] as? String, "utf-8")
        open(server, uri)
        let first = server.diagnostics(for: uri, version: 1)?["params"] as? [String: Any]
        let start = ((first?["diagnostics"] as? [[String: Any]])?.first?["range"] as? [String: Any])?["start"] as? [String: Any]
        XCTAssertEqual(start?["character"] as? Int, 20, "bytes: two tabs, /* 每次 😀 */ and a space")
        // Delete the Chinese comment by bytes: the finding moves left.
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [
            ["range": ["start": ["line": 15, "character": 2], "end": ["line": 15, "character": 20]], "text": ""]]])
        let second = server.diagnostics(for: uri, version: 2)?["params"] as? [String: Any]
        let moved = ((second?["diagnostics"] as? [[String: Any]])?.first?["range"] as? [String: Any])?["start"] as? [String: Any]
        XCTAssertEqual(moved?["character"] as? Int, 2)
        _ = server.finish()
    }

    func testHoverExplainsTheRuleInTheEditorsLanguage() throws {
        let (_, uri) = try project()
        let server = ServerHarness()
        _ = server.start(capabilities: ["textDocument": ["hover": ["contentFormat": ["markdown", "plaintext"]]]], locale: "zh-CN")
        open(server, uri)
        let diagnostics = server.diagnostics(for: uri)?["params"] as? [String: Any]
        XCTAssertTrue(((diagnostics?["diagnostics"] as? [[String: Any]])?.first?["message"] as? String)?.contains("（可修复）") == true)
        server.request(2, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 15, "character": 16]])
        let hover = try XCTUnwrap(server.response(2)?["result"] as? [String: Any])
        let contents = try XCTUnwrap(hover["contents"] as? [String: Any])
        XCTAssertEqual(contents["kind"] as? String, "markdown")
        let text = try XCTUnwrap(contents["value"] as? String)
        XCTAssertTrue(text.hasPrefix("**loop-defer** — "), text)
        XCTAssertTrue(text.contains("//deferlab:ignore loop-defer"), text)
        XCTAssertTrue(text.contains("```go\n"), text)
        XCTAssertTrue(text.contains("函数"), "Chinese for a zh locale: \(text)")
        server.request(3, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 3]])
        XCTAssertTrue(server.response(3)?["result"] is NSNull, "no finding under the cursor")
        _ = server.finish()
    }

    func testSyntaxErrorsAloneAndNoEdits() throws {
        let (_, uri) = try project()
        let server = ServerHarness()
        _ = server.start()
        open(server, uri)
        _ = server.diagnostics(for: uri, version: 1)
        // Half-typed: an unclosed call in the middle of the loop.
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [
            ["range": ["start": ["line": 16, "character": 0], "end": ["line": 16, "character": 0]], "text": "\t\tfmt.Println(\n"]]])
        let broken = try XCTUnwrap(server.diagnostics(for: uri, version: 2)?["params"] as? [String: Any])
        let items = try XCTUnwrap(broken["diagnostics"] as? [[String: Any]])
        XCTAssertFalse(items.isEmpty)
        XCTAssertTrue(items.allSatisfy { $0["code"] as? String == "syntax-error" && $0["severity"] as? Int == 1 }, "\(items)")
        server.request(2, "textDocument/codeAction", ["textDocument": ["uri": uri],
            "range": ["start": ["line": 0, "character": 0], "end": ["line": 40, "character": 0]], "context": ["diagnostics": []]])
        XCTAssertEqual((server.response(2)?["result"] as? [Any])?.count, 0, "never an edit on code that does not parse")
        server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3], "contentChanges": [["text": Self.source]]])
        let again = server.diagnostics(for: uri, version: 3)?["params"] as? [String: Any]
        XCTAssertEqual((again?["diagnostics"] as? [[String: Any]])?.count, 2)
        _ = server.finish()
    }

    func testABurstIsPublishedOnlyForItsNewestVersion() throws {
        let (_, uri) = try project()
        let server = ServerHarness()
        _ = server.start()
        open(server, uri, "package p\n")
        // Five changes in one write: the text typed a character at a time.
        let typed = Array(Self.source.dropFirst("package p\n".count))
        var changes: [[String: Any]] = []
        let cut = typed.count / 5
        for k in 0..<5 {
            let piece = String(typed[(k * cut)..<(k == 4 ? typed.count : (k + 1) * cut)])
            changes.append(["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": uri, "version": k + 2],
                "contentChanges": [["range": ["start": ["line": 999, "character": 0], "end": ["line": 999, "character": 0]], "text": piece]]]])
        }
        server.sendTogether(changes)
        let last = server.diagnostics(for: uri, version: 6)?["params"] as? [String: Any]
        XCTAssertEqual((last?["diagnostics"] as? [[String: Any]])?.count, 2)
        let versions = server.log.compactMap { m -> Int? in
            guard m["method"] as? String == "textDocument/publishDiagnostics" else { return nil }
            return (m["params"] as? [String: Any])?["version"] as? Int
        }
        XCTAssertTrue(versions.allSatisfy { $0 == 1 || $0 == 6 }, "published for a version already replaced: \(versions)")
        _ = server.finish()
    }

    /// A change that arrives while the previous version is being analysed: that analysis is
    /// never published, only the new version's.
    func testAnalysisOvertakenByAChangeIsNotPublished() throws {
        let (_, uri) = try project()
        let box = Ref<ServerHarness?>(nil)
        let server = ServerHarness(prepare: { s in
            s.afterAnalysis = { version in
                guard version == 1, let harness = box.value else { return }
                harness.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                          "contentChanges": [["text": "package p\n"]]])
                Thread.sleep(forTimeInterval: 0.2)  // the server's reader queues it meanwhile
            }
        })
        box.value = server
        _ = server.start()
        open(server, uri)
        let published = server.diagnostics(for: uri)?["params"] as? [String: Any]
        XCTAssertEqual(published?["version"] as? Int, 2, "the first publication is of the newest version")
        XCTAssertEqual((published?["diagnostics"] as? [Any])?.count, 0)
        box.value = nil
        _ = server.finish()
    }

    func testCancelledRequestAndClose() throws {
        let (_, uri) = try project()
        let server = ServerHarness()
        _ = server.start()
        open(server, uri)
        server.sendTogether([
            ["jsonrpc": "2.0", "id": 9, "method": "textDocument/codeAction", "params": ["textDocument": ["uri": uri],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 1, "character": 0]], "context": ["diagnostics": []]]],
            ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 9]],
        ])
        XCTAssertEqual((server.response(9)?["error"] as? [String: Any])?["code"] as? Int, -32800)
        server.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        let cleared = server.wait { m in
            let p = m["params"] as? [String: Any]
            return m["method"] as? String == "textDocument/publishDiagnostics" && (p?["diagnostics"] as? [Any])?.isEmpty == true
        }
        XCTAssertNotNil(cleared, "closing a document clears its findings")
        _ = server.finish()
    }

    /// Half-typed code of every kind: random edits at random places (inside characters, past
    /// the end, across lines, deleting everything, non-ASCII), each followed by a code-action
    /// request. The server keeps answering, and every edit it offers leaves code that parses.
    func testRandomEditsNeverBreakTheServerOrItsEdits() throws {
        let (_, uri) = try project()
        let server = ServerHarness()
        _ = server.start()
        open(server, uri)
        var text = Self.source
        var random = SeededRandom(seed: 1130)
        let pieces = ["", "{", "}", "(", "\"", "`", "defer ", "for {", "func() {", "\n", "中文", "😀", "\t\t", "x := 1\n", "// c\n", "/*"]
        var offered = 0
        for version in 2...120 {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let l1 = Int.random(in: 0...(lines + 1), using: &random), l2 = min(l1 + Int.random(in: 0...2, using: &random), lines + 2)
            let c1 = Int.random(in: 0...40, using: &random), c2 = Int.random(in: 0...40, using: &random)
            let new = version % 29 == 0 ? Self.source : pieces.randomElement(using: &random)!
            let change: [String: Any] = version % 29 == 0 ? ["text": new]
                : ["range": ["start": ["line": l1, "character": c1], "end": ["line": l2, "character": c2]], "text": new]
            server.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [change]])
            var doc = Document(uri: uri, version: version, text: text)
            doc.apply([change], encoding: .utf16)
            text = String(decoding: doc.bytes, as: UTF8.self)
            server.request(1000 + version, "textDocument/codeAction", ["textDocument": ["uri": uri],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 999, "character": 0]], "context": ["diagnostics": []]])
            let actions = try XCTUnwrap(server.response(1000 + version)?["result"] as? [[String: Any]], "version \(version)")
            for action in actions {
                let fixed = apply(edits(of: action, uri: uri), to: text, .utf16)
                XCTAssertTrue(GoParser.parse(name: "a.go", bytes: Array(fixed.utf8)).errors.isEmpty,
                              "an offered edit leaves code that does not parse:\n\(fixed)")
                offered += 1
            }
        }
        XCTAssertGreaterThan(offered, 0, "some versions parse and get fixes")
        server.request(2, "shutdown")
        XCTAssertNotNil(server.response(2))
        server.notify("exit")
        XCTAssertEqual(server.finish(), 0)
    }

    func testSettingsChooseRules() throws {
        let (_, uri) = try project()
        let server = ServerHarness()
        _ = server.start(options: ["deferlab": ["disable": ["exit-skips-defer"]]])
        open(server, uri)
        XCTAssertEqual(((server.diagnostics(for: uri)?["params"] as? [String: Any])?["diagnostics"] as? [Any])?.count, 2)
        server.notify("workspace/didChangeConfiguration", ["settings": ["deferlab": ["disable": ["loop-defer", "no-such-rule"]]]])
        let warning = server.wait { $0["method"] as? String == "window/showMessage" }
        XCTAssertTrue(((warning?["params"] as? [String: Any])?["message"] as? String)?.contains("no-such-rule") == true)
        let after = server.diagnostics(for: uri)?["params"] as? [String: Any]
        XCTAssertEqual((after?["diagnostics"] as? [Any])?.count, 0, "loop-defer is off")
        server.notify("workspace/didChangeConfiguration", ["settings": ["deferlab": ["rules": ["loop-defer"]]]])
        XCTAssertEqual(((server.diagnostics(for: uri)?["params"] as? [String: Any])?["diagnostics"] as? [Any])?.count, 2)
        _ = server.finish()
    }
}
