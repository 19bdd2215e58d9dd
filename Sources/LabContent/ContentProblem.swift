import Foundation

/// Why the Content folder could not be used at all. These are environment problems, so they
/// are thrown; a broken example is a ``ContentProblem`` value instead.
public enum ContentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `Content/examples` folder was found. `home` is `DEFERLAB_HOME` when it was set;
    /// `searchedFrom` are the folders walked up from, in order (the executable's folder,
    /// then the current folder).
    case notFound(home: URL?, searchedFrom: [URL])
    /// The examples folder exists but cannot be listed (`reason` is the system's message).
    case unreadable(path: String, reason: String)

    /// Every place looked at, in search order, as display strings:
    /// `DEFERLAB_HOME/Content/examples` when set, then each start folder with " and above".
    public var searchedPlaces: [String] {
        switch self {
        case .notFound(let home, let starts):
            let homePlace = home.map { [$0.appendingPathComponent(ExampleCatalog.examplesRelativePath).path] } ?? []
            return homePlace + starts.map { $0.path }
        case .unreadable(let path, _):
            return [path]
        }
    }

    /// An English explanation for logs and tests; the CLI shows the zh/en catalog text.
    public var description: String {
        switch self {
        case .notFound(let home, let starts):
            var places: [String] = []
            if let home { places.append("DEFERLAB_HOME (\(home.path))") }
            places += starts.map { "\($0.path) or above" }
            return "content not found: no \(ExampleCatalog.examplesRelativePath) folder in "
                + places.joined(separator: ", ")
                + "; set DEFERLAB_HOME to the DeferLab folder that holds Content/"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        }
    }
}

/// One thing wrong with one example. The example is left out of the catalog, and the others
/// still load.
public struct ContentProblem: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// The example folder has no `manifest.json`.
        case missingManifest
        /// `manifest.json` exists but cannot be read.
        case unreadableManifest(reason: String)
        /// `manifest.json` is not valid JSON or does not fit the schema (`reason` names the
        /// field and what is wrong with it, e.g. an unknown figure).
        case invalidManifest(reason: String)
        /// The manifest's `id` differs from its folder's name.
        case idMismatch(id: String, folder: String)
        /// The id is not kebab-case (`[a-z0-9]+(-[a-z0-9]+)*`).
        case invalidID(String)
        /// A `title` or `demonstrates` text is empty in one language.
        case emptyText(field: String, language: String)
        /// `timeoutSeconds` is not a positive number.
        case nonPositiveTimeout(Double)
        /// A variant folder (`bad/` or `fixed/`) is missing.
        case missingVariant(Variant)
        /// A variant has no `go.mod`.
        case missingGoMod(Variant)
        /// The variant's `go.mod` does not declare `module deferlab.example/<id>/<variant>`.
        case wrongModulePath(Variant, expected: String, found: String?)
        /// A variant has no non-test `.go` file, or one of them is not `package main`.
        case notMainPackage(Variant, detail: String)
        /// An `expect` string is empty, so it claims nothing (`field` is e.g.
        /// `stdoutContains`).
        case emptyClaim(Variant, field: String)
        /// A variant's `vet` regular expression does not compile.
        case invalidVetPattern(Variant, pattern: String)
    }

    /// The file or folder the problem is about.
    public var path: String
    /// What is wrong.
    public var kind: Kind

    /// Creates a problem.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `path: what is wrong`, in English (content authors read these; see Content/README.md).
    public var description: String { "\(path): \(detail)" }

    /// What is wrong, in English, without the path.
    public var detail: String {
        switch kind {
        case .missingManifest:
            return "no manifest.json"
        case .unreadableManifest(let reason):
            return "cannot read manifest.json: \(reason)"
        case .invalidManifest(let reason):
            return "invalid manifest.json: \(reason)"
        case .idMismatch(let id, let folder):
            return "manifest id \"\(id)\" differs from its folder name \"\(folder)\""
        case .invalidID(let id):
            return "id \"\(id)\" is not kebab-case"
        case .emptyText(let field, let language):
            return "\(field).\(language) is empty"
        case .nonPositiveTimeout(let seconds):
            return "timeoutSeconds must be positive, not \(seconds)"
        case .missingVariant(let variant):
            return "no \(variant.rawValue)/ folder"
        case .missingGoMod(let variant):
            return "\(variant.rawValue)/ has no go.mod"
        case .wrongModulePath(let variant, let expected, let found):
            return "\(variant.rawValue)/go.mod declares "
                + (found.map { "module \($0)" } ?? "no module")
                + ", expected module \(expected)"
        case .notMainPackage(let variant, let detail):
            return "\(variant.rawValue)/ is not a main package: \(detail)"
        case .emptyClaim(let variant, let field):
            return "expect.\(variant.rawValue).\(field) holds an empty string, which claims nothing"
        case .invalidVetPattern(let variant, let pattern):
            return "vet.\(variant.rawValue) /\(pattern)/ is not a valid regular expression"
        }
    }
}

extension DecodingError {
    /// What is wrong with a JSON document that failed to decode: for a JSON syntax error, where
    /// in the file it is (JSONDecoder on Linux does not say, JSONSerialization does), else
    /// ``shortDescription``.
    public func describe(in data: Data) -> String {
        if case .dataCorrupted(let context) = self, context.codingPath.isEmpty {
            do {
                _ = try JSONSerialization.jsonObject(with: data)
            } catch {
                if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
                    return "not valid JSON: \(detail)"
                }
            }
        }
        return shortDescription
    }

    /// `field.path: what is wrong`, short enough for one line; shared by the content loaders.
    public var shortDescription: String {
        func at(_ path: [any CodingKey]) -> String {
            let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
                .joined().trimmingPrefix(".")
            return text.isEmpty ? "top level" : String(text)
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "\(at(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(at(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(at(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            return "\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return String(describing: self)
        }
    }
}
