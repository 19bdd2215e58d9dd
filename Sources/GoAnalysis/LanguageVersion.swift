import Foundation
import GoSyntax

/// A Go language version 1.N, as a go.mod `go` line or a `//go:build go1.N` constraint sets it.
public struct LanguageVersion: Sendable, Comparable, Hashable, CustomStringConvertible {
    public var minor: Int
    public init(minor: Int) { self.minor = minor }

    /// The toolchain's default when no go.mod exists: the newest semantics.
    public static let latest = LanguageVersion(minor: 27)
    /// A go.mod without a `go` line means Go 1.16.
    public static let goModWithoutGoLine = LanguageVersion(minor: 16)
    /// Per-iteration loop variables since Go 1.22.
    public static let perIterationLoopVars = LanguageVersion(minor: 22)

    public static func < (a: Self, b: Self) -> Bool { a.minor < b.minor }
    public var description: String { "go1.\(minor)" }

    /// Parses "1.21", "1.21.3", "1.22rc1", "go1.21".
    public init?(parsing text: Substring) {
        var t = text
        if t.hasPrefix("go") { t = t.dropFirst(2) }
        guard t.hasPrefix("1.") else { return nil }
        let digits = t.dropFirst(2).prefix { $0.isASCII && $0.isNumber }
        guard let m = Int(digits) else { return nil }
        minor = m
    }
}

/// Decides the language version of each file as the go command does: the nearest go.mod's
/// `go` line (1.16 when it has none; the newest semantics when there is no go.mod), unless
/// the file's `//go:build` constraint implies a Go version, which then sets it (up or down).
/// go.mod lookups are cached per folder; safe to share between threads.
public final class LanguageVersionResolver: @unchecked Sendable {
    private let lock = NSLock()
    private var modCache: [String: LanguageVersion] = [:]
    /// The module's version when the caller knows it (the go command's vet config says it).
    private let fixedModuleVersion: LanguageVersion?

    public init(moduleVersion: LanguageVersion? = nil) { fixedModuleVersion = moduleVersion }

    public func version(ofFileAt path: String, buildConstraint: String?) -> LanguageVersion {
        versions(ofFilesAt: [path], buildConstraints: [buildConstraint])[0]
    }

    /// The versions of files (the files of a package share a folder: each folder's module is
    /// looked up once).
    public func versions(ofFilesAt paths: [String], buildConstraints: [String?]) -> [LanguageVersion] {
        var folders: [String: LanguageVersion] = [:]
        return zip(paths, buildConstraints).map { path, constraint in
            if let c = constraint, let v = BuildConstraint.goVersion(c) { return v }
            let dir = SourceWalker.folder(of: path)
            if let v = folders[dir] { return v }
            let v = moduleVersion(folder: dir.isEmpty ? "." : dir)
            folders[dir] = v
            return v
        }
    }

    public func moduleVersion(folder: String) -> LanguageVersion {
        if let fixedModuleVersion { return fixedModuleVersion }
        // Every file asks for its folder: the folder as given is looked up before it is made
        // absolute (Foundation's URL standardizing took 3% of a `fix` run).
        lock.lock()
        if let v = modCache[folder] { lock.unlock(); return v }
        lock.unlock()
        let abs = LanguageVersionResolver.absolute(folder)
        lock.lock()
        if let v = modCache[abs] {
            modCache[folder] = v
            lock.unlock()
            return v
        }
        lock.unlock()
        let v: LanguageVersion
        // POSIX reads: most folders have no go.mod, and Foundation makes an error object for each.
        if case .success(let bytes) = FileReader.read(abs + "/go.mod") {
            v = LanguageVersionResolver.goLine(String(decoding: bytes, as: UTF8.self)) ?? .goModWithoutGoLine
        } else if abs == "/" || abs.isEmpty {
            v = .latest
        } else {
            v = moduleVersion(folder: SourceWalker.folder(of: abs))
        }
        lock.lock()
        modCache[abs] = v
        modCache[folder] = v
        lock.unlock()
        return v
    }

    /// `path` made absolute (from the working folder) without `.`, `..` or empty parts; no
    /// symbolic link is followed (as the go command names folders).
    static func absolute(_ path: String) -> String {
        var parts: [Substring] = []
        let full = path.hasPrefix("/") ? path : workingFolder + "/" + path
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The process's working folder.
    static var workingFolder: String {
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buf, buf.count) != nil else { return "/" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The version of a go.mod's `go` directive.
    static func goLine(_ gomod: String) -> LanguageVersion? {
        for line in gomod.split(separator: "\n") {
            let t = line.drop { $0 == " " || $0 == "\t" }
            guard t.hasPrefix("go ") || t.hasPrefix("go\t") else { continue }
            let rest = t.dropFirst(2).drop { $0 == " " || $0 == "\t" }
            let word = rest.prefix { !$0.isWhitespace && $0 != "/" }
            if let v = LanguageVersion(parsing: word) { return v }
        }
        return nil
    }
}

/// `//go:build` expressions, enough to compute the Go version they imply (as
/// go/build/constraint.GoVersion): the minimum go1.N that every satisfying assignment needs.
public enum BuildConstraint {
    indirect enum Node {
        case tag(String), not(Node), and(Node, Node), or(Node, Node)
    }

    /// nil when the constraint can be satisfied without any Go version tag.
    public static func goVersion(_ line: String) -> LanguageVersion? {
        // Only a go1.N tag asks for a version (most constraints name systems and architectures).
        guard line.hasPrefix("//go:build"), line.contains("go1.") else { return nil }
        var p = ExprParser(Array(line.dropFirst("//go:build".count)))
        guard let node = p.parseOr(), p.atEnd else { return nil }
        return minVersion(node, negated: false)
    }

    /// The smallest version needed to satisfy `node` (nil: none needed).
    static func minVersion(_ node: Node, negated: Bool) -> LanguageVersion? {
        switch node {
        case .tag(let t):
            if negated { return nil }
            return LanguageVersion(parsing: t[...]).flatMap { t.hasPrefix("go1.") ? $0 : nil }
        case .not(let x):
            return minVersion(x, negated: !negated)
        case .and(let a, let b), .or(let a, let b):
            let isAnd: Bool
            if case .and = node { isAnd = !negated } else { isAnd = negated }
            let va = minVersion(a, negated: negated), vb = minVersion(b, negated: negated)
            if isAnd {
                switch (va, vb) {
                case (nil, nil): return nil
                case (let x?, nil), (nil, let x?): return x
                case (let x?, let y?): return max(x, y)
                }
            }
            guard let x = va, let y = vb else { return nil }  // one side needs no version
            return min(x, y)
        }
    }

    struct ExprParser {
        let chars: [Character]
        var i = 0
        init(_ chars: [Character]) { self.chars = chars }
        var atEnd: Bool { mutating get { skip(); return i >= chars.count } }
        mutating func skip() { while i < chars.count && chars[i].isWhitespace { i += 1 } }
        mutating func take(_ s: String) -> Bool {
            skip()
            let n = s.count
            guard i + n <= chars.count, String(chars[i..<(i + n)]) == s else { return false }
            i += n
            return true
        }
        mutating func parseOr() -> Node? {
            guard var x = parseAnd() else { return nil }
            while take("||") { guard let y = parseAnd() else { return nil }; x = .or(x, y) }
            return x
        }
        mutating func parseAnd() -> Node? {
            guard var x = parseNot() else { return nil }
            while take("&&") { guard let y = parseNot() else { return nil }; x = .and(x, y) }
            return x
        }
        mutating func parseNot() -> Node? {
            if take("!") { return parseNot().map { .not($0) } }
            if take("(") {
                let x = parseOr()
                return take(")") ? x : nil
            }
            skip()
            var word = ""
            while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." {
                word.append(chars[i])
                i += 1
            }
            return word.isEmpty ? nil : .tag(word)
        }
    }
}
