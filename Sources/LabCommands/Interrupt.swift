#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C while a command runs a program: the first SIGINT sets a flag the runner polls (the
/// program, in its own process group, never sees the signal) and the handler goes back to the
/// default, so a second Ctrl-C ends DeferLab at once.
public enum Interrupt {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    /// Whether Ctrl-C was pressed since `install`.
    public static var requested: Bool { flag != 0 }

    public static func install() {
        flag = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.flag = 1
            signal(SIGINT, SIG_DFL)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
