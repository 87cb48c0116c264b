import AnjianCore

/// Links checklists: resolves `includes` (unknown names, cycles), checks that rule ids are
/// unique across the catalog, and assigns every question an answer slot.
struct Linker {
    let checklists: [Checklist]
    var diagnostics: [Diagnostic] = []
    var symbols = SymbolTable()
    var questions: [Question] = []
    var facts: [Fact] = []

    init(checklists: [Checklist]) { self.checklists = checklists }

    mutating func link() {
        let ids = Set(checklists.map(\.id))
        var graph = RuleGraph()
        for checklist in checklists {
            graph.addNode(checklist.id)
            for include in checklist.includes {
                if include.id == checklist.id {
                    diagnostics.append(.selfInclude(checklist.id, at: include.location))
                } else if let included = checklists.first(where: { $0.id == include.id }) {
                    if included.subject != checklist.subject {
                        diagnostics.append(.includeSubjectMismatch(checklist.id, inspects: checklist.subject, include: include.id,
                                                                   includedInspects: included.subject, at: include.location))
                    }
                    graph.addEdge(from: checklist.id, to: include.id, at: include.location)
                } else {
                    diagnostics.append(.unknownInclude(include.id, suggestion: Suggestion.nearest(to: include.id, in: ids), at: include.location))
                }
            }
        }
        for cycle in graph.topologicalOrder().cycles {
            diagnostics.append(.includeCycle(cycle))
        }
        for checklist in checklists { symbols.visible[checklist.id] = graph.closure(of: checklist.id) }

        var ruleLocations: [String: SourceLocation] = [:]
        for checklist in checklists {
            for q in checklist.questions {
                symbols.questions[q.qualifiedName] = .init(question: q, slot: questions.count)
                questions.append(q)
            }
            for f in checklist.facts {
                symbols.facts[f.qualifiedName] = .init(fact: f, index: facts.count)
                facts.append(f)
            }
            for r in checklist.rules {
                if let first = ruleLocations[r.id] {
                    diagnostics.append(.duplicateRule(r.id, at: r.location, first: first))
                    continue
                }
                ruleLocations[r.id] = r.location
                symbols.rules[r.id] = .init(rule: r, index: -1)
            }
        }
    }
}
