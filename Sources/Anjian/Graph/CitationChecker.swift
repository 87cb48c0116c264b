import AnjianCore

/// Checks what rules cite against the index of the seed document (`sections.yaml`): every
/// `source:` names a section that exists, and a rule routes only to departments the document
/// names for its section (where it names any).
struct CitationChecker {
    let sections: [String: SeedSection]
    var diagnostics: [Diagnostic] = []

    init(sections: [String: SeedSection]) { self.sections = sections }

    mutating func check(_ checklists: [Checklist]) {
        guard !sections.isEmpty else { return }
        let ids = sections.keys.sorted()
        for checklist in checklists {
            if !checklist.source.isEmpty, sections[checklist.source] == nil {
                diagnostics.append(unknownSection(checklist.source, at: checklist.sourceLocation, ids: ids))
            }
            for rule in checklist.rules where !rule.source.isEmpty {
                guard let section = sections[rule.source] else {
                    diagnostics.append(unknownSection(rule.source, at: rule.sourceLocation, ids: ids))
                    continue
                }
                let outside = rule.departments.filter { !section.departments.isEmpty && !section.departments.contains($0) }
                if !outside.isEmpty {
                    diagnostics.append(.error("lint.department-outside-section",
                        "rule \(rule.id) routes to \(outside.joined(separator: "、")), but the seed names only \(section.departments.joined(separator: "、")) for \(section.id) \(section.title); route it to those",
                        at: rule.departmentsLocation, notes: [.init("\(section.id) is indexed here", at: section.location)]))
                }
            }
        }
    }

    private func unknownSection(_ id: String, at location: SourceLocation, ids: [String]) -> Diagnostic {
        .error("lint.unknown-section",
               "'\(id)' is not a section of the seed document" + Suggestion.clause(for: id, in: ids) + "; cite one listed in sections.yaml, e.g. 二(三)6",
               at: location)
    }
}
