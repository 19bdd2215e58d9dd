import Foundation
import XCTest
import GoAnalysis
import GoToolchain
import DeferRules
import TestSupport

/// Behaviour on programs nobody wrote by hand: a fixed-seed generator writes a Go program of
/// many functions whose loops (nested up to three deep) open and defer-close resources and
/// leave in every way Go allows — continue, break, labeled branches of outer loops, return
/// with values, goto out of the loops, panic, break inside switch and select. The program is
/// run as written and after `fix -w`; the runs must print the same lines apart from the
/// closes, the same closes, and in the fixed run every close must come in stack order and
/// before the next iteration of the loop that opened it.
final class RandomLoopTests: XCTestCase {
    func testGeneratedLoopsBehaveTheSameAfterTheFix() throws {
        guard let go = try? GoLocator.forCurrentProcess().locate() else {
            throw XCTSkip("no Go toolchain found: the generated programs cannot run")
        }
        var generator = LoopProgram(seed: 0x5EED_DEF3)
        let source = Array(generator.program(functions: 150).utf8)
        var driver = Driver(analyzers: [LoopDefer.analyzer])
        driver.fixes = .safe
        let outcome = driver.analyze([("main.go", source)])[0]
        XCTAssertEqual(outcome.syntaxErrors, [], "the generated program parses")
        let fixed = try XCTUnwrap(outcome.fixed, "the fix changed nothing")
        XCTAssertEqual(outcome.diagnostics.filter(\.hasSafeFix).count, 0, "no safe fix is left after -w")

        let before = try TraceRunner.run(go, source, name: "random-original")
        let after = try TraceRunner.run(go, fixed, name: "random-fixed")
        XCTAssertGreaterThan(before.count, 1000, "the program does something")
        let isClose = { (l: Substring) in l.hasPrefix("close ") }
        XCTAssertEqual(before.filter { !isClose($0) }, after.filter { !isClose($0) }, "apart from closes, the same lines in the same order")
        XCTAssertEqual(before.filter(isClose).sorted(), after.filter(isClose).sorted(), "the same closes")
        XCTAssertNotEqual(before, after, "the closes moved")
        // Stack order, and nothing of a loop level left open when that level starts again.
        var open: [String] = []
        for (n, line) in after.enumerated() {
            let words = line.split(separator: " ")
            if words.first == "open" {
                open.append(String(words[1]))
            } else if words.first == "close" {
                XCTAssertEqual(open.last, String(words[1]), "line \(n + 1): closes out of stack order")
                open.removeLast()
            } else if words.first == "iter", words.count > 2 {
                let level = "\(words[1]).d\(words[2])."
                XCTAssertFalse(open.contains { $0.hasPrefix(level) }, "line \(n + 1): \(line) starts while that level still holds \(open)")
            }
        }
    }
}

/// Builds and runs one-file Go programs, returning their output lines.
enum TraceRunner {
    static func run(_ go: GoToolchain, _ source: [UInt8], name: String) throws -> [Substring] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(source).write(to: dir.appendingPathComponent("main.go"))
        try "module trace\n\ngo 1.23\n".write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        let vet = try go.run(arguments: ["vet", "."], in: dir, timeout: .seconds(300))
        XCTAssertTrue(vet.succeeded, "\(name): go vet\n\(vet.standardErrorText)")
        let result = try go.run(arguments: ["run", "."], in: dir, timeout: .seconds(300))
        XCTAssertTrue(result.succeeded, "\(name): \(result.standardErrorText)")
        return result.standardOutputText.split(separator: "\n")
    }
}

/// A fixed-seed generator of loop-heavy Go functions.
struct LoopProgram {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func program(functions: Int) -> String {
        var out = """
        package main

        import (
        \t"errors"
        \t"fmt"
        )

        type resource struct{ name string }

        func open(name string) *resource {
        \tfmt.Println("open", name)
        \treturn &resource{name}
        }

        func (r *resource) Close() { fmt.Println("close", r.name) }

        func (r *resource) use() { fmt.Println("use", r.name) }

        var errStop = errors.New("stop")

        func call(name string, f func([]int) (int, error), in []int) {
        \tdefer func() {
        \t\tif r := recover(); r != nil {
        \t\t\tfmt.Println("recovered", name, r)
        \t\t}
        \t}()
        \tn, err := f(in)
        \tfmt.Println("result", name, n, err)
        }


        """
        var calls = ""
        for k in 0..<functions {
            out += function(k)
            for input in ["[]int{1, 2, 3, 4, 5}", "[]int{0, 7, 2}", "[]int{9, 9, 9, 9}", "nil"] {
                calls += "\tcall(\"f\(k)\", f\(k), \(input))\n"
            }
        }
        out += "func main() {\n" + calls + "}\n"
        return out
    }

    struct Context {
        var name: String
        var depth = 0
        var labels: [String] = []
        var used = Set<String>()
        var usesEnd = false
        var counter = 0
    }

    mutating func function(_ k: Int) -> String {
        var c = Context(name: "f\(k)")
        let body = loop(&c, indent: "\t")
        var out = "func f\(k)(in []int) (int, error) {\n\tacc := 0\n" + body
        out += "\treturn acc, nil\n"
        if c.usesEnd { out += "end:\n\tfmt.Println(\"end\", \"\(c.name)\")\n\treturn -acc, errStop\n" }
        return out + "}\n\n"
    }

    mutating func loop(_ c: inout Context, indent: String) -> String {
        c.depth += 1
        defer { c.depth -= 1 }
        let d = c.depth
        let label = "L\(d)"
        c.labels.append(label)
        let i = "i\(d)", v = "v\(d)"
        let header: String
        switch below(3) {
        case 0: header = "for \(i), \(v) := range in {"
        case 1: header = "for \(i) := 0; \(i) < len(in); \(i)++ {\n\(indent)\t\(v) := in[\(i)]"
        default: header = "for \(i), \(v) := range in[:len(in)/2] {"
        }
        var body = "\(indent)\tfmt.Println(\"iter\", \"\(c.name)\", \(d), \(i), \(v))\n"
        let statements = 2 + below(4)
        for _ in 0..<statements { body += statement(&c, indent: indent + "\t", v: v, i: i) }
        c.labels.removeLast()
        var out = ""
        if c.used.contains(label) {
            out += "\(label):\n"
            c.used.remove(label)
        }
        return out + indent + header + "\n" + body + indent + "}\n"
    }

    mutating func statement(_ c: inout Context, indent: String, v: String, i: String) -> String {
        switch below(12) {
        case 0, 1, 2:
            c.counter += 1
            let name = "\(c.name).d\(c.depth).\(c.counter)"
            let r = "r\(c.counter)"
            return "\(indent)\(r) := open(fmt.Sprint(\"\(name)-\", \(i)))\n\(indent)defer \(r).Close()\n\(indent)\(r).use()\n"
        case 3:
            return "\(indent)acc += \(v)\n"
        case 4, 5:
            return "\(indent)if \(v)%\(2 + below(4)) == \(below(2)) {\n\(branch(&c, indent: indent + "\t"))\(indent)}\n"
        case 6:
            guard c.depth < 3 else { return "\(indent)acc++\n" }
            return loop(&c, indent: indent)
        case 7:
            let inner = chance(50) ? "\(indent)\t\tbreak\n" : "\(indent)\t\tacc--\n"
            return "\(indent)switch \(v) % 3 {\n\(indent)case 0:\n\(inner)\(indent)case 1:\n\(indent)\tacc += 2\n\(indent)\tif \(v) > 3 {\n\(branch(&c, indent: indent + "\t\t"))\(indent)\t}\n\(indent)}\n"
        case 8:
            return "\(indent)select {\n\(indent)default:\n\(indent)\tif \(v) == 2 {\n\(indent)\t\tbreak\n\(indent)\t}\n\(indent)\tacc += 3\n\(indent)}\n"
        default:
            return "\(indent)fmt.Println(\"step\", \"\(c.name)\", \(c.depth), acc)\n"
        }
    }

    /// A statement that leaves the iteration somehow.
    mutating func branch(_ c: inout Context, indent: String) -> String {
        switch below(9) {
        case 0: return "\(indent)continue\n"
        case 1: return "\(indent)break\n"
        case 2, 3:
            let target = c.labels[below(c.labels.count)]
            c.used.insert(target)
            return "\(indent)\(chance(50) ? "continue" : "break") \(target)\n"
        case 4: return "\(indent)return acc, nil\n"
        case 5: return "\(indent)return acc * 2, fmt.Errorf(\"early %d\", acc)\n"
        case 6:
            c.usesEnd = true
            return "\(indent)goto end\n"
        case 7: return "\(indent)panic(fmt.Sprint(\"boom \", acc))\n"
        default: return "\(indent)acc -= 1\n"
        }
    }
}
