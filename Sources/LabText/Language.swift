/// The language of user-visible text.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The one place the language is decided: `--lang`, else the editor's locale when a
    /// language server client gives one that starts with "zh" or "en", else `DEFERLAB_LANG`,
    /// else LC_ALL / LC_MESSAGES / LANG (the first that is set and non-empty); a value
    /// starting with "zh" means Chinese, anything else English.
    /// - Throws: `LanguageError.unknown` when `flag` is given but is not zh or en.
    public static func resolve(flag: String?, editorLocale: String? = nil, environment: [String: String]) throws -> Language {
        if let flag {
            guard let lang = Language(rawValue: flag.lowercased()) else { throw LanguageError.unknown(flag) }
            return lang
        }
        if let locale = editorLocale?.lowercased() {
            if locale.hasPrefix("zh") { return .zh }
            if locale.hasPrefix("en") { return .en }
        }
        if let value = environment["DEFERLAB_LANG"], !value.isEmpty {
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

public enum LanguageError: Error, Equatable {
    case unknown(String)
}
