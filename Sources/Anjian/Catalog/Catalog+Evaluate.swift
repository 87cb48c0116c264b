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
        var findings: [Finding] = []
        var undetermined: [Undetermined] = []
        var notApplicable: [NotApplicable] = []
        var passed: [String] = []
        // NOTE: only findings show evidence, so it is gathered for fired rules alone; rules come in
        // id order, so that reports need no sorting of ids.
        for o in outcomes(sheet, evidenceFor: [.fired], order: idOrder) {
            let rule = o.rule
            switch o.outcome {
            case .fired:
                findings.append(Finding(
                    ruleID: rule.id, title: rule.title, severity: rule.severity, checklist: rule.checklist,
                    departments: rule.departments, basis: rule.basis, remedy: rule.remedy,
                    deadline: deadline(rule.deadline, from: sheet.inspection.date), due: rule.deadline,
                    source: rule.source, evidence: o.evidence,
                    ruleFile: rule.overriddenIn ?? checklistByID[rule.checklist]?.file ?? "",
                    extension: sheet.extensions[rule.id]))
            case .passed:
                passed.append(rule.id)
            case .undetermined:
                undetermined.append(Undetermined(ruleID: rule.id, title: rule.title, severity: rule.severity, missing: o.missing, error: o.reason))
            case .notApplicable:
                notApplicable.append(NotApplicable(ruleID: rule.id, title: rule.title, reason: o.reason ?? "不适用"))
            }
        }
        // Major first, each severity in id order.
        findings = Severity.allCases.sorted().flatMap { severity in findings.filter { $0.severity == severity } }
        return Report(path: sheet.path, enterprise: sheet.enterprise, inspection: sheet.inspection,
                      findings: findings, undetermined: undetermined, notApplicable: notApplicable, passed: passed,
                      catalogVersion: version, catalogHash: contentHash)
    }

    /// The outcome of every rule of the sheet's checklists, in evaluation order, with its evidence.
    public func outcomes(_ sheet: AnswerSheet) -> [RuleOutcome] {
        outcomes(sheet, evidenceFor: Set(Outcome.allCases))
    }

    /// The outcomes of the rules at `order` (evaluation order when nil) that the sheet selects.
    func outcomes(_ sheet: AnswerSheet, evidenceFor wanted: Set<Outcome>, order: [Int]? = nil) -> [RuleOutcome] {
        let (decisions, registers) = decideKeepingRegisters(sheet)
        // NOTE: the plan decides; the tree walker runs only for what a report shows of a rule
        // (evidence, missing questions, reasons), so a clean sheet never walks a tree.
        var evaluator: Evaluator?
        var answers: [Answer?]?
        var result: [RuleOutcome] = []
        let sweep = plan.sweep
        let firedEvidence = wanted.contains(.fired), passedEvidence = wanted.contains(.passed)
        for index in order ?? Array(rules.indices) {
            let rule = rules[index]
            guard let decided = decisions[index] else { continue }
            let register = sweep.ruleRegisters[index]
            if decided == .fired, register >= 0, let registers {
                // A swept rule's evidence is read off the sweep, without walking its tree.
                if answers == nil { answers = sheet.answers(for: self) }
                var slots: [Int] = []
                if firedEvidence { sweep.evidence(of: register, registers, into: &slots) }
                let evidence = firedEvidence ? self.evidence(slots, answers!) : []
                #if DEBUG
                if evaluator == nil { evaluator = Evaluator(catalog: self, sheet: sheet) }
                let (value, walked) = evaluator!.rule(index)
                assert(Self.code(value) == Decisions.fired, "plan and evaluator disagree on \(rule.id)")
                assert(!firedEvidence || self.evidence(walked, answers!) == evidence, "sweep and evaluator gather other evidence for \(rule.id)")
                #endif
                result.append(RuleOutcome(rule: rule, outcome: .fired, evidence: evidence, missing: [], reason: nil))
                continue
            }
            if decided == .passed && !passedEvidence {
                #if DEBUG
                if evaluator == nil { evaluator = Evaluator(catalog: self, sheet: sheet) }
                assert(Self.code(evaluator!.rule(index).0) == Decisions.passed, "plan and evaluator disagree on \(rule.id)")
                #endif
                result.append(RuleOutcome(rule: rule, outcome: .passed, evidence: [], missing: [], reason: nil))
                continue
            }
            if evaluator == nil { evaluator = Evaluator(catalog: self, sheet: sheet) }
            if answers == nil { answers = sheet.answers(for: self) }
            let (value, slots) = evaluator!.rule(index)
            assert(Self.code(value) == Decisions.code(decided), "plan and evaluator disagree on \(rule.id)")
            let evidence = wanted.contains(decided) ? self.evidence(slots, answers!) : []
            switch value {
            case .bool(true):
                result.append(RuleOutcome(rule: rule, outcome: .fired, evidence: evidence, missing: [], reason: nil))
            case .bool(false):
                result.append(RuleOutcome(rule: rule, outcome: .passed, evidence: evidence, missing: [], reason: nil))
            case .unknown(let missing):
                result.append(RuleOutcome(rule: rule, outcome: .undetermined, evidence: evidence,
                                          missing: missing.sorted().map { questionNames[$0] }, reason: nil))
            case .notApplicable(let slot):
                result.append(RuleOutcome(rule: rule, outcome: .notApplicable, evidence: evidence, missing: [], reason: reason(slot, answers!)))
            case .error(let message):
                result.append(RuleOutcome(rule: rule, outcome: .undetermined, evidence: evidence, missing: [], reason: message))
            default:
                result.append(RuleOutcome(rule: rule, outcome: .undetermined, evidence: evidence, missing: [], reason: "condition is not true/false"))
            }
        }
        return result
    }

    /// The rectification date. Answer sheets are checked against the calendar when read, so a
    /// working-day count always resolves here.
    func deadline(_ due: Deadline, from date: CivilDate) -> CivilDate {
        switch due {
        case .days(let n): date.adding(days: n)
        case .workdays(let n): calendar.adding(workdays: n, to: date) ?? date.adding(days: n)
        }
    }

    private func evidence(_ slots: [Int], _ answers: [Answer?]) -> [Evidence] {
        var seen: Set<Int> = []
        var result: [Evidence] = []
        for slot in slots where seen.insert(slot).inserted {
            guard let answer = answers[slot] else { continue }
            let q = questions[slot]
            result.append(Evidence(question: questionNames[slot], value: AnswerValue(answer.value, type: q.type), location: answer.location))
        }
        return result.sorted { $0.location < $1.location }
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
