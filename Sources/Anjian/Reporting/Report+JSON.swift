extension Report {
    /// The report as one line of JSON, format `anjian-report: 1` (documented in README.md).
    public func json() -> String {
        typealias J = JSONWriter
        let enterpriseJSON = J.object([
            ("kind", J.quoted(enterprise.kind.rawValue)), ("name", J.quoted(enterprise.name)), ("code", J.optional(enterprise.code)),
            ("town", J.optional(enterprise.town)), ("sector", J.optional(enterprise.sector)),
        ])
        let inspectionJSON = J.object([
            ("date", J.quoted(inspection.date.description)), ("inspector", J.optional(inspection.inspector)),
            ("checklists", J.strings(inspection.checklists)),
        ])
        let findingsJSON = J.array(findings.map { f in
            J.object([
                ("rule", J.quoted(f.ruleID)), ("title", J.quoted(f.title)), ("severity", J.quoted(f.severity.rawValue)),
                ("checklist", J.quoted(f.checklist)), ("departments", J.strings(f.departments)), ("lead", J.quoted(f.lead)),
                ("basis", J.quoted(f.basis)), ("remedy", J.quoted(f.remedy)), ("deadline", J.quoted(f.deadline.description)),
                f.due.jsonField, ("source", J.quoted(f.source)), ("rule_file", J.quoted(f.ruleFile)),
                ("extension", f.extension.map { x in
                    J.object([("new_deadline", J.quoted(x.newDeadline.description)), ("approver", J.quoted(x.approver)),
                              ("reason", J.quoted(x.reason)), ("location", J.quoted(x.location.description))])
                } ?? "null"),
                ("evidence", J.array(f.evidence.map { e in
                    J.object([("question", J.quoted(e.question)), ("value", e.value.json), ("location", J.quoted(e.location.description))])
                })),
            ])
        })
        let undeterminedJSON = J.array(undetermined.map { u in
            var fields = [("rule", J.quoted(u.ruleID)), ("title", J.quoted(u.title)), ("severity", J.quoted(u.severity.rawValue)),
                          ("missing", J.strings(u.missing))]
            if let error = u.error { fields.append(("error", J.quoted(error))) }
            return J.object(fields)
        })
        let notApplicableJSON = J.array(notApplicable.map { n in
            J.object([("rule", J.quoted(n.ruleID)), ("title", J.quoted(n.title)), ("reason", J.quoted(n.reason))])
        })
        let s = summary
        let byDepartment = J.object(s.byDepartment.map { ($0.department, J.object([("major", String($0.major)), ("general", String($0.general))])) })
        let summaryJSON = J.object([
            ("major", String(s.major)), ("general", String(s.general)), ("undetermined", String(s.undetermined)),
            ("not_applicable", String(s.notApplicable)), ("passed", String(s.passed)), ("by_department", byDepartment),
        ])
        return J.object([
            ("anjian-report", "1"), ("file", J.quoted(path)), ("enterprise", enterpriseJSON), ("inspection", inspectionJSON),
            ("findings", findingsJSON), ("undetermined", undeterminedJSON), ("not_applicable", notApplicableJSON),
            ("passed", J.strings(passed)), ("summary", summaryJSON),
            ("catalog", J.object([("version", J.quoted(catalogVersion)), ("sha256", J.quoted(catalogHash))])),
        ])
    }
}

extension AnswerValue {
    var json: String {
        switch self {
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .number(let d): JSONWriter.number(d)
        case .text(let s): JSONWriter.quoted(s)
        case .date(let d): JSONWriter.quoted(d.description)
        case .choices(let c): JSONWriter.strings(c)
        case .notApplicable: JSONWriter.quoted("不适用")
        }
    }
}

extension Deadline {
    /// `"deadline_days": N` or `"deadline_workdays": N`.
    var jsonField: (String, String) {
        switch self {
        case .days(let n): ("deadline_days", String(n))
        case .workdays(let n): ("deadline_workdays", String(n))
        }
    }
}
