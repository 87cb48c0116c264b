/// What a finding shows of its rule: the same for every finding of the rule.
struct RuleFields: Sendable, Hashable {
    var ruleID: String
    var title: String
    var severity: Severity
    var checklist: String
    var departments: [String]
    var basis: String
    var remedy: String
    var due: Deadline
    var source: String
    var ruleFile: String

    /// The lead department.
    var lead: String { departments.first ?? "" }
}

/// A rule's ``RuleFields``, shared by every finding of the rule, with what reports write of them
/// prepared once when a catalog makes it: their part of a finding's JSON, and the id as `passed`
/// lists it.
///
/// NOTE: immutable, so the prepared parts always match the fields; a finding whose fields are
/// edited gets a template of its own without them, and is written field by field.
final class RuleTemplate: Sendable {
    let fields: RuleFields
    /// Whether the parts below were prepared (else they are empty).
    let isPrepared: Bool
    /// A finding's JSON from its start to the deadline's key, and from after the deadline to its
    /// first piece of evidence when it has no extension.
    let head: JSONFragment, tail: JSONFragment
    let quotedID: JSONFragment
    /// Owns the fragments' bytes.
    private let fragments: JSONFragments?

    /// Fields written field by field.
    init(fields: RuleFields) {
        self.fields = fields
        isPrepared = false
        head = .empty; tail = .empty; quotedID = .empty
        fragments = nil
    }

    /// Fields with their JSON rendered now.
    init(prepared fields: RuleFields) {
        self.fields = fields
        isPrepared = true
        let fragments = JSONFragments(count: 3) { part, w in
            switch part {
            case 0: fields.writeHead(into: &w)
            case 1: fields.writeTail(extension: nil, into: &w)
            default: w.string(fields.ruleID)
            }
        }
        head = fragments[0]; tail = fragments[1]; quotedID = fragments[2]
        self.fragments = fragments
    }
}
