import AnjianCore

/// The county office's roll-up of many reports (the monthly 统计表): per department, town,
/// sector or checklist, the subjects inspected, major and general hazards, undetermined rules,
/// and deadlines due within a week and overdue as of a date. Sums are exact, so rolling up the
/// reports of several machines together equals rolling them up in one place.
public struct Rollup: Sendable {
    public enum Dimension: String, Sendable, CaseIterable {
        case department, town, sector, checklist

        public var chinese: String {
            switch self {
            case .department: "责任部门"
            case .town: "乡镇（街道）"
            case .sector: "行业"
            case .checklist: "检查表"
            }
        }
    }

    public struct Row: Sendable, Hashable {
        public var key: String
        /// Subjects inspected in this group (for departments: subjects with a hazard routed to it).
        public var subjects: Int = 0
        public var major: Int = 0
        public var general: Int = 0
        public var undetermined: Int = 0
        /// Deadlines falling within seven days from the as-of date.
        public var dueSoon: Int = 0
        /// Deadlines before the as-of date.
        public var overdue: Int = 0
    }

    public var dimension: Dimension
    public var asOf: CivilDate
    public var rows: [Row]
    public var total: Row
    public var reports: Int
    /// The distinct catalogs the reports were evaluated with (`version sha256`).
    public var catalogs: [String]

    public init(_ records: [ReportRecord], by dimension: Dimension, asOf: CivilDate) {
        self.dimension = dimension
        self.asOf = asOf
        self.reports = records.count
        var rows: [String: Row] = [:]
        var subjects: [String: Set<String>] = [:]
        var total = Row(key: "合计")
        var allSubjects: Set<String> = []
        func bump(_ key: String, _ f: ReportRecord.FindingRecord, into row: inout Row) {
            if f.severity == .major { row.major += 1 } else { row.general += 1 }
            let d = f.effectiveDeadline.dayNumber - asOf.dayNumber
            if d < 0 { row.overdue += 1 } else if d < 7 { row.dueSoon += 1 }
        }
        for r in records {
            allSubjects.insert(r.subjectKey)
            total.undetermined += r.undetermined.count
            for f in r.findings { bump("", f, into: &total) }
            switch dimension {
            case .department:
                for f in r.findings {
                    for d in f.departments {
                        bump(d, f, into: &rows[d, default: Row(key: d)])
                        subjects[d, default: []].insert(r.subjectKey)
                    }
                }
            case .town, .sector:
                let key = (dimension == .town ? r.town : r.sector) ?? "（未填）"
                var row = rows[key] ?? Row(key: key)
                row.undetermined += r.undetermined.count
                for f in r.findings { bump(key, f, into: &row) }
                rows[key] = row
                subjects[key, default: []].insert(r.subjectKey)
            case .checklist:
                for c in r.checklists {
                    subjects[c, default: []].insert(r.subjectKey)
                    if rows[c] == nil { rows[c] = Row(key: c) }
                }
                for f in r.findings { bump(f.checklist, f, into: &rows[f.checklist, default: Row(key: f.checklist)]) }
            }
        }
        total.subjects = allSubjects.count
        self.total = total
        self.rows = rows.keys.sorted().map { key in
            var row = rows[key]!
            row.subjects = subjects[key]?.count ?? 0
            return row
        }
        self.catalogs = Array(Set(records.map { "\($0.catalogVersion ?? "?") \($0.catalogHash ?? "?")" })).sorted()
    }
}
