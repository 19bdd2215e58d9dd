#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C while a command runs a program: the first SIGINT sets a flag the runner polls (the
/// program, in its own process group, never sees the signal) and the handler goes back to the
/// default, so a second Ctrl-C ends DeferLab at once.
public enum Interrupt {
    /// Set by the handler, read by whichever thread polls `requested`: an atomic (lock-free,
    /// so the handler may store to it), made by `install` before the handler can run (a
    /// static's first use runs its initializer, which a signal handler must not).
    static let flag = Atomic<Int32>(0)

    /// Whether Ctrl-C was pressed since `install`.
    public static var requested: Bool { flag.load(ordering: .relaxed) != 0 }

    public static func install() {
        flag.store(0, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupt.flag.store(1, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }
}
