import AnjianCore

/// A directed graph of named things (checklists, questions, facts, rules) and the references
/// between them, with the location of each reference so that cycles can be shown edge by edge.
struct RuleGraph: Sendable {
    struct Edge: Sendable, Hashable {
        var to: String
        var location: SourceLocation
    }

    private(set) var nodes: [String] = []
    private var known: Set<String> = []
    private(set) var edges: [String: [Edge]] = [:]

    mutating func addNode(_ node: String) {
        if known.insert(node).inserted { nodes.append(node) }
    }

    /// `from` depends on `to`: `to` must be evaluated first.
    mutating func addEdge(from: String, to: String, at location: SourceLocation) {
        addNode(from)
        addNode(to)
        edges[from, default: []].append(Edge(to: to, location: location))
    }

    /// Nodes ordered so that every node comes after the nodes it depends on, and the cycles
    /// that prevent a complete order (each as its list of edges, starting from its first node).
    func topologicalOrder() -> (order: [String], cycles: [[(from: String, edge: Edge)]]) {
        var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
        var order: [String] = []
        var cycles: [[(from: String, edge: Edge)]] = []
        var reported: Set<String> = []
        for root in nodes where state[root] == nil {
            // Iterative DFS so that long dependency chains cannot overflow the stack.
            var stack: [(node: String, next: Int)] = [(root, 0)]
            var path: [(from: String, edge: Edge)] = []
            state[root] = 1
            while let (node, index) = stack.last {
                let out = edges[node] ?? []
                if index < out.count {
                    stack[stack.count - 1].next += 1
                    let edge = out[index]
                    switch state[edge.to] {
                    case nil:
                        state[edge.to] = 1
                        path.append((node, edge))
                        stack.append((edge.to, 0))
                    case 1:
                        // A back edge closes a cycle: from edge.to along the path to node, then back.
                        let start = path.firstIndex { $0.from == edge.to } ?? path.count
                        let cycle = Array(path[start...]) + [(node, edge)]
                        let key = cycle.map(\.from).sorted().joined(separator: "|")
                        if reported.insert(key).inserted { cycles.append(cycle) }
                    default:
                        break
                    }
                } else {
                    state[node] = 2
                    order.append(node)
                    stack.removeLast()
                    if !path.isEmpty { path.removeLast() }
                }
            }
        }
        return (order, cycles)
    }

    /// Every node reachable from `node`, itself included.
    func closure(of node: String) -> Set<String> {
        var seen: Set<String> = [node]
        var work = [node]
        while let n = work.popLast() {
            for e in edges[n] ?? [] where seen.insert(e.to).inserted { work.append(e.to) }
        }
        return seen
    }
}
