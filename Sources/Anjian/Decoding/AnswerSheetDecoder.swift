import AnjianCore
import AnjianYAML

/// Decodes an answer file and validates each answer against its question's type and choices.
struct AnswerSheetDecoder {
    /// An answer file, or one case of a rule test file (which may leave out the version, the
    /// subject and the date, and adds its own fields).
    enum Mode { case answerFile, testCase }

    static let testCaseFields = ["name", "expect", "findings"]
    /// Answers meaning "does not apply" (不适用).
    static let notApplicableAnswers: Set<String> = ["不适用", "n/a", "N/A", "NA"]
    /// Whether an answer means 不适用, looked up only when its length can match one of the words.
    static func isNotApplicable(_ text: String) -> Bool {
        switch text.utf8.count {
        case 2, 3, 9: notApplicableAnswers.contains(text)
        default: false
        }
    }

    /// YAML 1.1 booleans, which the core schema reads as text; named in the error for a bool question.
    static let yaml11Booleans: Set<String> = ["yes", "no", "on", "off", "y", "n", "Yes", "No"]
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

    /// Decodes a case or an answer file already read as a tree.
    mutating func decode(_ root: YAMLNode) -> AnswerSheet? {
        let tree = YAMLTree(root, path: path)
        return decode(tree, root: tree.roots[0])
    }

    /// Decodes the document at `rootEntry`: its answers straight from the node buffer, where
    /// nearly all of a file is; the few other fields as a tree.
    mutating func decode(_ tree: YAMLTree, root rootEntry: Int) -> AnswerSheet? {
        let isTest = mode == .testCase
        var answersEntry: Int?
        let root: YAMLNode
        if tree.isMapping(rootEntry) {
            var pairs: [YAMLPair] = []
            for (key, value) in tree.pairs(of: rootEntry) {
                // NOTE: the answers are left out of the tree; any key but `answers` is checked as before.
                if tree.text(key) == "answers" {
                    answersEntry = value
                } else {
                    pairs.append(YAMLPair(key: tree.scalar(key), keyLocation: tree.location(key), value: tree.node(at: value)))
                }
            }
            root = YAMLNode(.mapping(pairs), at: tree.location(rootEntry))
        } else {
            root = tree.node(at: rootEntry)
        }
        guard let top = MappingReader(root, what: isTest ? .testCase : .answerFile, diagnostics: &diagnostics) else { return nil }
        top.rejectUnknownKeys(allowed: (isTest ? Self.testCaseFields : ["anjian-answers"]) + ["enterprise", "subject", "inspection", "answers", "extensions"],
                              diagnostics: &diagnostics)
        if !isTest, let version = top.required("anjian-answers", diagnostics: &diagnostics),
           NodeReading.int(version, field: "anjian-answers", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
            diagnostics.append(.answersVersion(at: version.location))
        }
        var enterprise: Enterprise?
        switch (top.pair("enterprise"), top.pair("subject")) {
        case (let e?, let s?):
            diagnostics.append(.twoSubjects(at: s.keyLocation, enterprise: e.keyLocation))
        case (let e?, nil): enterprise = self.enterprise(e.value, isSubject: false)
        case (nil, let s?): enterprise = self.enterprise(s.value, isSubject: true)
        case (nil, nil) where isTest:
            enterprise = Enterprise(name: "测试单位")
        case (nil, nil):
            diagnostics.append(.missingSubject(at: root.location))
        }
        let inspectionNode = isTest ? top["inspection"] : top.required("inspection", diagnostics: &diagnostics)
        var date: CivilDate?
        var dateLocation: SourceLocation?
        var inspector: String?
        var requested: [(String, SourceLocation)]?
        if isTest && inspectionNode == nil { date = Self.defaultTestDate }
        if let inspectionNode, let m = MappingReader(inspectionNode, what: .inspection, diagnostics: &diagnostics) {
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
        if let answersEntry {
            read(tree, answersEntry, selected: selected ?? [], into: &answers)
        }
        guard let enterprise, let date, let selected else { return nil }
        checkCalendar(date: date, checklists: selected, at: dateLocation ?? root.location)
        var sheet = AnswerSheet(path: path, enterprise: enterprise,
                                inspection: Inspection(date: date, inspector: inspector, checklists: selected.sorted()),
                                answers: answers, catalog: catalog)
        if let node = top["extensions"] { sheet.extensions = extensions(node, date: date, checklists: selected) }
        return sheet
    }

    /// Approved extensions of rectification deadlines (整改延期): rule, new date, approver, reason.
    private mutating func extensions(_ node: YAMLNode, date: CivilDate, checklists: Set<String>) -> [String: DeadlineExtension] {
        var result: [String: DeadlineExtension] = [:]
        guard let items = node.sequence else {
            if case .null? = node.scalar?.resolved { return [:] }
            diagnostics.append(.extensionsNotList(found: node))
            return [:]
        }
        for item in items {
            guard let m = MappingReader(item, what: .extensionEntry, diagnostics: &diagnostics) else { continue }
            m.rejectUnknownKeys(allowed: ["rule", "new_deadline", "approver", "reason"], diagnostics: &diagnostics)
            let ruleNode = m.required("rule", diagnostics: &diagnostics)
            let rule = ruleNode.flatMap { NodeReading.text($0, field: "rule", diagnostics: &diagnostics) }
            let newDate = m.required("new_deadline", diagnostics: &diagnostics).flatMap { self.date($0, field: "new_deadline") }
            let approver = m.required("approver", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "approver", diagnostics: &diagnostics) }
            let reason = m.required("reason", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "reason", diagnostics: &diagnostics) }
            guard let ruleNode, let rule, let newDate, let approver, let reason else { continue }
            guard let found = catalog.rules.first(where: { $0.id == rule }), checklists.contains(found.checklist) else {
                let known = catalog.rules.filter { checklists.contains($0.checklist) }.map(\.id)
                diagnostics.append(.extensionUnknownRule(rule, suggestion: Suggestion.nearest(to: rule, in: known), at: ruleNode.location))
                continue
            }
            if newDate < date {
                diagnostics.append(.extensionBeforeInspection(newDate.description, inspection: date.description, at: item.location))
                continue
            }
            if result[rule] != nil {
                diagnostics.append(.extensionTwice(rule, at: ruleNode.location))
                continue
            }
            result[rule] = DeadlineExtension(newDeadline: newDate, approver: approver, reason: reason, location: item.location)
        }
        return result
    }

    private mutating func enterprise(_ node: YAMLNode, isSubject: Bool) -> Enterprise? {
        guard let m = MappingReader(node, what: isSubject ? .subject : .enterprise, diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(allowed: ["kind", "name", "code", "town", "sector"], diagnostics: &diagnostics)
        var kind = SubjectKind.enterprise
        if let node = isSubject ? m.required("kind", diagnostics: &diagnostics) : m["kind"],
           let text = NodeReading.text(node, field: "kind", diagnostics: &diagnostics) {
            if let k = SubjectKind(rawValue: text) {
                kind = k
            } else {
                let kinds = SubjectKind.allCases.map(\.rawValue)
                diagnostics.append(.answersBadSubjectKind(text, suggestion: Suggestion.nearest(to: text, in: kinds), kinds: kinds, at: node.location))
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
        diagnostics.append(.badAnswerDate(field: field, found: node))
        return nil
    }

    /// The checklists `roots` include, themselves with them.
    private func closure(of roots: [String]) -> Set<String> {
        // NOTE: one checklist named (the usual case) needs no new set.
        if roots.count == 1 { return catalog.includeClosure[roots[0]] ?? [roots[0]] }
        return roots.reduce(into: Set<String>()) { $0.formUnion(catalog.includeClosure[$1] ?? [$1]) }
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
                        diagnostics.append(.checklistSubjectMismatch(id, inspects: checklist.subject, subject: subject.kind, at: loc))
                        continue
                    }
                    roots.append(id)
                } else {
                    diagnostics.append(.unknownInspectedChecklist(id, suggestion: Suggestion.nearest(to: id, in: catalog.checklistByID.keys),
                                                                  known: catalog.checklistByID.keys.sorted(), at: loc))
                }
            }
            if roots.isEmpty { return requested.isEmpty ? [] : nil }
        } else {
            let ofKind = catalog.checklists.filter { $0.subject == subject.kind }
            let sectors = Set(ofKind.flatMap(\.sectors)).subtracting(["*"]).sorted()
            if subject.kind != .enterprise, sector == nil {
                roots = ofKind.filter { $0.sectors.isEmpty || $0.sectors.contains("*") }.map(\.id)
                guard !roots.isEmpty else {
                    diagnostics.append(.noDefaultChecklists(for: subject.kind, at: location))
                    return nil
                }
                return closure(of: roots)
            }
            guard let sector else {
                diagnostics.append(.noSector(sectors: sectors, at: location))
                return nil
            }
            let matching = ofKind.filter { $0.sectors.contains(sector) }
            guard !matching.isEmpty else {
                diagnostics.append(.unknownSector(sector, suggestion: Suggestion.nearest(to: sector, in: sectors), sectors: sectors, at: location))
                return nil
            }
            roots = matching.map(\.id) + ofKind.filter { $0.sectors.contains("*") }.map(\.id)
        }
        return closure(of: roots)
    }

    private mutating func read(_ tree: YAMLTree, _ entry: Int, selected: Set<String>, into answers: inout [Answer?]) {
        if tree.isNull(entry) { return }
        guard tree.isMapping(entry) else {
            diagnostics.append(.expectedMapping(.answers, found: tree.node(at: entry)))
            return
        }
        var children = tree.children(of: entry)
        while let checklistKey = children.next(), let checklistAnswers = children.next() {
            let checklistID = tree.text(checklistKey)
            // NOTE: only whether the checklist exists; fetching it would copy the whole checklist per sheet.
            guard let slots = catalog.slotsByChecklist[checklistID] ?? (catalog.checklistByID.index(forKey: checklistID) != nil ? [:] : nil) else {
                diagnostics.append(.unknownAnsweredChecklist(checklistID, suggestion: Suggestion.nearest(to: checklistID, in: catalog.checklistByID.keys),
                                                             at: tree.location(checklistKey)))
                continue
            }
            if !selected.isEmpty, !selected.contains(checklistID) {
                diagnostics.append(.checklistNotInspected(checklistID, covered: selected.sorted(), at: tree.location(checklistKey)))
                continue
            }
            if tree.isNull(checklistAnswers) { continue }
            guard tree.isMapping(checklistAnswers) else {
                diagnostics.append(.expectedMapping(.answersOf(checklistID), found: tree.node(at: checklistAnswers)))
                continue
            }
            var questions = tree.children(of: checklistAnswers)
            while let key = questions.next(), let answer = questions.next() {
                let id = tree.text(key)
                guard let slot = slots[id] else {
                    diagnostics.append(.unknownQuestion(id, checklist: checklistID, suggestion: Suggestion.nearest(to: id, in: catalog.checklistByID[checklistID]?.questions.map(\.id) ?? []),
                                                        at: tree.location(key)))
                    continue
                }
                if let value = self.value(tree, answer, slot: slot) {
                    answers[slot] = Answer(value: value, location: tree.location(answer))
                }
            }
        }
    }

    /// The typed value of one answer; `nil` for a blank (unanswered) or invalid one.
    private mutating func value(_ tree: YAMLTree, _ entry: Int, slot: Int) -> Value? {
        // NOTE: only the type is taken from the question, and the name only for messages: copying
        // whole questions cost more than reading the answers.
        let type = catalog.questions[slot].type
        // NOTE: answers of the usual kinds are typed from the composed scalar's bits; anything
        // else goes through the full reading below, with its messages.
        if let (kind, payload) = tree.resolvedKind(entry) {
            switch (type, kind) {
            case (.bool, .bool): return .bool(payload != 0)
            case (.int, .int): return .int(Int(Int64(bitPattern: payload)))
            case (.number, .int): return .double(Double(Int64(bitPattern: payload)))
            case (.number, .float) where Double(bitPattern: payload).isFinite: return .double(Double(bitPattern: payload))
            default: break
            }
        }
        var name: String { catalog.questionNames[slot] }
        let isScalar = tree.isScalar(entry)
        let resolved = tree.resolved(entry)
        if isScalar {
            if case .null = resolved { return nil }
            if case .string(let text) = resolved, Self.isNotApplicable(text) {
                return .notApplicable(slot: slot)
            }
        }
        func fail(_ expected: AnswerExpectation) -> Value? {
            diagnostics.append(.wrongAnswerType(name, type: type.name, expected: expected, found: tree.node(at: entry)))
            return nil
        }
        switch type {
        case .bool:
            guard isScalar else { return fail(.bool(yaml11: nil)) }
            switch resolved {
            case .bool(let b): return .bool(b)
            case .string("是"): return .bool(true)
            case .string("否"): return .bool(false)
            case .string(let t) where Self.yaml11Booleans.contains(t):
                return fail(.bool(yaml11: t))
            default: return fail(.bool(yaml11: nil))
            }
        case .int:
            guard isScalar else { return fail(.wholeNumber) }
            switch resolved {
            case .int(let i): return .int(i)
            case .intOutOfRange: return fail(.wholeNumberIn64Bits)
            default: return fail(.wholeNumber)
            }
        case .number:
            guard isScalar else { return fail(.number) }
            switch resolved {
            case .int(let i): return .double(Double(i))
            case .float(let d) where d.isFinite: return .double(d)
            default: return fail(.finiteNumber)
            }
        case .text:
            guard isScalar else { return fail(.text(quote: nil)) }
            if case .bool = resolved { return fail(.text(quote: tree.text(entry))) }
            return .string(tree.text(entry))
        case .date:
            guard isScalar, let d = CivilDate(parsing: tree.text(entry)) else { return fail(.date) }
            return .date(d.dayNumber)
        case .choice(let choices):
            guard isScalar, case .string(let text) = resolved else {
                return fail(.oneOf(choices))
            }
            guard choices.contains(text) else {
                diagnostics.append(.unknownChoice(text, of: name, suggestion: Suggestion.nearest(to: text, in: choices), choices: choices, at: tree.location(entry)))
                return nil
            }
            return .string(text)
        case .multi(let choices):
            var items: [Int] = []
            if tree.isSequence(entry) { items = Array(tree.children(of: entry)) } else if isScalar { items = [entry] } else { return fail(.listOfChoices) }
            var values: [Value] = []
            values.reserveCapacity(items.count)
            var ok = true
            for item in items {
                guard tree.isScalar(item), case .string(let text) = tree.resolved(item), choices.contains(text) else {
                    let shown = tree.isScalar(item) ? tree.text(item) : tree.node(at: item).kindDescription
                    diagnostics.append(.unknownMultiChoice(tree.node(at: item), of: name, suggestion: Suggestion.nearest(to: shown, in: choices), choices: choices))
                    ok = false
                    continue
                }
                if values.contains(.string(text)) {
                    diagnostics.append(.duplicateAnswerChoice(text, at: tree.location(item)))
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
        // NOTE: the deadline is looked at before the checklist, and no rule is copied: this runs per sheet.
        var longest: Int?
        let rules = catalog.rules
        for i in rules.indices {
            if case .workdays(let n) = rules[i].deadline, n > (longest ?? Int.min), checklists.contains(rules[i].checklist) { longest = n }
        }
        guard let longest, catalog.calendar.adding(workdays: longest, to: date) == nil else { return }
        diagnostics.append(.outsideCalendar(date, years: catalog.calendar.coveredYears, at: location))
    }
}
