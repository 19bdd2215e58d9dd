import Foundation
import LabText

/// One of the two programs every example ships: the buggy one and the fixed one.
public enum Variant: String, Sendable, Hashable, CaseIterable, Codable {
    /// The program with the defer misuse (`bad/`).
    case bad
    /// The same program with the fix (`fixed/`).
    case fixed
}

/// A measured figure a run reports; `figures` in a manifest names the ones that matter.
///
/// The raw values are the manifest's (and the future runner's JSON) names, so they must not
/// change.
public enum Figure: String, Sendable, Hashable, CaseIterable, Codable {
    /// The most file descriptors the program held open at once.
    case peakOpenFiles
    /// The most deferred calls registered but not yet run at once.
    case peakPendingDefers
    /// The most goroutines alive at once.
    case peakGoroutines
    /// Goroutines still alive when the program ended.
    case goroutinesAtExit
    /// Deferred calls that never ran because the program ended (os.Exit, log.Fatal, main
    /// returning while goroutines hold pending defers).
    case pendingDefersAtExit
    /// Heap allocations (count).
    case heapAllocs
    /// Heap allocations (bytes).
    case heapBytes
    /// Wall time of the run.
    case wallMillis
    /// Database connections in use (`db.Stats().InUse`).
    case dbInUse
    /// Waits for a database connection (`db.Stats().WaitCount`).
    case dbWaitCount
    /// The program's own output.
    case stdout

    /// Decodes a figure name; an unknown name is an error that lists the known ones.
    public init(from decoder: any Decoder) throws {
        self = try decodeNamed(Figure.self, from: decoder, what: "figure")
    }
}

/// How an example is run.
public enum ExampleKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Build the variant and run the binary with the manifest's `args`.
    case program
    /// Run `go test -bench . -run '^$' ARGS` in the variant's folder.
    case bench

    /// Decodes a kind name; an unknown name is an error that lists the known ones.
    public init(from decoder: any Decoder) throws {
        self = try decodeNamed(ExampleKind.self, from: decoder, what: "kind")
    }
}

/// Decodes a string-backed enum, saying which names are allowed when the name is unknown.
private func decodeNamed<T: RawRepresentable & CaseIterable>(
    _ type: T.Type, from decoder: any Decoder, what: String
) throws -> T where T.RawValue == String {
    let container = try decoder.singleValueContainer()
    let name = try container.decode(String.self)
    guard let value = T(rawValue: name) else {
        let known = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "unknown \(what) \"\(name)\" (known: \(known))")
    }
    return value
}

/// What `go vet ./...` must say about a variant.
public enum VetExpectation: Sendable, Hashable, Codable {
    /// Vet passes with no output (`"clean"` in the manifest).
    case clean
    /// Vet fails and every warning line (not the `# package` headers) matches this regular
    /// expression: the warning is the lesson. Any other string in the manifest.
    case warning(pattern: String)

    /// Decodes `"clean"` or a regular expression.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = text == "clean" ? .clean : .warning(pattern: text)
    }

    /// Encodes back to the manifest's string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .clean: try container.encode("clean")
        case .warning(let pattern): try container.encode(pattern)
        }
    }
}

/// The claims a run of one variant with the default `args` must satisfy. Claims are only about
/// what the program itself shows; measured resource figures are never claims.
public struct Expectation: Sendable, Hashable, Codable {
    /// The program's exit status (2 for a Go fatal error or an unrecovered panic).
    public var exitCode: Int32
    /// Strings that must appear in standard output (they may span lines).
    public var stdoutContains: [String]
    /// Strings that must not appear in standard output.
    public var stdoutNotContains: [String]
    /// Strings that must appear in standard error.
    public var stderrContains: [String]

    /// Creates an expectation; the string lists default to empty.
    public init(exitCode: Int32, stdoutContains: [String] = [], stdoutNotContains: [String] = [],
                stderrContains: [String] = []) {
        self.exitCode = exitCode
        self.stdoutContains = stdoutContains
        self.stdoutNotContains = stdoutNotContains
        self.stderrContains = stderrContains
    }

    private enum CodingKeys: String, CodingKey {
        case exitCode, stdoutContains, stdoutNotContains, stderrContains
    }

    /// Decodes an `expect` entry; `exitCode` is required, an absent list means no claims.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        exitCode = try container.decode(Int32.self, forKey: .exitCode)
        stdoutContains = try container.decodeIfPresent([String].self, forKey: .stdoutContains) ?? []
        stdoutNotContains = try container.decodeIfPresent([String].self, forKey: .stdoutNotContains) ?? []
        stderrContains = try container.decodeIfPresent([String].self, forKey: .stderrContains) ?? []
    }
}

/// One value for each ``Variant`` (`{"bad": …, "fixed": …}` in the manifest).
public struct PerVariant<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The value for the buggy program.
    public var bad: Value
    /// The value for the fixed program.
    public var fixed: Value

    /// Creates the pair.
    public init(bad: Value, fixed: Value) {
        self.bad = bad
        self.fixed = fixed
    }

    /// The value for `variant`.
    public subscript(variant: Variant) -> Value {
        switch variant {
        case .bad: return bad
        case .fixed: return fixed
        }
    }
}

/// The decoded `manifest.json` of one example (see `Content/README.md` for the schema).
public struct ExampleManifest: Sendable, Hashable, Codable {
    /// The example's stable kebab-case id; equals its folder name.
    public var id: String
    /// The article section, e.g. `"3.1"`.
    public var section: String
    /// A one-line title.
    public var title: LocalizedText
    /// One or two sentences: what the run shows.
    public var demonstrates: LocalizedText
    /// The measured figures that matter for this example.
    public var figures: [Figure]
    /// Default arguments: program flags (`program`) or extra `go test` flags (`bench`).
    public var args: [String]
    /// Kill a run after this many seconds.
    public var timeoutSeconds: Double
    /// How the example is run.
    public var kind: ExampleKind
    /// What a run of each variant with the default `args` must show.
    public var expect: PerVariant<Expectation>
    /// What `go vet ./...` must say about each variant.
    public var vet: PerVariant<VetExpectation>
    /// The flag that makes the program write its profiles (`goroutine.txt` at debug=1,
    /// `goroutine-stacks.txt` at debug=2, `heap.pprof`) into a folder; nil when it writes none.
    public var profilesFlag: String? = nil

    /// Creates a manifest from its fields.
    public init(id: String, section: String, title: LocalizedText, demonstrates: LocalizedText,
                figures: [Figure], args: [String], timeoutSeconds: Double, kind: ExampleKind,
                expect: PerVariant<Expectation>, vet: PerVariant<VetExpectation>) {
        self.id = id
        self.section = section
        self.title = title
        self.demonstrates = demonstrates
        self.figures = figures
        self.args = args
        self.timeoutSeconds = timeoutSeconds
        self.kind = kind
        self.expect = expect
        self.vet = vet
    }

    /// ``timeoutSeconds`` as a duration (millisecond precision).
    public var timeout: Duration { .milliseconds(Int64((timeoutSeconds * 1000).rounded(.up))) }
}
