extension Report {
    /// The report as Markdown, for people and for pasting into documents.
    public func markdown() -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        let e = enterprise
        let s = summary
        var out: [String] = []
        out.append("# 安全检查报告：\(cell(e.name))")
        out.append("")
        out.append("| 项目 | 内容 |")
        out.append("|---|---|")
        out.append("| \(e.kind.chinese) | \(cell(e.name)) |")
        if let code = e.code { out.append("| 统一社会信用代码 | \(cell(code)) |") }
        if let town = e.town { out.append("| 乡镇（街道） | \(cell(town)) |") }
        if let sector = e.sector { out.append("| 行业 | \(cell(sector)) |") }
        out.append("| 检查日期 | \(inspection.date) |")
        if let inspector = inspection.inspector { out.append("| 检查人 | \(cell(inspector)) |") }
        out.append("| 检查表 | \(inspection.checklists.joined(separator: ", ")) |")
        out.append("| 答题卡 | \(cell(path)) |")
        out.append("")
        out.append("发现隐患 **\(findings.count)** 项（重大隐患 \(s.major) 项，一般隐患 \(s.general) 项）；待定 \(s.undetermined) 项；不适用 \(s.notApplicable) 项；通过 \(s.passed) 项。")
        if !findings.isEmpty {
            out.append("")
            out.append("## 隐患清单")
            out.append("")
            out.append("| 规则 | 隐患 | 严重程度 | 责任部门（牵头在前） | 整改期限 |")
            out.append("|---|---|---|---|---|")
            for f in findings {
                out.append("| \(f.ruleID) | \(cell(f.title)) | \(f.severity.chinese) | \(cell(f.departments.joined(separator: "、"))) | \(f.deadline)（\(f.due)） |")
            }
            for f in findings {
                out.append("")
                out.append("### \(f.ruleID) \(cell(f.title))（\(f.severity.chinese)）")
                out.append("")
                out.append("- 责任部门：\(Department.withLead(f.departments))")
                out.append("- 依据：\(f.basis)")
                out.append("- 整改要求：\(f.remedy)")
                out.append("- 整改期限：\(f.deadline)（\(f.due)）")
                if let x = f.extension { out.append("- 延期：至 \(x.newDeadline)（批准：\(x.approver)；理由：\(x.reason)）") }
                out.append("- 来源：\(f.source)")
                for ev in f.evidence { out.append("- 证据：`\(ev.question)` = \(ev.value)（\(ev.location)）") }
            }
        }
        if !undetermined.isEmpty {
            out.append("")
            out.append("## 待定（缺少答案）")
            out.append("")
            for u in undetermined { out.append("- \(u.ruleID) \(cell(u.title))：" + (u.error.map { "计算出错：\($0)" } ?? "缺少 \(u.missing.joined(separator: ", "))")) }
        }
        if !notApplicable.isEmpty {
            out.append("")
            out.append("## 不适用")
            out.append("")
            for n in notApplicable { out.append("- \(n.ruleID) \(cell(n.title))：\(cell(n.reason))") }
        }
        if !s.byDepartment.isEmpty {
            out.append("")
            out.append("## 按部门汇总")
            out.append("")
            out.append("| 部门 | 重大隐患 | 一般隐患 |")
            out.append("|---|---|---|")
            for d in s.byDepartment { out.append("| \(d.department) | \(d.major) | \(d.general) |") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
