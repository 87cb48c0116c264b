import AnjianCore

/// One rule file: a sector's questions, facts and rules.
public struct Checklist: Sendable, Hashable {
    public struct Include: Sendable, Hashable {
        public var id: String
        public var location: SourceLocation
    }

    public var id: String
    /// What kind of subject the checklist inspects.
    public var subject: SubjectKind
    public var title: String
    public var source: String
    /// Enterprises of these sectors get this checklist; `*` means every sector.
    public var sectors: [String]
    public var includes: [Include]
    /// Default departments of its rules, canonical names, the lead first.
    public var departments: [String]
    public var questions: [Question]
    public var facts: [Fact]
    public var rules: [Rule]
    public var file: String
    public var location: SourceLocation
    public var sourceLocation: SourceLocation
}
