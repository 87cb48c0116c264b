/// The frame of Anjian's self-contained HTML pages: no external assets, Chinese fonts, A4 print.
enum HTMLPage {
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        @page { size: A4; margin: 15mm 12mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
               font-size: 10.5pt; line-height: 1.55; color: #111; margin: 0 auto; max-width: 190mm; padding: 8mm; }
        h1 { font-size: 17pt; margin: 0 0 4mm; border-bottom: 2px solid #111; padding-bottom: 2mm; }
        h2 { font-size: 13pt; margin: 6mm 0 2mm; }
        h3 { font-size: 11pt; margin: 4mm 0 1mm; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; }
        th, td { border: 1px solid #888; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        tr { page-break-inside: avoid; }
        .major { color: #b00; font-weight: bold; }
        .general { color: #a60; }
        .finding { border: 1px solid #bbb; border-left: 5px solid #a60; padding: 2mm 3mm; margin: 2mm 0; page-break-inside: avoid; }
        .finding.major-border { border-left-color: #b00; }
        .meta td:first-child { width: 32mm; background: #f6f6f6; }
        .muted { color: #555; font-size: 9.5pt; }
        .report + .report { break-before: page; page-break-before: always; }
        .bars text { font-size: 9pt; }
        @media print { body { padding: 0; max-width: none; } }
        </style>
        </head>
        <body>

        """
    }

    static let tail = "</body>\n</html>\n"
}

extension Report {
    /// One report as an HTML section (inside ``HTMLPage``): findings grouped by severity and lead department.
    public func htmlSection(pageBreak: Bool) -> String {
        let h = HTMLPage.escape
        let e = enterprise
        let s = summary
        var out: [String] = []
        out.append("<section class=\"report\">")
        out.append("<h1>安全检查报告</h1>")
        out.append("<table class=\"meta\">")
        var rows: [(String, String)] = [(e.kind.chinese, e.name)]
        if let code = e.code { rows.append(("统一社会信用代码", code)) }
        if let town = e.town { rows.append(("乡镇（街道）", town)) }
        if let sector = e.sector { rows.append(("行业", sector)) }
        rows.append(("检查日期", inspection.date.description))
        if let inspector = inspection.inspector { rows.append(("检查人", inspector)) }
        rows.append(("检查表", inspection.checklists.joined(separator: "、")))
        for (k, v) in rows { out.append("<tr><td>\(h(k))</td><td>\(h(v))</td></tr>") }
        out.append("</table>")
        out.append("<p>发现隐患 <b>\(findings.count)</b> 项（<span class=\"major\">重大隐患 \(s.major) 项</span>，<span class=\"general\">一般隐患 \(s.general) 项</span>）；待定 \(s.undetermined) 项；不适用 \(s.notApplicable) 项；通过 \(s.passed) 项。</p>")
        for severity in Severity.allCases {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out.append("<h2 class=\"\(severity.rawValue)\">\(severity.chinese)（\(group.count) 项）</h2>")
            let leads = Array(Set(group.map(\.lead))).sorted()
            for lead in leads {
                out.append("<h3>牵头部门：\(h(lead))</h3>")
                for f in group where f.lead == lead {
                    out.append("<div class=\"finding\(severity == .major ? " major-border" : "")\">")
                    out.append("<div><b>\(h(f.ruleID)) \(h(f.title))</b> <span class=\"\(severity.rawValue)\">\(severity.chinese)</span></div>")
                    out.append("<div>责任部门：\(h(f.departments.joined(separator: "、")))</div>")
                    out.append("<div>依据：\(h(f.basis))</div>")
                    out.append("<div>整改要求：\(h(f.remedy))</div>")
                    out.append("<div>整改期限：<b>\(f.deadline)</b>（\(h(f.due.description))）</div>")
                    if let x = f.extension {
                        out.append("<div>延期：至 <b>\(x.newDeadline)</b>（批准：\(h(x.approver))；理由：\(h(x.reason))）</div>")
                    }
                    out.append("<div class=\"muted\">来源：伊安委〔2021〕5号 \(h(f.source))</div>")
                    for ev in f.evidence {
                        out.append("<div class=\"muted\">证据：\(h(ev.question)) = \(h(ev.value.description))（\(h(ev.location.description))）</div>")
                    }
                    out.append("</div>")
                }
            }
        }
        if !undetermined.isEmpty {
            out.append("<h2>待定（缺少答案）</h2><ul>")
            for u in undetermined {
                out.append("<li>\(h(u.ruleID)) \(h(u.title))：" + h(u.error.map { "计算出错：\($0)" } ?? "缺少 \(u.missing.joined(separator: ", "))") + "</li>")
            }
            out.append("</ul>")
        }
        if !s.byDepartment.isEmpty {
            out.append("<h2>按部门汇总</h2><table><tr><th>部门</th><th>重大隐患</th><th>一般隐患</th></tr>")
            for d in s.byDepartment { out.append("<tr><td>\(h(d.department))</td><td>\(d.major)</td><td>\(d.general)</td></tr>") }
            out.append("</table>")
        }
        out.append("<p class=\"muted\">答题卡：\(h(path))。不适用 \(s.notApplicable) 项未列出。</p>")
        out.append("</section>")
        _ = pageBreak
        return out.joined(separator: "\n") + "\n"
    }
}
