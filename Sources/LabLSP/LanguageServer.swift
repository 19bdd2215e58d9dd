import Foundation
import GoAnalysis
import LabCommands
import LabText

/// `deferlab lsp`: a language server over standard input and output (JSON-RPC 2.0, LSP 3.17).
/// Findings are published as diagnostics, each fix is a quick fix (safe ones preferred,
/// unsafe ones labelled with what may change), `source.fixAll.deferlab` applies what
/// `deferlab fix -w` would write, and hovering a finding explains its rule.
///
/// One thread reads messages into an inbox; this one handles them in order. A change makes
/// its document due for analysis a short time later (`debounce`), so a burst of typing is
/// analysed once; results are published only when no newer change is already waiting.
public final class LanguageServer {
    public struct Options: Sendable {
        /// `--lang`, which wins over the editor's locale.
        public var languageFlag: String?
        public var environment: [String: String]
        public var version: String
        public var debounce: TimeInterval = 0.02
        public init(languageFlag: String?, environment: [String: String], version: String) {
            self.languageFlag = languageFlag
            self.environment = environment
            self.version = version
        }
    }

    let options: Options
    let writer: MessageWriter
    let reader: MessageReader
    let inbox = Inbox()
    var pending: [[String: Any]] = []
    var documents: [String: Document] = [:]
    var initialized = false
    var shuttingDown = false
    var encoding = PositionEncoding.utf16
    var language: Language
    var rules = RuleSettings()
    var documentChanges = false
    var markdown = false
    /// Called between an analysis and its publication (tests make a change arrive there).
    var afterAnalysis: ((Int) -> Void)?

    public init(options: Options, input: Int32 = 0, output: Int32 = 1) {
        self.options = options
        reader = MessageReader(fd: input)
        writer = MessageWriter(fd: output)
        language = (try? Language.resolve(flag: options.languageFlag, environment: options.environment)) ?? .en
    }

    /// Serves until `exit` or the end of input; returns the process's exit status (0 after
    /// `shutdown`, 1 otherwise, as the protocol asks).
    public func run() -> Int32 {
        let reader = self.reader, inbox = self.inbox
        let thread = Thread {
            // Messages that arrive together are queued together, so a request and the
            // cancellation right behind it are seen at once.
            while true {
                switch reader.next() {
                case .end:
                    inbox.close()
                    return
                case .malformed:
                    continue
                case .message(let first):
                    var batch = [first]
                    while let more = reader.buffered() {
                        if case .message(let data) = more { batch.append(data) }
                    }
                    inbox.push(batch)
                }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
        while true {
            takeWaiting()
            if !pending.isEmpty {
                let message = pending.removeFirst()
                if let status = handle(message) { return status }
                continue
            }
            if let uri = dueDocument() {
                analyzeAndPublish(uri)
                continue
            }
            if inbox.wait(until: nextDue()) { return shuttingDown ? 0 : 1 }
        }
    }

    // MARK: - Messages

    /// Moves what the reader has queued into `pending`, answering unparseable messages.
    func takeWaiting() {
        for data in inbox.drain() {
            guard let message = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                respond(id: NSNull(), error: (-32700, "parse error: not a JSON object"))
                continue
            }
            pending.append(message)
        }
    }

    /// Handles one message; a status when the server should stop.
    func handle(_ message: [String: Any]) -> Int32? {
        guard let method = message["method"] as? String else { return nil }  // a response to us: none expected
        let params = message["params"] as? [String: Any] ?? [:]
        guard let id = message["id"] else {
            return notification(method, params)
        }
        if let cancel = waitingCancel(of: id) {
            pending.remove(at: cancel)
            respond(id: id, error: (-32800, "request cancelled"))
            return nil
        }
        if !initialized && method != "initialize" {
            respond(id: id, error: (-32002, "the server is not initialized"))
            return nil
        }
        if shuttingDown {
            respond(id: id, error: (-32600, "the server is shutting down"))
            return nil
        }
        switch method {
        case "initialize": respond(id: id, result: initialize(params))
        case "shutdown":
            shuttingDown = true
            respond(id: id, result: NSNull())
        case "textDocument/codeAction": respond(id: id, result: codeActions(params))
        case "textDocument/hover": respond(id: id, result: hover(params))
        default: respond(id: id, error: (-32601, "method not found: \(method)"))
        }
        return nil
    }

    func notification(_ method: String, _ params: [String: Any]) -> Int32? {
        if method == "exit" { return shuttingDown ? 0 : 1 }
        guard initialized, !shuttingDown else { return nil }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String else { return nil }
            var doc = Document(uri: uri, version: item["version"] as? Int ?? 0, text: item["text"] as? String ?? "")
            doc.due = Date()
            documents[uri] = doc
        case "textDocument/didChange":
            guard let id = params["textDocument"] as? [String: Any], let uri = id["uri"] as? String,
                  var doc = documents[uri] else { return nil }
            doc.apply(params["contentChanges"] as? [[String: Any]] ?? [], encoding: encoding)
            doc.version = id["version"] as? Int ?? doc.version + 1
            doc.due = Date().addingTimeInterval(options.debounce)
            documents[uri] = doc
        case "textDocument/didSave":
            // Other files of the package may have changed on disk: look again.
            for uri in Array(documents.keys) where documents[uri]?.due == nil { documents[uri]?.due = Date() }
        case "textDocument/didClose":
            guard let id = params["textDocument"] as? [String: Any], let uri = id["uri"] as? String else { return nil }
            documents[uri] = nil
            publish(uri, version: nil, diagnostics: [])
        case "workspace/didChangeConfiguration":
            configure(params["settings"])
            for uri in Array(documents.keys) { documents[uri]?.due = Date() }
        default:
            break  // initialized, $/setTrace, $/cancelRequest for a request already answered…
        }
        return nil
    }

    /// Where a `$/cancelRequest` for `id` waits behind it, if one does.
    func waitingCancel(of id: Any) -> Int? {
        takeWaiting()
        return pending.firstIndex { m in
            (m["method"] as? String) == "$/cancelRequest" && ((m["params"] as? [String: Any])?["id"]).map { "\($0)" == "\(id)" } == true
        }
    }

    func respond(id: Any, result: Any) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    func respond(id: Any, error: (code: Int, message: String)) {
        send(["jsonrpc": "2.0", "id": id, "error": ["code": error.code, "message": error.message]])
    }

    func send(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return }
        writer.send(data)
    }

    // MARK: - Initialization and settings

    func initialize(_ params: [String: Any]) -> [String: Any] {
        initialized = true
        let capabilities = params["capabilities"] as? [String: Any] ?? [:]
        let general = capabilities["general"] as? [String: Any] ?? [:]
        let offered = general["positionEncodings"] as? [String] ?? []
        // Our offsets are bytes: UTF-8 when the client can, else the protocol's default.
        encoding = offered.contains("utf-8") ? .utf8 : .utf16
        language = (try? Language.resolve(flag: options.languageFlag, editorLocale: params["locale"] as? String,
                                          environment: options.environment)) ?? language
        let workspace = capabilities["workspace"] as? [String: Any] ?? [:]
        documentChanges = (workspace["workspaceEdit"] as? [String: Any])?["documentChanges"] as? Bool ?? false
        let hover = (capabilities["textDocument"] as? [String: Any])?["hover"] as? [String: Any]
        markdown = (hover?["contentFormat"] as? [String])?.contains("markdown") ?? false
        configure(params["initializationOptions"])
        return [
            "capabilities": [
                "positionEncoding": encoding.rawValue,
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix", Self.fixAllKind], "resolveProvider": false],
                "hoverProvider": true,
            ] as [String: Any],
            "serverInfo": ["name": "deferlab", "version": options.version],
        ]
    }

    static let fixAllKind = "source.fixAll.deferlab"

    /// `{"deferlab": {"rules": [...], "disable": [...]}}` (or the inner object alone), as
    /// `deferlab fix --rules/--disable`. Unknown rule names are shown to the user and ignored.
    func configure(_ settings: Any?) {
        guard var object = settings as? [String: Any] else { return }
        if let inner = object["deferlab"] as? [String: Any] { object = inner }
        var next = RuleSettings()
        next.only = (object["rules"] as? [String]).map(Set.init)
        next.disabled = Set(object["disable"] as? [String] ?? [])
        let unknown = next.only.map { $0.union(next.disabled) } ?? next.disabled
        let known = Set(FixRun.allRules.map(\.name))
        let bad = unknown.subtracting(known).sorted()
        if !bad.isEmpty {
            let texts = Catalog(language)
            let detail = bad.map { texts(.unknownRule, $0) }.joined(separator: "; ")
            send(["jsonrpc": "2.0", "method": "window/showMessage",
                  "params": ["type": 2, "message": texts(.lspRulesChanged, detail)]])
        }
        next.only = next.only?.intersection(known)
        next.disabled = next.disabled.intersection(known)
        rules = next
    }

    // MARK: - Analysis

    func dueDocument() -> String? {
        let now = Date()
        return documents.filter { $0.value.due.map { $0 <= now } ?? false }.min { $0.value.due! < $1.value.due! }?.key
    }

    func nextDue() -> Date? { documents.values.compactMap(\.due).min() }

    var openTexts: [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for doc in documents.values { if let p = doc.path { out[p] = doc.bytes } }
        return out
    }

    /// Analyses the document's current text and keeps the result.
    @discardableResult
    func analyze(_ uri: String) -> Snapshot? {
        guard var doc = documents[uri] else { return nil }
        let outcome = DocumentAnalysis(analyzers: rules.analyzers).run(doc, open: openTexts, fixes: .none)
        let snapshot = Snapshot(version: doc.version, map: LineMap(doc.bytes), diagnostics: outcome.diagnostics,
                                syntaxErrors: outcome.syntaxErrors, fixed: nil)
        doc.snapshot = snapshot
        doc.due = nil
        documents[uri] = doc
        return snapshot
    }

    /// Analyses a due document and publishes its findings, unless a newer change of it is
    /// already waiting (then that change makes it due again).
    func analyzeAndPublish(_ uri: String) {
        guard let snapshot = analyze(uri) else { return }
        afterAnalysis?(snapshot.version)
        takeWaiting()
        let superseded = pending.contains { m in
            let method = m["method"] as? String
            guard method == "textDocument/didChange" || method == "textDocument/didClose" else { return false }
            return ((m["params"] as? [String: Any])?["textDocument"] as? [String: Any])?["uri"] as? String == uri
        }
        if superseded { return }
        publish(uri, version: snapshot.version, diagnostics: diagnostics(snapshot))
    }

    /// The snapshot of the document's current version, analysing now if needed.
    func current(_ uri: String) -> Snapshot? {
        guard let doc = documents[uri] else { return nil }
        if let s = doc.snapshot, s.version == doc.version, doc.due == nil { return s }
        guard let s = analyze(uri) else { return nil }
        publish(uri, version: s.version, diagnostics: diagnostics(s))
        return s
    }

    func publish(_ uri: String, version: Int?, diagnostics: [[String: Any]]) {
        var params: [String: Any] = ["uri": uri, "diagnostics": diagnostics]
        if let version { params["version"] = version }
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": params])
    }
}

/// Which rules run: `rules` (only these) and `disable`, as on the command line.
struct RuleSettings {
    var only: Set<String>?
    var disabled: Set<String> = []

    var analyzers: [Analyzer] {
        FixRun.allRules.filter { a in (only?.contains(a.name) ?? true) && !disabled.contains(a.name) }
    }
}
