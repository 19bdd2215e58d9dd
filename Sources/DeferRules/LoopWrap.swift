import GoAnalysis
import GoSyntax
import LabText

/// Wraps a loop body in `func() { … }()` so its defers run at the end of each iteration,
/// without changing what the loop does otherwise (the model is gopls' extract function):
/// - `continue` of this loop becomes `return` from the closure;
/// - `break`, `break L`/`continue L` of outer loops, `goto` out of the body and `return`
///   from the function are recorded in a fresh control variable (return values in fresh
///   variables typed like the results) and carried out right after the closure;
/// - branches that belong to nested loops, switches and selects are left alone.
/// The edit replaces the bytes between the body's braces only: the body's lines move one tab
/// deeper (never inside raw strings), everything else stays byte for byte.
struct LoopWrap {
    enum Result {
        case fix(TextEdit)
        case declined(LocalizedText)
    }

    let pass: Pass
    let file: Int
    let loop: Loop
    let function: FunctionContext
    let innerLabels: Set<String>

    init(pass: Pass, file: Int, loop: Loop, function: FunctionContext) {
        self.pass = pass
        self.file = file
        self.loop = loop
        self.function = function
        self.innerLabels = labelsInside(loop)
    }

    var unit: SourceUnit { pass.files[file] }

    func build() -> Result {
        if let reason = bodyCallsRecover() { return .declined(reason) }
        guard loop.body.rbrace.isValid else {
            return .declined(LocalizedText(zh: "循环体缺少右花括号", en: "the loop body has no closing brace"))
        }
        // The names a fresh one must avoid, gathered only when a branch needs one.
        var taken: Set<String>?
        func fresh(_ base: String) -> String {
            if taken == nil { taken = pass.takenNames(in: function) }
            return freshName(base, &taken!)
        }
        let results = resultSlots()
        var rewrites: [TextEdit] = []
        var actions: [String] = []  // after-closure statements; index + 1 is the code
        var temps: [String]?        // fresh names of the result temporaries, made on first use
        var control: String?
        let bodyStart = unit.offset(loop.body.lbrace) + 1
        let nl = pass.newline(file)  // CRLF files stay CRLF

        func code(for action: String) -> Int {
            if let i = actions.firstIndex(of: action) { return i + 1 }
            actions.append(action)
            return actions.count
        }

        for branch in branches() {
            let start = unit.offset(branch.pos), end = unit.offset(branch.end)
            let sep = pass.startsLine(file, atOffset: start) ? nl + pass.indentation(file, atOffset: start) : "; "
            var replacement: String
            switch branch.kind {
            case .continueThisLoop:
                replacement = "return"
            case .leave(let action):
                if control == nil { control = fresh("exit") }
                replacement = "\(control!) = \(code(for: action))\(sep)return"
            case .returnValues(let values):
                if temps == nil { temps = results.indices.map { fresh($0 == 0 ? "ret" : "ret\($0)") } }
                if control == nil { control = fresh("exit") }
                let n = code(for: "return " + temps!.joined(separator: ", "))
                // One assignment per value when they match the results one to one: gofmt
                // lays out `ret = v` exactly like the value in `return …, v`, whereas a
                // multi-assignment would make it pack binary expressions tighter.
                let assign = values.count == temps!.count
                    ? zip(temps!, values).map { "\($0) = \($1)" }.joined(separator: sep)
                    : "\(temps!.joined(separator: ", ")) = \(values.joined(separator: ", "))"
                replacement = "\(assign)\(sep)\(control!) = \(n)\(sep)return"
            }
            rewrites.append(TextEdit(offset: start - bodyStart, length: end - start, newText: replacement))
        }

        let inner = Array(unit.bytes[bodyStart..<unit.offset(loop.body.rbrace)])
        guard let edited = try? TextEditApplier.apply(rewrites, to: inner) else {
            return .declined(LocalizedText(zh: "循环体里的跳转语句互相重叠", en: "the body's branch statements overlap"))
        }
        let ind = pass.indentation(file, atOffset: unit.offset(loop.pos))
        var header = ""
        if let temps {
            for (name, slot) in zip(temps, results) { header += "\(ind)\tvar \(name) \(slot)\(nl)" }
        }
        if let control { header += "\(ind)\t\(control) := 0\(nl)" }
        var after = ""
        if let control {
            for (i, action) in actions.enumerated() {
                after += "\(ind)\tif \(control) == \(i + 1) {\(nl)\(ind)\t\t\(action)\(nl)\(ind)\t}\(nl)"
            }
        }
        let text = LoopWrap.wrap(edited, indent: ind, header: header, after: after, newline: nl)
        return .fix(TextEdit(offset: bodyStart, length: inner.count, newText: text))
    }

    /// Lays out the new body: what followed `{` on its line (a comment) stays there, then the
    /// header, `func() {`, the old lines one tab deeper, `}()`, the carried exits, and the
    /// closing brace's own indentation.
    static func wrap(_ inner: [UInt8], indent ind: String, header: String, after: String, newline nl: String) -> String {
        var head: [UInt8] = []
        var middle: [UInt8] = []
        var tail: [UInt8] = Array(ind.utf8)
        if let firstNL = inner.firstIndex(of: 0x0A) {
            head = Array(inner[..<firstNL])
            middle = Array(inner[(firstNL + 1)...])
            // The closing brace's line: keep only if it holds code.
            let lastNL = middle.lastIndex(of: 0x0A)
            let last = lastNL.map { Array(middle[($0 + 1)...]) } ?? middle
            if last.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                tail = last
                middle = lastNL.map { Array(middle[...$0]) } ?? []
            } else {
                middle += Array(nl.utf8)
            }
        } else {
            head = inner
        }
        if nl == "\r\n", head.last == 0x0D { head.removeLast() }
        let headText = String(decoding: head, as: UTF8.self)
        var trimmed = headText.drop { $0 == " " || $0 == "\t" }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        if !(trimmed.isEmpty || trimmed.hasPrefix("//") || trimmed.hasPrefix("/*")) {
            // Code on the brace's line (a one-line body): it moves into the closure.
            middle = Array((ind + "\t" + String(trimmed) + nl).utf8) + middle
            head = []
        }
        var out = String(decoding: head, as: UTF8.self) + nl + header + ind + "\tfunc() {" + nl
        out += String(decoding: indentLines(middle), as: UTF8.self)
        out += ind + "\t}()" + nl + after + String(decoding: tail, as: UTF8.self)
        return out
    }

    /// Adds one tab to every non-empty line, except lines that start inside a raw string
    /// literal (their bytes are part of the program's data).
    static func indentLines(_ text: [UInt8]) -> [UInt8] {
        var protected = Set<Int>()
        let (tokens, _) = GoScanner.tokens(of: text)
        for t in tokens where t.kind == .string && text[t.start] == 0x60 {
            for k in t.start..<t.end where text[k] == 0x0A { protected.insert(k + 1) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 16)
        var lineStart = true
        for (k, b) in text.enumerated() {
            if lineStart && b != 0x0A && !protected.contains(k) { out.append(0x09) }
            out.append(b)
            lineStart = b == 0x0A
        }
        return out
    }

    // MARK: - Results

    /// The spelled type of each result, one per name (unnamed results once each).
    func resultSlots() -> [String] {
        guard let results = function.type.results else { return [] }
        var slots: [String] = []
        for f in results.list {
            guard let t = f.type else { continue }
            let text = pass.text(file, t)
            for _ in 0..<max(1, f.names.count) { slots.append(text) }
        }
        return slots
    }

    var hasNamedResults: Bool { function.type.results?.list.contains { !$0.names.isEmpty } ?? false }

    // MARK: - Branches

    struct Branch {
        enum Kind {
            case continueThisLoop
            case leave(String)           // carried out after the closure as this statement
            case returnValues([String])  // `return <values>` with values: via temporaries
        }
        var pos: Pos
        var end: Pos
        var kind: Kind
    }

    /// Whether the loop's label is named by a branch that stays a branch after the wrap: a
    /// `break L` (carried out after the closure) or a branch outside the body.
    var labelUsedOtherwise: Bool {
        guard let label = loop.label else { return false }
        var used = false
        Inspector.walk(.stmt(.block(function.body)), pre: { n in
            if case .stmt(.branch(let b)) = n, b.label?.name == label {
                let inBody = b.tokPos > loop.body.lbrace && b.tokPos < loop.body.rbrace
                if !inBody || b.tok != .continue { used = true }
            }
            return !used
        })
        return used
    }

    /// Branch and return statements of the body that leave the closure's iteration.
    func branches() -> [Branch] {
        var out: [Branch] = []
        var loops = 0, switches = 0
        Inspector.walk(.stmt(.block(loop.body)), pre: { node in
            switch node {
            case .expr(.funcLit): return false
            case .stmt(.for), .stmt(.range): loops += 1
            case .stmt(.switch), .stmt(.typeSwitch), .stmt(.select): switches += 1
            case .stmt(.return(let r)):
                let end = Stmt.return(r).end
                if r.results.isEmpty {
                    out.append(Branch(pos: r.returnPos, end: end, kind: .leave("return")))
                } else {
                    let values = r.results.map { pass.text(file, $0) }
                    out.append(Branch(pos: r.returnPos, end: end, kind: .returnValues(values)))
                }
            case .stmt(.branch(let b)):
                let text = pass.text(file, b.tokPos, Stmt.branch(b).end)
                let label = b.label?.name
                let inner = label.map { innerLabels.contains($0) } ?? false
                switch b.tok {
                case .continue:
                    if label == nil && loops == 0 {
                        out.append(Branch(pos: b.tokPos, end: Stmt.branch(b).end, kind: .continueThisLoop))
                    } else if label != nil && label == loop.label {
                        // `return` would leave the label unused (a compile error) unless some
                        // other branch still names it: then carry the continue out instead.
                        let kind: Branch.Kind = labelUsedOtherwise ? .continueThisLoop : .leave(text)
                        out.append(Branch(pos: b.tokPos, end: Stmt.branch(b).end, kind: kind))
                    } else if label != nil && !inner {
                        out.append(Branch(pos: b.tokPos, end: Stmt.branch(b).end, kind: .leave(text)))
                    }
                case .break:
                    if label == nil && loops == 0 && switches == 0 {
                        out.append(Branch(pos: b.tokPos, end: Stmt.branch(b).end, kind: .leave("break")))
                    } else if label != nil && !inner {
                        out.append(Branch(pos: b.tokPos, end: Stmt.branch(b).end, kind: .leave(text)))
                    }
                case .goto:
                    if !inner { out.append(Branch(pos: b.tokPos, end: Stmt.branch(b).end, kind: .leave(text))) }
                default:
                    break
                }
            default:
                break
            }
            return true
        }, post: { node in
            switch node {
            case .stmt(.for), .stmt(.range): loops -= 1
            case .stmt(.switch), .stmt(.typeSwitch), .stmt(.select): switches -= 1
            default: break
            }
        })
        return out
    }

    // MARK: - When not to rewrite

    /// recover() called by the body itself (not by a deferred call) stops working once the
    /// body is a closure: it is no longer called by the deferred function.
    func bodyCallsRecover() -> LocalizedText? {
        var direct = false
        Inspector.walk(.stmt(.block(loop.body)), pre: { n in
            if case .expr(.funcLit) = n { return false }
            if case .stmt(.defer) = n { return false }
            if case .expr(.call(let c)) = n, pass.isBuiltin(c.fun, "recover") { direct = true }
            return !direct
        })
        guard direct else { return nil }
        return LocalizedText(
            zh: "循环体直接调用了 recover()：移进闭包后它不再由被 defer 的函数直接调用，无法恢复 panic",
            en: "the loop body calls recover() directly: moved into a closure it is no longer called by the deferred function and recovers nothing")
    }
}
