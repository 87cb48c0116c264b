/// Department names in the order summaries list them (sorted), so that findings are tallied by
/// place rather than by name; a catalog's is shared by every finding it makes.
final class DepartmentTable: Sendable {
    let names: [String]
    let places: [String: Int]

    init(_ names: some Sequence<String>) {
        self.names = Set(names).sorted()
        places = Dictionary(uniqueKeysWithValues: self.names.enumerated().map { ($1, $0) })
    }

    /// Major and general findings per department named by any of `findings`, in name order.
    static func tally(_ findings: [Finding]) -> [(department: String, major: Int, general: Int)] {
        findings.withUnsafeBufferPointer { findings in
            // NOTE: the findings of one catalog name their departments by place in its table; any
            // other finding (edited, or from another catalog) is placed in a table made for these.
            let shared = findings.first?.rule.departmentTable
            let table = shared.flatMap { t in findings.indices.allSatisfy { findings[$0].rule.departmentTable === t } ? t : nil }
                ?? DepartmentTable(findings.indices.lazy.flatMap { findings[$0].departments })
            var counts = [(major: Int, general: Int)](repeating: (0, 0), count: table.names.count)
            for i in findings.indices {
                let rule = findings[i].rule
                let major = rule.fields.severity == .major
                func count(_ place: Int) {
                    if major { counts[place].major += 1 } else { counts[place].general += 1 }
                }
                if rule.departmentTable === table {
                    for place in rule.departmentPlaces { count(place) }
                } else {
                    for d in rule.fields.departments { count(table.places[d]!) }
                }
            }
            return table.names.indices.compactMap { i in
                counts[i] == (0, 0) ? nil : (table.names[i], counts[i].major, counts[i].general)
            }
        }
    }
}
