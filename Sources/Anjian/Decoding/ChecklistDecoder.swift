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
    private let lines: [[Unicode.Scalar]]

    init(file: SourceFile, departments: DepartmentDirectory) {
        self.file = file
        self.departments = departments
        self.lines = file.lines
    }

    mutating func decode(_ root: YAMLNode) -> Checklist? {
        guard let top = MappingReader(root, what: "rule file", diagnostics: &diagnostics) else { return nil }
        top.rejectUnknownKeys(allowed: Self.fileFields, diagnostics: &diagnostics)
        if let version = top.required("anjian", diagnostics: &diagnostics) {
            if NodeReading.int(version, field: "anjian", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
                diagnostics.append(.error("decode.version", "this rule file is format version \(version.scalar?.value ?? "?"); this anjian reads 'anjian: 1'", at: version.location))
            }
        }
        let idNode = top.required("checklist", diagnostics: &diagnostics)
        let id = idNode.flatMap { NodeReading.identifier($0, field: "checklist", diagnostics: &diagnostics) } ?? ""
        if let idNode, !id.isEmpty {
            let stem = NSStringPath(path: file.path).lastComponent.replacingSuffix(".yaml", with: "")
            if stem != id {
                diagnostics.append(.error("decode.file-name", "checklist '\(id)' must be in a file named \(id).yaml (this file is \(stem).yaml); rename one to match", at: idNode.location))
            }
        }
        var subject = SubjectKind.enterprise
        if let node = top["subject"], let text = NodeReading.text(node, field: "subject", diagnostics: &diagnostics) {
            if let kind = SubjectKind(rawValue: text) {
                subject = kind
            } else {
                let kinds = SubjectKind.allCases.map(\.rawValue)
                diagnostics.append(.error("decode.bad-subject",
                    "unknown subject kind '\(text)'" + Suggestion.clause(for: text, in: kinds) + "; write one of \(kinds.joined(separator: ", "))",
                    at: node.location))
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
                    if unique(q.id, at: q.location, seen: &seen, what: "question or fact") { questions.append(q) }
                }
            }
        }
        var facts: [Fact] = []
        if let node = top["facts"] {
            for item in list(node, field: "facts") {
                if let f = fact(item, checklist: id) {
                    if unique(f.id, at: f.location, seen: &seen, what: "question or fact") { facts.append(f) }
                }
            }
        }
        var rules: [Rule] = []
        var seenRules: [String: SourceLocation] = [:]
        if let node = top["rules"] {
            for item in list(node, field: "rules") {
                if let r = rule(item, checklist: id, defaults: checklistDepartments) {
                    if unique(r.id, at: r.location, seen: &seenRules, what: "rule") { rules.append(r) }
                }
            }
        }
        return Checklist(id: id, subject: subject, title: title, source: source, sectors: sectors, includes: includes,
                         departments: checklistDepartments, questions: questions, facts: facts, rules: rules,
                         file: file.path, location: root.location, sourceLocation: top["source"]?.location ?? root.location)
    }

    private mutating func unique(_ id: String, at location: SourceLocation, seen: inout [String: SourceLocation], what: String) -> Bool {
        if let first = seen[id] {
            diagnostics.append(.error("decode.duplicate-id", "\(what) id '\(id)' is used twice; give each a different id",
                                      at: location, notes: [.init("first defined here", at: first)]))
            return false
        }
        seen[id] = location
        return true
    }

    private mutating func list(_ node: YAMLNode, field: String) -> [YAMLNode] {
        if let items = node.sequence { return items }
        if case .null? = node.scalar?.resolved { return [] }
        diagnostics.append(.error("decode.expected-list", "'\(field)' must be a list of entries starting with '- ', found \(node.kindDescription)", at: node.location))
        return []
    }

    private mutating func question(_ node: YAMLNode, checklist: String) -> Question? {
        guard let m = MappingReader(node, what: "question", diagnostics: &diagnostics) else { return nil }
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
                    diagnostics.append(.error("decode.missing-choices", "a \(name) question needs 'choices: [选项一, 选项二]'", at: typeNode.location))
                }
            default:
                diagnostics.append(.error("decode.unknown-type",
                    "unknown question type '\(name)'" + (Suggestion.nearest(to: name, in: QuestionType.names).map { "; did you mean '\($0)'?" } ?? "; use one of \(QuestionType.names.joined(separator: ", "))"),
                    at: typeNode.location))
            }
            if let choicesNode = m["choices"], name != "choice", name != "multi", QuestionType.names.contains(name) {
                diagnostics.append(.error("decode.unexpected-choices", "'choices' only applies to choice and multi questions; remove it or change the type", at: choicesNode.location))
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
                diagnostics.append(.error("decode.duplicate-choice", "choice '\(choice)' is listed twice; keep one", at: location))
            } else if choice == "不适用" || choice.lowercased() == "n/a" {
                diagnostics.append(.error("decode.reserved-choice", "'\(choice)' is always accepted as an answer meaning not applicable; do not list it as a choice", at: location))
            } else {
                result.append(choice)
            }
        }
        if items.isEmpty {
            diagnostics.append(.error("decode.missing-choices", "'choices' is empty; list the possible answers", at: node.location))
        }
        return result
    }

    private mutating func fact(_ node: YAMLNode, checklist: String) -> Fact? {
        guard let m = MappingReader(node, what: "fact", diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(allowed: Self.factFields, diagnostics: &diagnostics)
        let id = m.required("id", diagnostics: &diagnostics).flatMap { NodeReading.identifier($0, field: "id", diagnostics: &diagnostics) }
        let expr = m.required("expr", diagnostics: &diagnostics).flatMap { NodeReading.expression($0, field: "expr", lines: lines, diagnostics: &diagnostics) }
        guard let id, let expr else { return nil }
        return Fact(id: id, checklist: checklist, expression: expr, location: node.location)
    }

    private mutating func rule(_ node: YAMLNode, checklist: String, defaults: [String]) -> Rule? {
        guard let m = MappingReader(node, what: "rule", diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(allowed: Self.ruleFields, diagnostics: &diagnostics)
        var id: String?
        if let idNode = m.required("id", diagnostics: &diagnostics), let text = NodeReading.text(idNode, field: "id", diagnostics: &diagnostics) {
            if Self.isRuleID(text) {
                id = text
            } else {
                diagnostics.append(.error("decode.bad-rule-id", "rule id '\(text)' must be upper-case letters and digits joined by dashes, e.g. GAS-001", at: idNode.location))
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
                diagnostics.append(.error("decode.bad-severity",
                    "unknown severity '\(text)'" + (Suggestion.nearest(to: text, in: ["major", "general"]).map { "; did you mean '\($0)'?" } ?? "") + "; write major (重大隐患) or general (一般隐患)",
                    at: node.location))
            }
        }
        let ruleDepartments = m["departments"].map { departmentList($0, allowed: defaults) } ?? defaults
        if m["departments"] == nil, defaults.isEmpty {
            diagnostics.append(.error("decode.no-departments",
                "rule names no departments and its checklist has no default; add 'departments: [牵头部门, …]' to the rule or the checklist",
                at: node.location))
        }
        let basis = m.required("basis", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "basis", diagnostics: &diagnostics) }
        let remedy = m.required("remedy", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "remedy", diagnostics: &diagnostics) }
        var deadline: Deadline?
        switch (m.pair("deadline_days"), m.pair("deadline_workdays")) {
        case (let days?, let workdays?):
            diagnostics.append(.error("decode.two-deadlines", "a rule has one deadline: keep deadline_days or deadline_workdays, not both",
                                      at: workdays.keyLocation, notes: [.init("deadline_days is here", at: days.keyLocation)]))
        case (nil, nil):
            diagnostics.append(.error("decode.missing-field", "rule has no deadline; add 'deadline_days: N' (calendar days, 0 = immediately) or 'deadline_workdays: N'", at: node.location))
        case (let pair?, nil), (nil, let pair?):
            let field = pair.key.value
            if let n = NodeReading.int(pair.value, field: field, diagnostics: &diagnostics) {
                if n < 0 || n > 3650 {
                    diagnostics.append(.error("decode.bad-deadline", "\(field) must be between 0 (immediately) and 3650, found \(n)", at: pair.value.location))
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
                diagnostics.append(.error("decode.unknown-department",
                    "unknown department '\(name)'" + Suggestion.clause(for: name, in: departments.allNames) + " (departments are listed in departments.yaml)",
                    at: location))
                continue
            }
            if let allowed, !allowed.isEmpty, !allowed.contains(canonical) {
                diagnostics.append(.error("decode.department-not-in-checklist",
                    "department '\(name)' is not among this checklist's departments [\(allowed.joined(separator: ", "))]; add it there or route the rule to one of them",
                    at: location))
                continue
            }
            if result.contains(canonical) {
                diagnostics.append(.error("decode.duplicate-department", "department '\(name)' is listed twice; keep one", at: location))
                continue
            }
            result.append(canonical)
        }
        if result.isEmpty, node.sequence?.isEmpty ?? false {
            diagnostics.append(.error("decode.no-departments", "'departments' is empty; name at least one, the lead first", at: node.location))
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
