extension Report {
    /// The report for a terminal, in Chinese, as inspectors read it.
    public func text() -> String {
        var out: [String] = []
        let e = enterprise
        out.append("安全检查报告  \(path)")
        var subject = "\(e.kind.chinese)：\(e.name)"
        if let code = e.code { subject += "（\(code)）" }
        if let town = e.town { subject += "  \(town)" }
        if let sector = e.sector { subject += "  行业：\(sector)" }
        out.append(subject)
        out.append("检查日期：\(inspection.date)" + (inspection.inspector.map { "  检查人：\($0)" } ?? "") + "  检查表：\(inspection.checklists.joined(separator: ", "))")
        let s = summary
        out.append("")
        out.append("发现隐患 \(findings.count) 项（重大隐患 \(s.major) 项，一般隐患 \(s.general) 项）；待定 \(s.undetermined) 项；不适用 \(s.notApplicable) 项；通过 \(s.passed) 项")
        for f in findings {
            out.append("")
            out.append("[\(f.severity.chinese)] \(f.ruleID) \(f.title)")
            out.append("  责任部门：\(Department.withLead(f.departments))")
            out.append("  依据：\(f.basis)")
            out.append("  整改要求：\(f.remedy)")
            out.append("  整改期限：\(f.deadline)（\(f.due)）")
            if let x = f.extension {
                out.append("  延期：至 \(x.newDeadline)（批准：\(x.approver)；理由：\(x.reason)）")
            }
            out.append("  来源：\(f.source)")
            for ev in f.evidence {
                out.append("  证据：\(ev.question) = \(ev.value)  (\(ev.location))")
            }
        }
        if !undetermined.isEmpty {
            out.append("")
            out.append("待定（缺少答案，未能判定）：")
            for u in undetermined {
                let why = u.error.map { "计算出错：\($0)" } ?? "缺少 \(u.missing.joined(separator: ", "))"
                out.append("  \(u.ruleID) \(u.title) — \(why)")
            }
        }
        if !notApplicable.isEmpty {
            out.append("")
            out.append("不适用：")
            for n in notApplicable { out.append("  \(n.ruleID) \(n.title) — \(n.reason)") }
        }
        if !s.byDepartment.isEmpty {
            out.append("")
            out.append("按部门汇总：")
            for d in s.byDepartment { out.append("  \(d.department)：重大隐患 \(d.major) 项，一般隐患 \(d.general) 项") }
        }
        if !catalogHash.isEmpty {
            out.append("")
            out.append("规则库：\(catalogVersion)（sha256 \(catalogHash.prefix(12))）")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
