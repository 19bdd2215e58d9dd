import Foundation
import DeferRules
import GoAnalysis
import GoSyntax
import LabText

/// DeferLab as the go command's analysis tool: `go vet -vettool=$(command -v deferlab)` and
/// `go fix -fixtool=$(command -v deferlab)` (src/cmd/go/internal/vet and x/tools' unitchecker
/// describe the protocol). The go command asks `-V=full` (a version line whose build ID keys
/// its cache) and `-flags` (the tool's flags as JSON), then runs the tool once per package with
/// its flags and a `vet.cfg` naming exactly the files to analyse (build tags, cgo and test
/// variants already resolved). Vet mode (`-json`) writes one JSON tree of findings; fix mode
/// (`-fix`) applies the safe fixes — into the zip archive the go command gives, or in place —
/// or, with `-diff`, prints them as unified diffs. Unsafe fixes are never applied this way.
public enum VetTool {
    /// Whether `args` (without the program name) are the go command's protocol rather than a
    /// DeferLab command line: `-V=full`, `-flags`, or flags followed by a `.cfg` file.
    public static func isProtocol(_ args: [String]) -> Bool {
        if args == ["-V=full"] || args == ["-flags"] { return true }
        guard let last = args.last, last.hasSuffix(".cfg") else { return false }
        return args.dropLast().allSatisfy { $0.hasPrefix("-") }
    }

    /// The flags the go command may pass through.
    struct Flag: Encodable {
        var Name: String
        var Bool: Bool
        var Usage: String
    }

    static let flags = [
        Flag(Name: "json", Bool: true, Usage: "emit JSON output"),
        Flag(Name: "fix", Bool: true, Usage: "apply the safe fixes"),
        Flag(Name: "diff", Bool: true, Usage: "with -fix, print the fixes as unified diffs instead of applying them"),
    ]

    /// The part of vet.cfg DeferLab needs.
    struct Config: Decodable {
        var ID: String
        var ImportPath: String
        var GoVersion: String?
        var GoFiles: [String]
        var VetxOnly: Bool?
        var VetxOutput: String?
        var Stdout: String?
        var FixArchive: String?
    }

    public static func execute(_ args: [String], version: String, executable: String) -> CommandOutput {
        var out = CommandOutput()
        if args == ["-V=full"] {
            out.line("deferlab version devel deferlab-\(version) buildID=\(buildID(executable))")
            return out
        }
        if args == ["-flags"] {
            out.line(JSONOutput.string(flags, pretty: false, fallback: "[]"))
            return out
        }
        let options = Set(args.dropLast())
        let cfgPath = args.last!
        let cfg: Config
        do {
            cfg = try JSONDecoder().decode(Config.self, from: Data(contentsOf: URL(fileURLWithPath: cfgPath)))
        } catch {
            out.error("deferlab: cannot read \(cfgPath): \(error)")
            out.status = 1
            return out
        }
        // The go command caches this file: write it even though DeferLab has no facts.
        if let vetx = cfg.VetxOutput, !save(Data(), to: vetx, &out) { return out }
        if cfg.VetxOnly == true { return out }

        let fix = options.contains("-fix") && !options.contains("-json")
        var driver = Driver(analyzers: DeferRules.all)
        driver.versions = LanguageVersionResolver(moduleVersion: cfg.GoVersion.flatMap { LanguageVersion(parsing: Substring($0)) })
        driver.fixes = fix ? .safe : .none
        var sources: [(path: String, bytes: [UInt8])] = []
        for path in cfg.GoFiles {
            switch FileReader.read(path) {
            case .success(let b): sources.append((path, b))
            case .failure(let e):
                out.error("\(path): \(e)")
                out.status = 1
            }
        }
        let outcomes = driver.analyze(sources)
        for o in outcomes { o.syntaxErrorLines.forEach { out.error($0) } }
        if outcomes.contains(where: { !$0.syntaxErrors.isEmpty }) { out.status = 1 }

        var stdout = ""
        if fix {
            let changed = outcomes.filter { $0.fixed != nil }
            if options.contains("-diff") {
                for f in changed { stdout += UnifiedDiff.diff(old: f.bytes, new: f.fixed!, oldName: f.path, newName: f.path) }
            } else if let archive = cfg.FixArchive {
                var zip = ZipArchive()
                for f in changed { zip.add(f.path, f.fixed!) }
                _ = save(Data(zip.bytes), to: archive, &out)
            } else {
                for f in changed {
                    do { try AtomicWrite.replace(f.path, with: f.fixed!) } catch {
                        out.error("\(f.path): \(error.description)")
                        out.status = 1
                    }
                }
            }
        } else if options.contains("-json") {
            stdout = jsonTree(cfg.ID, outcomes) + "\n"
        } else {
            for o in outcomes {
                for d in o.diagnostics {
                    out.error("\(position(o, d.start)): \(d.message.en)")
                    out.status = 1
                }
            }
        }
        if let file = cfg.Stdout {
            _ = save(Data(stdout.utf8), to: file, &out)
        } else {
            out.raw(stdout)
        }
        return out
    }

    /// Writes a file the go command asked for; a failure is reported and makes the run fail.
    static func save(_ data: Data, to path: String, _ out: inout CommandOutput) -> Bool {
        do {
            try data.write(to: URL(fileURLWithPath: path))
            return true
        } catch {
            out.error("deferlab: cannot write \(path): \(error.localizedDescription)")
            out.status = 1
            return false
        }
    }

    static func position(_ o: FileOutcome, _ offset: Int) -> String {
        let p = o.position(ofOffset: offset)
        return "\(o.path):\(p?.line ?? 1):\(p?.column ?? 1)"
    }

    struct JSONTextEdit: Encodable { var filename: String; var start: Int; var end: Int; var new: String }
    struct JSONSuggestedFix: Encodable { var message: String; var edits: [JSONTextEdit] }
    struct JSONDiagnostic: Encodable {
        var category: String
        var posn: String
        var end: String
        var message: String
        var suggested_fixes: [JSONSuggestedFix]?
    }

    /// unitchecker's JSON: package ID → analyzer → diagnostics, byte offsets in the edits.
    /// Only safe fixes are offered.
    static func jsonTree(_ id: String, _ outcomes: [FileOutcome]) -> String {
        var byRule: [String: [JSONDiagnostic]] = [:]
        for o in outcomes {
            for d in o.diagnostics {
                var fixes: [JSONSuggestedFix]?
                if let fix = d.fix, fix.applicability == .safe {
                    fixes = [JSONSuggestedFix(message: fix.title.en, edits: fix.edits.map {
                        JSONTextEdit(filename: o.path, start: $0.offset, end: $0.end, new: $0.newText)
                    })]
                }
                byRule[d.rule, default: []].append(JSONDiagnostic(
                    category: d.rule, posn: position(o, d.start), end: position(o, d.end), message: d.message.en,
                    suggested_fixes: fixes))
            }
        }
        // Like unitchecker: a package without findings is left out of the tree.
        if byRule.isEmpty { return "{}" }
        return JSONOutput.string([id: byRule], fallback: "{}")
    }

    /// A build ID for the go command's cache: it changes whenever the executable does.
    static func buildID(_ executable: String) -> String {
        var st = stat()
        guard stat(executable, &st) == 0 else { return "unknown" }
        let stamp = UInt64(st.st_size) &* 1_000_003 &+ UInt64(st.st_mtim.tv_sec) &* 1_000_000_007 &+ UInt64(st.st_mtim.tv_nsec)
            &+ UInt64(st.st_ino) &* 31
        return String(stamp, radix: 16)
    }
}
