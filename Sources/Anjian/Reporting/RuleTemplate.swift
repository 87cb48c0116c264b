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
/// prepared once when a catalog makes it: their part of a finding's JSON, the id as `passed`
/// lists it, and the departments' places in the catalog's ``DepartmentTable``.
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
    let departmentTable: DepartmentTable?
    let departmentPlaces: [Int]
    /// Owns the fragments' bytes.
    private let fragments: JSONFragments?

    /// Fields written field by field.
    init(fields: RuleFields) {
        self.fields = fields
        isPrepared = false
        head = .empty; tail = .empty; quotedID = .empty
        departmentTable = nil
        departmentPlaces = []
        fragments = nil
    }

    /// Fields with their JSON rendered now, departments placed in `departments`.
    init(fields: RuleFields, departments: DepartmentTable) {
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
        departmentTable = departments
        departmentPlaces = fields.departments.map { departments.places[$0]! }
    }
}
