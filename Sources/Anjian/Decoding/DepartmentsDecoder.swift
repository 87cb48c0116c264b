import AnjianCore
import AnjianYAML

/// Decodes `departments.yaml` (`anjian-departments: 1`) into a ``DepartmentDirectory``.
struct DepartmentsDecoder {
    var diagnostics: [Diagnostic] = []

    /// Adds the file's departments to `directory` (an overlay's departments.yaml adds to the base's).
    mutating func decode(_ root: YAMLNode, into directory: inout DepartmentDirectory) {
        guard let top = MappingReader(root, what: .departmentsFile, diagnostics: &diagnostics) else { return }
        top.rejectUnknownKeys(allowed: ["anjian-departments", "departments"], diagnostics: &diagnostics)
        if let version = top.required("anjian-departments", diagnostics: &diagnostics),
           NodeReading.int(version, field: "anjian-departments", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
            diagnostics.append(.unsupportedVersion("anjian-departments", at: version.location))
        }
        guard let list = top.required("departments", diagnostics: &diagnostics) else { return }
        guard let items = list.sequence else {
            diagnostics.append(.departmentsNotList(at: list.location))
            return
        }
        var firstSeen: [String: SourceLocation] = [:]
        for d in directory.departments { for name in [d.name] + d.aliases { firstSeen[name] = d.location } }
        for item in items {
            guard let m = MappingReader(item, what: .department, diagnostics: &diagnostics) else { continue }
            m.rejectUnknownKeys(allowed: ["name", "full_name", "aliases"], diagnostics: &diagnostics)
            guard let nameNode = m.required("name", diagnostics: &diagnostics),
                  let name = NodeReading.text(nameNode, field: "name", diagnostics: &diagnostics) else { continue }
            let fullName = m["full_name"].flatMap { NodeReading.text($0, field: "full_name", diagnostics: &diagnostics) }
            let aliases = m["aliases"].map { NodeReading.textList($0, field: "aliases", diagnostics: &diagnostics) } ?? []
            var accepted: [String] = []
            for (alias, location) in [(name, nameNode.location)] + aliases {
                if let first = firstSeen[alias] {
                    diagnostics.append(.departmentClash(alias, at: location, first: first))
                } else {
                    firstSeen[alias] = location
                    if alias != name { accepted.append(alias) }
                }
            }
            if firstSeen[name] == nameNode.location {
                _ = directory.add(Department(name: name, fullName: fullName, aliases: accepted, location: item.location))
            }
        }
    }
}
