/// Explains a rule: what it checks in words, what it depends on, and — given an answer sheet —
/// how each part of its condition evaluated, the trace an inspector can show an enterprise.
public struct RuleExplainer: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    /// `nil` when the catalog has no rule with this id.
    public func explain(_ ruleID: String, sheet: AnswerSheet? = nil) -> String? {
        guard let rule = catalog.allRules.first(where: { $0.id == ruleID }) else { return nil }
        let wording = ExpressionWording(catalog: catalog, checklist: rule.checklist)
        var out: [String] = []
        out.append("\(rule.id) \(rule.title)（\(rule.severity.chinese)）")
        out.append("检查表：\(rule.checklist)    来源：\(rule.source)")
        out.append("条件：\(rule.condition.text)")
        out.append("即：\(wording.words(rule.condition.text))时，判定为\(rule.severity.chinese)。")
        out.append("责任部门：\(Department.withLead(rule.departments))")
        out.append("依据：\(rule.basis)")
        out.append("整改要求：\(rule.remedy)    整改期限：\(rule.deadline)")
        let dependencies = dependencies(of: rule.id)
        if !dependencies.isEmpty {
            out.append("")
            out.append("依赖：")
            for name in dependencies {
                if let q = catalog.question(named: name) {
                    var line = "  题目 \(name)：\(q.text)（\(q.type.name)"
                    if let c = q.type.choices { line += "：" + c.joined(separator: " | ") }
                    line += "）"
                    if let askIf = q.askIf { line += "，仅当 \(askIf.text) 时询问" }
                    out.append(line)
                } else if let f = catalog.facts.first(where: { $0.qualifiedName == name }) {
                    out.append("  事实 \(name) = \(f.expression.text)")
                } else if let r = catalog.allRules.first(where: { $0.id == name }) {
                    out.append("  规则 \(r.id) \(r.title)")
                }
            }
        }
        if let sheet {
            out.append("")
            out.append("按 \(sheet.path) 计算：")
            out += trace(rule, sheet: sheet)
            if let outcome = catalog.outcomes(sheet).first(where: { $0.rule.id == rule.id }) {
                var verdict = "结论：\(outcome.outcome.chinese)"
                if !outcome.missing.isEmpty { verdict += "（缺少 \(outcome.missing.joined(separator: ", "))）" }
                if let reason = outcome.reason { verdict += "（\(reason)）" }
                out.append(verdict)
            } else {
                out.append("结论：本次检查未包含检查表 \(rule.checklist)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Everything the rule reads, directly or through facts, `ask_if` and `fired`, in first-seen order.
    func dependencies(of node: String) -> [String] {
        var seen: Set<String> = [node]
        var order: [String] = []
        var work = [node]
        while !work.isEmpty {
            let n = work.removeFirst()
            for r in catalog.references where r.from == n && seen.insert(r.to).inserted {
                order.append(r.to)
                work.append(r.to)
            }
        }
        return order
    }

    /// Each sub-expression of the condition with its value on this sheet, indented by depth.
    private func trace(_ rule: Rule, sheet: AnswerSheet) -> [String] {
        guard case .success(let expr) = Parser.parse(rule.condition.text) else { return [] }
        var evaluator = Evaluator(catalog: catalog, sheet: sheet)
        let scalars = Array(rule.condition.text.unicodeScalars)
        var lines: [String] = []
        func visit(_ e: Expr, depth: Int) {
            var checker = TypeChecker(source: rule.condition, checklist: rule.checklist, symbols: catalog.symbols)
            let (_, program) = checker.check(e)
            var evidence: [Int] = []
            let value = evaluator.eval(program, &evidence)
            let span = e.span.clamped(to: 0..<scalars.count)
            let text = String(String.UnicodeScalarView(scalars[span]))
            lines.append(String(repeating: "  ", count: depth + 1) + "\(text)  ⇒  \(describe(value))")
            switch e {
            case .unary(_, let a, _): if !isLeaf(a) { visit(a, depth: depth + 1) }
            case .binary(_, let a, let b, _):
                for x in [a, b] where !isLeaf(x) || isName(x) { visit(x, depth: depth + 1) }
            case .conditional(let c, let a, let b, _): for x in [c, a, b] { visit(x, depth: depth + 1) }
            case .call(_, let target, let args, _): for x in (target.map { [$0] } ?? []) + args where isName(x) || !isLeaf(x) { visit(x, depth: depth + 1) }
            default: break
            }
        }
        visit(expr, depth: 0)
        return lines
    }

    private func isLeaf(_ e: Expr) -> Bool {
        switch e {
        case .literal, .name, .invalid: true
        case .list(let items, _): items.allSatisfy(isLeaf)
        default: false
        }
    }

    private func isName(_ e: Expr) -> Bool { if case .name = e { return true }; return false }

    private func describe(_ v: Value) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return "\"\(s)\""
        case .date(let d): return CivilDate(dayNumber: d).description
        case .list(let l): return "[" + l.map(describe).joined(separator: ", ") + "]"
        case .null: return "null"
        case .unknown(let missing): return "未知（缺少 " + missing.sorted().map { catalog.questions[$0].qualifiedName }.joined(separator: ", ") + "）"
        case .notApplicable(let slot): return "不适用（\(slot >= 0 && slot < catalog.questions.count ? catalog.questions[slot].qualifiedName : "")）"
        case .error(let m): return "错误：\(m)"
        }
    }
}
