import Foundation

/// The shell's commands: names, Chinese aliases, parsing of a typed line, and the nearest
/// command for a typo.
public enum ShellCommand: String, CaseIterable, Sendable {
    case help, toc, open, next, prev, show, run, edit, reset, predict, trace, chart, pprof, lang, explain, fix, exercise, quit

    /// Chinese (and a few short) aliases typed instead of a command's name.
    public static let aliases: [String: ShellCommand] = [
        "帮助": .help, "?": .help, "h": .help,
        "目录": .toc,
        "打开": .open, "o": .open,
        "下一节": .next, "n": .next,
        "上一节": .prev, "p": .prev, "previous": .prev,
        "代码": .show,
        "运行": .run,
        "编辑": .edit,
        "重置": .reset,
        "预测": .predict,
        "跟踪": .trace,
        "图表": .chart,
        "剖析": .pprof,
        "语言": .lang,
        "解释": .explain,
        "修复": .fix,
        "练习": .exercise,
        "退出": .quit, "q": .quit, "exit": .quit,
    ]

    /// Every word that names a command: names first, then aliases (for completion).
    public static var words: [String] { allCases.map(\.rawValue) + aliases.keys.sorted() }

    /// A typed line split into a command word and its arguments (whitespace-separated,
    /// full-width spaces included); nil for a blank line.
    public static func split(_ line: String) -> (word: String, arguments: [String])? {
        let parts = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let word = parts.first else { return nil }
        return (word, Array(parts.dropFirst()))
    }

    /// The command `word` names (case-insensitive), if any.
    public static func named(_ word: String) -> ShellCommand? {
        ShellCommand(rawValue: word.lowercased()) ?? aliases[word.lowercased()]
    }

    /// The command name nearest to `word` by edit distance, when it is close enough to be
    /// a typo: one edit for words of up to three characters, two for longer ones.
    public static func suggestion(for word: String) -> String? {
        let lowered = word.lowercased()
        let scored = words.map { ($0, editDistance(lowered, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= (lowered.count <= 3 ? 1 : 2) else { return nil }
        // Suggest the English name even when an alias was nearest.
        return named(best.0)?.rawValue ?? best.0
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Candidates for the word being completed: commands for the first word; section ids
    /// after `open`; example ids and variants after `run`/`show`; rule names after
    /// `explain`; languages after `lang`; workshop subcommands and exercise ids after
    /// `exercise`; file paths after `fix`.
    public static func completions(line: String, sections: [String], examples: [String], rules: [String],
                                   exercises: [String] = [], paths: (String) -> [String] = { _ in [] }) -> [String] {
        let endsWithSpace = line.last?.isWhitespace ?? false
        var parts = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let partial = endsWithSpace ? "" : (parts.popLast() ?? "")
        let pool: [String]
        if parts.isEmpty {
            pool = words
        } else {
            switch named(parts[0]) {
            case .open?: pool = sections
            case .run?: pool = examples + ["bad", "fixed", "both", "mine", "all", "--nofile"]
            case .edit?: pool = examples + ["bad", "fixed", "--fresh"]
            case .trace?: pool = examples + ["bad", "fixed", "mine"]
            case .reset?: pool = parts.count == 1 ? ["mine"] : examples
            case .chart?, .predict?: pool = examples
            case .show?: pool = ["bad", "fixed", "mine", "diff"] + examples
            case .explain?: pool = rules
            case .lang?: pool = ["zh", "en"]
            case .exercise?: pool = parts.count == 1 ? ShellExercise.subcommands : exercises
            case .fix?: return paths(partial)
            default: pool = []
            }
        }
        return pool.filter { $0.hasPrefix(partial) }
    }

    /// File-path candidates for `fix`: folders (with a trailing slash) and `.go` files whose
    /// path starts with `partial`, relative to `directory`; hidden entries only when
    /// the partial name starts with a dot.
    public static func pathCandidates(_ partial: String, in directory: String) -> [String] {
        let expanded = (partial as NSString).expandingTildeInPath
        let slash = expanded.lastIndex(of: "/")
        let dirPart = slash.map { String(expanded[...$0]) } ?? ""
        let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let shownDir = partial.lastIndex(of: "/").map { String(partial[...$0]) } ?? ""
        let listed = dirPart.isEmpty ? directory : (dirPart.hasPrefix("/") ? dirPart : (directory as NSString).appendingPathComponent(dirPart))
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        return names.sorted().compactMap { name in
            guard name.hasPrefix(namePrefix), !name.hasPrefix(".") || namePrefix.hasPrefix(".") else { return nil }
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (listed as NSString).appendingPathComponent(name), isDirectory: &isDir)
            if isDir.boolValue { return shownDir + name + "/" }
            return name.hasSuffix(".go") ? shownDir + name : nil
        }
    }
}
