/// Renders a condition in Chinese words for inspectors and policy staff ("「是否…？」为否，且…"),
/// falling back to the expression's own text for shapes it has no words for.
struct ExpressionWording {
    let catalog: Catalog
    let checklist: String

    func words(_ text: String) -> String {
        guard case .success(let expr) = Parser.parse(text) else { return text }
        return words(expr, text: text)
    }

    private func question(_ parts: [String]) -> Question? {
        let name = parts.count == 1 ? "\(checklist).\(parts[0])" : parts.joined(separator: ".")
        return catalog.question(named: name)
    }

    private func label(_ e: Expr, text: String) -> String {
        switch e {
        case .name(let parts, _):
            if let q = question(parts) { return "「\(q.text)」" }
            let fact = parts.count == 1 ? "\(checklist).\(parts[0])" : parts.joined(separator: ".")
            if catalog.facts.contains(where: { $0.qualifiedName == fact }) { return "条件「\(fact)」" }
            switch parts.joined(separator: ".") {
            case "enterprise.sector", "subject.sector": return "行业"
            case "enterprise.town", "subject.town": return "所在乡镇（街道）"
            case "enterprise.name", "subject.name": return "名称"
            case "subject.kind", "enterprise.kind": return "对象类型"
            case "inspection.date": return "检查日期"
            default: return parts.joined(separator: ".")
            }
        case .literal(.string(let s), _): return "“\(s)”"
        case .literal(.bool(let b), _): return b ? "是" : "否"
        case .literal(.int(let i), _): return String(i)
        case .literal(.double(let d), _): return String(d)
        case .list(let items, _): return items.map { label($0, text: text) }.joined(separator: "、")
        case .call("size", let target, let args, _):
            let subject = target ?? args.first
            return subject.map { "\(label($0, text: text))的数量" } ?? source(e, text)
        case .call("fired", nil, let args, _):
            if case .literal(.string(let id), _)? = args.first { return "规则 \(id) 发现隐患" }
            return source(e, text)
        case .call("date", nil, let args, _):
            if case .literal(.string(let d), _)? = args.first { return d }
            return source(e, text)
        default: return source(e, text)
        }
    }

    private func source(_ e: Expr, _ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let r = e.span.clamped(to: 0..<scalars.count)
        return String(String.UnicodeScalarView(scalars[r]))
    }

    func words(_ e: Expr, text: String) -> String {
        switch e {
        case .binary(.and, let a, let b, _): return "\(words(a, text: text))，且\(words(b, text: text))"
        case .binary(.or, let a, let b, _): return "\(words(a, text: text))，或\(words(b, text: text))"
        case .unary(.not, let a, _):
            if case .name = a { return "\(label(a, text: text))为否" }
            return "并非（\(words(a, text: text))）"
        case .name(let parts, _) where question(parts)?.type == .bool:
            return "\(label(e, text: text))为是"
        case .name:
            return "\(label(e, text: text))成立"
        case .binary(let op, let a, let b, _):
            let l = label(a, text: text), r = label(b, text: text)
            switch op {
            case .equal: return "\(l)为\(r)"
            case .notEqual: return "\(l)不为\(r)"
            case .less: return "\(l)小于\(r)"
            case .lessEqual: return "\(l)不大于\(r)"
            case .greater: return "\(l)大于\(r)"
            case .greaterEqual: return "\(l)不小于\(r)"
            case .in:
                if case .list = b { return "\(l)为\(r)之一" }
                return "\(r)包含\(l)"
            default: return source(e, text)
            }
        case .call("answered", nil, let args, _) where args.count == 1:
            return "\(label(args[0], text: text))已作答"
        case .call("fired", nil, _, _):
            return label(e, text: text)
        default:
            return source(e, text)
        }
    }
}
