/// Rule ids as a report lists them (`passed`): rules of the catalog that made the report, by
/// index, each written as its template quoted it; or ids given one by one (when set from outside).
enum RuleIDs: Sendable {
    case rules(ReportTemplates, [Int32])
    case listed([String])

    var ids: [String] {
        switch self {
        case .rules(let templates, let indices): indices.map { templates.rules[Int($0)].fields.ruleID }
        case .listed(let ids): ids
        }
    }

    var count: Int {
        switch self {
        case .rules(_, let indices): indices.count
        case .listed(let ids): ids.count
        }
    }

    func writeJSON(into w: inout JSONWriter) {
        switch self {
        case .rules(let templates, let indices):
            w.beginArray()
            templates.quotedIDs.withUnsafeBufferPointer { quoted in
                for index in indices { w.fragment(quoted[Int(index)]) }
            }
            w.endArray()
        case .listed(let ids):
            w.strings(ids)
        }
    }
}
