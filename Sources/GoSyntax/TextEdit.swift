/// A replacement of a byte range of one file's original text, as go/analysis.TextEdit.
/// Fixes are lists of edits on the original bytes, never tree mutations, so comments and
/// layout outside the edited ranges survive exactly.
public struct TextEdit: Sendable, Equatable, Hashable {
    /// Byte offset of the first replaced byte.
    public var offset: Int
    /// Number of bytes replaced (0 for an insertion).
    public var length: Int
    public var newText: String

    public init(offset: Int, length: Int, newText: String) {
        precondition(offset >= 0 && length >= 0, "TextEdit range must be non-negative")
        self.offset = offset
        self.length = length
        self.newText = newText
    }

    public var end: Int { offset + length }

    public static func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(offset: offset, length: 0, newText: text)
    }
    public static func delete(_ range: Range<Int>) -> TextEdit {
        TextEdit(offset: range.lowerBound, length: range.count, newText: "")
    }
    public static func replace(_ range: Range<Int>, with text: String) -> TextEdit {
        TextEdit(offset: range.lowerBound, length: range.count, newText: text)
    }
}

public enum TextEditError: Error, Equatable, CustomStringConvertible {
    /// Two edits touch the same bytes (or insert at the same place), so their order is undefined.
    case overlap(TextEdit, TextEdit)
    /// An edit reaches past the end of the text.
    case outOfBounds(TextEdit, size: Int)

    public var description: String {
        switch self {
        case .overlap(let a, let b):
            return "overlapping edits at bytes \(a.offset)..<\(a.end) and \(b.offset)..<\(b.end)"
        case .outOfBounds(let e, let size):
            return "edit at bytes \(e.offset)..<\(e.end) is outside the text (\(size) bytes)"
        }
    }
}

/// Applies text edits to bytes: the one edit mechanism of DeferLab.
public enum TextEditApplier {
    /// Returns the edited bytes. Edits may come in any order; identical duplicate edits are
    /// applied once. Overlapping edits, or two different insertions at one offset, are refused.
    public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) throws(TextEditError) -> [UInt8] {
        let sorted = try validated(edits, size: bytes.count)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.newText.utf8.count })
        var cursor = 0
        for e in sorted {
            out.append(contentsOf: bytes[cursor..<e.offset])
            out.append(contentsOf: e.newText.utf8)
            cursor = e.end
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }

    public static func apply(_ edits: [TextEdit], to text: String) throws(TextEditError) -> String {
        String(decoding: try apply(edits, to: Array(text.utf8)), as: UTF8.self)
    }

    /// Sorted, de-duplicated edits, or the first conflict.
    public static func validated(_ edits: [TextEdit], size: Int) throws(TextEditError) -> [TextEdit] {
        var unique: [TextEdit] = []
        var seen = Set<TextEdit>()
        for e in edits where seen.insert(e).inserted { unique.append(e) }
        let sorted = unique.sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
        for e in sorted where e.end > size { throw .outOfBounds(e, size: size) }
        if sorted.count > 1 {
            for i in 1..<sorted.count {
                let a = sorted[i - 1], b = sorted[i]
                if b.offset < a.end || (b.offset == a.offset && (a.length == 0 || b.length == 0)) {
                    throw .overlap(a, b)
                }
            }
        }
        return sorted
    }
}
