import GoSyntax

/// A finding ready to print: its file, positions (byte columns) and texts.
public struct Finding: Sendable {
    public init(file: String, start: Position, end: Position, diagnostic: Diagnostic) {
        self.file = file
        self.start = start
        self.end = end
        self.diagnostic = diagnostic
    }

    public var file: String
    public var start: Position
    public var end: Position
    public var diagnostic: Diagnostic

    /// The finding has a fix, safe or unsafe.
    public var fixable: Bool { diagnostic.fix != nil }
    public var applicability: Applicability? { diagnostic.fix?.applicability }
}

