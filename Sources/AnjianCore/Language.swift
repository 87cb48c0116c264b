/// The language diagnostics and command output are written in.
public enum Language: String, Sendable, CaseIterable {
    /// English, the default.
    case en
    /// Simplified Chinese, for policy staff and inspectors.
    case zh

    /// The language a POSIX locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
    /// set and not empty decides (in that order, as `setlocale` does); `zh…` is Chinese, anything else English.
    ///
    /// ```swift
    /// Language.fromEnvironment(["LANG": "zh_CN.UTF-8"])   // .zh
    /// Language.fromEnvironment(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"])   // .en
    /// ```
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = env[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }
}

/// A text in both languages Anjian speaks, for output that is not a diagnostic (summary lines,
/// test results) and for the parts messages are built from.
public struct LocalizedText: Sendable, Hashable {
    /// The text in English.
    public var en: String
    /// The text in Chinese.
    public var zh: String

    /// A text with its English and Chinese wording.
    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// Both texts joined with the other's.
    public static func + (a: LocalizedText, b: LocalizedText) -> LocalizedText {
        LocalizedText(en: a.en + b.en, zh: a.zh + b.zh)
    }

    /// The empty text.
    public static let empty = LocalizedText(en: "", zh: "")
}
