/// A blank answer file for the given checklists (and everything they include): every question
/// in order with its text, type, choices, unit and skip condition as comments, ready to fill in.
public struct AnswerTemplate: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    /// The checklists the template covers: those named and everything they include, in a stable order.
    public func checklists(for ids: [String]) -> [Checklist] {
        var seen: Set<String> = []
        var ordered: [Checklist] = []
        func visit(_ id: String) {
            guard seen.insert(id).inserted, let c = catalog.checklistByID[id] else { return }
            ordered.append(c)
            for include in c.includes { visit(include.id) }
        }
        ids.forEach(visit)
        return ordered
    }

    /// The template's YAML text. `schema` is the path written on the language-server line.
    public func render(_ ids: [String], subject: SubjectKind, schema: String? = nil) -> String {
        let lists = checklists(for: ids)
        var out: [String] = []
        if let schema { out.append("# yaml-language-server: $schema=\(schema)") }
        out.append("# 安检答题卡：" + lists.map { "\($0.id)（\($0.title)）" }.joined(separator: "、"))
        out.append("# 是/否题答 true/false 或 是/否；单选、多选只能填所列选项；不适用的题答“不适用”；未检查的题留空。")
        out.append("anjian-answers: 1")
        if subject == .enterprise {
            let sector = lists.first?.sectors.first { $0 != "*" }
            out.append("enterprise:")
            out.append("  name:                # 单位名称")
            out.append("  code:                # 统一社会信用代码")
            out.append("  town:                # 所在乡镇（街道）")
            out.append("  sector: \(sector ?? "")" + (sector == nil ? "             # 行业" : "        # 行业"))
        } else {
            out.append("subject:")
            out.append("  kind: \(subject.rawValue)")
            out.append("  name:                # 名称")
        }
        out.append("inspection:")
        out.append("  date:                # 检查日期，如 2021-04-12")
        out.append("  inspector:           # 检查人")
        out.append("  checklists: [\(ids.joined(separator: ", "))]")
        out.append("answers:")
        for list in lists where !list.questions.isEmpty {
            out.append("  \(list.id):")
            let wording = ExpressionWording(catalog: catalog, checklist: list.id)
            for q in list.questions {
                out.append("    # \(q.text)")
                var kind: String
                switch q.type {
                case .bool: kind = "是/否"
                case .int: kind = "整数"
                case .number: kind = "数值"
                case .text: kind = "文字"
                case .date: kind = "日期 YYYY-MM-DD"
                case .choice(let c): kind = "单选：" + c.joined(separator: " | ")
                case .multi(let c): kind = "多选（列表，如 [\(c.first ?? "")]）：" + c.joined(separator: " | ")
                }
                if let unit = q.unit { kind += "，单位：\(unit)" }
                out.append("    # \(kind)")
                if let askIf = q.askIf { out.append("    # 仅当\(wording.words(askIf.text))时询问") }
                out.append("    \(q.id):")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
