/// A set of user-visible messages: each case carries its text in both languages, so a
/// message without one of them does not compile.
public protocol MessageCatalog: Sendable, CaseIterable {
    var text: LocalizedText { get }
}

/// The messages of one catalog in one language: `texts(.message, args…)`.
public struct Texts<Message: MessageCatalog>: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The text of `message`; `%1`, `%2`… are replaced by `args` in order.
    public func callAsFunction(_ message: Message, _ args: String...) -> String {
        message.text.text(language, args)
    }

    /// The text of `message`; `%1`, `%2`… are replaced by `args` in order.
    public func text(_ message: Message, _ args: String...) -> String {
        message.text.text(language, args)
    }

    /// A bilingual text in this language.
    public func text(_ localized: LocalizedText, _ args: String...) -> String { localized.text(language, args) }
}

/// DeferLab's general messages in one language.
public typealias Catalog = Texts<Message>
