import GoSyntax

/// The edits of a traced run (`deferlab trace`): every deferred call reports when it is
/// registered and when it starts, every `recover()` what it returned, every function with
/// defers when it returns (with its named results), and the program what was still pending
/// when it exited. Like ``Instrumentation``, all edits are insertions on existing lines (the
/// program's own line numbers stay), and none changes what the program does:
/// - after `defer CALL`: `; deferlabTraceDefer(…); defer deferlabTraceRun()` — the second
///   defer runs right before CALL starts (last in, first out), and the tracer keeps a stack
///   per goroutine, so each start is matched with its registration without wrapping CALL
///   (a wrapped deferred func literal would no longer be "called directly by a deferred
///   function", and its `recover()` would stop working);
/// - the values passed to `deferlabTraceDefer` are the call's arguments and receiver when
///   they are plain names (read again right after the defer statement, which evaluated
///   them); any other argument is shown as its source text;
/// - `recover()` becomes `deferlabTraceRecover(recover())`: still called directly by the
///   deferred function;
/// - the first statement of a function with defers registers `deferlabTraceReturn`, so it
///   runs last, after the function's own defers.
enum TraceInstrumentation {
    static let fileName = "0deferlab_trace.go"

    static func edits(name: String, bytes: [UInt8]) -> [TextEdit] {
        let parsed = GoParser.parse(name: name, bytes: bytes)
        guard parsed.file.name.name == "main", parsed.errors.isEmpty else { return [] }
        var edits: [TextEdit] = []
        let source = parsed.source
        // The names this file gives to the packages it imports.
        let packages = Set(parsed.file.imports.compactMap { spec -> String? in
            if let name = spec.name?.name { return name == "_" || name == "." ? nil : name }
            return String(spec.path.value.dropFirst().dropLast().split(separator: "/").last ?? "")
        })
        func text(_ from: Pos, _ to: Pos) -> String {
            String(decoding: bytes[source.offset(from)..<source.offset(to)], as: UTF8.self)
        }
        func position(_ p: Pos) -> String {
            let at = source.position(p)
            return "\(name):\(at.line)"
        }
        func quoted(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: u.value < 0x20 ? (out += "\\x" + String(u.value, radix: 16).leftPadded(to: 2)) : out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        // Functions (declared and literal) that hold defers of their own, by body start.
        var functionsWithDefers: [Int: (name: String, results: [String], at: String, lbrace: Int, isMain: Bool)] = [:]
        Inspector.walkWithStack(parsed.file) { node, stack in
            switch node {
            case .stmt(.defer(let d)):
                guard d.call.rparen.isValid, let owner = owningFunction(stack) else { return true }
                let inLoop = stack.reversed().prefix { !isFunction($0) }.contains { n in
                    if case .stmt(.for) = n { return true }
                    if case .stmt(.range) = n { return true }
                    return false
                }
                let (fname, results, lbrace, isMain) = describe(owner, stack)
                if functionsWithDefers[lbrace] == nil {
                    functionsWithDefers[lbrace] = (fname, results, position(owner.pos), lbrace, isMain)
                }
                let call = d.call
                var values: [String] = []
                // The receiver, unless the selector names a package (`fmt.Println`).
                if case .selector(let sel) = call.fun, isPlainName(sel.x) {
                    if case .ident(let base) = sel.x, packages.contains(base.name) {} else { values.append(text(sel.x.pos, sel.x.end)) }
                }
                for arg in call.args {
                    values.append(isPlainName(arg) ? text(arg.pos, arg.end) : "deferlabSrc(" + quoted(shortText(text(arg.pos, arg.end))) + ")")
                }
                let callText = shortText(text(call.fun.pos, call.rparen + 1))
                let trace = "; deferlabTraceDefer(\(quoted(fname)), \(quoted(position(d.deferPos))), \(quoted(callText)), \(inLoop)"
                    + values.map { ", " + $0 }.joined() + "); defer deferlabTraceRun()"
                edits.append(.insert(trace, at: source.offset(call.rparen) + 1))
            case .expr(.call(let call)):
                if case .ident(let fn) = call.fun, fn.name == "recover", call.args.isEmpty, call.rparen.isValid {
                    edits.append(.insert("deferlabTraceRecover(", at: source.offset(fn.namePos)))
                    edits.append(.insert(")", at: source.offset(call.rparen) + 1))
                }
            default:
                break
            }
            return true
        }
        // main: the probe's final sample (registered first, so it runs last), then the exit
        // report, then (if main defers) its own return event.
        var mainDone = false
        for f in functionsWithDefers.values.sorted(by: { $0.lbrace < $1.lbrace }) {
            var insert = ""
            if f.isMain {
                insert += " defer \(ProbeSource.finalCall); defer deferlabTraceMainReturned();"
                mainDone = true
            }
            if f.results.isEmpty {
                insert += " defer deferlabTraceReturn(\(quoted(f.name)), \(quoted(f.at)));"
            } else {
                insert += " defer func() { deferlabTraceReturn(\(quoted(f.name)), \(quoted(f.at)), \(f.results.joined(separator: ", "))) }();"
            }
            edits.append(.insert(insert, at: f.lbrace + 1))
        }
        if !mainDone {
            for case .func(let decl) in parsed.file.decls
            where decl.recv == nil && decl.name.name == "main" && decl.type.typeParams == nil {
                guard let body = decl.body, body.lbrace.isValid else { continue }
                edits.append(.insert(" defer \(ProbeSource.finalCall); defer deferlabTraceMainReturned();",
                                     at: source.offset(body.lbrace) + 1))
            }
        }
        edits += Instrumentation.exitEdits(parsed, hook: { function in "deferlabTraceExit(\"\(function)\")" },
                                           codeHook: "deferlabTraceExitCode")
        return edits

        func describe(_ owner: Node, _ stack: [Node]) -> (String, [String], Int, Bool) {
            switch owner {
            case .decl(.func(let decl)):
                var name = decl.name.name
                if let recv = decl.recv?.list.first?.type {
                    name = "(" + shortText(text(recv.pos, recv.end)) + ")." + name
                }
                let results = decl.type.results?.list.flatMap { $0.names.map(\.name) } ?? []
                let isMain = decl.recv == nil && decl.name.name == "main"
                return (name, results.filter { $0 != "_" }.count == results.count ? results : [],
                        source.offset(decl.body!.lbrace), isMain)
            case .expr(.funcLit(let lit)):
                // Named after the declared function it is in.
                var outer = "func"
                for case .decl(.func(let decl)) in stack { outer = decl.name.name }
                let results = lit.type.results?.list.flatMap { $0.names.map(\.name) } ?? []
                return (outer + ".func", results.filter { $0 != "_" }.count == results.count ? results : [],
                        source.offset(lit.body.lbrace), false)
            default:
                return ("?", [], 0, false)
            }
        }
    }

    static func isFunction(_ node: Node) -> Bool {
        switch node {
        case .decl(.func), .expr(.funcLit): return true
        default: return false
        }
    }

    /// The innermost function (declaration with a body, or literal) on the stack.
    static func owningFunction(_ stack: [Node]) -> Node? {
        for node in stack.reversed() {
            if case .decl(.func(let decl)) = node, decl.body != nil { return node }
            if case .expr(.funcLit) = node { return node }
        }
        return nil
    }

    /// A name or a chain of field selections (`f`, `cfg.Name`): reading it again has no
    /// effect, so its value right after the defer statement is the one the defer took.
    static func isPlainName(_ e: Expr) -> Bool {
        switch e {
        case .ident(let i): return i.name != "_" && i.name != "nil"
        case .selector(let s): return isPlainName(s.x)
        case .paren(let p): return isPlainName(p.x)
        default: return false
        }
    }

    /// One line, at most 40 characters (function literals as `func(…) {…}`).
    static func shortText(_ text: String) -> String {
        var flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        if flat.hasPrefix("func(") || flat.hasPrefix("func ("), let brace = flat.firstIndex(of: "{") {
            let tail = flat.hasSuffix(")") ? String(flat[flat.index(after: flat.lastIndex(of: "}") ?? flat.endIndex)...]) : ""
            flat = String(flat[..<brace]) + "{…}" + tail
        }
        return flat.count > 40 ? String(flat.prefix(39)) + "…" : flat
    }
}

private extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
