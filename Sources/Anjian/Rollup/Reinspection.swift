import AnjianCore

/// Re-inspection (回头看): what became of each subject's findings between an old and a new
/// inspection, matched by the subject's code — rectified, still open, new, and overdue (still
/// open past its deadline, or past its recorded extension, at the new inspection date).
public struct Reinspection: Sendable {
    public struct Subject: Sendable {
        public var key: String
        public var name: String
        public var code: String?
        public var oldDate: CivilDate
        public var newDate: CivilDate
        public var rectified: [ReportRecord.FindingRecord]
        /// Findings whose rule could not be decided at the re-inspection (answers missing): not counted as rectified.
        public var unverified: [ReportRecord.FindingRecord]
        public var stillOpen: [ReportRecord.FindingRecord]
        public var new: [ReportRecord.FindingRecord]
        /// Still open and past the deadline in force at the new inspection date.
        public var overdue: [ReportRecord.FindingRecord]
    }

    public var subjects: [Subject]
    /// Subjects inspected before but not again, and newly inspected ones.
    public var notReinspected: [ReportRecord]
    public var newlyInspected: [ReportRecord]
    public var diagnostics: [Diagnostic]

    public init(old: [ReportRecord], new: [ReportRecord]) {
        var diagnostics: [Diagnostic] = []
        func index(_ records: [ReportRecord]) -> [String: ReportRecord] {
            var byKey: [String: ReportRecord] = [:]
            for r in records {
                if let first = byKey[r.subjectKey] {
                    diagnostics.append(.duplicateSubject(r.code ?? r.name, at: r.location, first: first.location))
                    continue
                }
                byKey[r.subjectKey] = r
            }
            return byKey
        }
        let before = index(old), after = index(new)
        var subjects: [Subject] = []
        for key in before.keys.sorted() {
            guard let o = before[key], let n = after[key] else { continue }
            let oldByRule = Dictionary(o.findings.map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
            let newByRule = Dictionary(n.findings.map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
            // NOTE: a finding is rectified only when its rule was decided again and did not fire;
            // a rule left undetermined at the re-inspection proves nothing either way.
            let undecided = Set(n.undetermined)
            let rectified = o.findings.filter { newByRule[$0.rule] == nil && !undecided.contains($0.rule) }
            let unverified = o.findings.filter { newByRule[$0.rule] == nil && undecided.contains($0.rule) }
            // NOTE: an open finding keeps its first deadline; an extension recorded at either inspection moves it.
            let stillOpen: [ReportRecord.FindingRecord] = o.findings.compactMap { f in
                guard let later = newByRule[f.rule] else { return nil }
                var merged = f
                merged.extendedDeadline = [f.extendedDeadline, later.extendedDeadline].compactMap { $0 }.max()
                return merged
            }
            let added = n.findings.filter { oldByRule[$0.rule] == nil }
            let overdue = stillOpen.filter { $0.effectiveDeadline < n.date }
            subjects.append(Subject(key: key, name: n.name, code: n.code, oldDate: o.date, newDate: n.date,
                                    rectified: rectified, unverified: unverified, stillOpen: stillOpen, new: added, overdue: overdue))
        }
        self.subjects = subjects
        self.notReinspected = before.keys.sorted().filter { after[$0] == nil }.compactMap { before[$0] }
        self.newlyInspected = after.keys.sorted().filter { before[$0] == nil }.compactMap { after[$0] }
        let versions = Set((old + new).map { "\($0.catalogVersion ?? "?") \($0.catalogHash ?? "?")" })
        if versions.count > 1, let first = (old + new).first {
            diagnostics.append(.mixedCatalogs(versions.sorted(), at: first.location))
        }
        self.diagnostics = diagnostics
    }

    public var overdueCount: Int { subjects.reduce(0) { $0 + $1.overdue.count } }
}
