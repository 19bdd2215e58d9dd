import Foundation
import XCTest
import GoToolchain
@testable import LabRunner

/// Built programs kept by content: an unchanged program is not rebuilt, any change is, and a
/// damaged, foreign or half-written entry is never run.
final class BinaryCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-cache-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("program"), withIntermediateDirectories: true)
        try write("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer fmt.Println(\"deferred\")\n\tfmt.Println(\"one\")\n}\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ text: String) throws {
        try text.write(to: folder.appendingPathComponent("program/main.go"), atomically: true, encoding: .utf8)
    }

    func runner() throws -> LabRunner {
        let go: GoToolchain
        do { go = try GoLocator.forCurrentProcess().locate() } catch { throw XCTSkip("no Go toolchain: \(error)") }
        let temporary = folder.appendingPathComponent("tmp", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        var runner = LabRunner(go: go, temporaryFolder: temporary)
        runner.binaryCache = BinaryCache(folder: folder.appendingPathComponent("cache", isDirectory: true))
        return runner
    }

    func run(_ runner: LabRunner) -> RunMeasurement {
        runner.run(.directory(folder.appendingPathComponent("program")), id: "p", variant: nil, options: RunOptions())
    }

    var entries: [URL] {
        let cache = folder.appendingPathComponent("cache")
        return ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).filter { !$0.hasPrefix(".") }
            .map { cache.appendingPathComponent($0) }
    }

    func testUnchangedProgramsAreNotRebuiltAndChangedOnesAre() throws {
        let runner = try runner()
        let first = run(runner)
        XCTAssertNil(first.failure, first.failure?.description ?? "")
        XCTAssertEqual(first.stdout, "one\ndeferred\n")
        XCTAssertEqual(first.buildCached, false)
        XCTAssertEqual(entries.count, 2, "the counting build and the plain one")

        let second = run(runner)
        XCTAssertEqual(second.buildCached, true)
        XCTAssertEqual(second.stdout, first.stdout)
        XCTAssertEqual(second.peakPendingDefers, 1, "the cached counting binary still counts")
        XCTAssertLessThan(second.buildMillis ?? 9999, first.buildMillis ?? 0)

        try write("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer fmt.Println(\"deferred\")\n\tfmt.Println(\"two\")\n}\n")
        let changed = run(runner)
        XCTAssertEqual(changed.buildCached, false, "a one-line change is built")
        XCTAssertEqual(changed.stdout, "two\ndeferred\n")

        // Another language version is another build.
        var options = RunOptions()
        options.goVersion = "1.21"
        let older = runner.run(.directory(folder.appendingPathComponent("program")), id: "p", variant: nil, options: options)
        XCTAssertEqual(older.buildCached, false)
        XCTAssertEqual(older.stdout, "two\ndeferred\n")
    }

    func testDamagedOrForeignEntriesAreRebuilt() throws {
        let runner = try runner()
        XCTAssertEqual(run(runner).buildCached, false)
        // A truncated binary, a binary that is not ours, inputs that differ: each is detected.
        let damage: [(String, (URL) throws -> Void)] = [
            ("truncated binary", { dir in
                let prog = dir.appendingPathComponent("prog")
                let data = try Data(contentsOf: prog)
                try data.prefix(data.count / 2).write(to: prog)
            }),
            ("foreign binary", { dir in try Data("#!/bin/sh\necho hacked\n".utf8).write(to: dir.appendingPathComponent("prog")) }),
            ("other inputs", { dir in try Data("something else".utf8).write(to: dir.appendingPathComponent("inputs")) }),
            ("missing check", { dir in try FileManager.default.removeItem(at: dir.appendingPathComponent("check")) }),
        ]
        for (what, harm) in damage {
            for entry in entries { try harm(entry) }
            let again = run(runner)
            XCTAssertNil(again.failure, "\(what): \(again.failure?.description ?? "")")
            XCTAssertEqual(again.buildCached, false, "\(what): rebuilt")
            XCTAssertEqual(again.stdout, "one\ndeferred\n", what)
            XCTAssertEqual(run(runner).buildCached, true, "\(what): the rebuilt entry is used again")
        }
    }

    func testOldestEntriesAreEvicted() throws {
        var cache = BinaryCache(folder: folder.appendingPathComponent("small", isDirectory: true))
        cache.maxEntries = 3
        let binary = folder.appendingPathComponent("fake-binary")
        try Data("binary".utf8).write(to: binary)
        XCTAssertEqual(chmod(binary.path, 0o755), 0)
        for k in 0..<5 {
            cache.store(binary, for: Array("inputs \(k)".utf8))
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertNil(cache.lookup(Array("inputs 0".utf8)), "evicted")
        XCTAssertNil(cache.lookup(Array("inputs 1".utf8)), "evicted")
        XCTAssertNotNil(cache.lookup(Array("inputs 4".utf8)))
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path)
        XCTAssertEqual(names.count, 3, "\(names)")
    }
}
