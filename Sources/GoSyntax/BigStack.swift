#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on threads with a large stack.
///
/// The parser and every recursive pass over a syntax tree recurse once per nesting level.
/// The parser caps nesting (`Parser.maxNestingDepth`), and this stack size is chosen so the
/// capped depth fits with room to spare even in debug builds. Stack pages are only reserved,
/// not committed, until used.
public enum BigStack {
    /// 1 GiB of address space per thread.
    public static let stackSize = 1 << 30

    /// Runs `body` on a new big-stack thread and returns its result.
    public static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            let box = Box(escapable)
            spawnAndJoin(box)
            return box.result!
        }
    }

    /// Runs `count` workers in parallel, each on its own big-stack thread, and waits for all.
    public static func parallel(workers count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let boxes = (0..<max(1, count)).map { i in Box<Void>({ body(i) }) }
        var threads: [pthread_t] = []
        for box in boxes {
            if let t = spawn(box) { threads.append(t) } else { box.work() }
        }
        for t in threads { pthread_join(t, nil) }
    }

    fileprivate final class Box<T> {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        func work() { result = body() }
    }

    private static func spawnAndJoin<T>(_ box: Box<T>) {
        if let t = spawn(box) {
            pthread_join(t, nil)
        } else {
            box.work()  // no thread could be made: run here rather than fail
        }
    }

    private static func spawn<T>(_ box: Box<T>) -> pthread_t? {
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, stackSize)
        let context = Unmanaged.passRetained(box as AnyObject).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attr, { raw in
            let object = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue()
            (object as! Runnable).runWork()
            return nil
        }, context)
        if rc != 0 {
            Unmanaged<AnyObject>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}

private protocol Runnable { func runWork() }
extension BigStack.Box: Runnable { func runWork() { work() } }
