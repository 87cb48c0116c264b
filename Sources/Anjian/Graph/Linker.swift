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
                    diagnostics.append(.error("graph.self-include", "checklist '\(checklist.id)' includes itself; remove it from includes", at: include.location))
                } else if let included = checklists.first(where: { $0.id == include.id }) {
                    if included.subject != checklist.subject {
                        diagnostics.append(.error("graph.subject-mismatch",
                            "'\(checklist.id)' inspects a \(checklist.subject.rawValue) but '\(include.id)' inspects a \(included.subject.rawValue); include only checklists of the same subject",
                            at: include.location))
                    }
                    graph.addEdge(from: checklist.id, to: include.id, at: include.location)
                } else {
                    diagnostics.append(.error("graph.unknown-checklist",
                        "includes unknown checklist '\(include.id)'" + Suggestion.clause(for: include.id, in: ids) + " (a checklist is a file Rules/<id>.yaml)",
                        at: include.location))
                }
            }
        }
        for cycle in graph.topologicalOrder().cycles {
            diagnostics.append(Self.cycleDiagnostic(cycle, what: "checklists include each other in a cycle", code: "graph.include-cycle"))
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
                    diagnostics.append(.error("graph.duplicate-rule", "rule id '\(r.id)' is already used; rule ids are unique across the catalog",
                                              at: r.location, notes: [.init("first defined here", at: first)]))
                    continue
                }
                ruleLocations[r.id] = r.location
                symbols.rules[r.id] = .init(rule: r, index: -1)
            }
        }
    }

    /// One error for a cycle, at its first edge, with a note for every edge.
    static func cycleDiagnostic(_ cycle: [(from: String, edge: RuleGraph.Edge)], what: String, code: String) -> Diagnostic {
        let path = (cycle.map(\.from) + [cycle.first?.from ?? ""]).joined(separator: " → ")
        let notes = cycle.map { Diagnostic.Note("'\($0.from)' refers to '\($0.edge.to)' here", at: $0.edge.location) }
        return .error(code, "\(what): \(path); break the cycle", at: cycle[0].edge.location, notes: notes)
    }
}
