import Synchronization

/// A value made once, on first use, by the thread that first asks (others wait for it): a
/// file's line table, its whole tree or its comments, which most files of a large tree never
/// need.
public final class Lazy<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made: Mutex<Value?>

    public init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        made = Mutex(nil)
    }

    /// A value known already.
    public init(value: Value) {
        make = { value }
        made = Mutex(value)
    }

    public var value: Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
