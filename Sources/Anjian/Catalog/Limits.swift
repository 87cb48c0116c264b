import AnjianYAML

/// Bounds on input, so that broken or hostile rule and answer files get a located error in
/// bounded time and memory instead of a crash or a hang.
public struct Limits: Sendable, Hashable {
    /// Largest file, in bytes.
    public var maxFileSize: Int
    /// Deepest nesting of YAML lists and mappings.
    public var maxDepth: Int
    /// Most nodes aliases may add when expanded (billion laughs).
    public var maxAliasExpansion: Int
    /// Longest YAML scalar, in bytes.
    public var maxScalarLength: Int
    /// Longest expression (`when`, `expr`, `ask_if`), in characters.
    public var maxExpressionLength: Int
    /// Deepest nesting of parentheses, lists and operators in an expression.
    public var maxExpressionDepth: Int
    /// Most rules in a catalog.
    public var maxRules: Int

    public init(maxFileSize: Int = 16 << 20, maxDepth: Int = 100, maxAliasExpansion: Int = 100_000, maxScalarLength: Int = 1 << 20,
                maxExpressionLength: Int = 4_096, maxExpressionDepth: Int = 200, maxRules: Int = 100_000) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxScalarLength = maxScalarLength
        self.maxExpressionLength = maxExpressionLength
        self.maxExpressionDepth = maxExpressionDepth
        self.maxRules = maxRules
    }

    public static let `default` = Limits()

    var yaml: YAMLLimits {
        YAMLLimits(maxFileSize: maxFileSize, maxDepth: maxDepth, maxAliasExpansion: maxAliasExpansion, maxScalarLength: maxScalarLength)
    }
}
