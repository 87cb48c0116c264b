/// One reference in the rule graph: a rule, fact or question (`ask_if`) that reads another
/// question, fact or rule (`fired`). Questions and facts are named `checklist.id`, rules by id.
public struct Reference: Sendable, Hashable {
    public var from: String
    public var to: String
}
