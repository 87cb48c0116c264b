/// Department names in the order summaries list them (sorted), so that findings are tallied by
/// place rather than by name; a catalog's is shared by every finding it makes.
final class DepartmentTable: Sendable {
    let names: [String]
    let places: [String: Int]

    init(_ names: some Sequence<String>) {
        self.names = Set(names).sorted()
        places = Dictionary(uniqueKeysWithValues: self.names.enumerated().map { ($1, $0) })
    }

    /// Major and general findings per department named by any of the report's findings, in name order.
    static func tally(_ report: Report) -> [(department: String, major: Int, general: Int)] {
        let table: DepartmentTable
        var counts: [(major: Int, general: Int)]
        func count(_ place: Int, major: Bool) {
            if major { counts[place].major += 1 } else { counts[place].general += 1 }
        }
        if let made = report.asEvaluated {
            // NOTE: findings as evaluated name their departments by place in the catalog's table.
            let templates = made.templates
            table = templates.departments
            counts = Array(repeating: (0, 0), count: table.names.count)
            let major = ReportTemplates.severities.firstIndex(of: .major)!
            for finding in made.findings {
                let rule = Int(finding.rule)
                for place in templates.departmentPlaces[templates.departmentRuns[rule]] {
                    count(place, major: templates.severityRanks[rule] == major)
                }
            }
        } else {
            table = DepartmentTable(report.findings.lazy.flatMap(\.departments))
            counts = Array(repeating: (0, 0), count: table.names.count)
            for f in report.findings {
                for d in f.departments { count(table.places[d]!, major: f.severity == .major) }
            }
        }
        return table.names.indices.compactMap { i in
            counts[i] == (0, 0) ? nil : (table.names[i], counts[i].major, counts[i].general)
        }
    }
}
