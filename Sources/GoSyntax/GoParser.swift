/// The result of parsing one file: the (possibly partial) tree, its `SourceFile` (name,
/// base, line table) and the syntax errors, sorted, at most one per line.
public struct ParsedFile: Sendable {
    public var file: File
    public var source: SourceFile
    public var errors: [SyntaxError]

    /// Errors as `path:line:col: message`, the form gofmt prints.
    public var formattedErrors: [String] {
        errors.map { "\(source.position(ofOffset: $0.offset)): \($0.message)" }
    }

    public func position(_ pos: Pos) -> Position { source.position(pos) }
}

/// Entry points of the front end.
public enum GoParser {
    /// Parses one Go source file. Never fails: bad input yields a partial tree and errors.
    ///
    /// Parsing runs on a thread with a large stack (see `BigStack`), so deeply nested input
    /// meets the parser's explicit nesting limit long before the stack ends.
    /// - Parameters:
    ///   - base: the file's base in a `FileSet` (`FileSet.reserveBase`); 1 for a lone file.
    public static func parse(name: String, bytes: [UInt8], base: Int = 1) -> ParsedFile {
        BigStack.run { parseOnCurrentThread(name: name, bytes: bytes, base: base) }
    }

    /// Parses on the calling thread, which must have a large stack (a `BigStack` worker).
    public static func parseOnCurrentThread(name: String, bytes: [UInt8], base: Int = 1) -> ParsedFile {
        bytes.withUnsafeBufferPointer { buf in
            let lines = SourceFile.lineStarts(of: buf)
            var p = Parser(src: buf, base: base, lineStarts: lines)
            let file = p.parseFile()
            let source = SourceFile(name: name, base: base, size: buf.count, lineStarts: lines)
            let errors = sortedErrors(p.errors, lines: lines)
            return ParsedFile(file: file, source: source, errors: errors)
        }
    }

    /// Sorts errors by position and keeps the first error of each line, as gofmt reports.
    static func sortedErrors(_ errors: [SyntaxError], lines: [Int]) -> [SyntaxError] {
        guard !errors.isEmpty else { return [] }
        let source = SourceFile(name: "", base: 1, size: 0, lineStarts: lines)
        let sorted = errors.enumerated().sorted { a, b in
            a.element.offset != b.element.offset ? a.element.offset < b.element.offset : a.offset < b.offset
        }.map(\.element)
        var out: [SyntaxError] = []
        var lastLine = -1
        for e in sorted {
            let line = source.position(ofOffset: e.offset).line
            if line != lastLine {
                out.append(e)
                lastLine = line
            }
        }
        return out
    }
}
