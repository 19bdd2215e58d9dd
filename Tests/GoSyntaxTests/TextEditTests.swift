import Foundation
import XCTest
@testable import GoSyntax

final class TextEditTests: XCTestCase {
    func testAppliesInAnyOrder() throws {
        let text = "for _, f := range files {\n\tdefer f.Close()\n}\n"
        func offset(of s: String) -> Int { text.utf8.count - text[text.range(of: s)!.lowerBound...].utf8.count }
        let files = offset(of: "files")
        let edits = [
            TextEdit.insert("\t}()\n", at: text.utf8.count - 2),
            TextEdit.replace(files..<(files + 5), with: "names"),
            TextEdit.insert("\n\tfunc() {", at: offset(of: "{") + 1),
        ]
        let out = try TextEditApplier.apply(edits, to: text)
        XCTAssertEqual(out, "for _, f := range names {\n\tfunc() {\n\tdefer f.Close()\n\t}()\n}\n")
    }

    func testDuplicatesApplyOnce() throws {
        let e = TextEdit.insert("x", at: 1)
        XCTAssertEqual(try TextEditApplier.apply([e, e], to: "ab"), "axb")
    }

    func testRefusesOverlaps() {
        let cases: [[TextEdit]] = [
            [.replace(0..<3, with: "a"), .replace(2..<4, with: "b")],
            [.insert("a", at: 2), .insert("b", at: 2)],
            [.insert("a", at: 2), .replace(2..<3, with: "b")],
            [.replace(1..<5, with: ""), .insert("z", at: 3)],
        ]
        for edits in cases {
            XCTAssertThrowsError(try TextEditApplier.apply(edits, to: "abcdef")) { error in
                guard case .overlap = error as? TextEditError else { return XCTFail("\(error)") }
            }
        }
        // Adjacent edits do not overlap.
        XCTAssertEqual(try TextEditApplier.apply([.replace(0..<2, with: "X"), .replace(2..<4, with: "Y")], to: "abcdef"), "XYef")
    }

    func testRefusesOutOfBounds() {
        XCTAssertThrowsError(try TextEditApplier.apply([.replace(4..<9, with: "")], to: "abcdef")) { error in
            guard case .outOfBounds = error as? TextEditError else { return XCTFail("\(error)") }
        }
    }

    func testEditsFromNodePositionsKeepCommentsAndLayout() throws {
        // A byte-exact edit from AST positions: wrap the loop body without reprinting the file.
        let src = "package p\n\nfunc f(files []F) {\n\tfor _, f := range files { // each\n\t\tdefer f.Close() /* keep */\n\t}\n}\n"
        let parsed = parseGo(src)
        guard case .func(let fd) = parsed.file.decls[0], case .range(let r) = fd.body!.list[0] else { return XCTFail() }
        let base = parsed.source.base
        let open = r.body.lbrace.raw - base + 1, close = r.body.rbrace.raw - base
        let out = try TextEditApplier.apply([.insert(" func() {", at: open), .insert("}() ", at: close)], to: src)
        XCTAssertEqual(out, "package p\n\nfunc f(files []F) {\n\tfor _, f := range files { func() { // each\n\t\tdefer f.Close() /* keep */\n\t}() }\n}\n")
        XCTAssertEqual(parseGo(out).errors, [])
    }
}

final class InspectorTests: XCTestCase {
    func testVisitsInSourceOrderWithPrePost() {
        let parsed = parseGo("package p\n\nfunc f() { defer g(a, b) }\n")
        var order: [String] = []
        var depth = 0, maxDepth = 0
        Inspector.walk(parsed.file, pre: { node in
            depth += 1
            maxDepth = max(maxDepth, depth)
            if case .expr(.ident(let i)) = node { order.append(i.name) }
            return true
        }, post: { _ in depth -= 1 })
        XCTAssertEqual(order, ["f", "g", "a", "b"])
        XCTAssertEqual(depth, 0, "every pre has a post")
        XCTAssertGreaterThan(maxDepth, 4)
    }

    func testPruningAndStack() {
        let parsed = parseGo("package p\n\nfunc f() {\n\tfor {\n\t\tdefer x()\n\t\tfunc() { defer y() }()\n\t}\n}\n")
        var found: [(String, Bool)] = []
        Inspector.walkWithStack(parsed.file) { node, stack in
            if case .stmt(.defer(let d)) = node, case .ident(let id) = d.call.fun {
                // Inside a loop, and not inside a function literal within it?
                var inLoop = false
                for n in stack.reversed() {
                    if case .expr(.funcLit) = n { break }
                    if case .stmt(.for) = n { inLoop = true; break }
                }
                found.append((id.name, inLoop))
            }
            return true
        }
        XCTAssertEqual(found.map(\.0), ["x", "y"])
        XCTAssertEqual(found.map(\.1), [true, false])
        var visited = 0
        Inspector.walk(parsed.file, pre: { node in
            visited += 1
            if case .stmt(.for) = node { return false }
            return true
        })
        XCTAssertLessThan(visited, 8, "children of a pruned node are not visited")
    }
}
