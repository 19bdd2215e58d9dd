import Foundation
import XCTest
@testable import LabContent

/// The shipped catalog loads and validates; locating and validating behave as documented.
final class CatalogTests: XCTestCase {
    /// The test binary sits in `.build`, so walking up from it finds the checkout's Content.
    func testShippedCatalogLoadsEveryExample() throws {
        let catalog = try ExampleCatalog.forCurrentProcess()
        XCTAssertEqual(catalog.problems, [], catalog.problems.map(\.description).joined(separator: "\n"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: catalog.examplesFolder.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(catalog.examples.map(\.id).sorted(), folders)
        XCTAssertGreaterThanOrEqual(catalog.examples.count, 15)
        // Sorted by section, then id.
        for (a, b) in zip(catalog.examples, catalog.examples.dropFirst()) {
            let order = ExampleCatalog.compareSections(a.manifest.section, b.manifest.section)
            XCTAssertTrue(order == .orderedAscending || (order == .orderedSame && a.id < b.id), "\(a.id) before \(b.id)")
        }
        XCTAssertEqual(catalog.example(id: "loopvar-capture")?.manifest.vet.bad,
                       .warning(pattern: "loop variable i captured by func literal"))
        XCTAssertEqual(catalog.example(id: "defer-cost")?.manifest.kind, .bench)
    }

    func testSectionsCompareNumerically() {
        XCTAssertEqual(ExampleCatalog.compareSections("2.5", "10.1"), .orderedAscending)
        XCTAssertEqual(ExampleCatalog.compareSections("3.1", "3.1"), .orderedSame)
        XCTAssertEqual(ExampleCatalog.compareSections("3", "3.1"), .orderedAscending)
        XCTAssertEqual(ExampleCatalog.compareSections("4.1", "2.2"), .orderedDescending)
    }

    func testLocationOrder() throws {
        let base = try makeTemporaryDirectory(self)
        let home = base.appendingPathComponent("home"), exeProject = base.appendingPathComponent("exe-project")
        let cwdProject = base.appendingPathComponent("cwd-project")
        for root in [home, exeProject, cwdProject] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/examples"),
                                                    withIntermediateDirectories: true)
        }
        let exe = exeProject.appendingPathComponent(".build/debug/deferlab")
        let cwd = cwdProject.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        let nowhere = base.appendingPathComponent("elsewhere/bin/deferlab")

        func locate(_ env: [String: String], _ exe: URL?, _ cwd: URL) throws -> String {
            try ExampleCatalog.locateContent(environment: env, executableURL: exe, currentDirectory: cwd).path
        }
        XCTAssertEqual(try locate(["DEFERLAB_HOME": home.path], exe, cwd), home.appendingPathComponent("Content").path)
        XCTAssertEqual(try locate([:], exe, cwd), exeProject.appendingPathComponent("Content").path)
        XCTAssertEqual(try locate(["DEFERLAB_HOME": ""], nowhere, cwd), cwdProject.appendingPathComponent("Content").path)
        // A DEFERLAB_HOME without content does not stop the search.
        XCTAssertEqual(try locate(["DEFERLAB_HOME": base.path], exe, cwd), exeProject.appendingPathComponent("Content").path)

        let outside = base.appendingPathComponent("elsewhere")
        XCTAssertThrowsError(try locate(["DEFERLAB_HOME": outside.path], nowhere, outside)) { error in
            guard case ContentError.notFound(let searchedHome, let starts)? = error as? ContentError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(searchedHome?.path, outside.path)
            XCTAssertEqual(starts.map(\.path), [outside.appendingPathComponent("bin").path, outside.path])
            let text = "\(error)"
            XCTAssertTrue(text.contains("content not found") && text.contains("Content/examples")
                          && text.contains("DEFERLAB_HOME"), text)
        }
    }

    /// Every broken example becomes a problem naming its file; the valid one still loads.
    func testProblemsAreValuesWithPaths() throws {
        let content = try makeTemporaryDirectory(self).appendingPathComponent("Content")
        let examples = content.appendingPathComponent("examples")
        try writeExample(examples, id: "good-one")
        try writeExample(examples, id: "wrong-id", manifestID: "other-id")
        try writeExample(examples, id: "bad-figure", figures: ["stdout", "peakFoo"])
        try writeExample(examples, id: "empty-zh", titleZh: " ")
        try writeExample(examples, id: "no-fixed", variants: [.bad])
        try writeExample(examples, id: "not-main", package: "lib")
        try writeExample(examples, id: "bad-vet", vetBad: "(unclosed")
        try writeExample(examples, id: "empty-claim", stdoutNotContains: [""])
        try writeFile("{ not json", examples.appendingPathComponent("broken-json/manifest.json"))
        try FileManager.default.createDirectory(at: examples.appendingPathComponent("no-manifest"),
                                                withIntermediateDirectories: true)
        try writeFile("stray file", examples.appendingPathComponent("README.txt"))

        let catalog = try ExampleCatalog.load(contentFolder: content)
        XCTAssertEqual(catalog.examples.map(\.id), ["good-one"])
        let text = catalog.problems.map(\.description)
        func expect(_ folder: String, _ file: String, _ needle: String) {
            let path = examples.appendingPathComponent(folder).appendingPathComponent(file).path
            XCTAssertTrue(text.contains { $0.hasPrefix(path + ":") && $0.contains(needle) },
                          "\(folder): no problem at \(path) mentioning \(needle) in\n\(text.joined(separator: "\n"))")
        }
        expect("wrong-id", "manifest.json", "manifest id \"other-id\" differs from its folder name \"wrong-id\"")
        expect("bad-figure", "manifest.json", "figures[1]: unknown figure \"peakFoo\"")
        expect("empty-zh", "manifest.json", "title.zh is empty")
        expect("no-fixed", "fixed", "no fixed/ folder")
        expect("not-main", "bad/main.go", "main.go is package lib")
        expect("not-main", "fixed/main.go", "main.go is package lib")
        expect("bad-vet", "manifest.json", "vet.bad /(unclosed/ is not a valid regular expression")
        expect("empty-claim", "manifest.json", "expect.bad.stdoutNotContains holds an empty string")
        expect("broken-json", "manifest.json", "invalid manifest.json: not valid JSON: Invalid value around character")
        expect("no-manifest", "manifest.json", "no manifest.json")
        XCTAssertEqual(catalog.problems.count, 10, text.joined(separator: "\n"))
    }

    func testMissingExamplesFolderIsThrown() throws {
        let content = try makeTemporaryDirectory(self).appendingPathComponent("Content")
        XCTAssertThrowsError(try ExampleCatalog.load(contentFolder: content)) { error in
            XCTAssertTrue("\(error)".contains("content not found"), "\(error)")
        }
    }

    func testGoModAndPackageScans() {
        XCTAssertEqual(ExampleValidator.modulePath(inGoMod: "// c\nmodule \"a/b\" // x\n\ngo 1.23\n"), "a/b")
        XCTAssertNil(ExampleValidator.modulePath(inGoMod: "go 1.23\n"))
        XCTAssertEqual(ExampleValidator.packageName(inGoSource: "// Doc.\n/* block\n package x */\npackage main\n"), "main")
        XCTAssertNil(ExampleValidator.packageName(inGoSource: "/* unterminated"))
        XCTAssertTrue(ExampleValidator.isKebabCase("loop-defer-files"))
        XCTAssertFalse(ExampleValidator.isKebabCase("Loop_defer"))
        XCTAssertFalse(ExampleValidator.isKebabCase("a--b"))
    }
}

// MARK: - Helpers

/// A fresh temporary folder, removed when the test ends.
func makeTemporaryDirectory(_ test: XCTestCase) throws -> URL {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("LabContentTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir.resolvingSymlinksInPath()
}

func writeFile(_ text: String, _ url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// Writes a small example; each argument breaks one rule.
func writeExample(_ examples: URL, id: String, manifestID: String? = nil, figures: [String] = ["stdout"],
                  titleZh: String = "标题", variants: [Variant] = Variant.allCases, package: String = "main",
                  vetBad: String = "clean", stdoutNotContains: [String] = []) throws {
    let folder = examples.appendingPathComponent(id)
    let manifest: [String: Any] = [
        "id": manifestID ?? id, "section": "2.2",
        "title": ["zh": titleZh, "en": "Title"], "demonstrates": ["zh": "说明", "en": "What it shows"],
        "figures": figures, "args": [] as [String], "timeoutSeconds": 10, "kind": "program",
        "expect": ["bad": ["exitCode": 0, "stdoutNotContains": stdoutNotContains] as [String: Any],
                   "fixed": ["exitCode": 0]],
        "vet": ["bad": vetBad, "fixed": "clean"],
    ]
    let data = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
    try writeFile(String(decoding: data, as: UTF8.self), folder.appendingPathComponent("manifest.json"))
    for variant in variants {
        let dir = folder.appendingPathComponent(variant.rawValue)
        try writeFile("module deferlab.example/\(id)/\(variant.rawValue)\n\ngo 1.23\n", dir.appendingPathComponent("go.mod"))
        try writeFile("package \(package)\n\nfunc main() {}\n", dir.appendingPathComponent("main.go"))
    }
}
