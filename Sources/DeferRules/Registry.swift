import GoAnalysis

/// All of DeferLab's rules, in precedence order (a lower precedence wins when fixes overlap).
public enum DeferRules {
    public static let all: [Analyzer] = [
        LoopDefer.analyzer, DeferBeforeCheck.analyzer, LoopvarCapture.analyzer, DeferArgEarly.analyzer,
        ExitSkipsDefer.analyzer,
    ].sorted { $0.precedence < $1.precedence }

    public static func named(_ name: String) -> Analyzer? { all.first { $0.name == name } }
}
