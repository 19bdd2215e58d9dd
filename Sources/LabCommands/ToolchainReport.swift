import Foundation
import GoToolchain
import LabText

/// What `deferlab doctor` reports: every Go candidate looked at, in discovery order.
public struct ToolchainReport: Sendable {
    public struct Entry: Sendable, Codable, Equatable {
        /// "DEFERLAB_GO", "PATH" or "project".
        public var source: String
        public var path: String
        /// "used" or "skipped".
        public var status: String
        public var version: String?
        public var goroot: String?
        /// Why it was skipped, in the chosen language.
        public var reason: String?
    }

    public var entries: [Entry]
    public var found: Bool { entries.contains { $0.status == "used" } }

    /// Runs discovery with `locator` and describes the outcome in `catalog`'s language.
    public static func make(locator: GoLocator, catalog: Catalog) -> ToolchainReport {
        do {
            let go = try locator.locate()
            var entries = go.skipped.map { skipped($0, catalog) }
            entries.append(Entry(source: sourceName(go.source), path: go.executable.path, status: "used",
                                 version: go.version.description, goroot: go.goroot.path, reason: nil))
            return ToolchainReport(entries: entries)
        } catch GoToolchainError.notFound(let notes) {
            return ToolchainReport(entries: notes.map { skipped($0, catalog) })
        } catch {
            return ToolchainReport(entries: [])
        }
    }

    static func skipped(_ note: GoCandidateNote, _ catalog: Catalog) -> Entry {
        Entry(source: sourceName(note.candidate.source), path: note.candidate.path, status: "skipped",
              version: nil, goroot: nil, reason: reasonText(note.reason, catalog))
    }

    static func sourceName(_ s: GoCandidate.Source) -> String {
        switch s {
        case .environmentVariable: return "DEFERLAB_GO"
        case .searchPath: return "PATH"
        case .projectLocal: return "project"
        }
    }

    public static func reasonText(_ r: GoSkipReason, _ catalog: Catalog) -> String {
        switch r {
        case .notFound: return catalog.text(.reasonNotFound)
        case .notExecutable: return catalog.text(.reasonNotExecutable)
        case .failed(let why): return catalog.text(.reasonFailed, why)
        case .tooOld(let v): return catalog.text(.reasonTooOld, v.description, GoVersion.minimumSupported.description)
        }
    }

    /// Human-readable lines.
    public func lines(_ catalog: Catalog) -> [String] {
        var out: [String] = []
        for e in entries {
            if e.status == "used" {
                out.append(catalog.text(.doctorUsing, e.path, e.version ?? "?", e.source))
                if let root = e.goroot { out.append(catalog.text(.doctorGoroot, root)) }
            } else {
                out.append(catalog.text(.goSkipped, "\(e.source) \(e.path)", e.reason ?? ""))
            }
        }
        if !found { out.append(catalog.text(.goNotFound)) }
        return out
    }

    /// One JSON array of entries.
    public func json() -> String {
        JSONOutput.string(entries, fallback: "[]")
    }
}
