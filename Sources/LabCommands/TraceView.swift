import LabRunner
import LabText

/// The defer stack over time, drawn from a traced run's events: one row per event with the
/// goroutine's stack after it (bottom to top, so the LIFO order is visible), and what never
/// ran at the exit. A long trace shows its first and last rows and says what it left out.
public enum TraceView {
    /// Rows shown at each end of a long trace.
    public static let rowsAtEachEnd = 14

    /// The picture, each row cut to `width` display columns (nil: uncut).
    public static func lines(_ events: [TraceEvent], _ catalog: Catalog, width: Int? = nil) -> [String] {
        guard !events.isEmpty else { return [catalog.text(.traceNoEvents)] }
        let goroutines = Set(events.map(\.goroutine))
        let showGoroutine = goroutines.count > 1
        var stacks: [Int: [Int]] = [:]
        var rows: [[String]] = []
        func cut(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }
        for e in events {
            var stack = stacks[e.goroutine] ?? []
            let what: String
            var place = ""
            switch e.event {
            case "defer":
                stack.append(e.seq)
                what = "defer " + cut(e.call ?? "", 30)
                place = location(e) + (e.iteration.map { " " + catalog.text(.traceIteration, String($0)) } ?? "")
            case "run":
                if !stack.isEmpty { stack.removeLast() }
                what = "run #\(e.deferSeq ?? 0) " + cut(e.call ?? "", 26)
                place = catalog.text(.traceFrom, e.from ?? "return")
            case "recover":
                what = "recover() = " + cut(e.value ?? "nil", 24)
            case "return":
                what = "return " + (e.function ?? "") + (e.results.map { " → " + $0.joined(separator: ", ") } ?? "")
                place = e.from == "panic" ? catalog.text(.traceFrom, "panic") : ""
            case "exit":
                let reason: String
                switch e.reason {
                case "main returned"?: reason = catalog.text(.traceMainReturned)
                case "panic"?: reason = catalog.text(.traceUnrecoveredPanic)
                case let other?: reason = other
                case nil: reason = ""
                }
                what = "exit (" + reason + ")"
                place = e.pending > 0 ? catalog.text(.traceNeverRan, String(e.pending)) : ""
            default:
                what = e.event
            }
            stacks[e.goroutine] = stack
            let values = cut((e.args ?? []).joined(separator: ", "), 24)
            let stackCell = e.event == "exit" ? (e.pendingCalls ?? []).map { "[\(cut($0, 24))]" }.joined(separator: " ") : picture(stack)
            // The stack right after the event: the point of the picture, so it comes before
            // the details a narrow terminal cuts.
            let row = ["\(e.seq)"] + (showGoroutine ? ["g\(e.goroutine)"] : []) + [what, stackCell, place, values]
            rows.append(row.map(oneLine))
        }
        let header = ["#"] + (showGoroutine ? [catalog.text(.traceGoroutine)] : [])
            + [catalog.text(.traceEvent), catalog.text(.traceStack), catalog.text(.traceWhere), catalog.text(.traceValues)]
        var shown = rows
        var skipped: [[String]] = []
        if rows.count > 2 * rowsAtEachEnd + 1 {
            shown = Array(rows.prefix(rowsAtEachEnd)) + Array(rows.suffix(rowsAtEachEnd))
            skipped = Array(rows.dropFirst(rowsAtEachEnd).dropLast(rowsAtEachEnd))
        }
        let widths = header.indices.map { column in
            ([header] + shown).map { TextLayout.width($0[column]) }.max() ?? 0
        }
        func render(_ row: [String]) -> String {
            let line = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : TextLayout.pad(cell, to: widths[column])
            }.joined(separator: "  ").trimmingTrailingSpaces
            guard let width, TextLayout.width(line) > width else { return line }
            var out = ""
            for ch in line {
                if TextLayout.width(out + String(ch)) > width - 1 { break }
                out.append(ch)
            }
            return out + "…"
        }
        var out = [render(header)]
        for (i, row) in shown.enumerated() {
            if !skipped.isEmpty && i == rowsAtEachEnd {
                let defers = events.dropFirst(rowsAtEachEnd).dropLast(rowsAtEachEnd).filter { $0.event == "defer" }.count
                let runs = events.dropFirst(rowsAtEachEnd).dropLast(rowsAtEachEnd).filter { $0.event == "run" }.count
                out.append("⋮ " + catalog.text(.traceSkipped, String(skipped.count), String(defers), String(runs)))
            }
            out.append(render(row))
        }
        // What each goroutine registered and ran.
        out.append("")
        for g in goroutines.sorted() {
            let mine = events.filter { $0.goroutine == g }
            let registered = mine.filter { $0.event == "defer" }.count
            let ran = mine.filter { $0.event == "run" }.count
            guard registered > 0 else { continue }
            out.append(catalog.text(.traceSummary, "g\(g)", String(registered), String(ran), String(registered - ran)))
        }
        return out
    }

    /// A cell on one line: control characters as escapes.
    static func oneLine(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: u.value < 0x20 || u.value == 0x7F ? (out += "\\x" + String(u.value, radix: 16)) : out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func location(_ e: TraceEvent) -> String {
        (e.file ?? "") + (e.line.map { ":\($0)" } ?? "")
    }

    /// The stack bottom to top, as the `#` of each pending call's defer event; a deep one as
    /// its bottom, a count and its top.
    static func picture(_ stack: [Int]) -> String {
        if stack.isEmpty { return "·" }
        if stack.count <= 6 { return stack.map { "[#\($0)]" }.joined() }
        return "[#\(stack[0])]…×\(stack.count - 3)…" + stack.suffix(2).map { "[#\($0)]" }.joined()
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
