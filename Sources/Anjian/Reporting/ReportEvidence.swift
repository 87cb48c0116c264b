/// Every finding's evidence of one report, shared by its findings: the answers of the sheet the
/// report was made from, and the slots each finding cites, one run after another. Evaluating a
/// sheet copies no answer, and each piece is written with its question's part of the JSON as
/// ``ReportTemplates`` rendered it.
final class ReportEvidence: Sendable {
    /// By slot of the catalog that made the report.
    let answers: [Answer?]
    /// The sheet's path, which the answers' locations name.
    let file: String
    let slots: [Int32]
    /// The findings' plain parts, in the order the findings were made.
    let findings: [Part]
    /// Whether any finding has an extension of its deadline.
    let hasExtensions: Bool
    let templates: ReportTemplates

    /// What describes a finding as evaluation made it, but for its extension.
    struct Part: Sendable {
        /// Its run of ``slots``.
        var run: Range<Int>
        /// Its rule's index in the catalog.
        var rule: Int32
        var deadline: CivilDate
        var extended = false
    }

    init(answers: [Answer?], file: String, slots: [Int32], findings: [Part], templates: ReportTemplates) {
        self.answers = answers
        self.file = file
        self.slots = slots
        self.findings = findings
        hasExtensions = findings.contains(where: \.extended)
        self.templates = templates
    }

    /// The `finding`th finding's evidence.
    func evidence(_ finding: Int) -> [Evidence] {
        slots[findings[finding].run].map { slot in answers[Int(slot)].map { Evidence($0, question: templates.questionNames[Int(slot)]) }! }
    }
}

/// What a finding has beyond its rule and the evidence it cites, which is seldom anything: an
/// extension of its deadline, or evidence set from outside (in place of what it cited).
/// NOTE: a box, so that a finding stays small enough to be built and borrowed without copies;
/// immutable, so that setting either makes a new one.
final class FindingExtras: Sendable {
    let evidence: [Evidence]?
    let `extension`: DeadlineExtension?

    private init(evidence: [Evidence]?, extension: DeadlineExtension?) {
        self.evidence = evidence
        self.extension = `extension`
    }

    /// Nil when there is nothing beyond.
    static func make(evidence: [Evidence]?, extension: DeadlineExtension?) -> FindingExtras? {
        evidence == nil && `extension` == nil ? nil : FindingExtras(evidence: evidence, extension: `extension`)
    }
}
