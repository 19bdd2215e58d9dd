import Foundation

/// The one JSON writer of DeferLab's output and state files: sorted keys, readable layout,
/// slashes as they are. Every `--json` and every state file goes through it, so two outputs
/// never differ in form.
public enum JSONOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The value as JSON bytes.
    public static func data<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }

    /// The value as JSON text (`fallback` if it cannot be encoded, which our types never are).
    public static func string<T: Encodable>(_ value: T, pretty: Bool = true, fallback: String = "null") -> String {
        (try? data(value, pretty: pretty)).map { String(decoding: $0, as: UTF8.self) } ?? fallback
    }
}
