extension Rollup {
    private var header: [String] {
        [dimension.chinese, dimension == .department ? "涉及对象数" : "检查对象数", "重大隐患", "一般隐患", "待定", "7日内到期", "已逾期"]
    }

    private func cells(_ r: Row) -> [String] {
        [r.key, String(r.subjects), String(r.major), String(r.general), String(r.undetermined), String(r.dueSoon), String(r.overdue)]
    }

    /// The roll-up in `format` (text, json, markdown, csv or html).
    public func rendered(_ format: ReportFormat) -> String {
        switch format {
        case .text:
            var out = ["安全生产整治统计表（按\(dimension.chinese)）  截至 \(asOf)  报告 \(reports) 份"]
            let table = [header] + rows.map(cells) + [cells(total)]
            let widths = (0..<header.count).map { c in table.map { displayWidth($0[c]) }.max() ?? 0 }
            for line in table {
                out.append(line.enumerated().map { $0.element + String(repeating: " ", count: widths[$0.offset] - displayWidth($0.element)) }.joined(separator: "  "))
            }
            if catalogs.count > 1 { out.append("注意：报告来自不同的规则库：\(catalogs.joined(separator: "；"))") }
            return out.joined(separator: "\n") + "\n"
        case .markdown:
            var out = ["# 安全生产整治统计表（按\(dimension.chinese)）", "", "截至 \(asOf)，报告 \(reports) 份。", ""]
            out.append("| " + header.joined(separator: " | ") + " |")
            out.append("|" + String(repeating: "---|", count: header.count))
            for r in rows + [total] { out.append("| " + cells(r).joined(separator: " | ") + " |") }
            if catalogs.count > 1 { out += ["", "> 注意：报告来自不同的规则库：\(catalogs.joined(separator: "；"))"] }
            return out.joined(separator: "\n") + "\n"
        case .csv:
            return "\u{FEFF}" + CSVWriter.row(header) + (rows + [total]).map { CSVWriter.row(cells($0)) }.joined()
        case .json:
            typealias J = JSONWriter
            func object(_ r: Row) -> String {
                J.object([("key", J.quoted(r.key)), ("subjects", String(r.subjects)), ("major", String(r.major)), ("general", String(r.general)),
                          ("undetermined", String(r.undetermined)), ("due_within_7_days", String(r.dueSoon)), ("overdue", String(r.overdue))])
            }
            return J.object([("anjian-summary", "1"), ("by", J.quoted(dimension.rawValue)), ("as_of", J.quoted(asOf.description)),
                             ("reports", String(reports)), ("groups", J.array(rows.map(object))), ("total", object(total)),
                             ("catalogs", J.strings(catalogs))]) + "\n"
        case .html:
            let h = HTMLPage.escape
            var out = [HTMLPage.head(title: "安全生产整治统计表"), "<h1>安全生产整治统计表（按\(h(dimension.chinese))）</h1>",
                       "<p>截至 \(asOf)，报告 \(reports) 份。</p>", barChart()]
            out.append("<table><tr>" + header.map { "<th>\(h($0))</th>" }.joined() + "</tr>")
            for r in rows + [total] { out.append("<tr>" + cells(r).map { "<td>\(h($0))</td>" }.joined() + "</tr>") }
            out.append("</table>")
            if catalogs.count > 1 { out.append("<p class=\"major\">注意：报告来自不同的规则库：\(h(catalogs.joined(separator: "；")))</p>") }
            out.append(HTMLPage.tail)
            return out.joined(separator: "\n")
        }
    }

    /// Horizontal bars per group, stacked by severity, as inline SVG.
    func barChart() -> String {
        let h = HTMLPage.escape
        let maxValue = max(1, rows.map { $0.major + $0.general }.max() ?? 1)
        let rowHeight = 22, labelWidth = 150, barWidth = 420
        var svg = ["<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(rows.count * rowHeight + 30)\" role=\"img\" aria-label=\"隐患数量\">"]
        for (i, r) in rows.enumerated() {
            let y = i * rowHeight + 4
            let wMajor = r.major * barWidth / maxValue, wGeneral = r.general * barWidth / maxValue
            svg.append("<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(h(r.key))</text>")
            svg.append("<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(wMajor)\" height=\"16\" fill=\"#b00\"><title>重大隐患 \(r.major)</title></rect>")
            svg.append("<rect x=\"\(labelWidth + wMajor)\" y=\"\(y)\" width=\"\(wGeneral)\" height=\"16\" fill=\"#e8a33d\"><title>一般隐患 \(r.general)</title></rect>")
            svg.append("<text x=\"\(labelWidth + wMajor + wGeneral + 4)\" y=\"\(y + 13)\">\(r.major + r.general)</text>")
        }
        let legendY = rows.count * rowHeight + 16
        svg.append("<rect x=\"\(labelWidth)\" y=\"\(legendY - 10)\" width=\"12\" height=\"12\" fill=\"#b00\"/><text x=\"\(labelWidth + 16)\" y=\"\(legendY)\">重大隐患</text>")
        svg.append("<rect x=\"\(labelWidth + 90)\" y=\"\(legendY - 10)\" width=\"12\" height=\"12\" fill=\"#e8a33d\"/><text x=\"\(labelWidth + 106)\" y=\"\(legendY)\">一般隐患</text>")
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}

/// Terminal columns of a string: CJK characters take two.
func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { $0 + ((0x1100...0x115F).contains($1.value) || (0x2E80...0xA4CF).contains($1.value) || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) || (0xFFE0...0xFFE6).contains($1.value) ? 2 : 1) }
}
