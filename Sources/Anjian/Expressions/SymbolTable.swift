/// Every name an expression may use, across the catalog.
struct SymbolTable: Sendable {
    struct QuestionSymbol: Sendable { var question: Question; var slot: Int }
    struct FactSymbol: Sendable { var fact: Fact; var index: Int }
    struct RuleSymbol: Sendable { var rule: Rule; var index: Int }

    /// Keyed by qualified name (`gas.license_valid`).
    var questions: [String: QuestionSymbol] = [:]
    var facts: [String: FactSymbol] = [:]
    var rules: [String: RuleSymbol] = [:]
    /// Fact types, filled in as facts are checked in dependency order.
    var factTypes: [Int: ExprType] = [:]
    /// For each checklist, itself and every checklist it includes, directly or not.
    var visible: [String: Set<String>] = [:]

    enum Resolution {
        case question(QuestionSymbol)
        case fact(FactSymbol)
        case enterprise(Program.EnterpriseField)
        case inspectionDate, inspector
        case notVisible(checklist: String)
        case unknown
    }

    func resolve(_ parts: [String], from checklist: String) -> Resolution {
        if parts.count == 2, parts[0] == "enterprise" || parts[0] == "subject", let field = Program.EnterpriseField(rawValue: parts[1]) { return .enterprise(field) }
        if parts == ["inspection", "date"] { return .inspectionDate }
        if parts == ["inspection", "inspector"] { return .inspector }
        let qualified: String
        switch parts.count {
        case 1: qualified = "\(checklist).\(parts[0])"
        case 2: qualified = parts.joined(separator: ".")
        default: return .unknown
        }
        let symbol: Resolution
        if let q = questions[qualified] { symbol = .question(q) } else if let f = facts[qualified] { symbol = .fact(f) } else { return .unknown }
        if parts.count == 2, !(visible[checklist]?.contains(parts[0]) ?? false) { return .notVisible(checklist: parts[0]) }
        return symbol
    }

    /// Names visible from a checklist, for "did you mean".
    func visibleNames(from checklist: String) -> [String] {
        let scope = visible[checklist] ?? [checklist]
        var names = ["inspection.date", "inspection.inspector"]
        for field in Program.EnterpriseField.allCases { names += ["enterprise.\(field.rawValue)", "subject.\(field.rawValue)"] }
        for key in Array(questions.keys) + Array(facts.keys) {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard scope.contains(parts[0]) else { continue }
            names.append(key)
            if parts[0] == checklist { names.append(parts[1]) }
        }
        return names.sorted()
    }
}
