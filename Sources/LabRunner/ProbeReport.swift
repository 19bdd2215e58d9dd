/// One sample the probe sent (see ``ProbeSource`` for the line format).
public struct ProbeSample: Sendable, Hashable, Codable {
    /// Microseconds since the probe started.
    public var micros: Int
    /// Open descriptors above the baseline.
    public var openFiles: Int
    /// Goroutines, the probe's sampler not counted.
    public var goroutines: Int
    /// Heap allocations since the probe started (count).
    public var heapAllocs: Int
    /// Heap allocations since the probe started (bytes).
    public var heapBytes: Int
    /// True for the final sample taken at a normal return from `main`.
    public var final: Bool
    /// Deferred calls registered and not yet run (0 when the program was not instrumented).
    public var pendingDefers: Int = 0

    public init(micros: Int, openFiles: Int, goroutines: Int, heapAllocs: Int, heapBytes: Int,
                final: Bool, pendingDefers: Int = 0) {
        self.micros = micros
        self.openFiles = openFiles
        self.goroutines = goroutines
        self.heapAllocs = heapAllocs
        self.heapBytes = heapBytes
        self.final = final
        self.pendingDefers = pendingDefers
    }
}

/// A new highest count the probe sent at once, between samples (`o` and `p` lines).
public struct ProbePeak: Sendable, Hashable {
    public enum Figure: Sendable, Hashable { case openFiles, pendingDefers }
    public var micros: Int
    public var figure: Figure
    public var value: Int
    public init(micros: Int, figure: Figure, value: Int) {
        self.micros = micros
        self.figure = figure
        self.value = value
    }
}

/// The figures gathered from the probe's stream; built incrementally as bytes arrive.
public struct ProbeReport: Sendable, Hashable {
    /// Descriptors open when the baseline was taken (stdio, poller, probe pipe, listing).
    public private(set) var baseline: Int?
    /// Every sample, in the order received.
    public private(set) var samples: [ProbeSample] = []
    /// The most descriptors a wrapped open proved open at once (`o` events), if any.
    public private(set) var openedPeak: Int?
    /// The most deferred calls pending at once (`p` events, sent on each new peak), if any.
    public private(set) var deferPeak: Int?
    /// Deferred calls pending when the program called `os.Exit` or `log.Fatal…` (the last
    /// such call), if it did.
    public private(set) var exitPending: Int?
    /// Every new highest count, in the order received (a short run may have no sample
    /// between the first and the last, but these say when the counts rose).
    public private(set) var peaks: [ProbePeak] = []
    /// The tracer's events (`T {json}` lines) of a traced run, as sent.
    public private(set) var traceLines: [String] = []
    /// Lines that did not parse (a program writing to the probe's descriptor, or a cut line).
    public private(set) var malformedLines = 0
    private var pending: [UInt8] = []

    /// An empty report.
    public init() {}

    /// True once the probe has reported at least its baseline.
    public var started: Bool { baseline != nil }

    /// The most descriptors open at once above the baseline, over all samples and opens.
    public var peakOpenFiles: Int? { (samples.map(\.openFiles) + [openedPeak].compactMap { $0 }).max() }
    /// The most deferred calls pending at once (registered and not yet run).
    public var peakPendingDefers: Int? {
        guard started else { return nil }
        return max(deferPeak ?? 0, samples.map(\.pendingDefers).max() ?? 0)
    }
    /// Deferred calls that never ran because the program ended: pending at an `os.Exit` or
    /// `log.Fatal…` call, else at the final sample of a normal return from `main` (defers of
    /// goroutines still running then); nil when the program ended some other way (a crash,
    /// a kill) or was not instrumented.
    public var pendingDefersAtExit: Int? {
        if let exitPending { return exitPending }
        return samples.last(where: \.final)?.pendingDefers
    }
    /// The most goroutines alive at once.
    public var peakGoroutines: Int? { samples.map(\.goroutines).max() }
    /// Goroutines in the last sample: at a normal return from `main` the final one, else the
    /// last periodic sample before the program ended.
    public var goroutinesAtExit: Int? { samples.last?.goroutines }
    /// Heap allocations (count) up to the last sample.
    public var heapAllocs: Int? { samples.last?.heapAllocs }
    /// Heap allocations (bytes) up to the last sample.
    public var heapBytes: Int? { samples.last?.heapBytes }

    /// Feeds bytes read from the pipe; complete lines become events, the rest waits.
    public mutating func consume<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                parse(pending)
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
    }

    /// Ends the stream: a last line without newline was cut by the program's death.
    public mutating func finish() {
        if !pending.isEmpty { malformedLines += 1 }
        pending.removeAll()
    }

    private mutating func parse(_ line: [UInt8]) {
        if line.count > 2 && line[0] == UInt8(ascii: "T") && line[1] == UInt8(ascii: " ") {
            traceLines.append(String(decoding: line[2...], as: UTF8.self))
            return
        }
        let fields = line.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
        switch (fields.first, fields.count) {
        case ("b", 2):
            if let raw = Int(fields[1]) { baseline = raw; return }
        case ("o", 3):
            if let open = Int(fields[2]) {
                openedPeak = max(openedPeak ?? 0, open)
                peaks.append(ProbePeak(micros: Int(fields[1]) ?? 0, figure: .openFiles, value: open))
                return
            }
        case ("p", 3):
            if let n = Int(fields[2]) {
                deferPeak = max(deferPeak ?? 0, n)
                peaks.append(ProbePeak(micros: Int(fields[1]) ?? 0, figure: .pendingDefers, value: n))
                return
            }
        case ("x", 3):
            if let n = Int(fields[2]) { exitPending = max(n, 0); return }
        case ("s", 7), ("e", 7):
            let numbers = fields.dropFirst().compactMap { Int($0) }
            guard numbers.count == 6 else { break }
            samples.append(ProbeSample(micros: numbers[0], openFiles: max(numbers[1], 0),
                                       goroutines: numbers[2], heapAllocs: numbers[3],
                                       heapBytes: numbers[4], final: fields[0] == "e",
                                       pendingDefers: max(numbers[5], 0)))
            return
        default:
            break
        }
        malformedLines += 1
    }
}
