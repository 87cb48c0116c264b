import Foundation
import AnjianCore
import AnjianYAML

/// Walks a YAML mapping field by field, collecting diagnostics instead of throwing,
/// and reports keys nobody asked for with a "did you mean".
struct MappingReader {
    let node: YAMLNode
    let pairs: [YAMLPair]
    /// What the mapping is, for messages ("rule", "question").
    let what: LocalizedText

    /// `nil` (with a diagnostic) when the node is not a mapping.
    init?(_ node: YAMLNode, what: LocalizedText, diagnostics: inout [Diagnostic]) {
        guard let pairs = node.mapping else {
            diagnostics.append(.expectedMapping(what, found: node))
            return nil
        }
        self.node = node
        self.pairs = pairs
        self.what = what
    }

    subscript(key: String) -> YAMLNode? {
        pairs.first { $0.key.value == key }?.value
    }

    func pair(_ key: String) -> YAMLPair? { pairs.first { $0.key.value == key } }

    /// The value of an optional field, treating a blank (`code:` with nothing) as absent.
    func present(_ key: String) -> YAMLNode? {
        guard let value = self[key] else { return nil }
        if case .null? = value.scalar?.resolved { return nil }
        return value
    }

    /// Reports every key not in `allowed`, suggesting the nearest allowed one.
    func rejectUnknownKeys(allowed: [String], diagnostics: inout [Diagnostic]) {
        for pair in pairs where !allowed.contains(pair.key.value) {
            let suggestion = Suggestion.nearest(to: pair.key.value, in: allowed)
            diagnostics.append(.unknownField(pair.key.value, in: what, suggestion: suggestion, known: allowed, at: pair.keyLocation))
        }
    }

    /// The value of a field that must be present.
    func required(_ key: String, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        if let value = self[key] { return value }
        diagnostics.append(.missingField(key, in: what, at: node.location))
        return nil
    }
}

enum NodeReading {
    /// Text of a scalar: strings, and numbers read as written (`source: 6`); anything else is an error.
    static func text(_ node: YAMLNode, field: String, diagnostics: inout [Diagnostic]) -> String? {
        if let s = node.scalar {
            switch s.resolved {
            case .string, .int, .float, .intOutOfRange:
                if isBlank(s.value) { break }
                return s.value
            case .null, .bool:
                break
            }
        }
        diagnostics.append(.expectedText(field: field, found: node))
        return nil
    }

    /// Whether text is empty or only spaces and tabs (what `CharacterSet.whitespaces` holds: tab and
    /// the space separators), checked without Foundation's trimming, which copies every value.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    static func identifier(_ node: YAMLNode, field: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let text = text(node, field: field, diagnostics: &diagnostics) else { return nil }
        guard isIdentifier(text) else {
            diagnostics.append(.badIdentifier(text, at: node.location))
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" }
    }

    static func int(_ node: YAMLNode, field: String, diagnostics: inout [Diagnostic]) -> Int? {
        if let s = node.scalar, case .int(let i) = s.resolved { return i }
        diagnostics.append(.expectedInt(field: field, found: node))
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    static func textList(_ node: YAMLNode, field: String, diagnostics: inout [Diagnostic]) -> [(String, SourceLocation)] {
        if let items = node.sequence {
            return items.compactMap { item in text(item, field: field, diagnostics: &diagnostics).map { ($0, item.location) } }
        }
        if node.scalar != nil, let t = text(node, field: field, diagnostics: &diagnostics) { return [(t, node.location)] }
        if node.scalar == nil {
            diagnostics.append(.expectedList(field: field, found: node))
        }
        return []
    }

    /// An expression scalar with the file location of each of its characters.
    static func expression(_ node: YAMLNode, field: String, lines: SourceLines, diagnostics: inout [Diagnostic]) -> ExpressionSource? {
        guard let scalar = node.scalar else {
            diagnostics.append(.expectedExpression(field: field, found: node))
            return nil
        }
        if case .null = scalar.resolved {
            diagnostics.append(.emptyExpression(field: field, at: node.location))
            return nil
        }
        return ExpressionSource(text: scalar.value, locations: lines.valueLocations(of: scalar))
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIHexDigit: Bool { isASCIIDigit || ("a"..."f").contains(self) || ("A"..."F").contains(self) }
}
