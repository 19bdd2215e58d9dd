import Foundation
import XCTest
import GoToolchain

/// The Go toolchain for tests that compare with real Go, found the way the product finds it.
/// Tests skip with a clear message only when no toolchain exists at all.
public enum TestGo {
    public static let located: Result<GoToolchain, Error> = Result { try GoLocator.forCurrentProcess().locate() }

    public static func require() throws -> GoToolchain {
        switch located {
        case .success(let go): return go
        case .failure(let error):
            throw XCTSkip("no Go toolchain found, so this comparison with real Go is skipped: \(error)")
        }
    }

    /// GOROOT/src of the found toolchain.
    public static func goRootSource() throws -> URL {
        let go = try require()
        let src = go.goroot.appendingPathComponent("src")
        guard FileManager.default.fileExists(atPath: src.appendingPathComponent("go/parser/parser.go").path) else {
            throw XCTSkip("the Go toolchain at \(go.goroot.path) has no GOROOT/src")
        }
        return src
    }

    /// Every .go file under `folder`, sorted (testdata included, like gofmt).
    public static func goFiles(under folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        var out: [String] = []
        while let rel = walker?.nextObject() as? String {
            if rel.hasSuffix(".go") { out.append(folder.appendingPathComponent(rel).path) }
        }
        return out.sorted()
    }

    /// Runs gofmt with `arguments` in `directory` and returns (stdout, stderr).
    public static func gofmt(_ arguments: [String], in directory: URL) throws -> (String, String) {
        let go = try require()
        let result = try go.runner.run(ProcessRequest(
            executable: go.gofmt.path, arguments: arguments, workingDirectory: directory,
            timeout: .seconds(600), outputLimit: 256 << 20))
        XCTAssertFalse(result.timedOut, "gofmt timed out")
        return (result.standardOutputText, result.standardErrorText)
    }

    /// Files named in gofmt's error output (`path:line:col: message` lines).
    public static func filesWithErrors(_ stderr: String) -> Set<String> {
        var files = Set<String>()
        for line in stderr.split(separator: "\n") {
            // path:line:col: message; the path itself may contain ':' only in odd cases.
            let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            if parts.count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil {
                files.insert(String(parts[0]))
            }
        }
        return files
    }
}

/// A small deterministic random generator (SplitMix64), so fuzz runs repeat exactly.
public struct SeededRandom: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
