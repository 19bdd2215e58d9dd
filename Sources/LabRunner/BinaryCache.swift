import Foundation
import GoToolchain

/// Built programs, kept by exactly what they were built from: the prepared package (the
/// program as instrumented, its go.mod, the probe), the Go toolchain and the build settings.
/// An unchanged program is not built again.
///
/// An entry is a folder named by a hash of its inputs holding `prog`, `inputs` (the inputs
/// themselves, compared byte for byte on lookup, so a hash collision can never run the wrong
/// program) and `check` (the binary's size and checksum). An entry whose inputs differ, whose
/// binary is damaged or missing, or that is not ours is removed and rebuilt. Entries appear
/// by an atomic rename, so a half-written one is never seen; the oldest are removed beyond
/// ``maxEntries``.
public struct BinaryCache: Sendable {
    public let folder: URL
    public var maxEntries = 200

    public init(folder: URL) { self.folder = folder }

    /// `$XDG_CACHE_HOME/deferlab/binaries`, else `~/.cache/deferlab/binaries`; nil without either.
    public static func standard(environment: [String: String]) -> BinaryCache? {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.cache"
        } else {
            return nil
        }
        return BinaryCache(folder: URL(fileURLWithPath: base, isDirectory: true).appendingPathComponent("deferlab/binaries", isDirectory: true))
    }

    /// The build's variables that change what `go build` produces.
    static let buildVariables = ["CGO_ENABLED", "GOOS", "GOARCH", "GOAMD64", "GOARM", "GO386", "CC", "CGO_CFLAGS", "CGO_LDFLAGS"]

    /// What a build of the package in `source` depends on.
    public static func inputs(of source: URL, go: GoToolchain) throws -> [UInt8] {
        var out = Array("deferlab binary cache 1\ngo \(go.version) \(go.executable.path) \(go.goroot.path)\n".utf8)
        for name in buildVariables { out += Array("\(name)=\(go.environment[name] ?? "")\n".utf8) }
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted() {
            let data = try Data(contentsOf: source.appendingPathComponent(name))
            out += Array("file \(name) \(data.count)\n".utf8)
            out += data
            out.append(0x0A)
        }
        return out
    }

    func entry(_ inputs: [UInt8]) -> URL {
        folder.appendingPathComponent(String(Self.hash(inputs), radix: 16), isDirectory: true)
    }

    /// The cached binary built from `inputs`, or nil (a damaged or foreign entry is removed).
    public func lookup(_ inputs: [UInt8]) -> URL? {
        let dir = entry(inputs)
        guard FileManager.default.fileExists(atPath: dir.path) else { return nil }
        let prog = dir.appendingPathComponent("prog")
        guard let stored = try? Data(contentsOf: dir.appendingPathComponent("inputs")), stored.elementsEqual(inputs),
              let check = try? String(contentsOf: dir.appendingPathComponent("check"), encoding: .utf8),
              let binary = try? Data(contentsOf: prog), check == Self.checksum(binary),
              access(prog.path, X_OK) == 0 else {
            try? FileManager.default.removeItem(at: dir)
            return nil
        }
        // Used now: the oldest entries are the ones evicted.
        utimes(dir.path, nil)
        return prog
    }

    /// Keeps a freshly built binary for `inputs`; failures only mean no caching.
    public func store(_ binary: URL, for inputs: [UInt8]) {
        let manager = FileManager.default
        let staging = folder.appendingPathComponent(".staging-\(UUID().uuidString)", isDirectory: true)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let data = try Data(contentsOf: binary)
            try data.write(to: staging.appendingPathComponent("prog"))
            guard chmod(staging.appendingPathComponent("prog").path, 0o755) == 0 else { throw CocoaError(.fileWriteNoPermission) }
            try Data(inputs).write(to: staging.appendingPathComponent("inputs"))
            try Data(Self.checksum(data).utf8).write(to: staging.appendingPathComponent("check"))
            let target = entry(inputs)
            try? manager.removeItem(at: target)
            // Another process may have stored the same entry meanwhile: theirs is as good.
            if rename(staging.path, target.path) != 0 { try? manager.removeItem(at: staging) }
        } catch {
            try? manager.removeItem(at: staging)
        }
        evict()
    }

    /// Removes the least recently used entries beyond ``maxEntries``, and staging folders
    /// left by a process that died.
    func evict() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        var entries: [(URL, Date)] = []
        for name in names {
            let url = folder.appendingPathComponent(name, isDirectory: true)
            let modified = (try? manager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            if name.hasPrefix(".staging-") {
                if modified < Date().addingTimeInterval(-3600) { try? manager.removeItem(at: url) }
                continue
            }
            entries.append((url, modified))
        }
        guard entries.count > maxEntries else { return }
        for (url, _) in entries.sorted(by: { $0.1 < $1.1 }).prefix(entries.count - maxEntries) {
            try? manager.removeItem(at: url)
        }
    }

    /// FNV-1a, 64 bits: names an entry (the entry's `inputs` decide whether it matches).
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// Size and a 64-bit checksum over the binary's 8-byte words (fast enough to check a
    /// multi-megabyte binary on every lookup).
    static func checksum(_ data: Data) -> String {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(data.count)
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
            }
            for i in (words * 8)..<raw.count {
                h = (h ^ UInt64(raw[i])) &* 0x94D0_49BB_1331_11EB
            }
        }
        return "\(data.count) \(String(h, radix: 16))\n"
    }
}
