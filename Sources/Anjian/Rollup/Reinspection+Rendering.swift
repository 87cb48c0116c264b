extension Reinspection {
    private static let header = ["对象", "统一社会信用代码", "原检查日期", "复查日期", "状态", "规则", "隐患", "严重程度", "整改期限", "延期至", "责任部门"]

    private func rows() -> [[String]] {
        var out: [[String]] = []
        for s in subjects {
            func add(_ status: String, _ list: [ReportRecord.FindingRecord]) {
                for f in list {
                    out.append([s.name, s.code ?? "", s.oldDate.description, s.newDate.description, status, f.rule, f.title, f.severity.chinese,
                                f.deadline.description, f.extendedDeadline?.description ?? "", f.departments.joined(separator: "、")])
                }
            }
            add("已整改", s.rectified)
            add("未能确认", s.unverified)
            add("已逾期", s.overdue)
            add("未整改", s.stillOpen.filter { f in !s.overdue.contains { $0.rule == f.rule } })
            add("新发现", s.new)
        }
        return out
    }

    private var counts: (rectified: Int, open: Int, new: Int, overdue: Int, unverified: Int) {
        subjects.reduce((0, 0, 0, 0, 0)) {
            ($0.0 + $1.rectified.count, $0.1 + $1.stillOpen.count, $0.2 + $1.new.count, $0.3 + $1.overdue.count, $0.4 + $1.unverified.count)
        }
    }

    /// The comparison in `format` (text, json, markdown, csv or html).
    public func rendered(_ format: ReportFormat) -> String {
        let c = counts
        let headline = "复查对象 \(subjects.count) 个：已整改 \(c.rectified) 项，未整改 \(c.open) 项（其中已逾期 \(c.overdue) 项），新发现 \(c.new) 项，未能确认 \(c.unverified) 项（复查时缺少答案）；未复查 \(notReinspected.count) 个，新检查 \(newlyInspected.count) 个"
        switch format {
        case .text:
            var out = ["回头看（复查）对比", headline]
            for s in subjects {
                out.append("")
                out.append("\(s.name)（\(s.code ?? "无代码")）\(s.oldDate) → \(s.newDate)")
                for f in s.rectified { out.append("  已整改  \(f.rule) \(f.title)") }
                for f in s.unverified { out.append("  未能确认  \(f.rule) \(f.title)（复查时缺少答案）") }
                for f in s.stillOpen {
                    let late = s.overdue.contains { $0.rule == f.rule }
                    out.append("  \(late ? "已逾期" : "未整改")  \(f.rule) \(f.title)  期限 \(f.effectiveDeadline)" + (f.extendedDeadline != nil ? "（已延期）" : ""))
                }
                for f in s.new { out.append("  新发现  \(f.rule) \(f.title)  期限 \(f.deadline)") }
            }
            if !notReinspected.isEmpty { out.append(""); out.append("未复查：" + notReinspected.map(\.name).joined(separator: "、")) }
            if !newlyInspected.isEmpty { out.append("新检查：" + newlyInspected.map(\.name).joined(separator: "、")) }
            return out.joined(separator: "\n") + "\n"
        case .markdown:
            var out = ["# 回头看（复查）对比", "", headline, "", "| " + Self.header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: Self.header.count)]
            for r in rows() { out.append("| " + r.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
            return out.joined(separator: "\n") + "\n"
        case .csv:
            return "\u{FEFF}" + CSVWriter.row(Self.header) + rows().map(CSVWriter.row).joined()
        case .json:
            typealias J = JSONWriter
            func list(_ fs: [ReportRecord.FindingRecord]) -> String {
                J.array(fs.map { f in
                    J.object([("rule", J.quoted(f.rule)), ("title", J.quoted(f.title)), ("severity", J.quoted(f.severity.rawValue)),
                              ("deadline", J.quoted(f.deadline.description)), ("extended_deadline", J.optional(f.extendedDeadline?.description)),
                              ("departments", J.strings(f.departments))])
                })
            }
            let items = subjects.map { s in
                J.object([("name", J.quoted(s.name)), ("code", J.optional(s.code)), ("old_date", J.quoted(s.oldDate.description)),
                          ("new_date", J.quoted(s.newDate.description)), ("rectified", list(s.rectified)), ("unverified", list(s.unverified)),
                          ("still_open", list(s.stillOpen)),
                          ("new", list(s.new)), ("overdue", list(s.overdue))])
            }
            return J.object([("anjian-diff", "1"), ("subjects", J.array(items)),
                             ("not_reinspected", J.strings(notReinspected.map(\.name))), ("newly_inspected", J.strings(newlyInspected.map(\.name))),
                             ("summary", J.object([("rectified", String(c.rectified)), ("unverified", String(c.unverified)), ("still_open", String(c.open)),
                                                  ("new", String(c.new)), ("overdue", String(c.overdue))]))]) + "\n"
        case .html:
            let h = HTMLPage.escape
            var out = [HTMLPage.head(title: "回头看（复查）对比"), "<h1>回头看（复查）对比</h1>", "<p>\(h(headline))</p>",
                       "<table><tr>" + Self.header.map { "<th>\(h($0))</th>" }.joined() + "</tr>"]
            for r in rows() {
                let cls = r[4] == "已逾期" ? " class=\"major\"" : ""
                out.append("<tr\(cls)>" + r.map { "<td>\(h($0))</td>" }.joined() + "</tr>")
            }
            out.append("</table>")
            out.append(HTMLPage.tail)
            return out.joined(separator: "\n")
        }
    }
}
