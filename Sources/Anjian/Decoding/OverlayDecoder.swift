import AnjianCore
import AnjianYAML

/// Decodes a county overlay's `overlay.yaml` (`anjian-overlay: 1`) and applies it to the
/// checklists beneath: rules may be disabled (with a reason) or have their severity,
/// departments or deadline overridden (with a reason), each recorded as an ``OverlayChange``.
///
/// ```yaml
/// anjian-overlay: 1
/// disable:
///   - {rule: GAS-014, reason: 本县无低压管网}
/// override:
///   - {rule: GAS-004, severity: major, deadline_days: 0, reason: 县安委会2021年第3次会议决定}
/// ```
struct OverlayDecoder {
    let path: String
    let departments: DepartmentDirectory
    var diagnostics: [Diagnostic] = []
    var changes: [OverlayChange] = []

    init(path: String, departments: DepartmentDirectory) {
        self.path = path
        self.departments = departments
    }

    mutating func apply(_ root: YAMLNode, to checklists: inout [Checklist]) {
        guard let top = MappingReader(root, what: .overlayFile, diagnostics: &diagnostics) else { return }
        top.rejectUnknownKeys(allowed: ["anjian-overlay", "disable", "override"], diagnostics: &diagnostics)
        if let version = top.required("anjian-overlay", diagnostics: &diagnostics),
           NodeReading.int(version, field: "anjian-overlay", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
            diagnostics.append(.unsupportedVersion("anjian-overlay", at: version.location))
        }
        let ruleIDs = checklists.flatMap { $0.rules.map(\.id) }
        func locate(_ m: MappingReader) -> (Int, Int, String)? {
            guard let node = m.required("rule", diagnostics: &diagnostics),
                  let id = NodeReading.text(node, field: "rule", diagnostics: &diagnostics) else { return nil }
            for (c, checklist) in checklists.enumerated() {
                if let r = checklist.rules.firstIndex(where: { $0.id == id }) { return (c, r, id) }
            }
            diagnostics.append(.overlayUnknownRule(id, suggestion: Suggestion.nearest(to: id, in: ruleIDs), at: node.location))
            return nil
        }
        func reason(_ m: MappingReader) -> String? {
            m.required("reason", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "reason", diagnostics: &diagnostics) }
        }
        var disabled: [(Int, String)] = []
        for item in top["disable"]?.sequence ?? [] {
            guard let m = MappingReader(item, what: .disableEntry, diagnostics: &diagnostics) else { continue }
            m.rejectUnknownKeys(allowed: ["rule", "reason"], diagnostics: &diagnostics)
            let why = reason(m)
            guard let (c, r, id) = locate(m), let why else { continue }
            disabled.append((c, id))
            let detail = LocalizedText.overlayReason(why)
            changes.append(OverlayChange(kind: .disableRule, target: id, detail: detail.en, detailZH: detail.zh, location: item.location))
            _ = r
        }
        for item in top["override"]?.sequence ?? [] {
            guard let m = MappingReader(item, what: .overrideEntry, diagnostics: &diagnostics) else { continue }
            m.rejectUnknownKeys(allowed: ["rule", "severity", "departments", "deadline_days", "deadline_workdays", "reason"], diagnostics: &diagnostics)
            let why = reason(m)
            guard let (c, r, id) = locate(m), let why else { continue }
            var rule = checklists[c].rules[r]
            var details: [LocalizedText] = []
            if let node = m["severity"], let text = NodeReading.text(node, field: "severity", diagnostics: &diagnostics) {
                if let s = Severity(rawValue: text) {
                    details.append(.severityChange(from: rule.severity, to: s))
                    rule.severity = s
                } else {
                    diagnostics.append(.overlayBadSeverity(text, at: node.location))
                }
            }
            if let node = m["departments"] {
                var names: [String] = []
                for (name, location) in NodeReading.textList(node, field: "departments", diagnostics: &diagnostics) {
                    let allowed = checklists[c].departments
                    if let canonical = departments.canonicalName(name), !allowed.isEmpty, !allowed.contains(canonical) {
                        diagnostics.append(.overlayDepartmentNotInChecklist(name, checklist: checklists[c].id, allowed: allowed, at: location))
                    } else if let canonical = departments.canonicalName(name) { names.append(canonical) } else {
                        diagnostics.append(.overlayUnknownDepartment(name, suggestion: Suggestion.nearest(to: name, in: departments.allNames), at: location))
                    }
                }
                if !names.isEmpty {
                    details.append(.departmentsChange(from: rule.departments, to: names))
                    rule.departments = names
                    rule.departmentsLocation = node.location
                }
            }
            for field in ["deadline_days", "deadline_workdays"] {
                guard let node = m[field], let n = NodeReading.int(node, field: field, diagnostics: &diagnostics) else { continue }
                let new: Deadline = field == "deadline_days" ? .days(n) : .workdays(n)
                details.append(.deadlineChange(from: rule.deadline, to: new))
                rule.deadline = new
            }
            if details.isEmpty {
                diagnostics.append(.emptyOverride(id, at: item.location))
                continue
            }
            rule.overriddenIn = path
            checklists[c].rules[r] = rule
            let reason = LocalizedText.overlayReason(why)
            changes.append(OverlayChange(kind: .overrideRule, target: id,
                                         detail: (details.map(\.en) + [reason.en]).joined(separator: "; "),
                                         detailZH: (details.map(\.zh) + [reason.zh]).joined(separator: "；"),
                                         location: item.location))
        }
        for (c, id) in disabled { checklists[c].rules.removeAll { $0.id == id } }
    }
}
