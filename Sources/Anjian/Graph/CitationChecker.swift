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
                    diagnostics.append(.departmentOutsideSection(rule: rule.id, outside: outside, section: section, at: rule.departmentsLocation))
                }
            }
        }
    }

    private func unknownSection(_ id: String, at location: SourceLocation, ids: [String]) -> Diagnostic {
        .unknownSection(id, suggestion: Suggestion.nearest(to: id, in: ids), at: location)
    }
}
