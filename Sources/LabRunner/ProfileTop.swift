import Foundation
import GoToolchain

/// The top entries of the profiles a program wrote: goroutine groups from a debug=1
/// goroutine profile, and in-use heap from a heap profile (through `go tool pprof -top`).
public struct ProfileEntry: Sendable, Hashable {
    /// Goroutines in the group, or the in-use amount as pprof prints it (e.g. "7.94MB").
    public var amount: String
    /// The innermost function of the program's own code (package main) in the stack.
    public var function: String
    /// Its `file:line` (file name only).
    public var location: String
}

public enum ProfileTop {
    /// Groups of a debug=1 goroutine profile, largest first, each named by its innermost
    /// frame in package main — the line to look at.
    public static func goroutines(_ text: String, limit: Int = 3) -> [ProfileEntry] {
        var groups: [(Int, ProfileEntry)] = []
        var count: Int?
        var entry: ProfileEntry?
        func flush() {
            if let count, let entry { groups.append((count, entry)) }
            count = nil
            entry = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let at = line.range(of: " @ "), let n = Int(line[..<at.lowerBound]) {
                flush()
                count = n
            } else if line.hasPrefix("#"), entry == nil, count != nil {
                let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard fields.count >= 4, fields[2].hasPrefix("main.") else { continue }
                let function = String(fields[2].split(separator: "+").first ?? "")
                let location = (fields[3] as NSString).lastPathComponent
                // The measuring probe's own sampler is not the program's.
                if location.hasPrefix(ProbeSource.fileName) { count = nil; continue }
                entry = ProfileEntry(amount: String(count!), function: function, location: location)
            } else if line.isEmpty {
                flush()
            }
        }
        flush()
        return groups.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1)
    }

    /// The top in-use heap entries of a heap profile, from `go tool pprof -top`.
    public static func heap(_ profile: URL, go: GoToolchain, limit: Int = 3) -> [ProfileEntry] {
        guard let result = try? go.run(arguments: ["tool", "pprof", "-top", "-sample_index=inuse_space", profile.path],
                                       in: profile.deletingLastPathComponent(), timeout: .seconds(60)),
              result.succeeded else { return [] }
        var out: [ProfileEntry] = []
        var table = false
        for line in result.standardOutputText.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            if fields.first == "flat" { table = true; continue }
            guard table, fields.count >= 6, fields[0] != "0" else { continue }
            out.append(ProfileEntry(amount: fields[0], function: fields[5...].joined(separator: " "), location: ""))
            if out.count == limit { break }
        }
        return out
    }

    /// The top entries of the profiles a program wrote into `folder`: the largest goroutine
    /// groups from `goroutine.txt` (debug=1) and the top in-use heap entries of `heap.pprof`.
    /// The one reading of a profiles folder, for the shell's `pprof` and `deferlab run --profiles`.
    public static func summary(of folder: URL, go: GoToolchain) -> (goroutines: [ProfileEntry], heap: [ProfileEntry]) {
        let text = (try? String(contentsOf: folder.appendingPathComponent("goroutine.txt"), encoding: .utf8)) ?? ""
        return (goroutines(text), heap(folder.appendingPathComponent("heap.pprof"), go: go))
    }
}
