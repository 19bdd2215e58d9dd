import Foundation

/// Every problem found in one example folder (at least one).
struct ProblemList: Error, Sendable {
    var problems: [ContentProblem]
}

/// Loads one example folder and checks it against the rules of `Content/README.md`.
///
/// What a valid example guarantees to its users (the runner, the lessons, `deferlab
/// examples`): the manifest decodes, its id is its kebab-case folder name, both texts exist in
/// zh and en, the timeout is positive, no `expect` string is empty, every `vet` pattern
/// compiles, and both variants are folders holding a `go.mod` for
/// `module deferlab.example/<id>/<variant>` and a main package.
enum ExampleValidator {
    static func load(folder: URL) -> Result<Example, ProblemList> {
        let manifestPath = folder.appendingPathComponent("manifest.json").path
        let data: Data
        switch ContentFiles.contents(manifestPath) {
        case .success(let bytes): data = bytes
        case .failure(let failure) where failure.code == ENOENT:
            return .failure(ProblemList(problems: [ContentProblem(path: manifestPath, kind: .missingManifest)]))
        case .failure(let failure):
            return .failure(ProblemList(problems: [
                ContentProblem(path: manifestPath, kind: .unreadableManifest(reason: failure.reason)),
            ]))
        }
        let manifest: ExampleManifest
        do {
            manifest = try JSONDecoder().decode(ExampleManifest.self, from: data)
        } catch let error as DecodingError {
            return .failure(ProblemList(problems: [
                ContentProblem(path: manifestPath, kind: .invalidManifest(reason: describe(error, data: data))),
            ]))
        } catch {
            return .failure(ProblemList(problems: [
                ContentProblem(path: manifestPath, kind: .invalidManifest(reason: "\(error)")),
            ]))
        }
        let problems = check(manifest, manifestPath: manifestPath, folder: folder)
        return problems.isEmpty
            ? .success(Example(manifest: manifest, folder: folder))
            : .failure(ProblemList(problems: problems))
    }

    /// The problems of a decoded manifest and its variant folders, in a stable order.
    static func check(_ manifest: ExampleManifest, manifestPath: String, folder: URL) -> [ContentProblem] {
        var problems: [ContentProblem] = []
        func report(_ kind: ContentProblem.Kind, at path: String = manifestPath) {
            problems.append(ContentProblem(path: path, kind: kind))
        }
        let folderName = folder.lastPathComponent
        if manifest.id != folderName { report(.idMismatch(id: manifest.id, folder: folderName)) }
        if !isKebabCase(manifest.id) { report(.invalidID(manifest.id)) }
        for (field, text) in [("title", manifest.title), ("demonstrates", manifest.demonstrates)] {
            if text.zh.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                report(.emptyText(field: field, language: "zh"))
            }
            if text.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                report(.emptyText(field: field, language: "en"))
            }
        }
        if !(manifest.timeoutSeconds > 0) { report(.nonPositiveTimeout(manifest.timeoutSeconds)) }
        for variant in Variant.allCases {
            let expect = manifest.expect[variant]
            for (field, claims) in [("stdoutContains", expect.stdoutContains),
                                    ("stdoutNotContains", expect.stdoutNotContains),
                                    ("stderrContains", expect.stderrContains)] where claims.contains("") {
                report(.emptyClaim(variant, field: field))
            }
            if case .warning(let pattern) = manifest.vet[variant] {
                if (try? NSRegularExpression(pattern: pattern)) == nil {
                    report(.invalidVetPattern(variant, pattern: pattern))
                }
            }
            let variantFolder = folder.appendingPathComponent(variant.rawValue, isDirectory: true)
            problems += checkVariant(variant, at: variantFolder, id: folderName)
        }
        return problems
    }

    /// The decoding problem (see ``Swift/DecodingError/describe(in:)``).
    private static func describe(_ error: DecodingError, data: Data) -> String {
        error.describe(in: data)
    }

    /// `go.mod` with the right module path, and a main package.
    private static func checkVariant(_ variant: Variant, at folder: URL, id: String) -> [ContentProblem] {
        guard ContentFiles.isDirectory(folder.path) else {
            return [ContentProblem(path: folder.path, kind: .missingVariant(variant))]
        }
        var problems: [ContentProblem] = []
        let goMod = folder.appendingPathComponent("go.mod").path
        if case .success(let data) = ContentFiles.contents(goMod) {
            let expected = "deferlab.example/\(id)/\(variant.rawValue)"
            let found = modulePath(inGoMod: String(decoding: data, as: UTF8.self))
            if found != expected {
                problems.append(ContentProblem(path: goMod, kind: .wrongModulePath(variant, expected: expected, found: found)))
            }
        } else {
            problems.append(ContentProblem(path: goMod, kind: .missingGoMod(variant)))
        }
        let names = ((try? ContentFiles.list(folder.path).get()) ?? []).sorted()
        let sources = names.filter { $0.hasSuffix(".go") && !$0.hasSuffix("_test.go") && !$0.hasPrefix(".") }
        if sources.isEmpty {
            problems.append(ContentProblem(path: folder.path, kind: .notMainPackage(variant, detail: "no .go files")))
        }
        for name in sources {
            let path = folder.appendingPathComponent(name).path
            let text = (try? ContentFiles.contents(path).get()).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let package = packageName(inGoSource: text)
            if package != "main" {
                let detail = "\(name) is " + (package.map { "package \($0)" } ?? "unreadable or has no package clause")
                problems.append(ContentProblem(path: path, kind: .notMainPackage(variant, detail: detail)))
            }
        }
        return problems
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*`, the form of every stable id.
    static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// The path of the `module` directive in a go.mod file (quotes removed), if any.
    static func modulePath(inGoMod text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: "//", maxSplits: 1).first.map { $0.split(whereSeparator: \.isWhitespace) } ?? []
            if words.count == 2, words[0] == "module" {
                return String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
            }
        }
        return nil
    }

    /// The name in a Go file's package clause: the first token after leading comments.
    /// A plain scan is enough here; the Go front end is not a dependency of the content layer.
    static func packageName(inGoSource text: String) -> String? {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if rest.hasPrefix("//") {
                rest = rest.drop { !$0.isNewline }
            } else if rest.hasPrefix("/*") {
                guard let end = rest.range(of: "*/") else { return nil }
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        let words = rest.prefix { !$0.isNewline }.split(whereSeparator: { $0.isWhitespace || $0 == ";" })
        guard words.count >= 2, words[0] == "package" else { return nil }
        return String(words[1])
    }
}

/// The form of every stable id in DeferLab's content: example ids, lesson slugs, block keys.
public enum StableID {
    /// True when `id` is kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
    public static func isValid(_ id: String) -> Bool { ExampleValidator.isKebabCase(id) }
}
