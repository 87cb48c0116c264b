import AnjianCore

/// The messages of reading reports back for `summarize` and `diff`, in English and Chinese.
extension Diagnostic {
    static func reportUnreadable(at location: SourceLocation) -> Diagnostic {
        .error("io.unreadable", "the report file cannot be read; check the path and its permissions",
               zh: "无法读取报告文件；请检查路径和权限", at: location)
    }

    static func reportNotJSON(at location: SourceLocation) -> Diagnostic {
        .error("report.not-json", "this line is not a JSON object (a truncated or damaged line?); each line of an NDJSON file holds one report",
               zh: "这一行不是 JSON 对象（可能被截断或损坏）；NDJSON 文件每行一份报告", at: location)
    }

    static func reportNotAReport(at location: SourceLocation) -> Diagnostic {
        .error("report.not-a-report", "this JSON object is not an anjian report (no \"anjian-report\" field)",
               zh: "这个 JSON 对象不是 anjian 报告（没有 \"anjian-report\" 字段）", at: location)
    }

    static func reportVersion(_ version: Int, at location: SourceLocation) -> Diagnostic {
        .error("report.version", "report format version \(version); this anjian reads \"anjian-report\": 1 — re-evaluate the answer files with this anjian",
               zh: "报告格式版本为 \(version)；本程序只读 \"anjian-report\": 1，请用本程序重新评估答题卡", at: location)
    }

    static func reportIncomplete(_ what: String, whatZH: String, at location: SourceLocation) -> Diagnostic {
        .error("report.incomplete", "the report lacks \(what)", zh: "报告缺少\(whatZH)", at: location)
    }

    static func duplicateSubject(_ key: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error("diff.duplicate-subject",
               "two reports in one batch are for the same subject (\(key)); keep one inspection per subject in each batch",
               zh: "同一批报告中有两份属于同一对象（\(key)）；每批中每个对象只能保留一次检查",
               at: location, notes: [Note("first report of this subject", zh: "该对象的第一份报告", at: first)])
    }

    static func mixedCatalogs(_ versions: [String], at location: SourceLocation) -> Diagnostic {
        .warning("rollup.mixed-catalogs",
                 "these reports were evaluated with different rule catalogs: \(versions.joined(separator: "; ")); their counts are not comparable rule for rule",
                 zh: "这些报告使用了不同的规则库评估：\(versions.joined(separator: "；"))；其数字不能逐条对比",
                 at: location)
    }
}
