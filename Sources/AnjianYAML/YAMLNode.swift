public import AnjianCore

/// A node of a YAML document with the location where it starts.
///
/// Aliases are already expanded (within ``YAMLLimits/maxAliasExpansion``), so consumers
/// see a plain tree. Mappings keep their keys in document order.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// What the node is, in words for messages ("a mapping", "a list", "the text 'x'").
    public var kindDescription: String {
        switch content {
        case .scalar(let s):
            switch s.resolved {
            case .null: return "nothing (null)"
            case .bool: return "a boolean"
            case .int, .intOutOfRange: return "a number"
            case .float: return "a number"
            case .string: return "the text '\(s.value)'"
            }
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// What the node is, in Chinese words for messages ("一个列表", "文本 'x'").
    public var kindDescriptionZH: String {
        switch content {
        case .scalar(let s):
            switch s.resolved {
            case .null: return "空值（null）"
            case .bool: return "一个布尔值（true/false）"
            case .int, .intOutOfRange, .float: return "一个数字"
            case .string: return "文本 '\(s.value)'"
            }
        case .sequence: return "一个列表"
        case .mapping: return "一组 '键: 值'（映射）"
        }
    }
}

/// One `key: value` entry of a mapping. Keys are scalars; the loader rejects any other key.
public struct YAMLPair: Sendable {
    public var key: YAMLScalar
    public var keyLocation: SourceLocation
    public var value: YAMLNode

    public init(key: YAMLScalar, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A scalar as written: its text, how it was quoted, and what it means under the YAML 1.2 core schema.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The value a scalar resolves to under the YAML 1.2 core schema.
    public enum Resolved: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        /// An integer that does not fit in 64 bits; kept so that decoders can say so.
        case intOutOfRange
        case float(Double)
        case string(String)
    }

    public var value: String
    public var style: Style
    /// Set when an explicit tag (`!!str`, `!!int`, …) forced the type.
    public var explicitTag: String?
    /// Where the scalar's token starts (at the quote or the block indicator when there is one).
    public var start: SourceLocation
    public var end: SourceLocation
    public let resolved: Resolved

    public init(value: String, style: Style, explicitTag: String? = nil, start: SourceLocation, end: SourceLocation) {
        self.value = value
        self.style = style
        self.explicitTag = explicitTag
        self.start = start
        self.end = end
        self.resolved = CoreSchema.resolve(value, style: style, tag: explicitTag)
    }

    /// A scalar whose meaning was resolved when it was composed.
    init(value: String, style: Style, explicitTag: String?, start: SourceLocation, end: SourceLocation, resolved: Resolved) {
        self.value = value
        self.style = style
        self.explicitTag = explicitTag
        self.start = start
        self.end = end
        self.resolved = resolved
    }
}
