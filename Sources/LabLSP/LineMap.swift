/// How LSP positions count characters within a line (LSP 3.17 `PositionEncodingKind`).
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

/// Byte offsets of a document and LSP positions (zero-based line and character) in either
/// encoding. Lines end at "\n", "\r\n" or a lone "\r", as the protocol says. A position past
/// the end of its line means the line's end; a line past the last means the document's end.
public struct LineMap: Sendable {
    public let bytes: [UInt8]
    /// Byte offset of each line's first byte.
    let starts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 10 {
                starts.append(i + 1)
            } else if bytes[i] == 13 {
                if i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.starts = starts
    }

    /// Where line `line`'s text ends (before its line break).
    func contentEnd(_ line: Int) -> Int {
        guard line + 1 < starts.count else { return bytes.count }
        var end = starts[line + 1]
        if end > 0 && bytes[end - 1] == 10 { end -= 1 }
        if end > starts[line] && bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// The byte offset of a position.
    public func offset(line: Int, character: Int, _ encoding: PositionEncoding) -> Int {
        guard line >= 0 else { return 0 }
        guard line < starts.count else { return bytes.count }
        let start = starts[line], end = contentEnd(line)
        var i = start, units = 0
        while i < end && units < character {
            let (width, scalarUnits) = Self.scalar(bytes, i, end, encoding)
            if units + scalarUnits > character { break }
            units += scalarUnits
            i += width
        }
        return i
    }

    /// The position of a byte offset (an offset inside a character counts from its start).
    public func position(ofOffset offset: Int, _ encoding: PositionEncoding) -> (line: Int, character: Int) {
        let offset = max(0, min(offset, bytes.count))
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let lineEnd = contentEnd(lo), end = min(offset, lineEnd)
        var i = starts[lo], units = 0
        while i < end {
            let (width, scalarUnits) = Self.scalar(bytes, i, lineEnd, encoding)
            if i + width > end { break }
            units += scalarUnits
            i += width
        }
        return (lo, units)
    }

    /// The byte length of the UTF-8 sequence at `i` and how many units it counts as. A byte
    /// that does not start a valid sequence counts as one character of one byte (U+FFFD).
    static func scalar(_ b: [UInt8], _ i: Int, _ end: Int, _ encoding: PositionEncoding) -> (Int, Int) {
        let lead = b[i]
        let width: Int
        switch lead {
        case 0..<0x80: width = 1
        case 0xC2..<0xE0: width = 2
        case 0xE0..<0xF0: width = 3
        case 0xF0..<0xF5: width = 4
        default: width = 1
        }
        if width > 1 {
            guard i + width <= end, (1..<width).allSatisfy({ b[i + $0] & 0xC0 == 0x80 }) else { return (1, 1) }
        }
        switch encoding {
        case .utf8: return (width, width)
        case .utf16: return (width, width == 4 ? 2 : 1)
        case .utf32: return (width, 1)
        }
    }
}
