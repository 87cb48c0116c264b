extension Report {
    /// The report as one line of JSON, format `anjian-report: 1` (documented in README.md).
    public func json() -> String {
        var w = JSONWriter()
        writeJSON(into: &w)
        return w.text
    }

    /// Writes the report's JSON straight into `w`: batches render thousands of reports, and
    /// building a string per field cost more than evaluating them.
    func writeJSON(into w: inout JSONWriter) {
        w.beginObject()
        w.key("anjian-report"); w.int(1)
        w.key("file"); w.string(path)
        w.key("enterprise"); w.beginObject()
        w.key("kind"); w.string(enterprise.kind.rawValue)
        w.key("name"); w.string(enterprise.name)
        w.key("code"); w.optional(enterprise.code)
        w.key("town"); w.optional(enterprise.town)
        w.key("sector"); w.optional(enterprise.sector)
        w.endObject()
        w.key("inspection"); w.beginObject()
        w.key("date"); w.string(inspection.date.description)
        w.key("inspector"); w.optional(inspection.inspector)
        w.key("checklists"); w.strings(inspection.checklists)
        w.endObject()
        w.key("findings"); w.beginArray()
        for f in findings { f.writeJSON(into: &w) }
        w.endArray()
        w.key("undetermined"); w.beginArray()
        for u in undetermined {
            w.ruleEntry(u.ruleID, title: u.title) { w in
                w.key("severity"); w.string(u.severity.rawValue)
                w.key("missing"); w.strings(u.missing)
                if let error = u.error { w.key("error"); w.string(error) }
            }
        }
        w.endArray()
        w.key("not_applicable"); w.beginArray()
        for n in notApplicable {
            w.ruleEntry(n.ruleID, title: n.title) { w in
                w.key("reason"); w.string(n.reason)
            }
        }
        w.endArray()
        w.key("passed"); w.strings(passed)
        let s = summary
        w.key("summary"); w.beginObject()
        w.key("major"); w.int(s.major)
        w.key("general"); w.int(s.general)
        w.key("undetermined"); w.int(s.undetermined)
        w.key("not_applicable"); w.int(s.notApplicable)
        w.key("passed"); w.int(s.passed)
        w.key("by_department"); w.beginObject()
        for d in s.byDepartment {
            w.key(d.department); w.beginObject()
            w.key("major"); w.int(d.major)
            w.key("general"); w.int(d.general)
            w.endObject()
        }
        w.endObject()
        w.endObject()
        w.key("catalog"); w.beginObject()
        w.key("version"); w.string(catalogVersion)
        w.key("sha256"); w.string(catalogHash)
        w.endObject()
        w.endObject()
    }
}

extension Finding {
    func writeJSON(into w: inout JSONWriter) {
        w.ruleEntry(ruleID, title: title) { w in writeFields(into: &w) }
    }

    private func writeFields(into w: inout JSONWriter) {
        w.key("severity"); w.string(severity.rawValue)
        w.key("checklist"); w.string(checklist)
        w.key("departments"); w.strings(departments)
        w.key("lead"); w.string(lead)
        w.key("basis"); w.string(basis)
        w.key("remedy"); w.string(remedy)
        w.key("deadline"); w.string(deadline.description)
        switch due {
        case .days(let n): w.key("deadline_days"); w.int(n)
        case .workdays(let n): w.key("deadline_workdays"); w.int(n)
        }
        w.key("source"); w.string(source)
        w.key("rule_file"); w.string(ruleFile)
        w.key("extension")
        if let x = `extension` {
            w.beginObject()
            w.key("new_deadline"); w.string(x.newDeadline.description)
            w.key("approver"); w.string(x.approver)
            w.key("reason"); w.string(x.reason)
            w.key("location"); w.location(x.location)
            w.endObject()
        } else {
            w.raw("null")
        }
        w.key("evidence"); w.beginArray()
        for e in evidence {
            w.beginObject()
            w.key("question"); w.string(e.question)
            w.key("value"); e.value.writeJSON(into: &w)
            w.key("location"); w.location(e.location)
            w.endObject()
        }
        w.endArray()
    }
}

extension JSONWriter {
    /// `{"rule": …, "title": …, ` then what `fields` writes, then `}`: the shape of every rule entry.
    mutating func ruleEntry(_ id: String, title: String, fields: (inout JSONWriter) -> Void) {
        beginObject()
        key("rule"); string(id)
        key("title"); string(title)
        fields(&self)
        endObject()
    }
}

extension AnswerValue {
    func writeJSON(into w: inout JSONWriter) {
        switch self {
        case .bool(let b): w.bool(b)
        case .int(let i): w.int(i)
        case .number(let d): w.number(d)
        case .text(let s): w.string(s)
        case .date(let d): w.string(d.description)
        case .choices(let c): w.strings(c)
        case .notApplicable: w.string("不适用")
        }
    }
}
