import AnjianCore
import AnjianYAML

/// The messages about answer files, in English and Chinese side by side.
extension Diagnostic {
    // MARK: Deadline extensions

    static func extensionsNotList(found node: YAMLNode) -> Diagnostic {
        .error("answers.bad-extensions", "'extensions' must be a list of entries starting with '- ', found \(node.kindDescription)",
               zh: "'extensions' 应当是以 '- ' 开头的列表，实际是\(node.kindDescriptionZH)", at: node.location)
    }

    static func extensionUnknownRule(_ rule: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error("answers.extension-unknown-rule",
               "extension for '\(rule)', which is not a rule of the checklists this inspection covers" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
               zh: "延期所指的 '\(rule)' 不是本次检查所含检查表的规则" + (suggestion.map { "；是否应为 '\($0)'？" } ?? ""),
               at: location)
    }

    static func extensionBeforeInspection(_ date: String, inspection: String, at location: SourceLocation) -> Diagnostic {
        .error("answers.extension-before-inspection",
               "the extended deadline \(date) is before the inspection date \(inspection); an extension moves a deadline later",
               zh: "延期后的期限 \(date) 早于检查日期 \(inspection)；延期只能把期限推后",
               at: location)
    }

    static func extensionTwice(_ rule: String, at location: SourceLocation) -> Diagnostic {
        .error("answers.extension-twice", "rule \(rule) has two extensions; keep the one in force",
               zh: "规则 \(rule) 有两条延期记录；只保留现行的一条", at: location)
    }

    static func emptyAnswerFile(at location: SourceLocation) -> Diagnostic {
        .error("answers.empty",
               "the answer file is empty; it starts with 'anjian-answers: 1'",
               zh: "答卷文件是空的；答卷文件以 'anjian-answers: 1' 开头",
               at: location)
    }

    static func answersVersion(at location: SourceLocation) -> Diagnostic {
        .error("decode.version",
               "this anjian reads answer files with 'anjian-answers: 1'",
               zh: "本程序只能读取以 'anjian-answers: 1' 开头的答卷文件",
               at: location)
    }

    static func twoSubjects(at location: SourceLocation, enterprise: SourceLocation) -> Diagnostic {
        .error("answers.two-subjects",
               "write the subject once: 'enterprise:' for an enterprise, or 'subject:' with a kind",
               zh: "检查对象只能写一次：企业写 'enterprise:'，其他对象写带 kind 的 'subject:'",
               at: location, notes: [.init("enterprise is here", zh: "enterprise 写在这里", at: enterprise)])
    }

    static func missingSubject(at location: SourceLocation) -> Diagnostic {
        .error("decode.missing-field",
               "answer file has no 'enterprise' (or 'subject' with a kind: town, department, event); add it",
               zh: "答卷文件缺少 'enterprise'（或带 kind 的 'subject'，kind 为 town、department、event）；请添加",
               at: location)
    }

    static func answersBadSubjectKind(_ text: String, suggestion: String?, kinds: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("answers.bad-subject",
                      "unknown subject kind '\(text)'" + hint.en + "; write one of \(kinds.joined(separator: ", "))",
                      zh: "未知的检查对象类型 '\(text)'" + hint.zh + "；请写 \(kinds.joined(separator: ", ")) 之一",
                      at: location)
    }

    static func badAnswerDate(field: String, found node: YAMLNode) -> Diagnostic {
        .error("answers.bad-date",
               "'\(field)' must be a date written YYYY-MM-DD (e.g. 2021-04-12), found \(node.kindDescription)",
               zh: "'\(field)' 应当是写成 YYYY-MM-DD 的日期（例如 2021-04-12），实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    static func checklistSubjectMismatch(_ id: String, inspects: SubjectKind, subject: SubjectKind, at location: SourceLocation) -> Diagnostic {
        .error("answers.subject-mismatch",
               "checklist '\(id)' inspects a \(inspects.rawValue), but this subject is a \(subject.rawValue); choose a checklist for a \(subject.rawValue) or change the subject's kind",
               zh: "检查表 '\(id)' 的检查对象是 \(inspects.rawValue)（\(inspects.chinese)），而本答卷的对象是 \(subject.rawValue)（\(subject.chinese)）；请选用对象为 \(subject.rawValue) 的检查表，或修改对象的 kind",
               at: location)
    }

    static func unknownInspectedChecklist(_ id: String, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("answers.unknown-checklist",
                      "unknown checklist '\(id)'" + hint.en + "; known: \(known.joined(separator: ", "))",
                      zh: "未知的检查表 '\(id)'" + hint.zh + "；现有的检查表：\(known.joined(separator: ", "))",
                      at: location)
    }

    static func noDefaultChecklists(for kind: SubjectKind, at location: SourceLocation) -> Diagnostic {
        .error("answers.no-checklists",
               "no checklist inspects a \(kind.rawValue) by default; list them under inspection.checklists",
               zh: "没有默认适用于 \(kind.rawValue)（\(kind.chinese)）的检查表；请在 inspection.checklists 下列出要用的检查表",
               at: location)
    }

    static func noSector(sectors: [String], at location: SourceLocation) -> Diagnostic {
        .error("answers.no-checklists",
               "give enterprise.sector (one of \(sectors.joined(separator: ", "))) or inspection.checklists",
               zh: "请写明 enterprise.sector（\(sectors.joined(separator: ", ")) 之一）或 inspection.checklists",
               at: location)
    }

    static func unknownSector(_ sector: String, suggestion: String?, sectors: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("answers.unknown-sector",
                      "no checklist covers sector '\(sector)'" + hint.en + "; known sectors: \(sectors.joined(separator: ", ")), or list checklists under inspection.checklists",
                      zh: "没有检查表适用于行业 '\(sector)'" + hint.zh + "；现有的行业：\(sectors.joined(separator: ", "))，也可以在 inspection.checklists 下列出检查表",
                      at: location)
    }

    static func unknownAnsweredChecklist(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("answers.unknown-checklist",
                      "unknown checklist '\(id)'" + hint.en + "; answers are grouped by checklist id",
                      zh: "未知的检查表 '\(id)'" + hint.zh + "；回答要按检查表 id 分组填写",
                      at: location)
    }

    static func checklistNotInspected(_ id: String, covered: [String], at location: SourceLocation) -> Diagnostic {
        .error("answers.checklist-not-inspected",
               "this inspection does not cover checklist '\(id)' (it covers \(covered.joined(separator: ", "))); add it to inspection.checklists or remove these answers",
               zh: "本次检查不包括检查表 '\(id)'（包括的是 \(covered.joined(separator: ", "))）；请把它加到 inspection.checklists，或删除这些回答",
               at: location)
    }

    static func unknownQuestion(_ id: String, checklist: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("answers.unknown-question",
                      "checklist '\(checklist)' has no question '\(id)'" + hint.en,
                      zh: "检查表 '\(checklist)' 中没有问题 '\(id)'" + hint.zh,
                      at: location)
    }

    /// `name` is the question's qualified name, `type` its type as written in the rule file.
    static func wrongAnswerType(_ name: String, type: String, expected: AnswerExpectation, found node: YAMLNode) -> Diagnostic {
        let (en, zh) = expected.words
        let space = zh.first?.isASCII == true ? " " : ""
        return .error("answers.wrong-type",
                      "\(name) is a \(type) question: expected \(en), found \(node.kindDescription)",
                      zh: "\(name) 是 \(type) 类型的问题：应当回答\(space)\(zh)，实际是\(node.kindDescriptionZH)",
                      at: node.location)
    }

    static func unknownChoice(_ text: String, of name: String, suggestion: String?, choices: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("answers.unknown-choice",
                      "'\(text)' is not a choice of \(name)" + hint.en + "; choose one of [\(choices.joined(separator: ", "))] or 不适用",
                      zh: "'\(text)' 不是 \(name) 的选项" + hint.zh + "；请从 [\(choices.joined(separator: ", "))] 中选一个，或回答 不适用",
                      at: location)
    }

    /// An item of a multiple-choice answer that is not one of the choices (or not text at all).
    static func unknownMultiChoice(_ item: YAMLNode, of name: String, suggestion: String?, choices: [String]) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        let shown = item.scalar?.value ?? item.kindDescription
        let shownZH = item.scalar?.value ?? item.kindDescriptionZH
        return .error("answers.unknown-choice",
                      "'\(shown)' is not a choice of \(name)" + hint.en + "; choose from [\(choices.joined(separator: ", "))]",
                      zh: "'\(shownZH)' 不是 \(name) 的选项" + hint.zh + "；请从 [\(choices.joined(separator: ", "))] 中选择",
                      at: item.location)
    }

    static func duplicateAnswerChoice(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("answers.duplicate-choice",
               "'\(text)' is listed twice; keep one",
               zh: "'\(text)' 写了两次；请只保留一个",
               at: location)
    }

    static func outsideCalendar(_ date: CivilDate, years: [Int], at location: SourceLocation) -> Diagnostic {
        let list = years.map(String.init).joined(separator: ", ")
        return .error("answers.outside-calendar",
                      "working-day deadlines from \(date) run past the holiday calendars (years: \(list.isEmpty ? "none" : list)); add calendar/<year>.yaml for the following year from the State Council's holiday notice",
                      zh: "从 \(date) 起算的工作日整改期限超出了节假日日历的范围（已有年份：\(list.isEmpty ? "无" : list)）；请根据国务院办公厅的放假通知，添加下一年的 calendar/<year>.yaml",
                      at: location)
    }
}

/// What an answer of a question's type must look like, for `answers.wrong-type`.
enum AnswerExpectation: Sendable, Hashable {
    /// true/false or 是/否; with the text when it was a YAML 1.1 boolean such as `yes`.
    case bool(yaml11: String?)
    case wholeNumber
    case wholeNumberIn64Bits
    case number
    case finiteNumber
    /// Text; with the value when it read as a boolean and needs quotes.
    case text(quote: String?)
    case date
    case oneOf([String])
    case listOfChoices

    var words: (en: String, zh: String) {
        switch self {
        case .bool(nil): ("true/false or 是/否", "true/false 或 是/否")
        case .bool(let t?): ("true/false or 是/否 ('\(t)' is text in YAML 1.2)", "true/false 或 是/否（在 YAML 1.2 中 '\(t)' 是文本）")
        case .wholeNumber: ("a whole number", "整数")
        case .wholeNumberIn64Bits: ("a whole number that fits in 64 bits", "64 位范围内的整数")
        case .number: ("a number", "数字")
        case .finiteNumber: ("a finite number", "有限的数字")
        case .text(nil): ("text", "文本")
        case .text(let v?): ("text (quote it: \"\(v)\")", "文本（请加引号：\"\(v)\"）")
        case .date: ("a date written YYYY-MM-DD", "写成 YYYY-MM-DD 的日期")
        case .oneOf(let choices): ("one of [\(choices.joined(separator: ", "))]", "[\(choices.joined(separator: ", "))] 之一")
        case .listOfChoices: ("a list of choices", "由选项组成的列表")
        }
    }
}
