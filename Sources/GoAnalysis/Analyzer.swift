import Foundation
import Synchronization
import GoSyntax
import LabText

/// How sure a fix is that it changes nothing but what the finding is about (ruff's safe and
/// unsafe fixes, clippy's MachineApplicable and MaybeIncorrect).
public enum Applicability: String, Sendable, Equatable, Codable {
    /// Proven to keep the program's behaviour apart from the finding: `fix -w` applies it.
    case safe
    /// Mechanically correct, but intent or aliasing cannot be proven: applied only when a
    /// person asks for it (`--unsafe-fixes`, an editor's quick fix). `risk` says what may change.
    case unsafe
}

/// A fix: edits on the original bytes of the diagnostic's file (go/analysis.SuggestedFix),
/// in the same coordinates as the diagnostic (byte offsets of that file).
public struct SuggestedFix: Sendable, Equatable {
    public var title: LocalizedText
    public var edits: [TextEdit]
    public var applicability: Applicability
    /// For an unsafe fix: what applying it might change.
    public var risk: LocalizedText?

    public init(title: LocalizedText, edits: [TextEdit], applicability: Applicability = .safe, risk: LocalizedText? = nil) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
        self.risk = risk
    }
}

/// A finding: plain data, as go/analysis.Diagnostic. A finding either carries a fix (safe or
/// unsafe) or says why it declined to fix (or neither, for report-only rules). Its range and
/// its fix's edits are byte offsets in the same file.
public struct Diagnostic: Sendable, Equatable {
    public var rule: String
    /// Index of the file in `Pass.files`.
    public var file: Int
    /// Byte offsets of the flagged code in the file.
    public var start: Int
    public var end: Int
    public var message: LocalizedText
    public var fix: SuggestedFix?
    public var declined: LocalizedText?

    public init(rule: String, file: Int, start: Int, end: Int, message: LocalizedText,
                fix: SuggestedFix? = nil, declined: LocalizedText? = nil) {
        precondition(start <= end, "diagnostic range")
        self.rule = rule
        self.file = file
        self.start = start
        self.end = end
        self.message = message
        self.fix = fix
        self.declined = declined
    }

    /// A finding on the code between two positions of file `file` of `pass`.
    public init(rule: String, pass: Pass, file: Int, from: Pos, to: Pos, message: LocalizedText) {
        self.init(rule: rule, file: file, start: pass.files[file].offset(from), end: pass.files[file].offset(to), message: message)
    }

    /// The fix's applicability, or nil when there is no fix.
    public var applicability: Applicability? { fix?.applicability }
    /// Whether the fix is applied by `fix -w` without `--unsafe-fixes`.
    public var hasSafeFix: Bool { fix?.applicability == .safe }
}

/// One source file of a package under analysis.
///
/// A file may have been parsed as an outline (`GoParser.Depth.declarations`): without the
/// bodies and composite literal values that hold none of the rules' words. `outline` is then
/// that tree, `whole(_:)` gives a declaration whole (parsing the file whole the first time a
/// left-out part is asked for: a rule walking a callee's body), and `file` is the whole tree.
/// Code that looks at every file of a package for its names, imports, types or signatures
/// reads `outline`; a rule walks the declarations that hold its words (`Pass.decls`).
public struct SourceUnit: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public var parsed: ParsedFile
    public var version: LanguageVersion
    /// The whole tree, parsed once when a left-out part is first read (on the reading thread, a
    /// big-stack worker's during analysis).
    private let whole: Lazy<ParsedFile>?
    /// For a file parsed no further than its imports (`GoParser.Depth.imports`: no rule's word
    /// in it), its outline, parsed once when first asked for (by the name resolution, the
    /// type oracle or a rule reading the package's declarations).
    private let declarations: Lazy<ParsedFile>?

    public init(path: String, bytes: [UInt8], parsed: ParsedFile, version: LanguageVersion) {
        self.path = path
        self.bytes = bytes
        self.parsed = parsed
        self.version = version
        let base = parsed.source.base
        let importsOnly = parsed.depth == .imports
        whole = parsed.skippedDecls.isEmpty && !importsOnly ? nil : Lazy {
            SourceUnit.wholeParseCount.withLock { $0 += 1 }
            return GoParser.parseOnCurrentThread(name: path, bytes: bytes, base: base)
        }
        declarations = !importsOnly ? nil : Lazy {
            SourceUnit.declarationParseCount.withLock { $0 += 1 }
            return GoParser.parseOnCurrentThread(name: path, bytes: bytes, base: base, depth: .declarations, comments: false)
        }
        let groups = parsed.hasComments && parsed.skippedDecls.isEmpty && !importsOnly ? parsed.file.comments : nil
        commentList = Lazy { groups.map { $0.flatMap(\.list) } ?? GoParser.comments(in: bytes, base: base) }
    }

    /// The outline's parse: `parsed`, or for a file parsed no further than its imports, its
    /// declarations parsed now (if they have syntax errors, the imports alone: such a file
    /// would have been left out of its package, and no rule can report in it).
    private var outlineParse: ParsedFile {
        guard let declarations, declarations.value.errors.isEmpty else { return parsed }
        return declarations.value
    }

    /// Whether position `p` lies in this file (its end included), without reading its
    /// declarations.
    public func contains(_ p: Pos) -> Bool { parsed.file.fileStart <= p && p <= parsed.file.fileEnd }
    /// The file's imports (known without reading its declarations).
    public var imports: [ImportSpec] { parsed.file.imports }

    /// The whole tree, bodies included.
    public var file: File { whole?.value.file ?? parsed.file }
    /// Every comment of the file, in order: the tree's when it was parsed whole with them, else
    /// read from the file's tokens once (an outline keeps none; only a file with a finding
    /// or a fix needs them).
    public var comments: [Comment] { commentList.value }
    private let commentList: Lazy<[Comment]>
    /// Whether the whole tree has syntax errors that the outline did not show (in a body):
    /// what it says of its functions' bodies is then not to be relied on.
    public var bodiesHaveErrors: Bool { whole.map { !$0.value.errors.isEmpty } ?? false }
    /// The package-level declarations, imports, types and signatures (bodies may be empty).
    public var outline: File { outlineParse.file }
    /// Whether some bodies or literal values were left out when the file was parsed.
    public var isOutline: Bool { whole != nil }
    public var base: Int { parsed.source.base }
    public func offset(_ p: Pos) -> Int { p.raw - base }

    /// Top-level declaration `index` of `outline`, whole: the same declaration of `file` when
    /// it is a function whose body was left out. (Other declarations come from the outline:
    /// the elements of a composite literal without the rules' words are left out there, and
    /// no rule reads them.)
    /// When the whole parse has syntax errors its declarations need not line up with the
    /// outline's (a broken body can swallow the next function): the outline's is kept then.
    public func whole(_ index: Int) -> Decl {
        let d = outline.decls[index]
        guard isOutline, case .func = d, left(index), !bodiesHaveErrors else { return d }
        let decls = file.decls
        guard index < decls.count, decls[index].pos == d.pos else { return d }
        return decls[index]
    }

    /// Whether the outline left something out of top-level declaration `index`.
    func left(_ index: Int) -> Bool {
        let skipped = outlineParse.skippedDecls
        var lo = 0, hi = skipped.count
        while lo < hi {
            let m = (lo + hi) / 2
            if skipped[m] < index { lo = m + 1 } else { hi = m }
        }
        return lo < skipped.count && skipped[lo] == index
    }

    /// The top-level declaration that holds `p`, whole (`whole(_:)`), if any.
    public func decl(holding p: Pos) -> Decl? {
        outline.decls.firstIndex { $0.pos <= p && p < $0.end }.map(whole)
    }

    /// How many outlines were parsed whole since the process started (for tests that prove a
    /// package's other files are not parsed whole when nothing asks for their bodies).
    public static var wholeParses: Int { wholeParseCount.withLock { $0 } }
    private static let wholeParseCount = Mutex(0)
    /// How many files read no further than their imports had their declarations parsed since
    /// the process started (for tests that prove it happens only when something asks).
    public static var declarationParses: Int { declarationParseCount.withLock { $0 } }
    private static let declarationParseCount = Mutex(0)
}

/// What an analyzer sees: the files of one package (sharing one file set) and their names
/// resolved. Resolution is computed on first use: most packages have no defer at all, and
/// rules look at a package's names only once they found a candidate.
public struct Pass: Sendable {
    public var files: [SourceUnit]
    /// Results of the analyzers this one requires, by analyzer name (go/analysis ResultOf).
    public var results: [String: any Sendable] = [:]
    private let cache = Cache()

    public init(files: [SourceUnit]) {
        self.files = files
    }

    public var resolution: Resolution { cache.resolution(files) }

    /// Types as far as the source says (see `TypeOracle`); made on first use.
    public var types: TypeOracle { cache.types(files, resolution) }

    /// The result of a required analyzer.
    public func result<T>(of analyzer: Analyzer, as: T.Type = T.self) -> T {
        guard let r = results[analyzer.name] as? T else {
            preconditionFailure("\(analyzer.name) is not among the analyzer's requirements")
        }
        return r
    }

    /// The top-level declarations of file `i` holding one of `tokens` (keywords or identifiers
    /// as the scanner reads them, not words in comments or strings): rules walk only these.
    /// One scan per file and token set.
    public func decls(_ i: Int, withTokens tokens: Set<String>) -> [Decl] {
        let offsets = tokenOffsets(i, tokens)
        guard !offsets.isEmpty else { return [] }
        let unit = files[i]
        let decls = unit.outline.decls
        return decls.indices.filter { holds(i, offsets, from: decls[$0].pos, to: decls[$0].end) }.map(unit.whole)
    }

    /// The offsets in file `i` of its tokens that are one of `tokens`, in order.
    public func tokenOffsets(_ i: Int, _ tokens: Set<String>) -> [Int] {
        cache.tokenOffsets(i, tokens, files[i])
    }

    /// Whether the code from `from` to `to` in file `i` holds one of `offsets` (sorted); an
    /// invalid position holds everything (it cannot rule anything out).
    public func holds(_ i: Int, _ offsets: [Int], from: Pos, to: Pos) -> Bool {
        guard from.isValid, to.isValid else { return true }
        let lo = files[i].offset(from), hi = files[i].offset(to)
        // The first offset at or after lo must lie before hi.
        var a = 0, b = offsets.count
        while a < b {
            let m = (a + b) / 2
            if offsets[m] < lo { a = m + 1 } else { b = m }
        }
        return a < offsets.count && offsets[a] < hi
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var resolved: Resolution?
        private var oracle: TypeOracle?
        /// Offsets by file and word set (rules ask for the same few sets many times).
        private var tokens: [TokenKey: [Int]] = [:]
        private struct TokenKey: Hashable {
            var file: Int
            var words: Set<String>
        }

        func tokenOffsets(_ i: Int, _ words: Set<String>, _ unit: @autoclosure () -> SourceUnit) -> [Int] {
            let key = TokenKey(file: i, words: words)
            lock.lock()
            if let v = tokens[key] { lock.unlock(); return v }
            lock.unlock()
            // The parser recorded them when it was asked to watch these words; else one scan.
            let unit = unit()
            let v = unit.parsed.watched?.offsets(of: words) ?? FilePrefilter.offsets(of: words, in: unit.bytes)
            lock.lock()
            tokens[key] = v
            lock.unlock()
            return v
        }

        func types(_ files: [SourceUnit], _ resolution: Resolution) -> TypeOracle {
            lock.lock()
            defer { lock.unlock() }
            if let t = oracle { return t }
            let t = TypeOracle(files: files, resolution: resolution)
            oracle = t
            return t
        }

        func resolution(_ files: [SourceUnit]) -> Resolution {
            lock.lock()
            defer { lock.unlock() }
            if let r = resolved { return r }
            let r = Resolution(files)
            resolved = r
            return r
        }
    }

    /// The index of the file position `p` lies in (found without reading declarations).
    public func file(holding p: Pos) -> Int? { files.firstIndex { $0.contains(p) } }

    /// The import path of the package that identifier `id` names, if it names one. Only an
    /// import of the identifier's own file can make a name a package's, so where no import
    /// there has that name the answer is no without resolving the package's names (which
    /// reads every declaration of the package).
    public func packagePath(of id: Ident) -> String? {
        if let i = file(holding: id.pos),
           !files[i].imports.contains(where: { ImportNames.name(of: $0) == id.name }) {
            return nil
        }
        if case .packageName(let path)? = resolution.object(at: id.pos)?.kind { return path }
        return nil
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

/// What an analyzer's run produces: findings, and a value for the analyzers that require it.
public struct AnalyzerOutput: Sendable {
    public var diagnostics: [Diagnostic]
    public var result: (any Sendable)?
    public init(diagnostics: [Diagnostic], result: (any Sendable)? = nil) {
        self.diagnostics = diagnostics
        self.result = result
    }
}

/// An analysis rule as a value: name, documentation, examples, the analyzers whose results
/// it needs (go/analysis Requires), and a run function.
public struct Analyzer: Sendable {
    /// Short kebab-case id used everywhere (`--rules`, SARIF, `explain`, testdata folder).
    public var name: String
    public var title: LocalizedText
    /// What the rule finds, why it matters and what the fix does.
    public var doc: LocalizedText
    /// When its fixes are safe and when they are only offered (README and `explain`).
    public var applicability: LocalizedText?
    /// Lower runs first when fixes of two rules overlap on the same code.
    public var precedence: Int
    public var example: RuleExample?
    /// Analyzers that run first; their results are in `Pass.results` under their names.
    public var requires: [Analyzer]
    /// The tokens a file needs for this analyzer to report in it (the driver's prefilter).
    public var prefilter: FilePrefilter
    public var run: @Sendable (Pass) -> AnalyzerOutput

    public init(name: String, title: LocalizedText, doc: LocalizedText, applicability: LocalizedText? = nil,
                precedence: Int, requires: [Analyzer] = [], prefilter: FilePrefilter = .always,
                example: RuleExample? = nil, run: @escaping @Sendable (Pass) -> AnalyzerOutput) {
        self.name = name
        self.prefilter = prefilter
        self.title = title
        self.doc = doc
        self.applicability = applicability
        self.precedence = precedence
        self.example = example
        self.requires = requires
        self.run = run
    }

    /// An analyzer that only reports.
    public init(name: String, title: LocalizedText, doc: LocalizedText, applicability: LocalizedText? = nil,
                precedence: Int, requires: [Analyzer] = [], prefilter: FilePrefilter = .always,
                example: RuleExample? = nil, diagnose: @escaping @Sendable (Pass) -> [Diagnostic]) {
        self.init(name: name, title: title, doc: doc, applicability: applicability, precedence: precedence,
                  requires: requires, prefilter: prefilter, example: example,
                  run: { AnalyzerOutput(diagnostics: diagnose($0)) })
    }

    /// `analyzers` and everything they require, each once, requirements first.
    public static func closure(_ analyzers: [Analyzer]) -> [Analyzer] {
        var out: [Analyzer] = []
        var seen = Set<String>()
        func visit(_ a: Analyzer) {
            guard !seen.contains(a.name) else { return }
            seen.insert(a.name)
            a.requires.forEach(visit)
            out.append(a)
        }
        analyzers.forEach(visit)
        return out
    }
}
