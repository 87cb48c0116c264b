import AnjianCore

/// An answer a finding depended on.
public struct Evidence: Sendable, Hashable {
    /// Qualified question name (`gas.license_valid`).
    public var question: String
    public var value: AnswerValue
    /// Where the answer is in the answer file.
    public var location: SourceLocation

    /// An answer cited as the answer to `question`.
    init(_ answer: Answer, question: String) {
        self.init(question: question, value: AnswerValue(answer.value), location: answer.location)
    }

    init(question: String, value: AnswerValue, location: SourceLocation) {
        self.question = question
        self.value = value
        self.location = location
    }
}

/// An answer as it appears in reports.
public enum AnswerValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool), int(Int), number(Double), text(String), date(CivilDate), choices([String]), notApplicable

    public var description: String {
        switch self {
        case .bool(let b): b ? "是" : "否"
        case .int(let i): String(i)
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .text(let s): s
        case .date(let d): d.description
        case .choices(let c): "[" + c.joined(separator: ", ") + "]"
        case .notApplicable: "不适用"
        }
    }

    init(_ value: Value) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .number(d)
        case .string(let s): self = .text(s)
        case .date(let d): self = .date(CivilDate(dayNumber: d))
        case .list(let l): self = .choices(l.compactMap { if case .string(let s) = $0 { s } else { nil } })
        default: self = .notApplicable
        }
    }
}

/// A hazard found: a rule whose condition held.
public struct Finding: Sendable, Hashable {
    public var ruleID: String { get { self[\.ruleID] } set { self[\.ruleID] = newValue } }
    public var title: String { get { self[\.title] } set { self[\.title] = newValue } }
    public var severity: Severity { get { self[\.severity] } set { self[\.severity] = newValue } }
    public var checklist: String { get { self[\.checklist] } set { self[\.checklist] = newValue } }
    /// Responsible departments, the lead first.
    public var departments: [String] { get { self[\.departments] } set { self[\.departments] = newValue } }
    public var lead: String { rule.fields.lead }
    public var basis: String { get { self[\.basis] } set { self[\.basis] = newValue } }
    public var remedy: String { get { self[\.remedy] } set { self[\.remedy] = newValue } }
    /// The date by which the hazard must be rectified.
    public var deadline: CivilDate
    /// The rule's deadline, in calendar or working days.
    public var due: Deadline { get { self[\.due] } set { self[\.due] = newValue } }
    public var source: String { get { self[\.source] } set { self[\.source] = newValue } }
    public var evidence: [Evidence] {
        get { extras?.evidence ?? cited?.evidence(citedRun) ?? [] }
        set {
            extras = FindingExtras.make(evidence: newValue, extension: `extension`)
            cited = nil
        }
    }
    /// The file the rule finally came from: its rule file, or the overlay that last changed it.
    public var ruleFile: String { get { self[\.ruleFile] } set { self[\.ruleFile] = newValue } }
    /// An approved extension of the deadline (整改延期), when the answer file records one.
    public var `extension`: DeadlineExtension? {
        get { extras?.extension }
        set { extras = FindingExtras.make(evidence: extras?.evidence, extension: newValue) }
    }

    /// The rule's fields, shared by every finding of the rule (see ``RuleTemplate``).
    var rule: RuleTemplate
    /// The report's evidence, of which this finding cites the run `citedRun`, unless evidence was set.
    private(set) var cited: ReportEvidence?
    private(set) var citedRun: Int
    private(set) var extras: FindingExtras?

    @inline(__always) init(rule: RuleTemplate, deadline: CivilDate, cited: ReportEvidence, run: Int, extension: DeadlineExtension?) {
        self.rule = rule
        self.deadline = deadline
        self.cited = cited
        citedRun = run
        extras = FindingExtras.make(evidence: nil, extension: `extension`)
    }

    /// How many pieces of evidence it shows.
    var evidenceCount: Int { extras?.evidence?.count ?? cited.map { $0.findings[citedRun].run.count } ?? 0 }

    /// One of the rule's fields; setting it gives this finding a template of its own.
    private subscript<Field>(field: WritableKeyPath<RuleFields, Field>) -> Field {
        get { rule.fields[keyPath: field] }
        set {
            var fields = rule.fields
            fields[keyPath: field] = newValue
            rule = RuleTemplate(fields: fields)
        }
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        (a.rule === b.rule || a.rule.fields == b.rule.fields) && a.deadline == b.deadline && a.evidence == b.evidence
            && a.extension == b.extension
    }

    public func hash(into h: inout Hasher) {
        h.combine(rule.fields)
        h.combine(deadline)
        h.combine(evidence)
        h.combine(`extension`)
    }
}

/// A rule that could not be decided because answers are missing (or evaluation failed).
public struct Undetermined: Sendable, Hashable {
    public var ruleID: String
    public var title: String
    public var severity: Severity
    /// Qualified names of the questions still to answer.
    public var missing: [String]
    /// Set when evaluation failed (e.g. division by zero) rather than an answer missing.
    public var error: String?
}

/// A rule that does not apply to this subject.
public struct NotApplicable: Sendable, Hashable {
    public var ruleID: String
    public var title: String
    public var reason: String
}

/// The result of evaluating one answer sheet.
public struct Report: Sendable {
    /// The answer file's path, as given.
    public var path: String
    public var enterprise: Enterprise
    public var inspection: Inspection
    /// Major first, then by rule id.
    public var findings: [Finding]
    public var undetermined: [Undetermined]
    public var notApplicable: [NotApplicable]
    /// Ids of rules that were checked and passed.
    public var passed: [String] {
        get { passedRules.ids }
        set { passedRules = .listed(newValue) }
    }
    /// The passed rules as evaluation found them, or the ids as set.
    var passedRules: RuleIDs
    /// The findings as evaluation made them: the same array as ``findings`` until a finding is
    /// changed, which copies that (see ``asEvaluated``).
    var evaluatedFindings: [Finding] = []
    /// The catalog the sheet was evaluated with: its version and the SHA-256 of its rule files.
    public var catalogVersion: String = ""
    public var catalogHash: String = ""

    /// Counts by severity and by department.
    public var summary: Summary { Summary(self) }

    /// The evidence evaluation made, when the findings are still exactly those it made: then its
    /// plain per-finding parts (rule indices, deadlines, runs) describe them, and reports are
    /// written from those without touching each finding.
    /// NOTE: exact because ``evaluatedFindings`` shares the findings' array: any change to a
    /// finding copies the array first, which gives ``findings`` another one.
    var asEvaluated: ReportEvidence? {
        guard let first = findings.first, findings.count == evaluatedFindings.count,
              findings.withUnsafeBufferPointer({ $0.baseAddress }) == evaluatedFindings.withUnsafeBufferPointer({ $0.baseAddress })
        else { return nil }
        return first.cited
    }

    public struct Summary: Sendable, Hashable {
        public var major: Int
        public var general: Int
        public var undetermined: Int
        public var notApplicable: Int
        public var passed: Int
        /// Department → (major, general), every department named by a finding.
        public var byDepartment: [(department: String, major: Int, general: Int)]

        init(_ report: Report) {
            major = report.findings.withUnsafeBufferPointer { findings in
                findings.indices.reduce(0) { $0 + (findings[$1].severity == .major ? 1 : 0) }
            }
            general = report.findings.count - major
            undetermined = report.undetermined.count
            notApplicable = report.notApplicable.count
            passed = report.passedRules.count
            byDepartment = DepartmentTable.tally(report)
        }

        public static func == (a: Summary, b: Summary) -> Bool {
            a.major == b.major && a.general == b.general && a.undetermined == b.undetermined && a.notApplicable == b.notApplicable
                && a.passed == b.passed && a.byDepartment.map { "\($0)" } == b.byDepartment.map { "\($0)" }
        }

        public func hash(into h: inout Hasher) { h.combine(major); h.combine(general); h.combine(undetermined) }
    }
}
