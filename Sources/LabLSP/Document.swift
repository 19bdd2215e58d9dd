import Foundation
import GoAnalysis
import GoSyntax

/// An open document: the editor's text, not the file on disk.
struct Document {
    var uri: String
    /// The file the URI names, when it is a `file:` URI.
    var path: String?
    var version: Int
    var bytes: [UInt8]
    /// The newest analysis, possibly of an older version.
    var snapshot: Snapshot?
    /// When the pending analysis of a changed text is due (changes in a burst move it on).
    var due: Date?

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        path = Document.path(ofURI: uri)
        self.version = version
        bytes = Array(text.utf8)
    }

    /// Applies `textDocument/didChange` content changes in order: a change with a range
    /// replaces that range (in the negotiated encoding), one without replaces everything.
    mutating func apply(_ changes: [[String: Any]], encoding: PositionEncoding) {
        for change in changes {
            let text = Array((change["text"] as? String ?? "").utf8)
            guard let range = change["range"] as? [String: Any], let (start, end) = LSPRange.offsets(range, in: LineMap(bytes), encoding) else {
                bytes = text
                continue
            }
            bytes.replaceSubrange(start..<max(start, end), with: text)
        }
    }

    /// The path of a `file:` URI, percent-decoded; nil for other schemes (`untitled:`).
    static func path(ofURI uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        // file://host/path: only the local host is ours.
        if !rest.hasPrefix("/") {
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash] == "localhost" else { return nil }
            rest = rest[slash...]
        }
        return String(rest).removingPercentEncoding
    }
}

/// LSP ranges and positions as byte offsets and back.
enum LSPRange {
    static func offsets(_ range: [String: Any], in map: LineMap, _ encoding: PositionEncoding) -> (Int, Int)? {
        guard let s = range["start"] as? [String: Any], let e = range["end"] as? [String: Any],
              let start = offset(s, in: map, encoding), let end = offset(e, in: map, encoding) else { return nil }
        return (min(start, end), max(start, end))
    }

    static func offset(_ position: [String: Any], in map: LineMap, _ encoding: PositionEncoding) -> Int? {
        guard let line = position["line"] as? Int, let character = position["character"] as? Int else { return nil }
        return map.offset(line: line, character: character, encoding)
    }

    static func range(_ start: Int, _ end: Int, in map: LineMap, _ encoding: PositionEncoding) -> [String: Any] {
        let s = map.position(ofOffset: start, encoding), e = map.position(ofOffset: end, encoding)
        return ["start": ["line": s.line, "character": s.character], "end": ["line": e.line, "character": e.character]]
    }
}

/// What one analysis of one version of a document found.
struct Snapshot {
    var version: Int
    var map: LineMap
    var diagnostics: [Diagnostic]
    var syntaxErrors: [SyntaxError]
    /// The document after every safe fix, rounds included (what `deferlab fix -w` writes);
    /// computed when a fix-all is asked for. Nil inside: nothing to fix.
    var fixed: [UInt8]??
}

/// The analysis of a document with the rest of its package: the other `.go` files of its
/// folder, from the editor when they are open there and from disk otherwise, so the findings
/// and fixes are those of `deferlab fix` on the folder.
struct DocumentAnalysis {
    var analyzers: [Analyzer]

    func run(_ doc: Document, open: [String: [UInt8]], fixes: FixPolicy) -> FileOutcome {
        let name = doc.path ?? (doc.uri.split(separator: "/").last.map(String.init) ?? "untitled.go")
        var sources: [(path: String, bytes: [UInt8])] = [(name, doc.bytes)]
        if let path = doc.path {
            let dir = (path as NSString).deletingLastPathComponent
            for sibling in Self.goFiles(in: dir) where sibling != path {
                if let text = open[sibling] {
                    sources.append((sibling, text))
                } else if case .success(let bytes) = FileReader.read(sibling) {
                    sources.append((sibling, bytes))
                }
            }
        }
        var driver = Driver(analyzers: analyzers)
        // A fresh resolver each time: go.mod may have changed since the last analysis.
        driver.versions = LanguageVersionResolver()
        driver.fixes = fixes
        return driver.analyze(sources)[0]
    }

    /// The Go files of a folder, as `deferlab fix` reads them (no hidden files).
    static func goFiles(in dir: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        return names.filter { $0.hasSuffix(".go") && !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }.filter { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
        }
    }
}
