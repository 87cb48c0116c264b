/// Every finding's evidence of one report, shared by its findings: the answers of the sheet the
/// report was made from, and the slots each finding cites, one run after another. Evaluating a
/// sheet copies no answer, and each piece is written with its question's part of the JSON as
/// ``ReportTemplates`` rendered it.
final class ReportEvidence: Sendable {
    /// By slot of the catalog that made the report.
    let answers: [Answer?]
    let slots: [Int32]
    let templates: ReportTemplates

    init(answers: [Answer?], slots: [Int32], templates: ReportTemplates) {
        self.answers = answers
        self.slots = slots
        self.templates = templates
    }

    /// The run `run` of ``slots`` as evidence.
    func evidence(_ run: Range<Int>) -> [Evidence] {
        slots[run].map { slot in answers[Int(slot)].map { Evidence($0, question: templates.questionNames[Int(slot)]) }! }
    }
}

/// A finding's evidence: a run of its report's ``ReportEvidence``, or, once set from outside,
/// the pieces given.
struct Citations: Sendable {
    private(set) var shared: ReportEvidence?
    private(set) var run: Range<Int> = 0..<0
    private(set) var listed: [Evidence] = []

    init(_ shared: ReportEvidence, _ run: Range<Int>) {
        self.shared = shared
        self.run = run
    }

    init(_ listed: [Evidence]) {
        self.listed = listed
    }

    var evidence: [Evidence] { shared?.evidence(run) ?? listed }

    var count: Int { shared == nil ? listed.count : run.count }
}
