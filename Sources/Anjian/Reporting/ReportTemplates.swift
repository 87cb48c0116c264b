import Foundation

/// What every report of a catalog shares: each rule's ``RuleTemplate`` (and its prepared parts
/// again, by rule index, to be read without touching the template), the department table, and each
/// question's name with its part of the JSON of evidence citing it.
final class ReportTemplates: Sendable {
    /// By rule index (evaluation order).
    let rules: [RuleTemplate]
    /// Each rule's ``RuleTemplate/head``, ``RuleTemplate/tail`` and ``RuleTemplate/quotedID``.
    let heads: [JSONFragment], tails: [JSONFragment], quotedIDs: [JSONFragment]
    /// Each rule's place in ``severities``, the order findings are listed in.
    let severityRanks: [Int]
    let departments: DepartmentTable
    /// Each rule's departments by place in ``departments``: the run ``departmentRuns`` gives.
    let departmentPlaces: [Int]
    let departmentRuns: [Range<Int>]
    /// By question slot.
    let questionNames: [String]
    /// `{"question": "gas.b1", "value": ` by question slot.
    let evidenceHeads: JSONFragments

    init(_ catalog: Catalog) {
        rules = catalog.rules.map { rule in
            RuleTemplate(prepared: RuleFields(
                ruleID: rule.id, title: rule.title, severity: rule.severity, checklist: rule.checklist,
                departments: rule.departments, basis: rule.basis, remedy: rule.remedy, due: rule.deadline,
                source: rule.source, ruleFile: rule.overriddenIn ?? catalog.checklistByID[rule.checklist]?.file ?? ""))
        }
        heads = rules.map(\.head)
        tails = rules.map(\.tail)
        quotedIDs = rules.map(\.quotedID)
        severityRanks = rules.map { Self.severities.firstIndex(of: $0.fields.severity)! }
        let departments = DepartmentTable(catalog.rules.lazy.flatMap(\.departments))
        var places: [Int] = [], runs: [Range<Int>] = []
        for rule in catalog.rules {
            let start = places.count
            places += rule.departments.map { departments.places[$0]! }
            runs.append(start..<places.count)
        }
        self.departments = departments
        departmentPlaces = places
        departmentRuns = runs
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
