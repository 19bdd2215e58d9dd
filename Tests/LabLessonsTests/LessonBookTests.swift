import DeferRules
import Foundation
import LabContent
@testable import LabLessons
import XCTest
import GoToolchain
import LabText
import TestSupport

/// The shipped lessons load and validate; damaged or one-language lessons are reported as
/// values with clear messages.
final class LessonBookTests: XCTestCase {
    /// The article's outline: every section must have exactly one lesson.
    static let outline = ["1", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3",
                          "4.1", "4.2", "4.3", "4.4", "5"]
    static let rules = Set(DeferRules.all.map(\.name))

    /// The workshop's exercise ids: the folders of Content/exercises (the workshop's loader
    /// checks that each folder's name is its id).
    static func exercises(_ examples: ExampleCatalog) -> Set<String> {
        let folder = examples.contentFolder.appendingPathComponent("exercises", isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.filter { !$0.hasPrefix(".") })
    }

    func testShippedLessonsLoadAndValidate() throws {
        let examples = try ExampleCatalog.forCurrentProcess()
        let book = try LessonBook.forCurrentProcess(examples: examples, ruleNames: Self.rules,
                                                    exerciseIDs: Self.exercises(examples))
        XCTAssertEqual(book.problems, [], book.problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(book.sections.map(\.id), Self.outline)
        // Every example is used by some lesson, so none is shipped without being taught.
        let used = Set(book.sections.flatMap(\.exampleIDs))
        XCTAssertEqual(Set(examples.examples.map(\.id)).subtracting(used), [])
        // Every correction binds at least one figure to a run, or names its example's run.
        for section in book.sections {
            for block in section.blocks {
                guard case .correction(let correction) = block.content else { continue }
                XCTAssertNotNil(examples.example(id: correction.example), "\(section.id) \(block.key)")
            }
        }
        XCTAssertTrue(book.sections.contains { $0.blocks.contains { if case .checklist = $0.content { true } else { false } } })
        XCTAssertEqual(book.section(after: "2.5")?.id, "3.1")
        XCTAssertEqual(book.section(after: "1", offset: -1)?.id, nil)
    }

    func testDamagedFileIsAClearProblem() throws {
        let (folder, examples) = try copyOfShippedLessons()
        let damaged = folder.appendingPathComponent("2.4-closures.json")
        try "{ \"format\": 1, \"section\": \"2.4\", ".write(to: damaged, atomically: true, encoding: .utf8)
        let wrongKind = folder.appendingPathComponent("2.5-hot-paths.json")
        var text = try String(contentsOf: wrongKind, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"kind\": \"prose\"", with: "\"kind\": \"poem\"")
        try text.write(to: wrongKind, atomically: true, encoding: .utf8)

        let book = try LessonBook.load(lessonsFolder: folder, examples: examples, ruleNames: Self.rules)
        XCTAssertEqual(book.sections.map(\.id), Self.outline.filter { $0 != "2.4" && $0 != "2.5" })
        let messages = book.problems.map(\.description)
        XCTAssertEqual(messages.count, 2, messages.joined(separator: "\n"))
        XCTAssertTrue(messages[0].hasPrefix(damaged.path + ": invalid lesson file: not valid JSON"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix(wrongKind.path + ": invalid lesson file: blocks[0].kind: unknown block kind \"poem\""),
                      messages[1])
    }

    func testSectionInOneLanguageOnlyFails() throws {
        let (folder, examples) = try copyOfShippedLessons()
        let file = folder.appendingPathComponent("2.2-defer-stack.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        func dropEnglish(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "en" }.mapValues(dropEnglish)
            }
            if let array = value as? [Any] { return array.map(dropEnglish) }
            return value
        }
        try JSONSerialization.data(withJSONObject: dropEnglish(json)).write(to: file)

        let book = try LessonBook.load(lessonsFolder: folder, examples: examples, ruleNames: Self.rules)
        XCTAssertNil(book.section(id: "2.2"))
        XCTAssertEqual(book.sections.count, Self.outline.count - 1)
        XCTAssertTrue(book.problems.allSatisfy { $0.path == file.path })
        let messages = book.problems.map(\.description)
        XCTAssertTrue(messages.contains("\(file.path): title: no en text (every text needs zh and en)"),
                      messages.joined(separator: "\n"))
        XCTAssertTrue(messages.contains("\(file.path): lifo.text: no en text (every text needs zh and en)"))
        XCTAssertTrue(messages.contains("\(file.path): stack.art: no en text (every text needs zh and en)"))
    }

    func testReferencesFiguresAndTypedMeasurements() throws {
        let (folder, examples) = try copyOfShippedLessons()
        func prose(_ key: String, _ zh: String, _ en: String) -> [String: Any] {
            ["key": key, "kind": "prose", "text": ["zh": zh, "en": en]]
        }
        let lesson: [String: Any] = [
            "format": 1, "section": "9.1", "slug": "broken", "title": ["zh": "坏", "en": "Broken"],
            "blocks": [
                prose("ok", "`-work 10ms` {{run:loop-defer-files/bad/peakOpenFiles}}",
                      "`-work 10ms` {{run:loop-defer-files/bad/peakOpenFiles}}"),
                prose("mismatch", "{{example:defer-cost}}", "{{example:defer-lifo-order}}"),
                prose("unknown-example", "{{run:no-such/bad/stdout}}", "{{run:no-such/bad/stdout}}"),
                prose("unknown-figure", "{{run:defer-cost/bad/peakFoo}}", "{{run:defer-cost/bad/peakFoo}}"),
                prose("not-listed", "{{run:defer-cost/bad/peakOpenFiles}}", "{{run:defer-cost/bad/peakOpenFiles}}"),
                prose("not-claimed", "{{run:defer-cost/fixed/stdout#BenchmarkDeferInLoop}}",
                      "{{run:defer-cost/fixed/stdout#BenchmarkDeferInLoop}}"),
                prose("variant", "{{run:defer-cost/good/stdout}}", "{{run:defer-cost/good/stdout}}"),
                prose("malformed", "{{run:defer-cost}}", "{{run:defer-cost}}"),
                prose("refs", "{{section:7.7}} {{rule:no-rule}} {{exercise:no-such}} {{exercise:loop-files}}",
                      "{{section:7.7}} {{rule:no-rule}} {{exercise:no-such}} {{exercise:loop-files}}"),
                prose("typed", "耗时 340 ms", "took 1.2 ns/op and 32 B"),
                ["key": "listing", "kind": "listing", "example": "defer-cost", "variant": "bad", "function": "nope"],
                ["key": "table", "kind": "table", "columns": ["a", "b"], "rows": [["1"]]],
                prose("ok", "重复", "duplicate"),
            ],
        ]
        let file = folder.appendingPathComponent("9.1-broken.json")
        try JSONSerialization.data(withJSONObject: lesson).write(to: file)

        let book = try LessonBook.load(lessonsFolder: folder, examples: examples, ruleNames: Self.rules,
                                       exerciseIDs: Self.exercises(examples))
        XCTAssertNil(book.section(id: "9.1"))
        let details = book.problems.map { "\($0.location): \($0.detail)" }
        let expected = [
            "mismatch.text: zh and en name different placeholders (only in zh: {{example:defer-cost}}; only in en: {{example:defer-lifo-order}})",
            "unknown-example.text: no example \"no-such\" in Content/examples",
            "unknown-figure.text: unknown figure \"peakFoo\"",
            "not-listed.text: figure peakOpenFiles is not among the figures of example defer-cost",
            "not-claimed.text: \"BenchmarkDeferInLoop\" is not an expect.fixed.stdoutContains claim of example defer-cost",
            "variant.text: unknown variant \"good\"",
            "malformed.text: {{run:defer-cost}} is not a placeholder",
            "refs.text: no lesson for section 7.7",
            "refs.text: no rule \"no-rule\"",
            "refs.text: no workshop exercise \"no-such\"",
            "typed.text: \"340 ms\" looks like a typed measurement",
            "typed.text: \"1.2 ns/op\" looks like a typed measurement",
            "typed.text: \"32 B\" looks like a typed measurement",
            "listing.function: defer-cost/bad/main.go declares no function nope",
            "table.rows[0]: row has 1 cells, the table has 2 columns",
            "ok: key \"ok\" is used twice",
        ]
        for needle in expected {
            XCTAssertTrue(details.contains { $0.hasPrefix(needle) }, "missing: \(needle)\nin:\n\(details.joined(separator: "\n"))")
        }
        // `-work 10ms` in a code span is a workload, not a measurement; a valid figure is fine.
        XCTAssertFalse(details.contains { $0.hasPrefix("ok.text") }, details.joined(separator: "\n"))
        XCTAssertEqual(details.count, expected.count, details.joined(separator: "\n"))
    }

    func testQuestionsAreCheckedAndAnsweredByOutput() throws {
        let (folder, examples) = try copyOfShippedLessons()
        func choice(_ key: String, matches: String? = nil, absent: Bool = false) -> [String: Any] {
            var c: [String: Any] = ["key": key, "text": ["zh": "选 \(key)", "en": "choose \(key)"]]
            if let matches { c["matches"] = matches }
            if absent { c["absent"] = true }
            return c
        }
        func question(_ key: String, _ choices: [[String: Any]], decidedBy: String = "printed:", variant: String = "bad") -> [String: Any] {
            ["key": key, "kind": "question", "example": "defer-param-order", "variant": variant,
             "question": ["zh": "打印什么？", "en": "What is printed?"], "choices": choices, "decidedBy": decidedBy,
             "why": ["zh": "因为。", "en": "Because."]]
        }
        let lesson: [String: Any] = [
            "format": 1, "section": "9.2", "slug": "questions", "title": ["zh": "题", "en": "Questions"],
            "blocks": [
                question("ok", [choice("a", matches: "0 1 2"), choice("b", matches: "2 1 0"), choice("c", absent: true)]),
                question("one-choice", [choice("a", matches: "0 1 2")]),
                question("five-choices", ["a", "b", "c", "d", "e"].map { choice($0, matches: $0) }),
                question("both", [choice("a", matches: "x", absent: true), choice("b", matches: "y")]),
                question("neither", [choice("a"), choice("b", matches: "y")]),
                question("two-absent", [choice("a", absent: true), choice("b", absent: true)]),
                question("dup-keys", [choice("a", matches: "x"), choice("a", matches: "y")]),
                question("no-decider", [choice("a", matches: "x"), choice("b", matches: "y")], decidedBy: " "),
            ],
        ]
        let file = folder.appendingPathComponent("9.2-questions.json")
        try JSONSerialization.data(withJSONObject: lesson).write(to: file)
        let book = try LessonBook.load(lessonsFolder: folder, examples: examples, ruleNames: Self.rules)
        let details = book.problems.map { "\($0.location): \($0.detail)" }
        let expected = [
            "one-choice.choices: a question has 2 to 4 choices, not 1",
            "five-choices.choices: a question has 2 to 4 choices, not 5",
            "both.choices.a: a choice has either",
            "neither.choices.a: a choice has either",
            "two-absent.choices: only one choice can be right",
            "dup-keys.choices.a: key \"a\" is used twice",
            "no-decider.decidedBy: decidedBy names the text",
        ]
        for needle in expected {
            XCTAssertTrue(details.contains { $0.hasPrefix(needle) }, "missing: \(needle)\nin:\n\(details.joined(separator: "\n"))")
        }
        XCTAssertFalse(details.contains { $0.hasPrefix("ok") }, details.joined(separator: "\n"))
        XCTAssertEqual(details.count, expected.count, details.joined(separator: "\n"))

        // The output decides: the first line with decidedBy, or the absent choice without one.
        let q = Question(example: "x", variant: .bad, question: LocalizedText(zh: "?", en: "?"), choices: [
            .init(key: "a", text: LocalizedText(zh: "a", en: "a"), matches: "0 1 2", absent: false),
            .init(key: "b", text: LocalizedText(zh: "b", en: "b"), matches: "2 1 0", absent: false),
            .init(key: "c", text: LocalizedText(zh: "c", en: "c"), matches: nil, absent: true),
        ], decidedBy: "printed:", why: LocalizedText(zh: ".", en: "."))
        XCTAssertEqual(q.answer(stdout: "start\nprinted: 2 1 0\nprinted: 0 1 2\n", stderr: "")?.key, "b", "the first deciding line")
        XCTAssertEqual(q.answer(stdout: "", stderr: "printed: 0 1 2\n")?.key, "a", "standard error counts too")
        XCTAssertEqual(q.answer(stdout: "nothing\n", stderr: "")?.key, "c")
        XCTAssertNil(q.answer(stdout: "printed: 9 9 9\n", stderr: ""), "an output that decides nothing")
    }

    /// Chinese text keeps code and quoted error text in half-width characters: a receiver such
    /// as `(*os.File).Close` or an error like "sync: unlock of unlocked mutex" is copied from Go,
    /// and full-width punctuation inside it reads as a different (wrong) text.
    func testChineseTextKeepsCodeHalfWidth() throws {
        let examples = try ExampleCatalog.forCurrentProcess()
        let book = try LessonBook.forCurrentProcess(examples: examples, ruleNames: Self.rules)
        var texts: [(String, String)] = []
        for section in book.sections {
            for block in section.blocks { for field in block.content.texts { texts.append(("\(section.id) \(block.key).\(field.field)", field.value.zh)) } }
        }
        for example in examples.examples {
            texts.append(("\(example.id) title", example.manifest.title.zh))
            texts.append(("\(example.id) demonstrates", example.manifest.demonstrates.zh))
        }
        for (place, text) in texts {
            for problem in ChineseText.problems(text) { XCTFail("\(place): \(problem): \(text)") }
        }
        XCTAssertGreaterThan(texts.count, 100)
    }

    func testPlaceholderParsing() {
        XCTAssertEqual(LessonText.segments("a {{run:x/bad/stdout#db.Stats: InUse=4}} b"), [
            .text("a "),
            .placeholder(.run(RunFigure(example: "x", variant: "bad", figure: "stdout", line: "db.Stats: InUse=4"))),
            .text(" b"),
        ])
        XCTAssertEqual(LessonText.segments("{{section:3.1}}{{rule:loop-defer}}"),
                       [.placeholder(.section("3.1")), .placeholder(.rule("loop-defer"))])
        XCTAssertEqual(LessonText.segments("x {{run:a/b}} {{oops"), [.text("x "), .malformed("{{run:a/b}}"), .text(" "), .malformed("{{oops")])
        XCTAssertEqual(LessonText.typedMeasurements(in: "Go 1.22 prints 2 1 0; `-n 10000`; {{run:a/bad/wallMillis}}"), [])
        XCTAssertEqual(LessonText.typedMeasurements(in: "took 12ms, 45% and 16 字节"), ["12ms", "45%", "16 字节"])
    }

    func testLocatesLessonsLikeContent() throws {
        let base = try temporaryDirectory()
        let project = base.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        let cwd = project.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        let found = try LessonBook.locateLessons(environment: [:], executableURL: nil, currentDirectory: cwd)
        XCTAssertEqual(found.path, project.appendingPathComponent("Lessons").path)
        let home = try LessonBook.locateLessons(environment: ["DEFERLAB_HOME": project.path], executableURL: nil,
                                                currentDirectory: base)
        XCTAssertEqual(home.path, project.appendingPathComponent("Lessons").path)
        XCTAssertThrowsError(try LessonBook.locateLessons(environment: [:], executableURL: nil, currentDirectory: base)) {
            XCTAssertTrue("\($0)".contains("lessons not found: no Lessons folder in \(base.path) or above"), "\($0)")
        }
        XCTAssertThrowsError(try LessonBook.load(lessonsFolder: base.appendingPathComponent("none"),
                                                 examples: ExampleCatalog(contentFolder: base, examples: [], problems: [])))
    }

    // MARK: - Helpers

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("LabLessonsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.resolvingSymlinksInPath()
    }

    /// A temporary copy of the shipped Lessons folder, and the shipped example catalog.
    private func copyOfShippedLessons() throws -> (URL, ExampleCatalog) {
        let examples = try ExampleCatalog.forCurrentProcess()
        let project = try XCTUnwrap(ProjectLocator.forCurrentProcess().projectFolder(holding: LessonBook.lessonsRelativePath))
        let shipped = project.appendingPathComponent(LessonBook.lessonsRelativePath)
        let copy = try temporaryDirectory().appendingPathComponent("Lessons")
        try FileManager.default.copyItem(at: shipped, to: copy)
        return (copy, examples)
    }
}

/// Every claim of the article is settled in `Lessons/claims/<section>.json`: confirmed or
/// corrected by a block bound to a run, or out of scope with a reason the section's notes give.
final class ArticleClaimTests: XCTestCase {
    struct ClaimFile: Decodable {
        struct Claim: Decodable {
            var claim: String
            var verdict: String
            var blocks: [String]
            var why: String?
        }
        var section: String
        var claims: [Claim]
    }

    func testEveryClaimIsSettledAndBoundToARun() throws {
        let examples = try ExampleCatalog.forCurrentProcess()
        let book = try LessonBook.forCurrentProcess(examples: examples, ruleNames: LessonBookTests.rules,
                                                    exerciseIDs: LessonBookTests.exercises(examples))
        let folder = examples.contentFolder.deletingLastPathComponent().appendingPathComponent("Lessons/claims", isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        // One file per section of the outline.
        XCTAssertEqual(Set(names), Set(LessonBookTests.outline.map { "\($0).json" }))
        var total = 0
        for name in names {
            let file = try JSONDecoder().decode(ClaimFile.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            XCTAssertEqual("\(file.section).json", name)
            guard let section = book.section(id: file.section) else {
                XCTFail("\(name): no lesson for section \(file.section)")
                continue
            }
            XCTAssertFalse(file.claims.isEmpty, name)
            let blocks = Dictionary(section.blocks.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for claim in file.claims {
                total += 1
                let at = "\(name): \(claim.claim.prefix(60))"
                XCTAssertFalse(claim.claim.trimmingCharacters(in: .whitespaces).isEmpty, at)
                for key in claim.blocks where blocks[key] == nil { XCTFail("\(at): no block \(key)") }
                switch claim.verdict {
                case "confirmed", "corrected":
                    let bound = claim.blocks.compactMap { blocks[$0] }.contains { block in
                        switch block.content {
                        case .run, .diff, .correction, .question: return true
                        default:
                            return block.content.texts.contains { field in
                                LessonText.segments(field.value.en).contains {
                                    if case .placeholder(.run) = $0 { return true } else { return false }
                                }
                            }
                        }
                    }
                    XCTAssertTrue(bound, "\(at): \(claim.verdict) but bound to no run")
                case "out-of-scope":
                    XCTAssertFalse((claim.why ?? "").isEmpty, "\(at): out of scope without a reason")
                    XCTAssertNotNil(blocks["notes"], "\(at): the section has no notes block to say why")
                default:
                    XCTFail("\(at): unknown verdict \(claim.verdict)")
                }
            }
        }
        XCTAssertGreaterThan(total, 100, "the article has more claims than that")
    }
}
