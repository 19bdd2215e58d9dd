#if canImport(Glibc)
import Glibc
#endif

/// What the shell knows about its terminal: whether it is one, how wide, whether to colour.
public struct Terminal: Sendable {
    /// True when standard input and standard output are both terminals: line editing,
    /// prompt decoration and colour are possible. Otherwise the shell reads plain lines.
    public var interactive: Bool
    /// True when escape codes may be written (interactive and `NO_COLOR` unset or empty).
    public var colour: Bool
    /// Columns of the terminal: from `TIOCGWINSZ`, 80 when not a terminal or unknown.
    public var width: Int

    /// Creates a description (tests use fixed values).
    public init(interactive: Bool, colour: Bool, width: Int) {
        self.interactive = interactive
        self.colour = colour
        self.width = width
    }

    /// The terminal of this process, given its environment.
    public static func current(environment: [String: String]) -> Terminal {
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        return Terminal(interactive: interactive, colour: interactive && !noColour,
                        width: interactive ? columns() ?? 80 : 80)
    }

    /// Rows of the terminal on standard output, if it reports them.
    public static func rows() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// Columns of the terminal on standard output, if it reports them.
    public static func columns() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
