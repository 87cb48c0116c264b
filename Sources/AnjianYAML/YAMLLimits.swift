/// Bounds that keep hostile or broken input from crashing or hanging the loader.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes.
    public var maxFileSize: Int
    /// Deepest nesting of lists and mappings. libyaml slows quadratically on deep nesting,
    /// so the loader stops reading as soon as this is passed.
    public var maxDepth: Int
    /// Most nodes that aliases may add to the document when expanded (billion laughs).
    public var maxAliasExpansion: Int
    /// Longest scalar accepted, in bytes.
    public var maxScalarLength: Int

    public init(maxFileSize: Int = 16 << 20, maxDepth: Int = 100, maxAliasExpansion: Int = 100_000, maxScalarLength: Int = 1 << 20) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxScalarLength = maxScalarLength
    }

    public static let `default` = YAMLLimits()
}
