import Foundation

/// What every report of a catalog shares: each rule's ``RuleTemplate``, the department table,
/// and each question's name with its part of the JSON of evidence citing it.
final class ReportTemplates: Sendable {
    /// By rule index (evaluation order).
    let rules: [RuleTemplate]
    let departments: DepartmentTable
    /// Each rule's place in ``severities``, the order findings are listed in.
    let severityRanks: [Int]
    /// Each rule's ``RuleTemplate/quotedID``, for `passed` lists.
    let quotedIDs: [JSONFragment]
    /// By question slot.
    let questionNames: [String]
    /// `{"question": "gas.b1", "value": ` by question slot.
    let evidenceHeads: JSONFragments

    init(_ catalog: Catalog) {
        departments = DepartmentTable(catalog.rules.lazy.flatMap(\.departments))
        rules = catalog.rules.map { [departments] rule in
            RuleTemplate(fields: RuleFields(
                ruleID: rule.id, title: rule.title, severity: rule.severity, checklist: rule.checklist,
                departments: rule.departments, basis: rule.basis, remedy: rule.remedy, due: rule.deadline,
                source: rule.source, ruleFile: rule.overriddenIn ?? catalog.checklistByID[rule.checklist]?.file ?? ""),
                departments: departments)
        }
        severityRanks = rules.map { Self.severities.firstIndex(of: $0.fields.severity)! }
        quotedIDs = rules.map(\.quotedID)
        questionNames = catalog.questionNames
        evidenceHeads = JSONFragments(count: catalog.questionNames.count) { [questionNames] slot, w in
            Evidence.writeHead(question: questionNames[slot], into: &w)
        }
    }

    /// Severities in the order reports list findings: major first.
    static let severities = Severity.allCases.sorted()

    /// A catalog's templates, made when its first report is: compiling a catalog stays as cheap as
    /// it was for tools that never report.
    final class Lazy: @unchecked Sendable {
        // NOTE: @unchecked: `templates` is only read or written under `lock`.
        private let lock = NSLock()
        private var templates: ReportTemplates?

        func get(_ make: () -> ReportTemplates) -> ReportTemplates {
            lock.lock()
            defer { lock.unlock() }
            if let templates { return templates }
            let made = make()
            templates = made
            return made
        }
    }
}

extension Catalog {
    /// This catalog's report templates, made on first use.
    var reportTemplates: ReportTemplates { lazyReportTemplates.get { ReportTemplates(self) } }
}
