import Foundation
import GoSyntax
import LabText

/// One input file's outcome.
public struct FileOutcome: Sendable {
    public enum Problem: Sendable, Equatable {
        case missing, notFileOrDirectory, isDirectory
        case unreadable(String)
    }
    public var path: String
    /// The file's bytes (a run keeps only the outcomes the output needs, see
    /// `AnalysisReport.files`, so it holds no copy of a large tree's sources).
    public var bytes: [UInt8] = []
    /// Size in bytes and number of lines (as `wc -l`, plus an unterminated last line; 0
    /// unless the driver `countsLines`).
    public var size = 0
    public var lineCount = 0
    /// Syntax errors (byte offsets and messages); such a file is never analysed or fixed.
    public var syntaxErrors: [SyntaxError] = []
    public var problem: Problem?
    /// Findings, sorted by position.
    public var diagnostics: [Diagnostic] = []
    /// The file's source info, for positions.
    public var source: SourceFile?
    /// The fixed text when fixes were applied (nil: unchanged or not asked).
    public var fixed: [UInt8]?

    public func position(_ p: Pos) -> Position? { source?.position(p) }
    /// The line and column of a byte offset of this file.
    public func position(ofOffset offset: Int) -> Position? { source?.position(ofOffset: offset) }

    /// Syntax errors as `path:line:col: message`, the form gofmt prints.
    public var syntaxErrorLines: [String] {
        syntaxErrors.map { e in "\(position(ofOffset: e.offset).map(\.description) ?? path): \(e.message)" }
    }
}

extension FileOutcome.Problem {
    /// What went wrong with `path`, in `language`.
    public func message(_ path: String, _ language: Language) -> String {
        let texts = Catalog(language)
        switch self {
        case .missing: return texts(.noSuchPath, path)
        case .notFileOrDirectory: return texts(.notFileOrDirectory, path)
        case .isDirectory: return texts(.isDirectory, path)
        case .unreadable(let why): return texts(.cannotRead, path, why)
        }
    }
}

/// What a run read, counted file by file: the totals `--stats` prints, which stay right when
/// the outcomes of files with nothing to say are not kept.
public struct FileTally: Sendable, Equatable {
    /// Files read (a path that could not be is not counted).
    public var files = 0
    public var bytes = 0
    /// Lines, when the driver `countsLines`.
    public var lines = 0

    public init() {}

    public mutating func add(_ o: FileOutcome) {
        guard o.problem == nil else { return }
        files += 1
        bytes += o.size
        lines += o.lineCount
    }

    public mutating func add(_ other: FileTally) {
        files += other.files
        bytes += other.bytes
        lines += other.lines
    }
}

/// The result of analysing a set of paths.
public struct AnalysisReport: Sendable {
    /// The outcomes, sorted by path: from `Driver.run`, only those with something to say (a
    /// problem with the path, syntax errors, findings or a fix; every file's with
    /// `Driver.keepsSources`). The others are only counted in `tally`, so what a run over a
    /// large tree holds does not grow with its number of files.
    public var files: [FileOutcome]
    /// Every file read, whether its outcome is in `files` or not.
    public var tally: FileTally
    public var wallSeconds: Double
    /// A report of all of `files` (an in-memory run keeps every outcome).
    public init(files: [FileOutcome], wallSeconds: Double) {
        var tally = FileTally()
        files.forEach { tally.add($0) }
        self.init(files: files, tally: tally, wallSeconds: wallSeconds)
    }
    public init(files: [FileOutcome], tally: FileTally, wallSeconds: Double) {
        self.files = files
        self.tally = tally
        self.wallSeconds = wallSeconds
    }
    public var totalBytes: Int { tally.bytes }
    public var findings: Int { files.reduce(0) { $0 + $1.diagnostics.count } }
}

/// Which fixes the driver applies.
public enum FixPolicy: Sendable, Equatable {
    /// Report only.
    case none
    /// Safe fixes (`fix -w`).
    case safe
    /// Safe and unsafe fixes (`fix -w --unsafe-fixes`).
    case safeAndUnsafe

    public func allows(_ fix: SuggestedFix) -> Bool {
        switch self {
        case .none: return false
        case .safe: return fix.applicability == .safe
        case .safeAndUnsafe: return true
        }
    }
}

/// The analysis driver: finds files (go command rules), parses them in parallel, groups them
/// into packages (folder + package name), resolves names, runs analyzers, filters
/// `//deferlab:ignore` findings, and optionally applies fixes until nothing changes.
public struct Driver: Sendable {
    /// The analyzers whose findings are reported, in precedence order.
    public var analyzers: [Analyzer]
    public var versions = LanguageVersionResolver()
    /// Which fixes to apply (in memory) until no more apply; results land in `FileOutcome.fixed`.
    public var fixes: FixPolicy = .none
    public var maxFixRounds = 8
    /// Skip the analysis of folders in which no reported analyzer can report (see
    /// `FilePrefilter`); off only to prove that it loses nothing.
    public var prefilter = true
    /// Folder by folder within `treeBudget` (on), or every file read, parsed and analysed at
    /// once (off: the reference a test compares the streamed run with; memory grows with the tree).
    public var streaming = true
    /// How many source bytes of folders the workers may hold at once (the whole trees of a
    /// folder take some twenty times their bytes, outlines far less). Beside a large folder,
    /// small ones may add a quarter of the budget (see `budgetedMap`). Measured on GOROOT/src
    /// and four copies of it: max RSS 101 → 112 MB with 8 MB against 110 → 140 MB with 14 MB,
    /// in the same wall time.
    public var treeBudget = 8 << 20
    /// Whether each outcome counts its file's lines (`FileOutcome.lineCount`, for `deferlab
    /// parse --stats`): a line table for every file, which a run that reports none skips.
    public var countsLines = false
    /// Whether every file's outcome keeps its bytes and stays in the report (`fix -p` prints a
    /// file with nothing to fix as it is); otherwise only the outcomes with something to say
    /// are kept (see `AnalysisReport.files`).
    public var keepsSources = false

    public init(analyzers: [Analyzer]) {
        self.analyzers = analyzers.sorted { $0.precedence < $1.precedence }
    }

    /// Analyses files and directories (`./...` works; no path means `./...`). `walk` chooses
    /// which files a directory holds: the go command's (default) or gofmt's (`deferlab parse`,
    /// which runs no analyzer and so only reads and parses).
    public func run(paths: [String], walk: SourceWalker.Mode = .goCommand) -> AnalysisReport {
        let start = Date()
        var problems: [FileOutcome] = []
        var folders: [String: [(path: String, size: Int)]] = [:]
        var folderOrder: [String] = []
        // Files named as arguments (not found by a walk) are always read whole.
        var namedFiles = Set<String>()
        for item in SourceWalker.expand(paths.isEmpty ? ["./..."] : paths, mode: walk) {
            switch item {
            case .missing(let p): problems.append(FileOutcome(path: p, problem: .missing))
            case .notFileOrDirectory(let p): problems.append(FileOutcome(path: p, problem: .notFileOrDirectory))
            case .unreadableDirectory(let p, let e): problems.append(FileOutcome(path: p, problem: .unreadable(FileReader.describe(e))))
            case .file(let p, let size):
                let dir = SourceWalker.folder(of: p)
                if folders[dir] == nil { folderOrder.append(dir) }
                folders[dir, default: []].append((p, size))
                if paths.contains(p) { namedFiles.insert(p) }
            }
        }
        let named = namedFiles
        // A package never spans folders: each folder is read, parsed, analysed and released on
        // one worker. Files are parsed as outlines (the prefilter): without the bodies and
        // literal values that hold none of the rules' words; a folder without any of those
        // words only reports its syntax errors, and every folder of a syntax check is parsed
        // whole one file at a time. The trees of a folder under analysis are held together,
        // within a budget shared by the workers, and a worker keeps of its files only the
        // outcomes with something to say. So memory depends on the largest folder and the
        // budget, not on the size of the tree.
        // Largest folders first, so no worker is left with a big one at the end.
        let work = folderOrder.map { folders.removeValue(forKey: $0)! }
            .map { files in (paths: files.map(\.path), bytes: files.reduce(0) { $0 + $1.size }) }
            .sorted { $0.bytes > $1.bytes }
        let done = streaming
            ? Driver.budgetedMap(work.map(\.paths), costs: work.map(\.bytes),
                                 budget: analyzers.isEmpty ? Driver.syntaxCheckBudget : treeBudget,
                                 oneWorkerAbove: analyzers.isEmpty ? Int.max : Driver.oneWorkerAbove) { files in
                self.processFolder(files, named: named)
            }
            : [batch(work.flatMap(\.paths), named: named)]
        var outcomes = problems
        var tally = FileTally()
        for kept in done {
            outcomes += kept.outcomes
            tally.add(kept.tally)
        }
        outcomes.sort { $0.path < $1.path }
        return AnalysisReport(files: outcomes, tally: tally, wallSeconds: Date().timeIntervalSince(start))
    }

    /// The outcomes a worker keeps of the files it read (those with something to say, or all
    /// with `keepsSources`), and the count of every file it read.
    struct Kept: Sendable {
        var outcomes: [FileOutcome] = []
        var tally = FileTally()
    }

    /// Every file read first, then parsed and analysed together: the reference the streamed
    /// run must equal (`streaming` off).
    func batch(_ files: [String], named: Set<String> = []) -> Kept {
        let (sources, failed) = readAll(files)
        let parsed = parseAll(sources, parallel: true, outlines: true, named: named)
        var k = Kept(outcomes: failed)
        for (o, source) in zip(analyze(parsed, parallel: true), sources) { keep(o, source.bytes, in: &k) }
        return k
    }

    /// The prefilter of the reported analyzers (nil: off, every folder is analysed).
    var filter: FilePrefilter? {
        prefilter ? FilePrefilter.union(analyzers.map(\.prefilter)) : nil
    }

    /// The words the parser records token offsets of, for the rules' token walks: those of the
    /// prefilter (none when it is off: the rules then scan for their words themselves).
    var watch: Set<String> {
        prefilter ? FilePrefilter.union(Analyzer.closure(analyzers).map(\.prefilter)).tokens ?? [] : []
    }

    /// Reads, parses and analyses the files of one folder on the calling (big-stack) thread,
    /// and keeps of each only what the output needs.
    func processFolder(_ files: [String], named: Set<String> = []) -> Kept {
        // A syntax check needs one tree at a time: read, parse, keep what the output needs.
        if analyzers.isEmpty {
            var k = Kept()
            for path in files {
                switch read(path) {
                case .success(let b): keep(syntaxOnly((path, b)), b, in: &k)
                case .failure(let problem): k.outcomes.append(problem.outcome)
                }
            }
            return k
        }
        let (sources, failed) = readAll(files)
        // Files are outlines (see `parse`). When no file of the folder holds a reported rule's
        // word, only their syntax (as far as an outline reads it) is reported; no packages,
        // no rules.
        let parsed = parseAll(sources, parallel: false, outlines: true, named: named)
        let words = filter?.tokens ?? []
        let analysed = analyze(parsed, parallel: false, syntaxOnly: !parsed.contains { Driver.holds($0.parsed, words) })
        var k = Kept(outcomes: failed)
        for (o, source) in zip(analysed, sources) { keep(o, source.bytes, in: &k) }
        return k
    }

    /// The files read, and the outcomes of those that could not be.
    private func readAll(_ files: [String]) -> (sources: [(path: String, bytes: [UInt8])], failed: [FileOutcome]) {
        var sources: [(path: String, bytes: [UInt8])] = []
        var failed: [FileOutcome] = []
        for path in files {
            switch read(path) {
            case .success(let b): sources.append((path, b))
            case .failure(let problem): failed.append(problem.outcome)
            }
        }
        return (sources, failed)
    }

    /// Counts a file read (its size, and its lines with `countsLines`) and keeps its outcome
    /// when it has something to say: syntax errors, findings or a fix (every one with
    /// `keepsSources`). So a run over a large tree keeps no copy of its sources.
    private func keep(_ outcome: FileOutcome, _ bytes: [UInt8], in k: inout Kept) {
        var o = outcome
        o.size = bytes.count
        if countsLines {
            // The parser's line table counts them (unless a fix changed the file).
            if let source = o.source, o.fixed == nil, source.size == bytes.count {
                o.lineCount = bytes.isEmpty ? 0 : source.lineCount
            } else {
                o.lineCount = Driver.lineCount(bytes)
            }
        }
        k.tally.add(o)
        if keepsSources || !o.diagnostics.isEmpty || !o.syntaxErrors.isEmpty || o.fixed != nil { k.outcomes.append(o) }
    }

    /// A syntax check holds one file per worker at a time, and of its tree only the
    /// declarations (`GoParser.Depth.syntax`); its folders are scheduled within 14 MB of source
    /// (four copies of GOROOT/src: 42-43 MB max RSS, one copy 36-37 MB).
    static let syntaxCheckBudget = 14 << 20

    /// Folders of more source than this are analysed by one worker only (the first to take
    /// one). glibc keeps what a thread freed in that thread's arena, so every worker that
    /// ever held a large folder would keep an arena that large: four copies of GOROOT/src
    /// took 108 or 130 MB from run to run as the copies of its largest folders fell on one
    /// worker or on both. Giving the memory back instead (malloc_trim after each such
    /// folder) kept 102 MB but cost 6-10% of `fix`'s CPU in page faults.
    static let oneWorkerAbove = 4 << 20
}

extension Driver {

    private func read(_ path: String) -> Result<[UInt8], ReadProblem> {
        switch FileReader.read(path) {
        case .success(let b): return .success(b)
        case .failure(.isDirectory): return .failure(ReadProblem(outcome: FileOutcome(path: path, problem: .isDirectory)))
        case .failure(.errno(let e)):
            return .failure(ReadProblem(outcome: FileOutcome(path: path, problem: .unreadable(FileReader.describe(e)))))
        }
    }

    private struct ReadProblem: Error { var outcome: FileOutcome }

    /// A file's outcome when no rule can report in it: its syntax errors.
    private func syntaxOnly(_ source: (path: String, bytes: [UInt8])) -> FileOutcome {
        let parsed = GoParser.parseOnCurrentThread(name: source.path, bytes: source.bytes, base: 1, depth: .syntax, comments: false)
        var o = FileOutcome(path: source.path, bytes: source.bytes)
        o.syntaxErrors = parsed.errors
        o.source = parsed.source
        return o
    }

    /// Lines as `wc -l` plus an unterminated last line: the line table's count.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.isEmpty ? 0 : bytes.withUnsafeBufferPointer { SourceFile.lineStarts(of: $0).count }
    }

    /// Analyses in-memory sources (e.g. stdin for `fix -p -`); results in input order. With
    /// `parallel`, files and packages are spread over the cores; without, everything runs on
    /// the calling thread, which must have a big stack (a driver worker).
    ///
    /// With `outlines` (and the prefilter on), a file in which no rule can report is parsed
    /// without its functions' bodies (`GoParser.Depth.declarations`): the rules read only its
    /// declarations, and a body they ask for (a callee's) is parsed then (`SourceUnit.file`).
    public func analyze(_ sources: [(path: String, bytes: [UInt8])], parallel: Bool = true,
                        outlines: Bool = false) -> [FileOutcome] {
        analyze(parseAll(sources, parallel: parallel, outlines: outlines), parallel: parallel)
    }

    /// Analyses parsed files (`syntaxOnly`: only their syntax errors are reported).
    func analyze(_ parsed: [ParsedSource], parallel: Bool, syntaxOnly: Bool = false) -> [FileOutcome] {
        var outcomes = parsed.map { p -> FileOutcome in
            var o = FileOutcome(path: p.path, bytes: p.bytes)
            o.syntaxErrors = p.parsed.errors
            o.source = p.parsed.source
            o.size = p.bytes.count
            return o
        }
        // Nothing to analyse (a syntax check): no packages, no name resolution.
        if analyzers.isEmpty || syntaxOnly { return outcomes }
        // Packages: folder + package name; files with syntax errors are left out.
        var groups: [String: [Int]] = [:]
        for (i, p) in parsed.enumerated() where p.parsed.errors.isEmpty {
            let dir = SourceWalker.folder(of: p.path)
            groups[dir + "\u{0}" + p.parsed.file.name.name, default: []].append(i)
        }
        let packages = groups.keys.sorted().map { groups[$0]! }
        let results = parallel ? Driver.parallelMap(packages) { members in self.analyzePackage(members.map { parsed[$0] }) }
            : packages.map { members in analyzePackage(members.map { parsed[$0] }) }
        for (k, members) in packages.enumerated() {
            for (j, i) in members.enumerated() { outcomes[i] = results[k][j] }
        }
        return outcomes
    }

    struct ParsedSource: Sendable {
        var path: String
        var bytes: [UInt8]
        var parsed: ParsedFile
    }

    /// With `outlines` (and the prefilter on), files are parsed as outlines — except those in
    /// `named`, the files a person named (their syntax is checked whole).
    func parseAll(_ sources: [(path: String, bytes: [UInt8])], parallel: Bool, outlines: Bool = false,
                  named: Set<String> = []) -> [ParsedSource] {
        var fset = FileSet()
        let watch = self.watch
        let outline = outlines && filter?.tokens != nil
        let bases = sources.map { fset.reserveBase(size: $0.bytes.count) }
        let parse: @Sendable (Int) -> ParsedSource = { i in
            let s = sources[i]
            return ParsedSource(path: s.path, bytes: s.bytes,
                                parsed: Driver.parse(s, base: bases[i], watch: watch,
                                                     outline: outline && !named.contains(s.path)))
        }
        return parallel ? Driver.parallelMap(Array(sources.indices), parse) : sources.indices.map(parse)
    }

    /// Parses a file whole, or as an `outline`: the bodies and composite literal values that
    /// hold none of the rules' words (`watch`: a required rule's too) are left out, and no
    /// comment is kept (a file with a finding reads them from its tokens, `SourceUnit.comments`).
    /// A file that holds none of the words at all is read no further than its imports
    /// (`GoParser.Depth.imports`; `SourceUnit.outline` reads its declarations if asked).
    static func parse(_ s: (path: String, bytes: [UInt8]), base: Int, watch: Set<String>, outline: Bool) -> ParsedFile {
        outline
            ? GoParser.parseOnCurrentThread(name: s.path, bytes: s.bytes, base: base, watch: watch, depth: .imports, comments: false)
            : GoParser.parseOnCurrentThread(name: s.path, bytes: s.bytes, base: base, watch: watch)
    }

    /// Whether a parsed file holds one of `words` (reported rules' words) as a token; a file
    /// parsed whole (named, or the prefilter off) is taken to.
    static func holds(_ parsed: ParsedFile, _ words: Set<String>) -> Bool {
        guard parsed.depth != .full else { return true }
        return parsed.watched.map { w in words.contains { !(w.offsets[$0] ?? []).isEmpty } } ?? false
    }

    /// Runs every analyzer on one package; with `applyFixes`, applies fixes round by round
    /// (re-parsing and re-analysing in memory) until none applies. Runs on a big-stack thread.
    func analyzePackage(_ files: [ParsedSource]) -> [FileOutcome] {
        let precedence = Dictionary(analyzers.map { ($0.name, $0.precedence) }, uniquingKeysWith: { a, _ in a })
        var current = files
        var changed = Array(repeating: false, count: files.count)
        var diagnostics = diagnose(current)
        if fixes != .none {
            for _ in 0..<maxFixRounds {
                var any = false
                var next = current
                for i in current.indices {
                    // Precedence decides between fixes that overlap; position breaks ties.
                    let chosen = diagnostics[i].sorted {
                        (precedence[$0.rule] ?? 0, $0.start) < (precedence[$1.rule] ?? 0, $1.start)
                    }.compactMap(\.fix).filter(fixes.allows)
                    guard !chosen.isEmpty else { continue }
                    guard let bytes = FixApplier.apply(chosen, to: current[i].bytes) else { continue }
                    // A fix must never produce a file that does not parse.
                    let reparsed = GoParser.parseOnCurrentThread(name: current[i].path, bytes: bytes, base: current[i].parsed.source.base,
                                                                 watch: watch)
                    guard reparsed.errors.isEmpty, bytes != current[i].bytes else { continue }
                    next[i] = ParsedSource(path: current[i].path, bytes: bytes, parsed: reparsed)
                    changed[i] = true
                    any = true
                }
                guard any else { break }
                current = rebased(next)
                diagnostics = diagnose(current)
            }
        }
        return current.indices.map { i in
            var o = FileOutcome(path: files[i].path, bytes: files[i].bytes)
            o.source = current[i].parsed.source
            o.diagnostics = diagnostics[i]
            if changed[i] { o.fixed = current[i].bytes }
            return o
        }
    }

    /// Fixed files get new sizes: give every file of the package fresh, disjoint bases.
    func rebased(_ files: [ParsedSource]) -> [ParsedSource] {
        var fset = FileSet()
        let watch = self.watch
        return files.map { f in
            let base = fset.reserveBase(size: f.bytes.count)
            return ParsedSource(path: f.path, bytes: f.bytes,
                                parsed: GoParser.parseOnCurrentThread(name: f.path, bytes: f.bytes, base: base, watch: watch,
                                                                      depth: f.parsed.depth, comments: f.parsed.hasComments))
        }
    }

    func diagnose(_ files: [ParsedSource]) -> [[Diagnostic]] {
        let languages = versions.versions(ofFilesAt: files.map(\.path), buildConstraints: files.map(\.parsed.file.buildConstraint))
        let units = files.indices.map { i in
            SourceUnit(path: files[i].path, bytes: files[i].bytes, parsed: files[i].parsed, version: languages[i])
        }
        var pass = Pass(files: units)
        var perFile = Array(repeating: [Diagnostic](), count: files.count)
        let reported = Set(analyzers.map(\.name))
        // Each file's comment table for alignment, made at its first fix.
        var alignment: [Int: CommentAlignment.FileContext] = [:]
        // Requirements run first; their results reach the analyzers that need them, their
        // findings only when they were asked for themselves.
        for a in Analyzer.closure(analyzers) {
            let output = a.run(pass)
            if let r = output.result { pass.results[a.name] = r }
            guard reported.contains(a.name) else { continue }
            for var d in output.diagnostics where !Suppression.isIgnored(d, in: units[d.file]) {
                // What a fix reports is what it writes, gofmt's comment alignment included.
                if let fix = d.fix {
                    let bytes = units[d.file].bytes, file = d.file
                    d.fix?.edits = CommentAlignment.adjust(fix.edits, in: bytes) {
                        if let known = alignment[file] { return known }
                        let made = CommentAlignment.FileContext(bytes)
                        alignment[file] = made
                        return made
                    }
                }
                perFile[d.file].append(d)
            }
        }
        for i in perFile.indices {
            perFile[i].sort { ($0.start, $0.rule) < ($1.start, $1.rule) }
        }
        return perFile
    }

    /// `transform` applied to every item on big-stack worker threads (one per core), results
    /// in the items' order, with no memory budget (`budgetedMap` with costless items).
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        budgetedMap(items, costs: Array(repeating: 0, count: items.count), budget: 0, transform)
    }

    static func workers(_ items: Int) -> Int {
        max(1, min(items, ProcessInfo.processInfo.activeProcessorCount))
    }
}

/// `//deferlab:ignore` or `//deferlab:ignore rule[,rule]` on the finding's line or the line
/// above silences it.
enum Suppression {
    static func isIgnored(_ d: Diagnostic, in unit: SourceUnit) -> Bool {
        let line = unit.parsed.source.position(ofOffset: d.start).line
        for c in unit.comments where c.text.hasPrefix("//deferlab:ignore") {
            let cline = unit.parsed.source.position(c.slash).line
            guard cline == line || cline == line - 1 else { continue }
            let rest = c.text.dropFirst("//deferlab:ignore".count)
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
            let words = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            if words.isEmpty || words.contains(where: { $0 == d.rule }) { return true }
        }
        return false
    }
}

/// Chooses non-overlapping fixes (in the order given: analyzer precedence, then position)
/// and applies them with the shared `TextEditApplier`. Fixes that overlap a chosen one wait
/// for the next round.
public enum FixApplier {
    public static func apply(_ fixes: [SuggestedFix], to bytes: [UInt8]) -> [UInt8]? {
        var chosen: [TextEdit] = []
        for fix in fixes {
            let candidate = chosen + fix.edits
            if (try? TextEditApplier.validated(candidate, size: bytes.count)) != nil {
                chosen = candidate
            }
        }
        guard !chosen.isEmpty else { return nil }
        return try? TextEditApplier.apply(chosen, to: bytes)
    }
}
