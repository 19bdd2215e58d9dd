import GoSyntax

/// The edits the runner makes to a copy of the measured program, all as ``TextEdit``s on the
/// original bytes and all on existing lines, so every line number the compiler, a panic or a
/// log line reports stays the user's own.
enum Instrumentation {
    /// The functions of package os whose results are passed through `deferlabOpened`.
    static let openFunctions: Set<String> = ["Open", "Create", "OpenFile"]
    /// The probe function that receives each opened file (see ``ProbeSource``).
    static let openedFunction = "deferlabOpened"

    /// Every edit for one file: the final sample deferred at the top of `func main`, and each
    /// call `os.Open(…)`, `os.Create(…)`, `os.OpenFile(…)` wrapped as `deferlabOpened(os.Open(…))`
    /// so the probe learns each new descriptor number at once (a sampler alone misses a peak
    /// that lasts less than a sample). Empty for a file outside package main.
    /// With `counting` false only the final sample is added: a run for allocation and time
    /// figures that the counting edits (extra defers, wrapped opens) would disturb.
    static func edits(name: String, bytes: [UInt8], counting: Bool = true) -> [TextEdit] {
        edits(name: name, bytes: bytes, mode: counting ? .counting : .plain)
    }

    /// What a run measures, and so which edits its copy gets.
    enum Mode: Sendable, Equatable {
        /// Counts: the final sample, wrapped opens, pending defers, exits.
        case counting
        /// Time and allocations: the final sample only.
        case plain
        /// Every deferred call's registration and start (``TraceInstrumentation``).
        case tracing
    }

    static func edits(name: String, bytes: [UInt8], mode: Mode) -> [TextEdit] {
        if mode == .tracing { return TraceInstrumentation.edits(name: name, bytes: bytes) }
        let counting = mode == .counting
        let parsed = GoParser.parse(name: name, bytes: bytes)
        guard parsed.file.name.name == "main" else { return [] }
        guard counting else { return mainEdits(parsed) }
        return mainEdits(parsed) + openEdits(parsed) + deferEdits(parsed) + exitEdits(parsed)
    }

    /// The functions that end the program without running deferred calls, by package path.
    static let exitFunctions: [String: Set<String>] = ["os": ["Exit"], "log": ["Fatal", "Fatalf", "Fatalln"]]

    /// The probe is told just before `os.Exit` or `log.Fatal…` (called through the file's names
    /// for those packages) ends the program, so it reports the deferred calls pending at that
    /// moment — calls that will never run. `os.Exit(code)` becomes `os.Exit(HOOK_CODE(code))`,
    /// which reports after `code` was evaluated (it may call functions with defers of their
    /// own); before other calls `HOOK; ` is put in front of the statement, on the same line.
    /// `hook` gives the call for a function (`os.Exit`, `log.Fatalf`…); `codeHook` the function
    /// that reports and passes the exit code on.
    static func exitEdits(_ parsed: ParsedFile, hook: (String) -> String = { _ in ProbeSource.exitingCall },
                          codeHook: String = "deferlabExitingCode") -> [TextEdit] {
        var names: [String: Set<String>] = [:]
        var packagePaths: [String: String] = [:]
        for spec in parsed.file.imports {
            let path = String(spec.path.value.dropFirst().dropLast())
            guard let functions = exitFunctions[path] else { continue }
            let name = spec.name?.name ?? path
            guard name != "_" && name != "." else { continue }
            names[name] = functions
            packagePaths[name] = path
        }
        guard !names.isEmpty else { return [] }
        var edits: [TextEdit] = []
        Inspector.walk(parsed.file) { node in
            guard case .stmt(.expr(let statement)) = node, case .call(let call) = statement.x,
                  case .selector(let selector) = call.fun, case .ident(let package) = selector.x,
                  names[package.name]?.contains(selector.sel.name) == true
            else { return true }
            let function = (packagePaths[package.name] ?? package.name) + "." + selector.sel.name
            if function == "os.Exit", call.args.count == 1, call.rparen.isValid {
                edits.append(.insert("\(codeHook)(", at: parsed.source.offset(call.args[0].pos)))
                edits.append(.insert(")", at: parsed.source.offset(call.args[0].end)))
            } else {
                edits.append(.insert("\(hook(function)); ", at: parsed.source.offset(package.namePos)))
            }
            return true
        }
        return edits
    }

    /// `; deferlabDeferred(); defer deferlabDeferRan()` after every defer statement, on the
    /// same line: the first counts the call as pending once it is registered (a defer whose
    /// arguments panic is never counted); the second, deferred right after the program's own,
    /// runs right before it (defers run last in, first out), so a deferred call counts as run
    /// when it starts. Counting it when it ended would race: a deferred `wg.Done()` lets main
    /// return and take its last sample before the count goes down. The extra defers change
    /// how the compiler implements them (open-coded vs heap), so allocation and time figures
    /// of an instrumented run are not the program's own.
    static func deferEdits(_ parsed: ParsedFile) -> [TextEdit] {
        var edits: [TextEdit] = []
        Inspector.walk(parsed.file) { node in
            if case .stmt(.defer(let d)) = node, d.call.rparen.isValid {
                edits.append(.insert("; \(ProbeSource.deferredCall); defer \(ProbeSource.ranCall)",
                                     at: parsed.source.offset(d.call.rparen) + 1))
            }
            return true
        }
        return edits
    }

    /// ` defer deferlabProbeFinal();` right after the opening brace of `func main`.
    static func mainEdits(_ parsed: ParsedFile) -> [TextEdit] {
        for case .func(let decl) in parsed.file.decls
        where decl.recv == nil && decl.name.name == "main" && decl.type.typeParams == nil {
            guard let body = decl.body, body.lbrace.isValid else { continue }
            return [.insert(" defer \(ProbeSource.finalCall);", at: parsed.source.offset(body.lbrace) + 1)]
        }
        return []
    }

    /// Wraps calls of the open functions through the file's name for package os. A local
    /// variable that shadows that name would make the wrapped call fail to compile; no example
    /// does that, and the build error would say so.
    static func openEdits(_ parsed: ParsedFile) -> [TextEdit] {
        let osNames = parsed.file.imports.compactMap { spec -> String? in
            guard spec.path.value == "\"os\"" || spec.path.value == "`os`" else { return nil }
            guard let alias = spec.name?.name else { return "os" }
            return alias == "_" || alias == "." ? nil : alias
        }
        guard !osNames.isEmpty else { return [] }
        var edits: [TextEdit] = []
        Inspector.walk(parsed.file) { node in
            guard case .expr(.call(let call)) = node, call.rparen.isValid,
                  case .selector(let selector) = call.fun, case .ident(let package) = selector.x,
                  osNames.contains(package.name), openFunctions.contains(selector.sel.name)
            else { return true }
            edits.append(.insert("\(openedFunction)(", at: parsed.source.offset(package.namePos)))
            edits.append(.insert(")", at: parsed.source.offset(call.rparen) + 1))
            return true
        }
        return edits
    }
}
