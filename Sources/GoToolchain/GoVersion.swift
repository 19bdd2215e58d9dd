/// A Go toolchain version such as `go1.27.3`, `go1.24rc1` or `go1.23`.
///
/// Ordering follows the go command's own rules (`cmd/go/internal/gover`): the bare language
/// version comes first, then development builds, betas, release candidates and finally the
/// numbered releases, so `go1.23 < go1.23rc1 < go1.23.0 < go1.23.4`.
public struct GoVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Where in its release cycle a version sits; cases are declared in ascending order.
    public enum Stage: Sendable, Hashable, Comparable {
        /// A bare language version such as `go1.23` (also how Go 1.20 and older named `.0`).
        case language
        /// A development build of the line, e.g. `devel go1.25-1a2b3c4`.
        case development
        /// A beta such as `go1.24beta1`.
        case beta(Int)
        /// A release candidate such as `go1.24rc1`.
        case releaseCandidate(Int)
        /// A numbered release such as `go1.27.3` (`go1.27.0` has patch 0).
        case release(patch: Int)
    }

    /// The oldest Go that DeferLab supports.
    public static let minimumSupported = GoVersion(major: 1, minor: 23)

    /// The major version, `1` for every Go so far.
    public let major: Int
    /// The minor version, `27` in `go1.27.3`.
    public let minor: Int
    /// The position in the release cycle.
    public let stage: Stage

    /// Creates a version from its parts; the default stage is the bare language version.
    public init(major: Int, minor: Int, stage: Stage = .language) {
        self.major = major
        self.minor = minor
        self.stage = stage
    }

    /// Creates a numbered release such as 1.27.3.
    public init(major: Int, minor: Int, patch: Int) {
        self.init(major: major, minor: minor, stage: .release(patch: patch))
    }

    /// The patch number of a release, `nil` for language versions and pre-releases.
    public var patch: Int? {
        if case .release(let patch) = stage { return patch }
        return nil
    }

    /// True for betas, release candidates and development builds.
    public var isPrerelease: Bool {
        switch stage {
        case .development, .beta, .releaseCandidate: return true
        case .language, .release: return false
        }
    }

    /// The canonical spelling: `go1.27.3`, `go1.23`, `go1.24rc1`, `go1.24beta2`, `devel go1.25`.
    public var description: String {
        let base = "go\(major).\(minor)"
        switch stage {
        case .language: return base
        case .development: return "devel " + base
        case .beta(let n): return base + "beta\(n)"
        case .releaseCandidate(let n): return base + "rc\(n)"
        case .release(let patch): return base + ".\(patch)"
        }
    }

    /// Orders by major, minor, then stage (see the type's documentation).
    public static func < (lhs: GoVersion, rhs: GoVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        return lhs.stage < rhs.stage
    }

    /// Parses one version token: `go1.27.3`, `1.27.3`, `go1.23`, `go1`, `go1.24rc1`,
    /// `go1.24beta1`. A suffix after `-` or `+` (vendor builds, `-devel_…`) is ignored except
    /// that a suffix containing `devel` makes the version a development build.
    /// Returns nil for anything else.
    public init?(_ token: some StringProtocol) {
        var text = Substring(token)
        if text.hasPrefix("go") { text = text.dropFirst(2) }
        var isDevelopment = false
        if let cut = text.firstIndex(where: { $0 == "-" || $0 == "+" }) {
            isDevelopment = text[cut...].contains("devel")
            text = text[..<cut]
        }
        guard let parsed = Self.parseNumbers(text) else { return nil }
        if isDevelopment {
            self.init(major: parsed.major, minor: parsed.minor, stage: .development)
        } else {
            self = parsed
        }
    }

    /// Extracts the version from the output of `go version`, e.g.
    /// `go version go1.27.3 linux/amd64`, `go version go1.24rc1 X:rangefunc linux/arm64` or
    /// `go version devel go1.25-1a2b3c4 Tue Jan 7 12:00:00 2025 +0000 linux/amd64`.
    ///
    /// A development build that does not name its line (`devel +1a2b3c4 …`, as very old trees
    /// print) has no comparable version and yields nil.
    public static func parse(versionOutput: String) -> GoVersion? {
        let words = versionOutput.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard words.count >= 3, words[0] == "go", words[1] == "version" else { return nil }
        if words[2] == "devel" {
            guard words.count >= 4, words[3].hasPrefix("go"),
                  let line = GoVersion(words[3].split(separator: "-").first ?? "")
            else { return nil }
            return GoVersion(major: line.major, minor: line.minor, stage: .development)
        }
        return GoVersion(words[2])
    }

    /// Parses `1.27.3`, `1.23`, `1`, `1.24rc1` or `1.24beta1` (no prefix, no suffix).
    private static func parseNumbers(_ text: Substring) -> GoVersion? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let major = decimal(parts[0]) else { return nil }
        if parts.count == 1 { return GoVersion(major: major, minor: 0) }
        if parts.count == 3 {
            guard let minor = decimal(parts[1]), let patch = decimal(parts[2]) else { return nil }
            return GoVersion(major: major, minor: minor, patch: patch)
        }
        // "23", "24rc1" or "24beta1".
        let minorPart = parts[1]
        let digits = minorPart.prefix(while: { $0.isASCII && $0.isNumber })
        guard let minor = decimal(digits) else { return nil }
        let rest = minorPart.dropFirst(digits.count)
        if rest.isEmpty { return GoVersion(major: major, minor: minor) }
        for (prefix, make) in [("rc", Stage.releaseCandidate), ("beta", Stage.beta)]
        where rest.hasPrefix(prefix) {
            guard let n = decimal(rest.dropFirst(prefix.count)) else { return nil }
            return GoVersion(major: major, minor: minor, stage: make(n))
        }
        return nil
    }

    /// A non-empty run of ASCII digits without a sign, small enough not to overflow.
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return Int(text)
    }
}
