import Foundation

/// One event of a traced run (see ``TraceSource``): a deferred call registered (`defer`),
/// started (`run`), a `recover` call, a function with defers returning (`return`), or the
/// program ending with calls still pending (`exit`).
public struct TraceEvent: Sendable, Hashable, Codable {
    /// The order of events over the whole program.
    public var seq: Int
    /// `defer`, `run`, `recover`, `return` or `exit`.
    public var event: String
    public var goroutine: Int
    /// The function the deferred call was registered in (`defer`, `run`), or that returns.
    public var function: String?
    public var file: String?
    public var line: Int?
    /// The deferred call as written (at most 40 characters).
    public var call: String?
    /// The values of the call's receiver and arguments as the defer statement took them
    /// (plain names), or their source text.
    public var args: [String]?
    /// For a defer inside a loop: how many of this loop's defers were already pending.
    public var iteration: Int?
    /// For `run`: the `seq` of the `defer` event it runs.
    public var deferSeq: Int?
    /// For `run` and `return`: `return`, `panic` or `goexit`.
    public var from: String?
    /// Deferred calls pending in this goroutine after the event.
    public var pending: Int
    /// For `return`: the named results, after the defers.
    public var results: [String]?
    /// For `recover`: what it returned.
    public var value: String?
    /// For `exit`: `os.Exit`, `log.Fatal`… or `main returned`.
    public var reason: String?
    /// For `exit`: the calls that never run, the next to run first (at most five).
    public var pendingCalls: [String]?

    enum CodingKeys: String, CodingKey {
        case seq, event, goroutine, function = "func", file, line, call, args, iteration, deferSeq, from, pending
        case results, value, reason, pendingCalls
    }

    /// The events of a traced run's `T` lines, in order; lines that do not decode are left out.
    public static func decode(_ lines: [String]) -> [TraceEvent] {
        let decoder = JSONDecoder()
        return lines.compactMap { try? decoder.decode(TraceEvent.self, from: Data($0.utf8)) }.sorted { $0.seq < $1.seq }
    }
}
