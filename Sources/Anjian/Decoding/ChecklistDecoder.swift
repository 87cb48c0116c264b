import AnjianCore
import AnjianYAML

/// Decodes one rule file (`anjian: 1`, `checklist: …`) into a ``Checklist``.
struct ChecklistDecoder {
    static let fileFields = ["anjian", "checklist", "subject", "title", "source", "sectors", "includes", "departments", "questions", "facts", "rules"]
    static let questionFields = ["id", "text", "type", "choices", "ask_if", "unit"]
    static let factFields = ["id", "expr"]
    static let ruleFields = ["id", "title", "when", "severity", "departments", "basis", "remedy", "deadline_days", "deadline_workdays", "source"]

    let file: SourceFile
    let departments: DepartmentDirectory
    var diagnostics: [Diagnostic] = []
    private let lines: SourceLines

    init(file: SourceFile, departments: DepartmentDirectory) {
        self.file = file
        self.departments = departments
        self.lines = SourceLines(file.bytes)
    }

    mutating func decode(_ root: YAMLNode) -> Checklist? {
        guard let top = MappingReader(root, what: .ruleFile, diagnostics: &diagnostics) else { return nil }
        top.rejectUnknownKeys(allowed: Self.fileFields, diagnostics: &diagnostics)
        if let version = top.required("anjian", diagnostics: &diagnostics) {
            if NodeReading.int(version, field: "anjian", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
                diagnostics.append(.ruleFileVersion(version.scalar?.value ?? "?", at: version.location))
            }
        }
        let idNode = top.required("checklist", diagnostics: &diagnostics)
        let id = idNode.flatMap { NodeReading.identifier($0, field: "checklist", diagnostics: &diagnostics) } ?? ""
        if let idNode, !id.isEmpty {
            let stem = NSStringPath(path: file.path).lastComponent.replacingSuffix(".yaml", with: "")
            if stem != id {
                diagnostics.append(.checklistFileName(id, stem: stem, at: idNode.location))
            }
        }
        var subject = SubjectKind.enterprise
        if let node = top["subject"], let text = NodeReading.text(node, field: "subject", diagnostics: &diagnostics) {
            if let kind = SubjectKind(rawValue: text) {
                subject = kind
            } else {
                let kinds = SubjectKind.allCases.map(\.rawValue)
                diagnostics.append(.badSubjectKind(text, suggestion: Suggestion.nearest(to: text, in: kinds), kinds: kinds, at: node.location))
            }
        }
        let title = top.required("title", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "title", diagnostics: &diagnostics) } ?? ""
        let source = top.required("source", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "source", diagnostics: &diagnostics) } ?? ""
        let sectors = top["sectors"].map { NodeReading.textList($0, field: "sectors", diagnostics: &diagnostics).map(\.0) } ?? []
        var includes: [Checklist.Include] = []
        if let node = top["includes"] {
            for (name, location) in NodeReading.textList(node, field: "includes", diagnostics: &diagnostics) {
                includes.append(.init(id: name, location: location))
            }
        }
        // Optional: the default for rules that name none (a questions-only checklist needs none).
        let checklistDepartments = top["departments"].map { departmentList($0, allowed: nil) } ?? []

        var questions: [Question] = []
        var seen: [String: SourceLocation] = [:]
        if let node = top["questions"] {
            for item in list(node, field: "questions") {
                if let q = question(item, checklist: id) {
                    if unique(q.id, at: q.location, seen: &seen, what: .questionOrFact) { questions.append(q) }
                }
            }
        }
        var facts: [Fact] = []
        if let node = top["facts"] {
            for item in list(node, field: "facts") {
                if let f = fact(item, checklist: id) {
                    if unique(f.id, at: f.location, seen: &seen, what: .questionOrFact) { facts.append(f) }
                }
            }
        }
        var rules: [Rule] = []
        var seenRules: [String: SourceLocation] = [:]
        if let node = top["rules"] {
            for item in list(node, field: "rules") {
                if let r = rule(item, checklist: id, defaults: checklistDepartments) {
                    if unique(r.id, at: r.location, seen: &seenRules, what: .rule) { rules.append(r) }
                }
            }
        }
        return Checklist(id: id, subject: subject, title: title, source: source, sectors: sectors, includes: includes,
                         departments: checklistDepartments, questions: questions, facts: facts, rules: rules,
                         file: file.path, location: root.location, sourceLocation: top["source"]?.location ?? root.location)
    }

    private mutating func unique(_ id: String, at location: SourceLocation, seen: inout [String: SourceLocation], what: LocalizedText) -> Bool {
        if let first = seen[id] {
            diagnostics.append(.duplicateID(id, of: what, at: location, first: first))
            return false
        }
        seen[id] = location
        return true
    }

    private mutating func list(_ node: YAMLNode, field: String) -> [YAMLNode] {
        if let items = node.sequence { return items }
        if case .null? = node.scalar?.resolved { return [] }
        diagnostics.append(.expectedEntryList(field: field, found: node))
        return []
    }

    private mutating func question(_ node: YAMLNode, checklist: String) -> Question? {
        guard let m = MappingReader(node, what: .question, diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(allowed: Self.questionFields, diagnostics: &diagnostics)
        let id = m.required("id", diagnostics: &diagnostics).flatMap { NodeReading.identifier($0, field: "id", diagnostics: &diagnostics) }
        let text = m.required("text", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "text", diagnostics: &diagnostics) }
        var type: QuestionType?
        if let typeNode = m.required("type", diagnostics: &diagnostics), let name = NodeReading.text(typeNode, field: "type", diagnostics: &diagnostics) {
            let choices = m["choices"].map { choiceList($0) }
            switch name {
            case "bool": type = .bool
            case "int": type = .int
            case "number": type = .number
            case "text": type = .text
            case "date": type = .date
            case "choice", "multi":
                if let choices {
                    type = name == "choice" ? .choice(choices) : .multi(choices)
                } else {
                    diagnostics.append(.missingChoices(type: name, at: typeNode.location))
                }
            default:
                diagnostics.append(.unknownQuestionType(name, suggestion: Suggestion.nearest(to: name, in: QuestionType.names),
                                                        known: QuestionType.names, at: typeNode.location))
            }
            if let choicesNode = m["choices"], name != "choice", name != "multi", QuestionType.names.contains(name) {
                diagnostics.append(.unexpectedChoices(at: choicesNode.location))
            }
        }
        let unit = m["unit"].flatMap { NodeReading.text($0, field: "unit", diagnostics: &diagnostics) }
        let askIf = m["ask_if"].flatMap { NodeReading.expression($0, field: "ask_if", lines: lines, diagnostics: &diagnostics) }
        guard let id, let text, let type else { return nil }
        return Question(id: id, checklist: checklist, text: text, type: type, unit: unit, askIf: askIf, location: node.location)
    }

    private mutating func choiceList(_ node: YAMLNode) -> [String] {
        let items = NodeReading.textList(node, field: "choices", diagnostics: &diagnostics)
        var seen: Set<String> = []
        var result: [String] = []
        for (choice, location) in items {
            if !seen.insert(choice).inserted {
                diagnostics.append(.duplicateChoice(choice, at: location))
            } else if choice == "不适用" || choice.lowercased() == "n/a" {
                diagnostics.append(.reservedChoice(choice, at: location))
            } else {
                result.append(choice)
            }
        }
        if items.isEmpty {
            diagnostics.append(.emptyChoices(at: node.location))
        }
        return result
    }

    private mutating func fact(_ node: YAMLNode, checklist: String) -> Fact? {
        guard let m = MappingReader(node, what: .fact, diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(allowed: Self.factFields, diagnostics: &diagnostics)
        let id = m.required("id", diagnostics: &diagnostics).flatMap { NodeReading.identifier($0, field: "id", diagnostics: &diagnostics) }
        let expr = m.required("expr", diagnostics: &diagnostics).flatMap { NodeReading.expression($0, field: "expr", lines: lines, diagnostics: &diagnostics) }
        guard let id, let expr else { return nil }
        return Fact(id: id, checklist: checklist, expression: expr, location: node.location)
    }

    private mutating func rule(_ node: YAMLNode, checklist: String, defaults: [String]) -> Rule? {
        guard let m = MappingReader(node, what: .rule, diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(allowed: Self.ruleFields, diagnostics: &diagnostics)
        var id: String?
        if let idNode = m.required("id", diagnostics: &diagnostics), let text = NodeReading.text(idNode, field: "id", diagnostics: &diagnostics) {
            if Self.isRuleID(text) {
                id = text
            } else {
                diagnostics.append(.badRuleID(text, at: idNode.location))
            }
        }
        let title = m.required("title", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "title", diagnostics: &diagnostics) }
        let when = m.required("when", diagnostics: &diagnostics).flatMap { NodeReading.expression($0, field: "when", lines: lines, diagnostics: &diagnostics) }
        var severity: Severity?
        if let node = m.required("severity", diagnostics: &diagnostics), let text = NodeReading.text(node, field: "severity", diagnostics: &diagnostics) {
            switch text {
            case "major", "重大隐患", "重大": severity = .major
            case "general", "一般隐患", "一般": severity = .general
            default:
                diagnostics.append(.badSeverity(text, suggestion: Suggestion.nearest(to: text, in: ["major", "general"]), at: node.location))
            }
        }
        let ruleDepartments = m["departments"].map { departmentList($0, allowed: defaults) } ?? defaults
        if m["departments"] == nil, defaults.isEmpty {
            diagnostics.append(.ruleWithoutDepartments(at: node.location))
        }
        let basis = m.required("basis", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "basis", diagnostics: &diagnostics) }
        let remedy = m.required("remedy", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "remedy", diagnostics: &diagnostics) }
        var deadline: Deadline?
        switch (m.pair("deadline_days"), m.pair("deadline_workdays")) {
        case (let days?, let workdays?):
            diagnostics.append(.twoDeadlines(at: workdays.keyLocation, days: days.keyLocation))
        case (nil, nil):
            diagnostics.append(.missingDeadline(at: node.location))
        case (let pair?, nil), (nil, let pair?):
            let field = pair.key.value
            if let n = NodeReading.int(pair.value, field: field, diagnostics: &diagnostics) {
                if n < 0 || n > 3650 {
                    diagnostics.append(.badDeadline(field: field, days: n, at: pair.value.location))
                } else {
                    deadline = field == "deadline_days" ? .days(n) : .workdays(n)
                }
            }
        }
        let source = m.required("source", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "source", diagnostics: &diagnostics) }
        // NOTE: a rule missing other fields is still returned (the file already has errors), so that
        // its condition is checked in the same run and the editor sees every problem at once.
        guard let id, let when else { return nil }
        return Rule(id: id, checklist: checklist, title: title ?? "", condition: when, severity: severity ?? .general,
                    departments: ruleDepartments, basis: basis ?? "", remedy: remedy ?? "", deadline: deadline ?? .days(0),
                    source: source ?? "", location: node.location,
                    sourceLocation: m["source"]?.location ?? node.location, departmentsLocation: m["departments"]?.location ?? node.location)
    }

    static func isRuleID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = parts.first?.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || $0.isASCIIDigit } }
    }

    /// Department names resolved to canonical ones; with `allowed`, each must be among them.
    private mutating func departmentList(_ node: YAMLNode, allowed: [String]?) -> [String] {
        var result: [String] = []
        for (name, location) in NodeReading.textList(node, field: "departments", diagnostics: &diagnostics) {
            guard let canonical = departments.canonicalName(name) else {
                diagnostics.append(.unknownDepartment(name, suggestion: Suggestion.nearest(to: name, in: departments.allNames), at: location))
                continue
            }
            if let allowed, !allowed.isEmpty, !allowed.contains(canonical) {
                diagnostics.append(.departmentNotInChecklist(name, allowed: allowed, at: location))
                continue
            }
            if result.contains(canonical) {
                diagnostics.append(.duplicateDepartment(name, at: location))
                continue
            }
            result.append(canonical)
        }
        if result.isEmpty, node.sequence?.isEmpty ?? false {
            diagnostics.append(.emptyDepartments(at: node.location))
        }
        return result
    }
}

/// The last component of a path, without Foundation's URL round trip.
struct NSStringPath {
    let path: String
    var lastComponent: String { path.split(separator: "/").last.map(String.init) ?? path }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
