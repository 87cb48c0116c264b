extension Report {
    /// The report as one line of JSON, format `anjian-report: 1` (documented in README.md).
    public func json() -> String {
        var w = JSONWriter(capacity: estimatedJSONSize)
        writeJSON(into: &w)
        return w.text
    }

    /// A generous guess at the size of the JSON, so that it is written in one buffer.
    var estimatedJSONSize: Int {
        var size = 1024 + 16 * passedRules.count + 512 * (undetermined.count + notApplicable.count)
        let evidenceSize = 128 + path.utf8.count
        for f in findings {
            size += (f.rule.isPrepared ? f.rule.head.bytes.count + f.rule.tail.bytes.count : 1024) + 64 + evidenceSize * f.evidenceCount
        }
        return size
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
        w.key("date"); w.date(inspection.date)
        w.key("inspector"); w.optional(inspection.inspector)
        w.key("checklists"); w.strings(inspection.checklists)
        w.endObject()
        w.key("findings"); w.beginArray()
        if let made = asEvaluated, !made.hasExtensions {
            made.writeFindings(into: &w)
        } else {
            // NOTE: findings are borrowed in place (a copy of each would retain its parts), and
            // the evidence they share is borrowed once for all of them.
            findings.withUnsafeBufferPointer { findings in
                ReportEvidence.withView(of: findings.first?.cited) { shared in
                    for i in findings.indices { findings[i].writeJSON(into: &w, sharing: shared) }
                }
            }
        }
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
        w.key("passed"); passedRules.writeJSON(into: &w)
        let s = summary
        w.key("summary"); w.beginObject()
        w.key("major"); w.int(s.major)
        w.key("general"); w.int(s.general)
        w.key("undetermined"); w.int(s.undetermined)
        w.key("not_applicable"); w.int(s.notApplicable)
        w.key("passed"); w.int(s.passed)
        w.key("by_department"); w.beginObject()
        for d in s.byDepartment {
            w.dataKey(d.department); w.beginObject()
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
    /// Writes the finding; `shared` is the view of the evidence of its report, when borrowed already.
    @inline(__always) func writeJSON(into w: inout JSONWriter, sharing shared: ReportEvidence.View?) {
        // NOTE: the rule's fields as its template rendered them, when it did (see RuleTemplate).
        Self.writeJSON(into: &w, deadline: deadline) { w in
            if rule.isPrepared { w.fragment(rule.head) } else { rule.fields.writeHead(into: &w) }
        } tail: { w in
            if rule.isPrepared && extras?.extension == nil { w.fragment(rule.tail) } else { rule.fields.writeTail(extension: `extension`, into: &w) }
        } evidence: { w in
            if let listed = extras?.evidence {
                listed.withUnsafeBufferPointer { evidence in
                    for e in evidence.indices {
                        let l = evidence[e].location
                        Evidence.writeHead(question: evidence[e].question, into: &w)
                        Evidence.writeRest(value: Value(evidence[e].value), file: l.file, line: l.line, column: l.column, into: &w)
                    }
                }
            } else if let cited {
                if let shared, shared.shows(cited) {
                    shared.writeJSON(citedRun, into: &w)
                } else {
                    ReportEvidence.withView(of: cited) { $0!.writeJSON(citedRun, into: &w) }
                }
            }
        }
    }

    /// A finding's JSON: `head` writes it up to its deadline's key, `tail` from after the deadline
    /// up to its evidence, `evidence` each piece of it.
    @inline(__always) static func writeJSON(into w: inout JSONWriter, deadline: CivilDate, head: (inout JSONWriter) -> Void,
                                            tail: (inout JSONWriter) -> Void, evidence: (inout JSONWriter) -> Void) {
        head(&w)
        w.date(deadline)
        tail(&w)
        evidence(&w)
        w.endArray()
        w.endObject()
    }
}

extension ReportEvidence {
    /// The findings evaluation made, written from their plain parts: each as ``Finding/writeJSON(into:sharing:)``
    /// writes it when it has no extension, with its rule's parts as the rule's template prepared them.
    func writeFindings(into w: inout JSONWriter) {
        Self.withView(of: self) { view in
            templates.heads.withUnsafeBufferPointer { heads in
                templates.tails.withUnsafeBufferPointer { tails in
                    for k in view!.findings.indices {
                        let finding = view!.findings[k], rule = Int(finding.rule)
                        Finding.writeJSON(into: &w, deadline: finding.deadline) { $0.fragment(heads[rule]) } tail: { $0.fragment(tails[rule]) } evidence: {
                            view!.writeJSON(k, into: &$0)
                        }
                    }
                }
            }
        }
    }
}

extension RuleFields {
    /// A finding's JSON from its start up to the deadline's key.
    func writeHead(into w: inout JSONWriter) {
        w.beginRuleEntry(ruleID, title: title)
        w.key("severity"); w.string(severity.rawValue)
        w.key("checklist"); w.string(checklist)
        w.key("departments"); w.strings(departments)
        w.key("lead"); w.string(lead)
        w.key("basis"); w.string(basis)
        w.key("remedy"); w.string(remedy)
        w.key("deadline")
    }

    /// A finding's JSON after its deadline up to its first piece of evidence.
    func writeTail(extension x: DeadlineExtension?, into w: inout JSONWriter) {
        switch due {
        case .days(let n): w.key("deadline_days"); w.int(n)
        case .workdays(let n): w.key("deadline_workdays"); w.int(n)
        }
        w.key("source"); w.string(source)
        w.key("rule_file"); w.string(ruleFile)
        w.key("extension")
        if let x {
            w.beginObject()
            w.key("new_deadline"); w.date(x.newDeadline)
            w.key("approver"); w.string(x.approver)
            w.key("reason"); w.string(x.reason)
            w.key("location"); w.location(x.location)
            w.endObject()
        } else {
            w.raw("null")
        }
        w.key("evidence"); w.beginArray()
    }
}

extension Evidence {
    /// `{"question": …, "value": `, the start of a piece of evidence.
    static func writeHead(question: String, into w: inout JSONWriter) {
        w.beginObject()
        w.key("question"); w.string(question)
        w.key("value")
    }

    /// A piece of evidence after its head.
    @inline(__always) static func writeRest(value: Value, file: String, line: Int, column: Int, into w: inout JSONWriter) {
        value.writeAnswerJSON(into: &w)
        w.key("location"); w.location(file: file, line: line, column: column)
        w.endObject()
    }
}

extension ReportEvidence {
    /// Calls `body` with a view of `evidence` (nil without one), whose arrays are borrowed for as
    /// long as it runs.
    static func withView<R>(of evidence: ReportEvidence?, _ body: (View?) -> R) -> R {
        guard let evidence else { return body(nil) }
        return evidence.answers.withUnsafeBufferPointer { answers in
            evidence.slots.withUnsafeBufferPointer { slots in
                evidence.findings.withUnsafeBufferPointer { findings in
                    evidence.templates.evidenceHeads.all.withUnsafeBufferPointer { heads in
                        body(View(evidence: ObjectIdentifier(evidence), file: evidence.file, answers: answers, slots: slots, findings: findings, heads: heads))
                    }
                }
            }
        }
    }

    /// A report's evidence, borrowed for writing.
    struct View {
        let evidence: ObjectIdentifier
        let file: String
        let answers: UnsafeBufferPointer<Answer?>
        let slots: UnsafeBufferPointer<Int32>
        let findings: UnsafeBufferPointer<Part>
        let heads: UnsafeBufferPointer<JSONFragment>

        /// Whether this is a view of `evidence` (which is alive, as this view's is).
        func shows(_ evidence: ReportEvidence) -> Bool { ObjectIdentifier(evidence) == self.evidence }

        /// The `finding`th finding's evidence, each question's head as the templates rendered it.
        @inline(__always) func writeJSON(_ finding: Int, into w: inout JSONWriter) {
            for i in findings[finding].run {
                let slot = Int(slots[i])
                // NOTE: the answer is read through `map`, a part at a time: binding it copied it whole.
                guard let (line, column, inFile) = answers[slot].map({ ($0.location.line, $0.location.column, $0.location.file == file) }) else { continue }
                let value = answers[slot].map { $0.value }!
                w.fragment(heads[slot])
                if inFile {
                    Evidence.writeRest(value: value, file: file, line: line, column: column, into: &w)
                } else {
                    let l = answers[slot].map { $0.location }!
                    Evidence.writeRest(value: value, file: l.file, line: l.line, column: l.column, into: &w)
                }
            }
        }
    }
}

extension JSONWriter {
    /// `{"rule": …, "title": …, ` then what `fields` writes, then `}`: the shape of every rule entry.
    mutating func ruleEntry(_ id: String, title: String, fields: (inout JSONWriter) -> Void) {
        beginRuleEntry(id, title: title)
        fields(&self)
        endObject()
    }

    /// `{"rule": …, "title": …`, the start of every rule entry.
    mutating func beginRuleEntry(_ id: String, title: String) {
        beginObject()
        key("rule"); string(id)
        key("title"); string(title)
    }
}

extension Value {
    /// An answer's value as reports write it: the one definition, which ``AnswerValue`` is written
    /// through too; cited answers are written from the sheet's values without converting them.
    func writeAnswerJSON(into w: inout JSONWriter) {
        switch self {
        case .bool(let b): w.bool(b)
        case .int(let i): w.int(i)
        case .double(let d): w.number(d)
        case .string(let s): w.string(s)
        case .date(let d): w.date(CivilDate(dayNumber: d))
        case .list(let items):
            // Only the text of a list is shown (as `AnswerValue.choices` keeps it).
            w.beginArray()
            for case .string(let s) in items { w.string(s) }
            w.endArray()
        default: w.string("不适用")
        }
    }

    /// The value as the evaluator would hold it, for writing a piece of evidence given from outside.
    init(_ answer: AnswerValue) {
        switch answer {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .number(let d): self = .double(d)
        case .text(let s): self = .string(s)
        case .date(let d): self = .date(d.dayNumber)
        case .choices(let c): self = .list(c.map(Value.string))
        case .notApplicable: self = .null
        }
    }
}
