import GoAnalysis
import GoSyntax

/// How control can leave a statement.
enum Exit: Hashable {
    /// Completes normally: the next statement runs.
    case next
    /// `break` (unlabeled: nil) not yet caught by its loop, switch or select.
    case breakOf(String?)
    /// `continue` not yet caught by its loop.
    case continueOf(String?)
    case goto(String)
    /// Leaves the function: return, panic, os.Exit, log.Fatal, runtime.Goexit, t.Fatal…
    case leaves
}

/// Syntactic control flow inside one function: which exits a statement can take, and which
/// enclosing loops can start another iteration after a given statement ran.
struct ControlFlow {
    let pass: Pass

    /// Exits of a statement list run in order.
    func sequence<S: Sequence>(_ list: S) -> Set<Exit> where S.Element == Stmt {
        var result = Set<Exit>()
        for s in list {
            var o = exits(s, label: nil)
            let completes = o.remove(.next) != nil
            result.formUnion(o)
            if !completes { return result }
        }
        result.insert(.next)
        return result
    }

    /// Exits of one statement; `label` is the label the statement carries, if any.
    func exits(_ s: Stmt, label: String?) -> Set<Exit> {
        switch s {
        case .return:
            return [.leaves]
        case .expr(let e):
            if case .call(let c) = e.x.unparen, pass.isNoReturn(c) || pass.stopsTest(c) { return [.leaves] }
            return [.next]
        case .branch(let b):
            switch b.tok {
            case .break: return [.breakOf(b.label?.name)]
            case .continue: return [.continueOf(b.label?.name)]
            case .goto: return b.label.map { [.goto($0.name)] } ?? [.next]
            default: return [.next]  // fallthrough: the next clause runs, then the switch ends
            }
        case .block(let b):
            return sequence(b.list)
        case .labeled(let l):
            return exits(l.stmt, label: l.label.name)
        case .if(let i):
            var o = sequence(i.body.list)
            o.formUnion(i.elseStmt.map { exits($0, label: nil) } ?? [.next])
            return o
        case .switch(let sw):
            return clauses(sw.body.list, label: label, completesWithoutClause: !sw.body.list.contains(where: isDefault))
        case .typeSwitch(let ts):
            return clauses(ts.body.list, label: label, completesWithoutClause: !ts.body.list.contains(where: isDefault))
        case .select(let sel):
            // A select blocks until one clause runs (forever when it has none).
            return clauses(sel.body.list, label: label, completesWithoutClause: false)
        case .for(let f):
            return loopExits(body: f.body, label: label, mayEnd: f.cond != nil)
        case .range(let r):
            return loopExits(body: r.body, label: label, mayEnd: true)
        default:
            return [.next]
        }
    }

    private func isDefault(_ s: Stmt) -> Bool {
        switch s {
        case .caseClause(let c): return c.list == nil
        case .commClause(let c): return c.comm == nil
        default: return false
        }
    }

    private func clauses(_ list: [Stmt], label: String?, completesWithoutClause: Bool) -> Set<Exit> {
        var result: Set<Exit> = completesWithoutClause ? [.next] : []
        for c in list {
            let body: [Stmt]
            switch c {
            case .caseClause(let cc): body = cc.body
            case .commClause(let cc): body = cc.body
            default: continue
            }
            result.formUnion(catchBreaks(sequence(body), label: label))
        }
        return result
    }

    private func catchBreaks(_ o: Set<Exit>, label: String?) -> Set<Exit> {
        Set(o.map { e in
            if case .breakOf(let l) = e, l == nil || l == label { return .next }
            return e
        })
    }

    /// Exits of a whole loop: its own breaks end it, its own continues and the end of the
    /// body go round again; `mayEnd` when its condition or range can end it.
    private func loopExits(body: BlockStmt, label: String?, mayEnd: Bool) -> Set<Exit> {
        var o = Set<Exit>()
        for e in sequence(body.list) {
            switch e {
            case .breakOf(let l) where l == nil || l == label: o.insert(.next)
            case .continueOf(let l) where l == nil || l == label: break
            case .next: break
            default: o.insert(e)
            }
        }
        if mayEnd { o.insert(.next) }
        return o
    }

    /// The loops (innermost first) that can start another iteration after the statement at
    /// the end of `stack` + `statement` ran, following every path from it to the function's
    /// end: its own statements after it, the exits of enclosing switches and loops, labeled
    /// branches, and gotos (a jump back to a label before the statement counts as going round
    /// again in every loop around it). `stack` is the enclosing chain, outermost first.
    func repeatingLoops(after statement: Stmt, stack: [Node]) -> [Loop] {
        var pending: Set<Exit> = [.next]
        var repeating: [Loop] = []
        var child = Node.stmt(statement)
        var chainLoops: [Loop] = []
        var functionBody: BlockStmt?
        for i in stack.indices.reversed() {
            if case .expr(.funcLit(let f)) = stack[i] { functionBody = f.body; break }
            if case .decl(.func(let f)) = stack[i] { functionBody = f.body; break }
            if case .stmt(let s) = stack[i], let loop = Loop(s, label: Enclosing(stack: stack).label(of: i)) { chainLoops.append(loop) }
        }
        var level = stack.count - 1
        while level >= 0 {
            let parent = stack[level]
            let label = Enclosing(stack: stack).label(of: level)
            switch parent {
            case .expr(.funcLit), .decl(.func):
                level = -1
                continue
            case .stmt(.block(let b)):
                switch child {
                case .stmt(.caseClause), .stmt(.commClause): break  // clauses do not run in sequence
                default:
                    if pending.remove(.next) != nil { pending.formUnion(sequence(statements(after: child, in: b.list))) }
                }
            case .stmt(.caseClause(let c)):
                if pending.remove(.next) != nil { pending.formUnion(sequence(statements(after: child, in: c.body))) }
            case .stmt(.commClause(let c)):
                if pending.remove(.next) != nil { pending.formUnion(sequence(statements(after: child, in: c.body))) }
            case .stmt(.switch), .stmt(.typeSwitch), .stmt(.select):
                pending = catchBreaks(pending, label: label)
            case .stmt(let s):
                guard let loop = Loop(s, label: label) else { break }
                // Only a loop's body leads to its next iteration (not its header).
                guard case .stmt(.block(let body)) = child, body.lbrace == loop.body.lbrace else { break }
                var again = false
                var next = Set<Exit>()
                for e in pending {
                    switch e {
                    case .next: again = true
                    case .continueOf(let l) where l == nil || l == label: again = true
                    case .breakOf(let l) where l == nil || l == label: next.insert(.next)
                    default: next.insert(e)
                    }
                }
                if again {
                    repeating.append(loop)
                    // Further iterations may end in any way the loop can.
                    next.formUnion(exits(s, label: label))
                }
                pending = next
            default:
                break
            }
            child = parent
            level -= 1
        }
        // Gotos: a jump to a label before the statement may run it again in every loop
        // around it; so may a later backward goto anywhere in the function.
        let stmtPos = statement.pos
        var backward = false
        if let body = functionBody {
            let labels = labelPositions(body)
            for case .goto(let name) in pending {
                let at = labels[name] ?? stmtPos
                // Back before the statement, or forward into a loop around it.
                if at <= stmtPos || chainLoops.contains(where: { $0.body.lbrace < at && at < $0.body.rbrace }) { backward = true }
            }
            if !backward { backward = hasBackwardGoto(body, over: stmtPos, labels: labels) }
        }
        if backward {
            for loop in chainLoops where !repeating.contains(where: { $0.pos == loop.pos }) { repeating.append(loop) }
            repeating.sort { $0.pos > $1.pos }  // innermost (latest start) first
        }
        return repeating
    }

    /// Whether `loop` can never end: no path leaves it.
    func neverEnds(_ loop: Loop) -> Bool { exits(loop.stmt, label: loop.label).isEmpty }

    private func statements(after child: Node, in list: [Stmt]) -> ArraySlice<Stmt> {
        guard let i = list.firstIndex(where: { $0.pos == child.pos && $0.end == child.end }) else { return [] }
        return list[(i + 1)...]
    }

    /// Labels declared in a function body (not in nested function literals).
    func labelPositions(_ body: BlockStmt) -> [String: Pos] {
        var out: [String: Pos] = [:]
        Inspector.walk(.stmt(.block(body)), pre: { n in
            if case .expr(.funcLit) = n { return false }
            if case .stmt(.labeled(let l)) = n { out[l.label.name] = l.label.pos }
            return true
        })
        return out
    }

    /// A goto after `pos` whose label comes before it.
    private func hasBackwardGoto(_ body: BlockStmt, over pos: Pos, labels: [String: Pos]) -> Bool {
        var found = false
        Inspector.walk(.stmt(.block(body)), pre: { n in
            if case .expr(.funcLit) = n { return false }
            if case .stmt(.branch(let b)) = n, b.tok == .goto, b.tokPos > pos,
               let l = b.label?.name, let at = labels[l], at <= pos { found = true }
            return !found
        })
        return found
    }
}

/// Labels declared inside a loop's body (jumps to them stay inside the loop).
func labelsInside(_ loop: Loop) -> Set<String> {
    var labels = Set<String>()
    Inspector.walk(.stmt(.block(loop.body)), pre: { n in
        if case .expr(.funcLit) = n { return false }
        if case .stmt(.labeled(let l)) = n { labels.insert(l.label.name) }
        return true
    })
    return labels
}
