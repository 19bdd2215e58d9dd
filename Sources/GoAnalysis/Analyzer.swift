import Foundation
import GoSyntax

/// Text in both languages. Analyzers carry their own zh/en text next to their logic.
public struct LocalizedText: Sendable, Equatable, Codable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
    public func text(chinese: Bool) -> String { chinese ? zh : en }
}

/// A fix: edits on the original bytes of one file (go/analysis.SuggestedFix).
public struct SuggestedFix: Sendable, Equatable {
    public var title: LocalizedText
    public var edits: [TextEdit]
    public init(title: LocalizedText, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }
}

/// A finding: plain data, as go/analysis.Diagnostic. A finding either carries a fix or
/// says why it declined to fix (or neither, for report-only rules).
public struct Diagnostic: Sendable, Equatable {
    public var rule: String
    /// Index of the file in `Pass.files`.
    public var file: Int
    public var pos: Pos
    public var end: Pos
    public var message: LocalizedText
    public var fix: SuggestedFix?
    public var declined: LocalizedText?

    public init(rule: String, file: Int, pos: Pos, end: Pos, message: LocalizedText,
                fix: SuggestedFix? = nil, declined: LocalizedText? = nil) {
        self.rule = rule
        self.file = file
        self.pos = pos
        self.end = end
        self.message = message
        self.fix = fix
        self.declined = declined
    }
}

/// One source file of a package under analysis.
public struct SourceUnit: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var parsed: ParsedFile
    public var version: LanguageVersion

    public var file: File { parsed.file }
    public var base: Int { parsed.source.base }
    public func offset(_ p: Pos) -> Int { p.raw - base }
}

/// What an analyzer sees: the files of one package (sharing one file set) and their names
/// resolved. Resolution is computed on first use: most packages have no defer at all, and
/// rules look at a package's names only once they found a candidate.
public struct Pass: Sendable {
    public var files: [SourceUnit]
    private let cache = Cache()

    public init(files: [SourceUnit]) {
        self.files = files
    }

    public var resolution: Resolution { cache.resolution(files) }

    /// Whether file `i` contains `word` anywhere in its bytes (a cheap filter before a walk).
    public func file(_ i: Int, mentions word: String) -> Bool {
        cache.mentions(i, word, files[i].bytes)
    }

    /// The top-level declarations of file `i` whose source contains one of `words`: rules
    /// that need a `defer` walk only these (a byte search is much cheaper than a walk).
    public func decls(_ i: Int, mentioning words: [String]) -> [Decl] {
        guard words.contains(where: { file(i, mentions: $0) }) else { return [] }
        let unit = files[i]
        let needles = words.map { Array($0.utf8) }
        return unit.file.decls.filter { d in
            let lo = max(0, unit.offset(d.pos)), hi = min(unit.bytes.count, max(lo, unit.offset(d.end)))
            return needles.contains { ByteSearch.contains(unit.bytes, $0, in: lo..<hi) }
        }
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var resolved: Resolution?
        private var found: [String: Bool] = [:]

        func resolution(_ files: [SourceUnit]) -> Resolution {
            lock.lock()
            defer { lock.unlock() }
            if let r = resolved { return r }
            let r = Resolution.resolve(files.map(\.file))
            resolved = r
            return r
        }

        func mentions(_ i: Int, _ word: String, _ bytes: [UInt8]) -> Bool {
            let key = "\(i)\u{0}\(word)"
            lock.lock()
            if let v = found[key] { lock.unlock(); return v }
            lock.unlock()
            let v = ByteSearch.contains(bytes, Array(word.utf8))
            lock.lock()
            found[key] = v
            lock.unlock()
            return v
        }
    }

    /// The source text of a byte range of file `i`.
    public func text(_ i: Int, _ from: Pos, _ to: Pos) -> String {
        let f = files[i]
        return String(decoding: f.bytes[f.offset(from)..<f.offset(to)], as: UTF8.self)
    }

    public func position(_ i: Int, _ p: Pos) -> Position { files[i].parsed.source.position(p) }
}

/// A rule's own example: code it reports and, for rules with a fix, what the fix makes of it.
/// `deferlab explain` shows it and the rule tests check it, so the two cannot drift.
public struct RuleExample: Sendable {
    public var bad: String
    public var fixed: String?
    public init(bad: String, fixed: String?) {
        self.bad = bad
        self.fixed = fixed
    }
}

/// An analysis rule as a value: name, documentation, examples and a run function.
public struct Analyzer: Sendable {
    /// Short kebab-case id used everywhere (`--rules`, SARIF, `explain`, testdata folder).
    public var name: String
    public var title: LocalizedText
    /// What the rule finds, why it matters and what the fix does.
    public var doc: LocalizedText
    /// Lower runs first when fixes of two rules overlap on the same code.
    public var precedence: Int
    public var example: RuleExample?
    public var run: @Sendable (Pass) -> [Diagnostic]

    public init(name: String, title: LocalizedText, doc: LocalizedText, precedence: Int,
                example: RuleExample? = nil, run: @escaping @Sendable (Pass) -> [Diagnostic]) {
        self.name = name
        self.title = title
        self.doc = doc
        self.precedence = precedence
        self.example = example
        self.run = run
    }
}

/// Substring search over bytes (first-byte scan, then compare).
public enum ByteSearch {
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        contains(haystack, needle, in: 0..<haystack.count)
    }

    public static func contains(_ haystack: [UInt8], _ needle: [UInt8], in range: Range<Int>) -> Bool {
        guard let first = needle.first, range.count >= needle.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { h in
            let n = needle.count
            var i = range.lowerBound
            let last = range.upperBound - n
            while i <= last {
                if h[i] == first {
                    var k = 1
                    while k < n && h[i + k] == needle[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
