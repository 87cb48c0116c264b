import AnjianCore

/// Parses every `ask_if`, `expr` and `when`, builds the dependency graph between questions,
/// facts and rules, rejects cycles, then type-checks and compiles in dependency order.
struct ExpressionCompiler {
    let checklists: [Checklist]
    var symbols: SymbolTable
    var diagnostics: [Diagnostic] = []
    var askIfPrograms: [Program?] = []
    var factPrograms: [Program] = []
    var orderedRules: [Rule] = []
    var orderedRulePrograms: [Program] = []
    /// Every reference between questions, facts and rules, by qualified name (rules by id), deduplicated.
    var references: [Reference] = []

    let limits: Limits

    init(checklists: [Checklist], symbols: SymbolTable, limits: Limits = .default) {
        self.checklists = checklists
        self.symbols = symbols
        self.limits = limits
    }

    private enum Owner: Hashable {
        case question(Int), fact(Int), rule(String)
        var node: String {
            switch self {
            case .question(let s): "q\(s)"
            case .fact(let i): "f\(i)"
            case .rule(let id): "r\(id)"
            }
        }
    }

    private mutating func parse(_ source: ExpressionSource) -> Expr? {
        let length = source.text.unicodeScalars.count
        if length > limits.maxExpressionLength {
            diagnostics.append(.expressionTooLong(length, limit: limits.maxExpressionLength, at: source.start))
            return nil
        }
        switch Parser.parse(source.text, maxDepth: limits.maxExpressionDepth) {
        case .success(let e): return e
        case .failure(let e):
            diagnostics.append(.syntax(e, at: source.location(at: e.span.lowerBound)))
            return nil
        }
    }

    mutating func compile() {
        // Parse.
        var parsed: [Owner: (Expr, ExpressionSource, String)] = [:]
        var names: [String: String] = [:]  // graph node → name shown in messages
        let questionSymbols = symbols.questions.values.sorted { $0.slot < $1.slot }
        let factSymbols = symbols.facts.values.sorted { $0.index < $1.index }
        let ruleList = checklists.flatMap(\.rules).filter { symbols.rules[$0.id]?.rule.location == $0.location }
        for q in questionSymbols {
            names[Owner.question(q.slot).node] = q.question.qualifiedName
            if let src = q.question.askIf, let e = parse(src) { parsed[.question(q.slot)] = (e, src, q.question.checklist) }
        }
        for f in factSymbols {
            names[Owner.fact(f.index).node] = f.fact.qualifiedName
            if let e = parse(f.fact.expression) { parsed[.fact(f.index)] = (e, f.fact.expression, f.fact.checklist) }
        }
        for r in ruleList {
            names[Owner.rule(r.id).node] = r.id
            if let e = parse(r.condition) { parsed[.rule(r.id)] = (e, r.condition, r.checklist) }
        }

        // Graph: every owner depends on what its expression names.
        var graph = RuleGraph()
        let owners = questionSymbols.map { Owner.question($0.slot) } + factSymbols.map { Owner.fact($0.index) } + ruleList.map { Owner.rule($0.id) }
        for owner in owners {
            graph.addNode(owner.node)
            guard let (expr, source, checklist) = parsed[owner] else { continue }
            for (parts, span) in expr.names {
                let target: Owner?
                switch symbols.resolve(parts, from: checklist) {
                case .question(let q): target = .question(q.slot)
                case .fact(let f): target = .fact(f.index)
                default: target = nil
                }
                if let target { graph.addEdge(from: owner.node, to: target.node, at: source.location(at: span.lowerBound)) }
            }
            for (id, span) in expr.firedReferences where symbols.rules[id] != nil {
                graph.addEdge(from: owner.node, to: Owner.rule(id).node, at: source.location(at: span.lowerBound))
            }
        }
        var seenReferences: Set<String> = []
        for node in graph.nodes {
            for edge in graph.edges[node] ?? [] {
                guard let from = names[node], let to = names[edge.to], seenReferences.insert(from + "→" + to).inserted else { continue }
                references.append(Reference(from: from, to: to))
            }
        }
        let (order, cycles) = graph.topologicalOrder()
        for cycle in cycles {
            let named = cycle.map { (from: names[$0.from] ?? $0.from, edge: RuleGraph.Edge(to: names[$0.edge.to] ?? $0.edge.to, location: $0.edge.location)) }
            diagnostics.append(.referenceCycle(named))
        }
        let inCycle = Set(cycles.flatMap { $0.map(\.from) })

        // Rules get their indices in evaluation order, so fired() compiles to a plain index.
        let rulesByID = Dictionary(uniqueKeysWithValues: ruleList.map { ($0.id, $0) })
        for node in order where node.hasPrefix("r") {
            let id = String(node.dropFirst())
            guard let rule = rulesByID[id] else { continue }
            symbols.rules[id]?.index = orderedRules.count
            orderedRules.append(rule)
        }

        // Check and compile in dependency order, so fact types are known before use.
        askIfPrograms = Array(repeating: nil, count: questionSymbols.count)
        factPrograms = Array(repeating: .constant(.error("unchecked")), count: factSymbols.count)
        var rulePrograms: [String: Program] = [:]
        for node in order where !inCycle.contains(node) {
            let owner: Owner
            switch node.first {
            case "q": owner = .question(Int(node.dropFirst())!)
            case "f": owner = .fact(Int(node.dropFirst())!)
            default: owner = .rule(String(node.dropFirst()))
            }
            guard let (expr, source, checklist) = parsed[owner] else { continue }
            var checker = TypeChecker(source: source, checklist: checklist, symbols: symbols)
            switch owner {
            case .question(let slot):
                let (_, program) = checker.check(expr, expecting: .bool, field: "ask_if")
                askIfPrograms[slot] = program
            case .fact(let index):
                let (type, program) = checker.check(expr, expecting: nil, field: "expr")
                symbols.factTypes[index] = type
                factPrograms[index] = program
            case .rule(let id):
                let (_, program) = checker.check(expr, expecting: .bool, field: "when")
                rulePrograms[id] = program
            }
            diagnostics += checker.diagnostics
        }
        orderedRulePrograms = orderedRules.map { rulePrograms[$0.id] ?? .constant(.error("unchecked")) }
    }
}
