import AnjianCore

/// What became of one rule for one answer sheet.
public enum Outcome: String, Sendable, Hashable, CaseIterable {
    case fired, passed, undetermined
    case notApplicable = "not_applicable"

    /// In Chinese, as reports and test output show it.
    public var chinese: String {
        switch self {
        case .fired: "发现隐患"
        case .passed: "通过"
        case .undetermined: "待定"
        case .notApplicable: "不适用"
        }
    }
}

/// One rule's outcome with the answers that decided it.
public struct RuleOutcome: Sendable {
    public var rule: Rule
    public var outcome: Outcome
    /// The answers the outcome depended on (for undetermined rules, those already given).
    public var evidence: [Evidence]
    /// Qualified names of the questions still missing (undetermined rules).
    public var missing: [String]
    /// Why the rule does not apply, or the evaluation error of an undetermined rule.
    public var reason: String?
}

extension Catalog {
    /// Evaluates every rule of the sheet's checklists. Pure and thread-safe.
    public func evaluate(_ sheet: AnswerSheet) -> Report {
        let templates = reportTemplates
        let (decisions, registers) = decideKeepingRegisters(sheet)
        var cited: [Int32] = []
        var fired: [(index: Int, evidence: Range<Int>)] = []
        var undetermined: [Undetermined] = []
        var notApplicable: [NotApplicable] = []
        var passed: [Int32] = []
        fired.reserveCapacity(decisions.count(.fired))
        passed.reserveCapacity(decisions.count(.passed))
        // NOTE: only findings show evidence, so it is gathered for fired rules alone; rules come in
        // id order, so that reports need no sorting of ids.
        let answers = sheet.answers(for: self)
        forEachOutcome(sheet, answers, decisions, registers, evidenceFor: Self.firedEvidence, order: idOrder, into: &cited) { index, outcome, evidence, missing, reason in
            switch outcome {
            case .fired:
                fired.append((index, evidence))
            case .passed:
                passed.append(Int32(index))
            case .undetermined:
                let rule = templates.rules[index].fields
                undetermined.append(Undetermined(ruleID: rule.ruleID, title: rule.title, severity: rule.severity, missing: missing, error: reason))
            case .notApplicable:
                let rule = templates.rules[index].fields
                notApplicable.append(NotApplicable(ruleID: rule.ruleID, title: rule.title, reason: reason ?? "不适用"))
            }
        }
        // The findings' plain parts, major first, each severity in id order.
        let date = sheet.inspection.date
        var reckoned: (due: Deadline, date: CivilDate)?
        var parts: [ReportEvidence.Part] = []
        parts.reserveCapacity(fired.count)
        for rank in ReportTemplates.severities.indices {
            for (index, evidence) in fired where templates.severityRanks[index] == rank {
                // Most rules of a catalog share a few deadlines; each is reckoned once per sheet.
                let rule = templates.rules[index]
                let due = rule.fields.due
                if reckoned?.due != due { reckoned = (due, deadline(due, from: date)) }
                parts.append(ReportEvidence.Part(run: evidence, rule: Int32(index), deadline: reckoned!.date,
                                                 extended: !sheet.extensions.isEmpty && sheet.extensions[rule.fields.ruleID] != nil))
            }
        }
        let shared = ReportEvidence(answers: answers, file: sheet.path, slots: cited, findings: parts, templates: templates)
        let findings = parts.indices.map { k in
            let rule = templates.rules[Int(parts[k].rule)]
            return Finding(rule: rule, deadline: parts[k].deadline, cited: shared, run: k,
                           extension: parts[k].extended ? sheet.extensions[rule.fields.ruleID] : nil)
        }
        return Report(path: sheet.path, enterprise: sheet.enterprise, inspection: sheet.inspection,
                      findings: findings, undetermined: undetermined, notApplicable: notApplicable,
                      passedRules: .rules(templates, passed), evaluatedFindings: findings,
                      catalogVersion: version, catalogHash: contentHash)
    }

    /// The outcome of every rule of the sheet's checklists, in evaluation order, with its evidence.
    public func outcomes(_ sheet: AnswerSheet) -> [RuleOutcome] {
        let (decisions, registers) = decideKeepingRegisters(sheet)
        let answers = sheet.answers(for: self)
        var cited: [Int32] = []
        var result: [(outcome: RuleOutcome, evidence: Range<Int>)] = []
        forEachOutcome(sheet, answers, decisions, registers, evidenceFor: Self.allEvidence, order: nil, into: &cited) { index, outcome, evidence, missing, reason in
            result.append((RuleOutcome(rule: rules[index], outcome: outcome, evidence: [], missing: missing, reason: reason), evidence))
        }
        return result.map { o in
            var outcome = o.outcome
            outcome.evidence = cited[o.evidence].map { Evidence(answers[Int($0)]!, question: questionNames[Int($0)]) }
            return outcome
        }
    }

    static let firedEvidence: [Outcome] = [.fired], allEvidence = Outcome.allCases

    /// Hands `body` each rule at `order` (evaluation order when nil) that the sheet selects: its
    /// index, its outcome as decided, where the slots of the answers it cites as evidence are in
    /// `cited` (for the outcomes `wanted`, else nowhere; see ``cite(_:_:into:)``), the questions
    /// still missing and the reason it is undetermined or not applicable.
    func forEachOutcome(_ sheet: AnswerSheet, _ answers: [Answer?], _ decisions: Decisions, _ registers: [UInt8]?,
                        evidenceFor wanted: [Outcome], order: [Int]?, into cited: inout [Int32],
                        _ body: (_ index: Int, _ outcome: Outcome, _ evidence: Range<Int>, _ missing: [String], _ reason: String?) -> Void) {
        // NOTE: the plan decides; the tree walker runs only for what a report shows of a rule
        // (evidence, missing questions, reasons), so a clean sheet never walks a tree.
        var evaluator: Evaluator?
        let sweep = plan.sweep
        let firedEvidence = wanted.contains(.fired), passedEvidence = wanted.contains(.passed)
        // NOTE: the sweep's slots of every rule, one run after another, so that nothing is cleared per rule.
        var swept: [Int] = []
        let codes = decisions.codes
        for index in order ?? Array(rules.indices) {
            // NOTE: the outcome's code is compared first; most rules pass, and need nothing more.
            let code = codes[index]
            guard code != 0 else { continue }
            let none = cited.count..<cited.count
            if code == Decisions.passed && !passedEvidence {
                #if DEBUG
                if evaluator == nil { evaluator = Evaluator(catalog: self, sheet: sheet) }
                assert(Self.code(evaluator!.rule(index).0) == Decisions.passed, "plan and evaluator disagree on \(rules[index].id)")
                #endif
                body(index, .passed, none, [], nil)
                continue
            }
            let register = sweep.ruleRegisters[index]
            if code == Decisions.fired, register >= 0, let registers {
                // A swept rule's evidence is read off the sweep, without walking its tree.
                var evidence = none
                if firedEvidence {
                    let start = swept.count
                    sweep.evidence(of: register, registers, into: &swept)
                    evidence = cite(swept[start...], answers, into: &cited)
                }
                #if DEBUG
                if evaluator == nil { evaluator = Evaluator(catalog: self, sheet: sheet) }
                let (value, walked) = evaluator!.rule(index)
                assert(Self.code(value) == Decisions.fired, "plan and evaluator disagree on \(rules[index].id)")
                var walkedEvidence: [Int32] = []
                _ = cite(walked[...], answers, into: &walkedEvidence)
                assert(!firedEvidence || Array(cited[evidence]) == walkedEvidence, "sweep and evaluator gather other evidence for \(rules[index].id)")
                #endif
                body(index, .fired, evidence, [], nil)
                continue
            }
            if evaluator == nil { evaluator = Evaluator(catalog: self, sheet: sheet) }
            let (value, slots) = evaluator!.rule(index)
            let decided = Decisions.outcomes[Int(code) - 1]
            assert(Self.code(value) == code, "plan and evaluator disagree on \(rules[index].id)")
            let evidence = wanted.contains(decided) ? cite(slots[...], answers, into: &cited) : none
            switch value {
            case .bool(true): body(index, .fired, evidence, [], nil)
            case .bool(false): body(index, .passed, evidence, [], nil)
            case .unknown(let missing): body(index, .undetermined, evidence, missing.sorted().map { questionNames[$0] }, nil)
            case .notApplicable(let slot): body(index, .notApplicable, evidence, [], reason(slot, answers))
            case .error(let message): body(index, .undetermined, evidence, [], message)
            default: body(index, .undetermined, evidence, [], "condition is not true/false")
            }
        }
    }

    /// The rectification date. Answer sheets are checked against the calendar when read, so a
    /// working-day count always resolves here.
    func deadline(_ due: Deadline, from date: CivilDate) -> CivilDate {
        switch due {
        case .days(let n): date.adding(days: n)
        case .workdays(let n): calendar.adding(workdays: n, to: date) ?? date.adding(days: n)
        }
    }

    /// Appends the slots of the answers a report shows as evidence for `slots` to `cited`, and
    /// returns where they are: each answered slot once, in the order of the answers in the answer file.
    private func cite(_ slots: ArraySlice<Int>, _ answers: [Answer?], into cited: inout [Int32]) -> Range<Int> {
        let start = cited.count
        // NOTE: answers are read through `map`, which borrows them; binding one (`if let`) copied it.
        answers.withUnsafeBufferPointer { answers in
            // NOTE: a rule names a few answers, so repeats are found by looking back rather than in a set.
            for (i, slot) in zip(slots.indices, slots) where answers[slot].map({ _ in true }) ?? false && !slots[..<i].contains(slot) {
                cited.append(Int32(slot))
            }
            guard cited.count - start > 1 else { return }
            cited.withUnsafeMutableBufferPointer { cited in
                var run = UnsafeMutableBufferPointer(rebasing: cited[start...])
                run.sort { a, b in answers[Int(a)].map { a in answers[Int(b)].map { b in a.location < b.location }! }! }
            }
        }
        return start..<cited.count
    }

    private func reason(_ slot: Int, _ answers: [Answer?]) -> String {
        guard slot >= 0, slot < questions.count else { return "不适用" }
        let q = questions[slot]
        if let answer = answers[slot], case .notApplicable = answer.value {
            return "\(q.qualifiedName) 答为不适用（\(answer.location)）"
        }
        if let askIf = q.askIf {
            return "\(q.qualifiedName) 无需询问：条件 \(askIf.text) 不成立"
        }
        return "\(q.qualifiedName) 不适用"
    }
}
