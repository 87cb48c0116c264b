import AnjianCore

/// A section of the campaign document (`二(三)6`) that rules cite, with the departments
/// the document names for it, the lead first.
public struct SeedSection: Sendable, Hashable {
    public var id: String
    /// The section's heading, verbatim from the document.
    public var title: String
    /// Empty where the document names no department.
    public var departments: [String]
    public var location: SourceLocation
}
