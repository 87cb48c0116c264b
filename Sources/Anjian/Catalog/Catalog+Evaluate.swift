import AnjianCore

extension Catalog {
    /// Evaluates every rule of the sheet's checklists. Pure and thread-safe.
    public func evaluate(_ sheet: AnswerSheet) -> Report {
        var evaluator = Evaluator(catalog: self, sheet: sheet)
        let answers = sheet.answers(for: self)
        let selected = Set(sheet.inspection.checklists)
        var findings: [Finding] = []
        var undetermined: [Undetermined] = []
        var notApplicable: [NotApplicable] = []
        var passed: [String] = []
        for (index, rule) in rules.enumerated() where selected.contains(rule.checklist) {
            let (value, slots) = evaluator.rule(index)
            switch value {
            case .bool(true):
                findings.append(Finding(
                    ruleID: rule.id, title: rule.title, severity: rule.severity, checklist: rule.checklist,
                    departments: rule.departments, basis: rule.basis, remedy: rule.remedy,
                    deadline: deadline(rule.deadline, from: sheet.inspection.date), due: rule.deadline,
                    source: rule.source, evidence: evidence(slots, answers)))
            case .bool(false):
                passed.append(rule.id)
            case .unknown(let missing):
                undetermined.append(Undetermined(ruleID: rule.id, title: rule.title, severity: rule.severity,
                                                 missing: missing.sorted().map { questions[$0].qualifiedName }, error: nil))
            case .notApplicable(let slot):
                notApplicable.append(NotApplicable(ruleID: rule.id, title: rule.title, reason: reason(slot, answers)))
            case .error(let message):
                undetermined.append(Undetermined(ruleID: rule.id, title: rule.title, severity: rule.severity, missing: [], error: message))
            default:
                undetermined.append(Undetermined(ruleID: rule.id, title: rule.title, severity: rule.severity, missing: [], error: "condition is not true/false"))
            }
        }
        findings.sort { ($0.severity, $0.ruleID) < ($1.severity, $1.ruleID) }
        undetermined.sort { $0.ruleID < $1.ruleID }
        notApplicable.sort { $0.ruleID < $1.ruleID }
        return Report(path: sheet.path, enterprise: sheet.enterprise, inspection: sheet.inspection,
                      findings: findings, undetermined: undetermined, notApplicable: notApplicable, passed: passed.sorted())
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
            result.append(Evidence(question: q.qualifiedName, value: AnswerValue(answer.value, type: q.type), location: answer.location))
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
