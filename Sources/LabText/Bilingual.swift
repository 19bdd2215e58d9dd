import Foundation

/// One value in Chinese and English, side by side so the two cannot drift: every
/// user-visible text of DeferLab is one of these (`LocalizedText`), and lists of lines or
/// hints are `Bilingual<[String]>`.
public struct Bilingual<Value: Sendable>: Sendable {
    /// The Chinese value.
    public var zh: Value
    /// The English value.
    public var en: Value

    public init(zh: Value, en: Value) {
        self.zh = zh
        self.en = en
    }

    /// The same value in both languages (code, names, numbers).
    public init(both value: Value) {
        self.init(zh: value, en: value)
    }

    /// The value in `language`.
    public subscript(_ language: Language) -> Value {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }

    /// The value in `language`.
    public func callAsFunction(_ language: Language) -> Value { self[language] }

    /// Both values transformed alike.
    public func map<T: Sendable>(_ transform: (Value) throws -> T) rethrows -> Bilingual<T> {
        Bilingual<T>(zh: try transform(zh), en: try transform(en))
    }
}

extension Bilingual: Equatable where Value: Equatable {}
extension Bilingual: Hashable where Value: Hashable {}
extension Bilingual: Encodable where Value: Encodable {}
extension Bilingual: Decodable where Value: Decodable {}

/// A text in both languages.
public typealias LocalizedText = Bilingual<String>

extension Bilingual where Value == String {
    /// The text in `language` with `%1`, `%2`… replaced by `args` in order.
    public func text(_ language: Language, _ args: [String] = []) -> String {
        var s = self[language]
        // From the last: `%1` must not eat the start of `%10`.
        for (i, a) in args.enumerated().reversed() { s = s.replacingOccurrences(of: "%\(i + 1)", with: a) }
        return s
    }
}

/// How a list of items is joined in running text: "，" in Chinese, ", " in English.
public let listSeparator = LocalizedText(zh: "，", en: ", ")
