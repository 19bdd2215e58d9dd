import Foundation
import GoSyntax

/// What to build: a folder holding one main package, or one Go file.
public enum ProgramSource: Sendable, Hashable {
    /// Every regular file of this folder (not its subfolders) is copied.
    case directory(URL)
    /// Only this `.go` file is copied.
    case file(URL)
}

/// A private folder for one build and run, removed by ``remove()``:
/// `src/` (the program's copy plus the probe), `tmp/` (the program's TMPDIR) and `prog`.
struct Workspace {
    /// The workspace itself.
    let root: URL
    /// The package being built.
    var source: URL { root.appendingPathComponent("src", isDirectory: true) }
    /// The program's TMPDIR.
    var temporary: URL { root.appendingPathComponent("tmp", isDirectory: true) }
    /// The built binary.
    var binary: URL { root.appendingPathComponent("prog") }

    /// Creates a fresh, uniquely named workspace inside `parent`.
    init(in parent: URL) throws {
        let template = parent.appendingPathComponent("deferlab-run-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw RunnerError.workspace(path: template, reason: String(cString: strerror(errno)))
        }
        root = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: source, withIntermediateDirectories: false)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            remove()
            throw RunnerError.workspace(path: root.path, reason: error.localizedDescription)
        }
    }

    /// Copies the program, writes a go.mod when it has none (`goLine` like `1.23`), adds the
    /// probe and instruments the copy (``Instrumentation``).
    func prepare(_ program: ProgramSource, goLine: String, overrideGoLine: Bool = false, counting: Bool = true) throws {
        try prepare(program, goLine: goLine, overrideGoLine: overrideGoLine, mode: counting ? .counting : .plain)
    }

    func prepare(_ program: ProgramSource, goLine: String, overrideGoLine: Bool = false, mode: Instrumentation.Mode) throws {
        let manager = FileManager.default
        let files: [URL]
        switch program {
        case .file(let url):
            files = [url]
        case .directory(let url):
            let entries = try manager.contentsOfDirectory(
                at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            files = try entries.filter { try $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        for file in files {
            try manager.copyItem(at: file, to: source.appendingPathComponent(file.lastPathComponent))
        }
        let goMod = source.appendingPathComponent("go.mod")
        if !manager.fileExists(atPath: goMod.path) {
            try Data("module deferlab.run/program\n\ngo \(goLine)\n".utf8).write(to: goMod)
        } else if overrideGoLine {
            // Replace the go line (and drop a toolchain line that would require a newer Go).
            let text = try String(contentsOf: goMod, encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                .filter { !$0.hasPrefix("toolchain ") }
            if let i = lines.firstIndex(where: { $0.hasPrefix("go ") }) {
                lines[i] = "go \(goLine)"
            } else {
                lines.append("go \(goLine)")
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: goMod)
        }
        for file in files where Self.isBuiltGoFile(file.lastPathComponent) {
            let copy = source.appendingPathComponent(file.lastPathComponent)
            let bytes = [UInt8](try Data(contentsOf: copy))
            let edits = Instrumentation.edits(name: copy.lastPathComponent, bytes: bytes, mode: mode)
            guard !edits.isEmpty else { continue }
            try Data(try TextEditApplier.apply(edits, to: bytes)).write(to: copy)
        }
        try Data(ProbeSource.goSource.utf8).write(to: source.appendingPathComponent(ProbeSource.fileName))
        if mode == .tracing {
            try Data(TraceSource.goSource.utf8).write(to: source.appendingPathComponent(TraceInstrumentation.fileName))
        }
    }

    /// Why the copied program cannot be built as a program: no Go files of its own, or a
    /// package other than main (the go command would name our probe file in its message).
    func mainPackageProblem() -> RunFailure? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [])
            .filter { Self.isBuiltGoFile($0) && !$0.hasPrefix("0deferlab_") }.sorted()
        guard !names.isEmpty else { return .notMain(package: nil) }
        for name in names {
            guard let bytes = try? [UInt8](Data(contentsOf: source.appendingPathComponent(name))) else { continue }
            let package = GoParser.parse(name: name, bytes: bytes).file.name.name
            if package != "main" && !package.isEmpty && package != "_" { return .notMain(package: package) }
        }
        return nil
    }

    /// Go files the go command compiles into the package (not tests, not `_` or `.` files).
    static func isBuiltGoFile(_ name: String) -> Bool {
        name.hasSuffix(".go") && !name.hasSuffix("_test.go") && !name.hasPrefix("_") && !name.hasPrefix(".")
    }

    /// Removes the workspace and everything in it; Go's module cache marks files read-only,
    /// so write permission is restored first.
    func remove() {
        let manager = FileManager.default
        if let walker = manager.enumerator(atPath: root.path) {
            for case let relative as String in walker {
                _ = chmod(root.appendingPathComponent(relative).path, 0o700)
            }
        }
        try? manager.removeItem(at: root)
    }
}

extension Workspace {
    /// Copies the regular files of `folder` unchanged (no probe, no instrumentation).
    func copyPlain(from folder: URL) throws {
        let manager = FileManager.default
        let entries = try manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                      options: [.skipsHiddenFiles])
        for file in entries where try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            try manager.copyItem(at: file, to: source.appendingPathComponent(file.lastPathComponent))
        }
    }
}

extension ProgramSource {
    /// The folder holding the program's files.
    var folder: URL {
        switch self {
        case .directory(let url): return url
        case .file(let url): return url.deletingLastPathComponent()
        }
    }
}

extension RunFailure {
    /// A build failure whose paths name the user's files instead of the workspace's copies:
    /// `./main.go:4:2` and `<workspace>/src/main.go:4:2` become `<folder>/main.go:4:2`. The
    /// instrumentation keeps every line and column of the user's code, so positions match.
    func naming(_ folder: URL, for workspace: Workspace) -> RunFailure {
        guard case .build(let output) = self else { return self }
        let dir = folder.standardizedFileURL.path
        var lines: [String] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = String(line).replacingOccurrences(of: workspace.source.path + "/", with: dir + "/")
            if l.hasPrefix("./") { l = dir + "/" + l.dropFirst(2) }
            lines.append(l)
        }
        return .build(lines.joined(separator: "\n"))
    }
}
