/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled, CRLF line ends.
enum CSVWriter {
    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}

extension Report {
    static let csvHeader = ["文件", "对象类型", "名称", "统一社会信用代码", "乡镇（街道）", "行业", "检查日期", "检查人",
                            "规则", "隐患", "严重程度", "检查表", "牵头部门", "责任部门", "依据", "整改要求", "整改期限", "期限",
                            "来源", "证据", "规则文件", "延期至", "延期批准"]

    /// One CSV row per finding.
    public func csvRows() -> String {
        let e = enterprise
        return findings.map { f in
            CSVWriter.row([
                path, e.kind.rawValue, e.name, e.code ?? "", e.town ?? "", e.sector ?? "", inspection.date.description,
                inspection.inspector ?? "", f.ruleID, f.title, f.severity.chinese, f.checklist, f.lead,
                f.departments.joined(separator: "、"), f.basis, f.remedy, f.deadline.description, f.due.description, f.source,
                f.evidence.map { "\($0.question)=\($0.value)（\($0.location)）" }.joined(separator: "；"), f.ruleFile,
                f.extension?.newDeadline.description ?? "", f.extension.map { "\($0.approver)：\($0.reason)" } ?? "",
            ])
        }.joined()
    }
}
