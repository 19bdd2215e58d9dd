#if canImport(Glibc)
import Glibc
#endif

/// A position in a file set: the file's base plus a byte offset, as go/token.Pos.
/// `Pos.none` (0) means "no position". Line and column are computed only when asked.
public struct Pos: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var raw: Int

    public init(_ raw: Int) { self.raw = raw }

    public static let none = Pos(0)
    public var isValid: Bool { raw > 0 }

    public static func < (a: Pos, b: Pos) -> Bool { a.raw < b.raw }
    public static func + (a: Pos, n: Int) -> Pos { Pos(a.raw + n) }
    public static func - (a: Pos, b: Pos) -> Int { a.raw - b.raw }
    public var description: String { "Pos(\(raw))" }
}

/// A resolved source position. `column` is a 1-based byte column, as go/token reports it.
public struct Position: Hashable, Sendable, CustomStringConvertible {
    public var filename: String
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(filename: String, offset: Int, line: Int, column: Int) {
        self.filename = filename
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `file:line:col`, or `line:col` without a file name.
    public var description: String {
        filename.isEmpty ? "\(line):\(column)" : "\(filename):\(line):\(column)"
    }
}

/// One source file in a file set: its name, base, size, and the offsets at which lines start.
public struct SourceFile: Sendable {
    public let name: String
    /// The `Pos` of byte offset 0.
    public let base: Int
    public let size: Int
    /// Byte offsets of line starts; `lineStarts[0] == 0`.
    public var lineStarts: [Int] { table.value }
    private let table: Lazy<[Int]>

    public init(name: String, base: Int, size: Int, lineStarts: [Int]) {
        self.name = name
        self.base = base
        self.size = size
        table = Lazy(value: lineStarts)
    }

    /// A file whose line table is made from its bytes when a line is first asked for (most
    /// files of a large tree never are: they have no finding and no error).
    public init(name: String, base: Int, bytes: [UInt8]) {
        self.name = name
        self.base = base
        size = bytes.count
        table = Lazy { bytes.withUnsafeBufferPointer { SourceFile.lineStarts(of: $0) } }
    }

    /// Builds the line table of `bytes` (one pass; only '\n' starts a line, as in go/token).
    /// A newline at the very end starts no line: the EOF position stays on the last line.
    public static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        guard let base = bytes.baseAddress else { return starts }
        let n = bytes.count
        var i = 0
        // memchr compares many bytes at once (a byte loop took 4% of a syntax check).
        while i < n, let hit = memchr(base + i, 0x0A, n - i) {
            let at = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            if at + 1 < n { starts.append(at + 1) }
            i = at + 1
        }
        return starts
    }

    public var lineCount: Int { lineStarts.count }

    public func pos(_ offset: Int) -> Pos { Pos(base + offset) }
    public func offset(_ pos: Pos) -> Int { pos.raw - base }
    public func contains(_ pos: Pos) -> Bool { pos.raw >= base && pos.raw <= base + size }

    /// The 0-based index of the line holding `offset` in a line table: the one binary search
    /// every line lookup uses (positions, the parser's comment grouping, fixes' alignment).
    public static func lineIndex(ofOffset offset: Int, in lineStarts: [Int]) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Line and byte column of an offset, by binary search in the line table.
    public func position(ofOffset offset: Int) -> Position {
        let lo = Self.lineIndex(ofOffset: offset, in: lineStarts)
        return Position(filename: name, offset: offset, line: lo + 1, column: offset - lineStarts[lo] + 1)
    }

    public func position(_ pos: Pos) -> Position { position(ofOffset: offset(pos)) }
    public func line(_ pos: Pos) -> Int { position(pos).line }
}

/// A set of source files with disjoint position ranges, as go/token.FileSet.
/// Bases are handed out in order; each file reserves `size + 1` positions so its EOF
/// position is distinct from the next file's first.
public struct FileSet: Sendable {
    public private(set) var files: [SourceFile] = []
    public private(set) var nextBase = 1

    public init() {}

    /// Reserves a base for a file of `size` bytes.
    public mutating func reserveBase(size: Int) -> Int {
        let base = nextBase
        nextBase += size + 1
        return base
    }

    /// Adds a file whose base came from `reserveBase`. Files may be added in any order.
    public mutating func add(_ file: SourceFile) {
        let i = files.firstIndex { $0.base > file.base } ?? files.count
        files.insert(file, at: i)
    }

    public func file(_ pos: Pos) -> SourceFile? {
        var lo = 0, hi = files.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let f = files[mid]
            if pos.raw < f.base { hi = mid - 1 } else if pos.raw > f.base + f.size { lo = mid + 1 } else { return f }
        }
        return nil
    }

    public func position(_ pos: Pos) -> Position? { file(pos)?.position(pos) }
}
