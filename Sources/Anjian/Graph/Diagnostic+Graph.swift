import AnjianCore

/// The graph stage's messages (includes, rule ids, cycles, citations of the seed document),
/// in English and Chinese side by side.
extension Diagnostic {
    static func selfInclude(_ checklist: String, at location: SourceLocation) -> Diagnostic {
        .error("graph.self-include",
               "checklist '\(checklist)' includes itself; remove it from includes",
               zh: "检查表 '\(checklist)' 包含了它自己；请从 includes 中删除",
               at: location)
    }

    static func includeSubjectMismatch(_ checklist: String, inspects kind: SubjectKind, include: String, includedInspects includedKind: SubjectKind,
                                       at location: SourceLocation) -> Diagnostic {
        .error("graph.subject-mismatch",
               "'\(checklist)' inspects a \(kind.rawValue) but '\(include)' inspects a \(includedKind.rawValue); include only checklists of the same subject",
               zh: "'\(checklist)' 的检查对象是 \(kind.rawValue)（\(kind.chinese)），而 '\(include)' 的检查对象是 \(includedKind.rawValue)（\(includedKind.chinese)）；只能包含检查对象相同的检查表",
               at: location)
    }

    static func unknownInclude(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("graph.unknown-checklist",
                      "includes unknown checklist '\(id)'" + hint.en + " (a checklist is a file Rules/<id>.yaml)",
                      zh: "包含了未知的检查表 '\(id)'" + hint.zh + "（每个检查表是一个 Rules/<id>.yaml 文件）",
                      at: location)
    }

    static func duplicateRule(_ id: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error("graph.duplicate-rule",
               "rule id '\(id)' is already used; rule ids are unique across the catalog",
               zh: "规则 id '\(id)' 已经用过了；整个规则库中的规则 id 不能重复",
               at: location, notes: [.init("first defined here", zh: "第一次定义在这里", at: first)])
    }

    /// Checklists that include each other, at the first edge, with a note for every edge.
    static func includeCycle(_ cycle: [(from: String, edge: RuleGraph.Edge)]) -> Diagnostic {
        cycleDiagnostic(cycle, code: "graph.include-cycle",
                        what: LocalizedText(en: "checklists include each other in a cycle", zh: "检查表之间循环包含"))
    }

    /// Questions, facts and rules whose expressions refer to each other in a cycle.
    static func referenceCycle(_ cycle: [(from: String, edge: RuleGraph.Edge)]) -> Diagnostic {
        cycleDiagnostic(cycle, code: "graph.cycle",
                        what: LocalizedText(en: "these refer to each other in a cycle", zh: "以下各项循环引用"))
    }

    private static func cycleDiagnostic(_ cycle: [(from: String, edge: RuleGraph.Edge)], code: String, what: LocalizedText) -> Diagnostic {
        let path = (cycle.map(\.from) + [cycle.first?.from ?? ""]).joined(separator: " → ")
        let notes = cycle.map {
            Diagnostic.Note("'\($0.from)' refers to '\($0.edge.to)' here", zh: "'\($0.from)' 在这里引用了 '\($0.edge.to)'", at: $0.edge.location)
        }
        return .error(code, "\(what.en): \(path); break the cycle", zh: "\(what.zh)：\(path)；请打断这个循环",
                      at: cycle[0].edge.location, notes: notes)
    }

    static func departmentOutsideSection(rule: String, outside: [String], section: SeedSection, at location: SourceLocation) -> Diagnostic {
        let named = section.departments.joined(separator: "、")
        return .error("lint.department-outside-section",
                      "rule \(rule) routes to \(outside.joined(separator: "、")), but the seed names only \(named) for \(section.id) \(section.title); route it to those",
                      zh: "规则 \(rule) 交给了 \(outside.joined(separator: "、"))，但攻坚方案在 \(section.id) \(section.title) 中只列了 \(named)；请把规则交给这些部门",
                      at: location, notes: [.init("\(section.id) is indexed here", zh: "\(section.id) 的索引在这里", at: section.location)])
    }

    static func unknownSection(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("lint.unknown-section",
                      "'\(id)' is not a section of the seed document" + hint.en + "; cite one listed in sections.yaml, e.g. 二(三)6",
                      zh: "'\(id)' 不是攻坚方案中的章节" + hint.zh + "；请引用 sections.yaml 中列出的章节，例如 二(三)6",
                      at: location)
    }
}
