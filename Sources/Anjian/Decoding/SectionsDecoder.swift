import AnjianCore
import AnjianYAML

/// Decodes `sections.yaml` (`anjian-sections: 1`): the index of the seed document's sections.
struct SectionsDecoder {
    let departments: DepartmentDirectory
    var diagnostics: [Diagnostic] = []

    mutating func decode(_ root: YAMLNode) -> [String: SeedSection] {
        var sections: [String: SeedSection] = [:]
        guard let top = MappingReader(root, what: .sectionsFile, diagnostics: &diagnostics) else { return sections }
        top.rejectUnknownKeys(allowed: ["anjian-sections", "sections"], diagnostics: &diagnostics)
        if let version = top.required("anjian-sections", diagnostics: &diagnostics),
           NodeReading.int(version, field: "anjian-sections", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
            diagnostics.append(.unsupportedVersion("anjian-sections", at: version.location))
        }
        guard let list = top.required("sections", diagnostics: &diagnostics) else { return sections }
        for item in list.sequence ?? [] {
            guard let m = MappingReader(item, what: .section, diagnostics: &diagnostics) else { continue }
            m.rejectUnknownKeys(allowed: ["id", "title", "departments"], diagnostics: &diagnostics)
            guard let idNode = m.required("id", diagnostics: &diagnostics),
                  let id = NodeReading.text(idNode, field: "id", diagnostics: &diagnostics),
                  let title = m.required("title", diagnostics: &diagnostics).flatMap({ NodeReading.text($0, field: "title", diagnostics: &diagnostics) })
            else { continue }
            var names: [String] = []
            for (name, location) in m["departments"].map({ NodeReading.textList($0, field: "departments", diagnostics: &diagnostics) }) ?? [] {
                if let canonical = departments.canonicalName(name) {
                    names.append(canonical)
                } else {
                    diagnostics.append(.unknownDepartment(name, suggestion: Suggestion.nearest(to: name, in: departments.allNames), at: location))
                }
            }
            if let first = sections[id] {
                diagnostics.append(.duplicateSection(id, at: idNode.location, first: first.location))
                continue
            }
            sections[id] = SeedSection(id: id, title: title, departments: names, location: idNode.location)
        }
        return sections
    }
}
