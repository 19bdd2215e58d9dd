import GoAnalysis
import GoSyntax

/// How control can leave a statement, as far as one loop is concerned.
enum Outcome: Hashable {
    /// Completes normally: the next statement runs.
    case normal
    /// Leaves the loop (return, panic, break or goto out, continue of an outer loop, exit).
    case leaves
    /// Starts the loop's next iteration (continue, or a goto that may jump back).
    case repeats
    /// Unlabeled break of an enclosing switch or select inside the loop.
    case breaksSwitch
}

/// Syntactic control-flow outcomes of statements inside one loop's body.
struct LoopExits {
    let pass: Pass
    let loopLabel: String?
    /// Labels declared inside the loop body (jumps to them stay inside the loop).
    let innerLabels: Set<String>

    init(pass: Pass, loop: Loop) {
        self.pass = pass
        self.loopLabel = loop.label
        var labels = Set<String>()
        Inspector.walk(.stmt(.block(loop.body)), pre: { n in
            if case .expr(.funcLit) = n { return false }
            if case .stmt(.labeled(let l)) = n { labels.insert(l.label.name) }
            return true
        })
        innerLabels = labels
    }

    /// Outcomes of a statement list run in order.
    func sequence<S: Sequence>(_ list: S, inSwitch: Bool) -> Set<Outcome> where S.Element == Stmt {
        var result = Set<Outcome>()
        for s in list {
            var o = outcomes(s, inSwitch: inSwitch)
            let completes = o.remove(.normal) != nil
            result.formUnion(o)
            if !completes { return result }
        }
        result.insert(.normal)
        return result
    }

    func outcomes(_ s: Stmt, inSwitch: Bool) -> Set<Outcome> {
        switch s {
        case .return:
            return [.leaves]
        case .expr(let e):
            if case .call(let c) = e.x.unparen, isNoReturn(c) { return [.leaves] }
            return [.normal]
        case .branch(let b):
            switch b.tok {
            case .break:
                guard let label = b.label?.name else { return inSwitch ? [.breaksSwitch] : [.leaves] }
                if innerLabels.contains(label) { return [.breaksSwitch] }
                return [.leaves]
            case .continue:
                guard let label = b.label?.name, label != loopLabel else { return [.repeats] }
                return innerLabels.contains(label) ? [.repeats] : [.leaves]
            case .goto:
                // A jump to a label inside the body may run the loop body's code again.
                if let label = b.label?.name, !innerLabels.contains(label) { return [.leaves] }
                return [.repeats]
            default:
                return [.normal]
            }
        case .block(let b):
            return sequence(b.list, inSwitch: inSwitch)
        case .labeled(let l):
            return outcomes(l.stmt, inSwitch: inSwitch)
        case .if(let i):
            var o = sequence(i.body.list, inSwitch: inSwitch)
            o.formUnion(i.elseStmt.map { outcomes($0, inSwitch: inSwitch) } ?? [.normal])
            return o
        case .switch(let sw):
            return clauses(sw.body.list, hasDefault: sw.body.list.contains(where: isDefaultClause))
        case .typeSwitch(let ts):
            return clauses(ts.body.list, hasDefault: ts.body.list.contains(where: isDefaultClause))
        case .select(let sel):
            // A select blocks until one clause runs (forever when it has none).
            return clauses(sel.body.list, hasDefault: true)
        case .for(let f):
            // The nested loop's own break/continue stay inside it; it may run zero times
            // unless it has no condition.
            var o = nestedLoopExits(f.body)
            if f.cond != nil || o.contains(.breaksSwitch) { o.insert(.normal) }
            o.remove(.breaksSwitch)
            return o
        case .range(let r):
            var o = nestedLoopExits(r.body)
            o.remove(.breaksSwitch)
            o.insert(.normal)
            return o
        default:
            return [.normal]
        }
    }

    private func isDefaultClause(_ s: Stmt) -> Bool {
        switch s {
        case .caseClause(let c): return c.list == nil
        case .commClause(let c): return c.comm == nil
        default: return false
        }
    }

    private func clauses(_ list: [Stmt], hasDefault: Bool) -> Set<Outcome> {
        var result: Set<Outcome> = hasDefault ? [] : [.normal]
        for c in list {
            let body: [Stmt]
            switch c {
            case .caseClause(let cc): body = cc.body
            case .commClause(let cc): body = cc.body
            default: continue
            }
            var o = sequence(body, inSwitch: true)
            if o.remove(.breaksSwitch) != nil { o.insert(.normal) }
            result.formUnion(o)
        }
        return result
    }

    /// Exits of a nested loop's body that reach our loop: returns, labeled branches, gotos.
    /// Its unlabeled break/continue belong to it (reported as `.breaksSwitch` = "ends the
    /// nested loop").
    private func nestedLoopExits(_ body: BlockStmt) -> Set<Outcome> {
        var o = sequence(body.list, inSwitch: true)
        o.remove(.normal)
        if o.remove(.repeats) != nil {
            // An unlabeled continue repeats the nested loop; only labeled ones reach us.
            if containsBranch(body, .continue, labelIn: loopLabel.map { [$0] } ?? []) { o.insert(.repeats) }
        }
        return o
    }

    private func containsBranch(_ body: BlockStmt, _ tok: TokenKind, labelIn labels: Set<String>) -> Bool {
        var found = false
        Inspector.walk(.stmt(.block(body)), pre: { n in
            if case .expr(.funcLit) = n { return false }
            if case .stmt(.branch(let b)) = n, b.tok == tok, let l = b.label?.name, labels.contains(l) { found = true }
            return !found
        })
        return found
    }

    /// Calls that never return (shared with the other rules: `Pass.isNoReturn`).
    func isNoReturn(_ c: CallExpr) -> Bool { pass.isNoReturn(c) }

    /// Whether, once the statement at the end of `chain` (the defer) has run, every path
    /// leaves the loop before its next iteration: the defer runs at most once per call.
    /// `chain` holds the nodes from the loop's body block down to the defer.
    func isSingleShot(_ chain: [Node]) -> Bool {
        var pending: Set<Outcome> = [.normal]
        var childIndex = chain.count - 1
        for k in stride(from: chain.count - 2, through: 0, by: -1) {
            guard pending.contains(.normal) || pending.contains(.breaksSwitch) else { break }
            let parent = chain[k], child = chain[childIndex]
            // A switch or select between the loop and this level catches unlabeled breaks.
            let inSwitch = chain[0..<k].contains { n in
                switch n {
                case .stmt(.switch), .stmt(.typeSwitch), .stmt(.select): return true
                default: return false
                }
            }
            switch (parent, child) {
            case (.stmt(.block), .stmt(.caseClause)), (.stmt(.block), .stmt(.commClause)):
                break  // clauses of a switch or select body do not run one after another
            case (.stmt(.block(let b)), _):
                if pending.remove(.normal) != nil { pending.formUnion(sequence(statements(after: child, in: b.list), inSwitch: inSwitch)) }
            case (.stmt(.caseClause(let c)), _):
                if pending.remove(.normal) != nil { pending.formUnion(sequence(statements(after: child, in: c.body), inSwitch: true)) }
            case (.stmt(.commClause(let c)), _):
                if pending.remove(.normal) != nil { pending.formUnion(sequence(statements(after: child, in: c.body), inSwitch: true)) }
            case (.stmt(.switch), _), (.stmt(.typeSwitch), _), (.stmt(.select), _):
                if pending.remove(.breaksSwitch) != nil { pending.insert(.normal) }
            default:
                break
            }
            childIndex = k
        }
        // Falling off the end of the body starts the next iteration.
        if pending.remove(.normal) != nil { pending.insert(.repeats) }
        return pending.isSubset(of: [.leaves])
    }

    private func statements(after child: Node, in list: [Stmt]) -> ArraySlice<Stmt> {
        guard let i = list.firstIndex(where: { $0.pos == child.pos && $0.end == child.end }) else { return [] }
        return list[(i + 1)...]
    }
}
