/// Draws the rule graph: checklists and their includes, questions, facts and rules (coloured by
/// severity), and the references between them, as Graphviz dot or Mermaid.
public struct GraphRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func render(_ ids: [String], format: Format) -> String {
        let lists = ids.isEmpty ? catalog.checklists : AnswerTemplate(catalog: catalog).checklists(for: ids)
        let shown = Set(lists.map(\.id))
        var nodes: Set<String> = []
        for list in lists {
            for q in list.questions { nodes.insert(q.qualifiedName) }
            for f in list.facts { nodes.insert(f.qualifiedName) }
            for r in list.rules { nodes.insert(r.id) }
        }
        let references = catalog.references.filter { nodes.contains($0.from) && nodes.contains($0.to) }
        var includes: [(String, String)] = []
        for list in lists { for i in list.includes where shown.contains(i.id) { includes.append((list.id, i.id)) } }
        switch format {
        case .dot: return dot(lists, references, includes)
        case .mermaid: return mermaid(lists, references, includes)
        }
    }

    private func color(_ s: Severity) -> String { s == .major ? "#d62728" : "#ff7f0e" }

    private func dot(_ lists: [Checklist], _ refs: [Reference], _ includes: [(String, String)]) -> String {
        func q(_ s: String) -> String { JSONWriter.quoted(s) }
        var out = ["digraph anjian {", "  rankdir=LR;", "  node [fontname=\"Noto Sans CJK SC\"];"]
        for list in lists {
            out.append("  subgraph \(q("cluster_" + list.id)) {")
            out.append("    label=\(q(list.id + " " + list.title));")
            out.append("    \(q("checklist:" + list.id)) [shape=folder, label=\(q(list.id))];")
            for question in list.questions { out.append("    \(q(question.qualifiedName)) [shape=ellipse, label=\(q(question.qualifiedName + "\n" + question.type.name))];") }
            for fact in list.facts { out.append("    \(q(fact.qualifiedName)) [shape=diamond];") }
            for rule in list.rules {
                out.append("    \(q(rule.id)) [shape=box, style=filled, fillcolor=\(q(color(rule.severity))), label=\(q(rule.id + "\n" + rule.title))];")
            }
            out.append("  }")
        }
        for (a, b) in includes { out.append("  \(q("checklist:" + a)) -> \(q("checklist:" + b)) [style=dashed, label=\"includes\"];") }
        for r in refs {
            let fired = catalog.allRules.contains { $0.id == r.to }
            out.append("  \(q(r.from)) -> \(q(r.to))" + (fired ? " [label=\"fired\", color=\"#d62728\"]" : "") + ";")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    private func mermaid(_ lists: [Checklist], _ refs: [Reference], _ includes: [(String, String)]) -> String {
        var ids: [String: String] = [:]
        func id(_ name: String) -> String {
            if let existing = ids[name] { return existing }
            let new = "n\(ids.count)"
            ids[name] = new
            return new
        }
        func label(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "#quot;") + "\"" }
        var out = ["flowchart LR"]
        for list in lists {
            out.append("  subgraph \(id("cluster:" + list.id))[\(label(list.id + " " + list.title))]")
            out.append("    \(id("checklist:" + list.id))[/\(label(list.id))/]")
            for question in list.questions { out.append("    \(id(question.qualifiedName))([\(label(question.qualifiedName))])") }
            for fact in list.facts { out.append("    \(id(fact.qualifiedName)){\(label(fact.qualifiedName))}") }
            for rule in list.rules { out.append("    \(id(rule.id))[\(label(rule.id + " " + rule.title))]:::\(rule.severity.rawValue)") }
            out.append("  end")
        }
        for (a, b) in includes { out.append("  \(id("checklist:" + a)) -. includes .-> \(id("checklist:" + b))") }
        for r in refs {
            let fired = catalog.allRules.contains { $0.id == r.to }
            out.append("  \(id(r.from)) " + (fired ? "-- fired -->" : "-->") + " \(id(r.to))")
        }
        out.append("  classDef major fill:#d62728,color:#fff")
        out.append("  classDef general fill:#ff7f0e,color:#000")
        return out.joined(separator: "\n") + "\n"
    }
}
