import AnjianCore
import AnjianYAML

/// Decodes an answer file and validates each answer against its question's type and choices.
struct AnswerSheetDecoder {
    /// An answer file, or one case of a rule test file (which may leave out the version, the
    /// subject and the date, and adds its own fields).
    enum Mode { case answerFile, testCase }

    static let testCaseFields = ["name", "expect", "findings"]
    /// The date a test case is inspected on when it gives none.
    static let defaultTestDate = CivilDate(year: 2021, month: 4, day: 12)!

    let catalog: Catalog
    let path: String
    let mode: Mode
    var diagnostics: [Diagnostic] = []

    init(catalog: Catalog, path: String, mode: Mode = .answerFile) {
        self.catalog = catalog
        self.path = path
        self.mode = mode
    }

    mutating func decode(_ root: YAMLNode) -> AnswerSheet? {
        let isTest = mode == .testCase
        guard let top = MappingReader(root, what: isTest ? "test case" : "answer file", diagnostics: &diagnostics) else { return nil }
        top.rejectUnknownKeys(allowed: (isTest ? Self.testCaseFields : ["anjian-answers"]) + ["enterprise", "subject", "inspection", "answers"],
                              diagnostics: &diagnostics)
        if !isTest, let version = top.required("anjian-answers", diagnostics: &diagnostics),
           NodeReading.int(version, field: "anjian-answers", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
            diagnostics.append(.error("decode.version", "this anjian reads answer files with 'anjian-answers: 1'", at: version.location))
        }
        var enterprise: Enterprise?
        switch (top.pair("enterprise"), top.pair("subject")) {
        case (let e?, let s?):
            diagnostics.append(.error("answers.two-subjects", "write the subject once: 'enterprise:' for an enterprise, or 'subject:' with a kind",
                                      at: s.keyLocation, notes: [.init("enterprise is here", at: e.keyLocation)]))
        case (let e?, nil): enterprise = self.enterprise(e.value, isSubject: false)
        case (nil, let s?): enterprise = self.enterprise(s.value, isSubject: true)
        case (nil, nil) where isTest:
            enterprise = Enterprise(name: "测试单位")
        case (nil, nil):
            diagnostics.append(.error("decode.missing-field", "answer file has no 'enterprise' (or 'subject' with a kind: town, department, event); add it", at: root.location))
        }
        let inspectionNode = isTest ? top["inspection"] : top.required("inspection", diagnostics: &diagnostics)
        var date: CivilDate?
        var dateLocation: SourceLocation?
        var inspector: String?
        var requested: [(String, SourceLocation)]?
        if isTest && inspectionNode == nil { date = Self.defaultTestDate }
        if let inspectionNode, let m = MappingReader(inspectionNode, what: "inspection", diagnostics: &diagnostics) {
            m.rejectUnknownKeys(allowed: ["date", "inspector", "checklists"], diagnostics: &diagnostics)
            if isTest && m["date"] == nil {
                date = Self.defaultTestDate
            } else if let node = m.required("date", diagnostics: &diagnostics) {
                date = self.date(node, field: "inspection.date")
                dateLocation = node.location
            }
            inspector = m.present("inspector").flatMap { NodeReading.text($0, field: "inspector", diagnostics: &diagnostics) }
            requested = m["checklists"].map { NodeReading.textList($0, field: "checklists", diagnostics: &diagnostics) }
        }
        let selected = select(requested: requested, subject: enterprise, at: inspectionNode?.location ?? root.location)
        var answers = [Answer?](repeating: nil, count: catalog.questions.count)
        if let answersNode = top["answers"] {
            read(answersNode, selected: selected ?? [], into: &answers)
        }
        guard let enterprise, let date, let selected else { return nil }
        checkCalendar(date: date, checklists: selected, at: dateLocation ?? root.location)
        return AnswerSheet(path: path, enterprise: enterprise,
                           inspection: Inspection(date: date, inspector: inspector, checklists: selected.sorted()),
                           answers: answers, catalog: catalog)
    }

    private mutating func enterprise(_ node: YAMLNode, isSubject: Bool) -> Enterprise? {
        guard let m = MappingReader(node, what: isSubject ? "subject" : "enterprise", diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(allowed: ["kind", "name", "code", "town", "sector"], diagnostics: &diagnostics)
        var kind = SubjectKind.enterprise
        if let node = isSubject ? m.required("kind", diagnostics: &diagnostics) : m["kind"],
           let text = NodeReading.text(node, field: "kind", diagnostics: &diagnostics) {
            if let k = SubjectKind(rawValue: text) {
                kind = k
            } else {
                let kinds = SubjectKind.allCases.map(\.rawValue)
                diagnostics.append(.error("answers.bad-subject", "unknown subject kind '\(text)'" + Suggestion.clause(for: text, in: kinds) + "; write one of \(kinds.joined(separator: ", "))", at: node.location))
                return nil
            }
        }
        let name = m.required("name", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "name", diagnostics: &diagnostics) }
        let code = m.present("code").flatMap { NodeReading.text($0, field: "code", diagnostics: &diagnostics) }
        let town = m.present("town").flatMap { NodeReading.text($0, field: "town", diagnostics: &diagnostics) }
        let sector = m.present("sector").flatMap { NodeReading.text($0, field: "sector", diagnostics: &diagnostics) }
        return name.map { Enterprise(kind: kind, name: $0, code: code, town: town, sector: sector) }
    }

    private mutating func date(_ node: YAMLNode, field: String) -> CivilDate? {
        if let s = node.scalar, let d = CivilDate(parsing: s.value) { return d }
        diagnostics.append(.error("answers.bad-date", "'\(field)' must be a date written YYYY-MM-DD (e.g. 2021-04-12), found \(node.kindDescription)", at: node.location))
        return nil
    }

    /// The checklists to evaluate: those named, else those of the sector; with everything they include.
    private mutating func select(requested: [(String, SourceLocation)]?, subject: Enterprise?, at location: SourceLocation) -> Set<String>? {
        guard let subject else { return nil }
        let sector = subject.sector
        var roots: [String] = []
        if let requested {
            for (id, loc) in requested {
                if let checklist = catalog.checklistByID[id] {
                    if checklist.subject != subject.kind {
                        diagnostics.append(.error("answers.subject-mismatch",
                            "checklist '\(id)' inspects a \(checklist.subject.rawValue), but this subject is a \(subject.kind.rawValue); choose a checklist for a \(subject.kind.rawValue) or change the subject's kind",
                            at: loc))
                        continue
                    }
                    roots.append(id)
                } else {
                    diagnostics.append(.error("answers.unknown-checklist",
                        "unknown checklist '\(id)'" + Suggestion.clause(for: id, in: catalog.checklistByID.keys) + "; known: \(catalog.checklistByID.keys.sorted().joined(separator: ", "))",
                        at: loc))
                }
            }
            if roots.isEmpty { return requested.isEmpty ? [] : nil }
        } else {
            let ofKind = catalog.checklists.filter { $0.subject == subject.kind }
            let sectors = Set(ofKind.flatMap(\.sectors)).subtracting(["*"]).sorted()
            if subject.kind != .enterprise, sector == nil {
                roots = ofKind.filter { $0.sectors.isEmpty || $0.sectors.contains("*") }.map(\.id)
                guard !roots.isEmpty else {
                    diagnostics.append(.error("answers.no-checklists", "no checklist inspects a \(subject.kind.rawValue) by default; list them under inspection.checklists", at: location))
                    return nil
                }
                return roots.reduce(into: Set<String>()) { $0.formUnion(catalog.includeClosure[$1] ?? [$1]) }
            }
            guard let sector else {
                diagnostics.append(.error("answers.no-checklists", "give enterprise.sector (one of \(sectors.joined(separator: ", "))) or inspection.checklists", at: location))
                return nil
            }
            let matching = ofKind.filter { $0.sectors.contains(sector) }
            guard !matching.isEmpty else {
                diagnostics.append(.error("answers.unknown-sector",
                    "no checklist covers sector '\(sector)'" + Suggestion.clause(for: sector, in: sectors) + "; known sectors: \(sectors.joined(separator: ", ")), or list checklists under inspection.checklists",
                    at: location))
                return nil
            }
            roots = matching.map(\.id) + ofKind.filter { $0.sectors.contains("*") }.map(\.id)
        }
        return roots.reduce(into: Set<String>()) { $0.formUnion(catalog.includeClosure[$1] ?? [$1]) }
    }

    private mutating func read(_ node: YAMLNode, selected: Set<String>, into answers: inout [Answer?]) {
        if case .null? = node.scalar?.resolved { return }
        guard let m = MappingReader(node, what: "answers", diagnostics: &diagnostics) else { return }
        for pair in m.pairs {
            let checklistID = pair.key.value
            guard let checklist = catalog.checklistByID[checklistID] else {
                diagnostics.append(.error("answers.unknown-checklist",
                    "unknown checklist '\(checklistID)'" + Suggestion.clause(for: checklistID, in: catalog.checklistByID.keys) + "; answers are grouped by checklist id",
                    at: pair.keyLocation))
                continue
            }
            if !selected.isEmpty, !selected.contains(checklistID) {
                diagnostics.append(.error("answers.checklist-not-inspected",
                    "this inspection does not cover checklist '\(checklistID)' (it covers \(selected.sorted().joined(separator: ", "))); add it to inspection.checklists or remove these answers",
                    at: pair.keyLocation))
                continue
            }
            if case .null? = pair.value.scalar?.resolved { continue }
            guard let qm = MappingReader(pair.value, what: "answers of \(checklistID)", diagnostics: &diagnostics) else { continue }
            let questionIDs = checklist.questions.map(\.id)
            for answer in qm.pairs {
                let id = answer.key.value
                guard let slot = catalog.slotByName["\(checklistID).\(id)"] else {
                    diagnostics.append(.error("answers.unknown-question",
                        "checklist '\(checklistID)' has no question '\(id)'" + Suggestion.clause(for: id, in: questionIDs),
                        at: answer.keyLocation))
                    continue
                }
                if let value = self.value(answer.value, for: catalog.questions[slot]) {
                    answers[slot] = Answer(value: value, location: answer.value.location)
                }
            }
        }
    }

    /// The typed value of one answer; `nil` for a blank (unanswered) or invalid one.
    private mutating func value(_ node: YAMLNode, for question: Question) -> Value? {
        let name = question.qualifiedName
        if let s = node.scalar {
            if case .null = s.resolved { return nil }
            if case .string(let text) = s.resolved, ["不适用", "n/a", "N/A", "NA"].contains(text) {
                return .notApplicable(slot: catalog.slotByName[name] ?? -1)
            }
        }
        func fail(_ expected: String) -> Value? {
            diagnostics.append(.error("answers.wrong-type", "\(name) is a \(question.type.name) question: expected \(expected), found \(node.kindDescription)", at: node.location))
            return nil
        }
        switch question.type {
        case .bool:
            guard let s = node.scalar else { return fail("true/false or 是/否") }
            switch s.resolved {
            case .bool(let b): return .bool(b)
            case .string("是"): return .bool(true)
            case .string("否"): return .bool(false)
            case .string(let t) where ["yes", "no", "on", "off", "y", "n", "Yes", "No"].contains(t):
                return fail("true/false or 是/否 ('\(t)' is text in YAML 1.2)")
            default: return fail("true/false or 是/否")
            }
        case .int:
            guard let s = node.scalar else { return fail("a whole number") }
            switch s.resolved {
            case .int(let i): return .int(i)
            case .intOutOfRange: return fail("a whole number that fits in 64 bits")
            default: return fail("a whole number")
            }
        case .number:
            guard let s = node.scalar else { return fail("a number") }
            switch s.resolved {
            case .int(let i): return .double(Double(i))
            case .float(let d) where d.isFinite: return .double(d)
            default: return fail("a finite number")
            }
        case .text:
            guard let s = node.scalar else { return fail("text") }
            if case .bool = s.resolved { return fail("text (quote it: \"\(s.value)\")") }
            return .string(s.value)
        case .date:
            guard let s = node.scalar, let d = CivilDate(parsing: s.value) else { return fail("a date written YYYY-MM-DD") }
            return .date(d.dayNumber)
        case .choice(let choices):
            guard let s = node.scalar, case .string(let text) = s.resolved else {
                return fail("one of [\(choices.joined(separator: ", "))]")
            }
            guard choices.contains(text) else {
                diagnostics.append(.error("answers.unknown-choice",
                    "'\(text)' is not a choice of \(name)" + Suggestion.clause(for: text, in: choices) + "; choose one of [\(choices.joined(separator: ", "))] or 不适用",
                    at: node.location))
                return nil
            }
            return .string(text)
        case .multi(let choices):
            let items: [YAMLNode]
            if let seq = node.sequence { items = seq } else if node.scalar != nil { items = [node] } else { return fail("a list of choices") }
            var values: [Value] = []
            var ok = true
            for item in items {
                guard let s = item.scalar, case .string(let text) = s.resolved, choices.contains(text) else {
                    let shown = item.scalar?.value ?? item.kindDescription
                    diagnostics.append(.error("answers.unknown-choice",
                        "'\(shown)' is not a choice of \(name)" + Suggestion.clause(for: shown, in: choices) + "; choose from [\(choices.joined(separator: ", "))]",
                        at: item.location))
                    ok = false
                    continue
                }
                if values.contains(.string(text)) {
                    diagnostics.append(.error("answers.duplicate-choice", "'\(text)' is listed twice; keep one", at: item.location))
                    ok = false
                }
                values.append(.string(text))
            }
            return ok ? .list(values) : nil
        }
    }

    /// Working-day deadlines need the calendar of every year they run through: a date outside
    /// every calendar file is an error here, never a guess at evaluation time.
    private mutating func checkCalendar(date: CivilDate, checklists: Set<String>, at location: SourceLocation) {
        let longest = catalog.rules.filter { checklists.contains($0.checklist) }.compactMap { rule -> Int? in
            if case .workdays(let n) = rule.deadline { return n }
            return nil
        }.max()
        guard let longest, catalog.calendar.adding(workdays: longest, to: date) == nil else { return }
        let years = catalog.calendar.coveredYears.map(String.init).joined(separator: ", ")
        diagnostics.append(.error("answers.outside-calendar",
            "working-day deadlines from \(date) run past the holiday calendars (years: \(years.isEmpty ? "none" : years)); add calendar/<year>.yaml for the following year from the State Council's holiday notice",
            at: location))
    }
}
