import AnjianCore
import AnjianYAML

/// The decoding stage's messages (rule files, departments, sections, calendars, overlays, and
/// reading files), in English and Chinese side by side.
extension Diagnostic {
    // MARK: Reading files

    static func fileNotFound(at location: SourceLocation) -> Diagnostic {
        .error("io.not-found", "no such file; check the path", zh: "找不到这个文件；请检查路径", at: location)
    }

    static func isDirectory(at location: SourceLocation) -> Diagnostic {
        .error("io.is-directory", "this is a directory; give a YAML file", zh: "这是一个文件夹；请给出 YAML 文件", at: location)
    }

    static func unreadable(at location: SourceLocation) -> Diagnostic {
        .error("io.unreadable", "the file cannot be read; check its permissions", zh: "无法读取这个文件；请检查文件权限", at: location)
    }

    // MARK: Any mapping

    static func expectedMapping(_ what: LocalizedText, found node: YAMLNode) -> Diagnostic {
        .error("decode.expected-mapping",
               "expected a \(what.en) written as 'key: value' lines, found \(node.kindDescription)",
               zh: "这里应当是用 '键: 值' 逐行写出的\(what.zh)，实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    /// `suggestion` is the nearest known field; without one the known fields are listed.
    static func unknownField(_ key: String, in what: LocalizedText, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let hint = suggestion == nil
            ? LocalizedText(en: "; known fields: \(known.joined(separator: ", "))", zh: "；可用的字段有：\(known.joined(separator: ", "))")
            : Suggestion.didYouMean(suggestion)
        return .error("decode.unknown-field",
                      "unknown field '\(key)' in \(what.en)" + hint.en,
                      zh: "\(what.zh)中有未知字段 '\(key)'" + hint.zh,
                      at: location)
    }

    static func missingField(_ key: String, in what: LocalizedText, at location: SourceLocation) -> Diagnostic {
        .error("decode.missing-field",
               "\(what.en) has no '\(key)'; add '\(key): …'",
               zh: "\(what.zh)缺少 '\(key)'；请添加 '\(key): …'",
               at: location)
    }

    static func expectedText(field: String, found node: YAMLNode) -> Diagnostic {
        .error("decode.expected-text",
               "'\(field)' must be text, found \(node.kindDescription)",
               zh: "'\(field)' 应当是文本，实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    static func badIdentifier(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.bad-identifier",
               "'\(text)' is not an identifier; use lower-case letters, digits and '_', starting with a letter (e.g. license_valid)",
               zh: "'\(text)' 不能用作标识；请用小写英文字母、数字和 '_'，并以字母开头（例如 license_valid）",
               at: location)
    }

    static func expectedInt(field: String, found node: YAMLNode) -> Diagnostic {
        .error("decode.expected-int",
               "'\(field)' must be a whole number, found \(node.kindDescription)",
               zh: "'\(field)' 应当是整数，实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    static func expectedList(field: String, found node: YAMLNode) -> Diagnostic {
        .error("decode.expected-list",
               "'\(field)' must be a list such as [a, b], found \(node.kindDescription)",
               zh: "'\(field)' 应当是像 [a, b] 这样的列表，实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    static func expectedEntryList(field: String, found node: YAMLNode) -> Diagnostic {
        .error("decode.expected-list",
               "'\(field)' must be a list of entries starting with '- ', found \(node.kindDescription)",
               zh: "'\(field)' 应当是以 '- ' 开头的条目列表，实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    static func departmentsNotList(at location: SourceLocation) -> Diagnostic {
        .error("decode.expected-list",
               "'departments' must be a list of entries starting with '- '",
               zh: "'departments' 应当是以 '- ' 开头的条目列表",
               at: location)
    }

    static func expectedExpression(field: String, found node: YAMLNode) -> Diagnostic {
        .error("decode.expected-expression",
               "'\(field)' must be an expression written as text, found \(node.kindDescription)",
               zh: "'\(field)' 应当是写成文本的表达式，实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    static func emptyExpression(field: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.expected-expression",
               "'\(field)' is empty; write a condition such as license_valid == false",
               zh: "'\(field)' 是空的；请写一个条件，例如 license_valid == false",
               at: location)
    }

    /// A file whose version line (`anjian-overlay: 1`, …) names a version other than 1.
    static func unsupportedVersion(_ header: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.version",
               "this anjian reads '\(header): 1'",
               zh: "本程序只能读取 '\(header): 1' 格式的文件",
               at: location)
    }

    // MARK: Rule files

    static func ruleFileVersion(_ written: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.version",
               "this rule file is format version \(written); this anjian reads 'anjian: 1'",
               zh: "这个规则文件的格式版本是 \(written)；本程序只能读取 'anjian: 1'",
               at: location)
    }

    static func checklistFileName(_ id: String, stem: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.file-name",
               "checklist '\(id)' must be in a file named \(id).yaml (this file is \(stem).yaml); rename one to match",
               zh: "检查表 '\(id)' 必须放在名为 \(id).yaml 的文件里（这个文件是 \(stem).yaml）；请修改其中一个，使两者一致",
               at: location)
    }

    static func badSubjectKind(_ text: String, suggestion: String?, kinds: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("decode.bad-subject",
                      "unknown subject kind '\(text)'" + hint.en + "; write one of \(kinds.joined(separator: ", "))",
                      zh: "未知的检查对象类型 '\(text)'" + hint.zh + "；请写 \(kinds.joined(separator: ", ")) 之一",
                      at: location)
    }

    /// `what` is "question or fact" or "rule".
    static func duplicateID(_ id: String, of what: LocalizedText, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error("decode.duplicate-id",
               "\(what.en) id '\(id)' is used twice; give each a different id",
               zh: "\(what.zh) id '\(id)' 用了两次；请给每一项不同的 id",
               at: location, notes: [.init("first defined here", zh: "第一次定义在这里", at: first)])
    }

    static func missingChoices(type: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.missing-choices",
               "a \(type) question needs 'choices: [选项一, 选项二]'",
               zh: "\(type) 类型的问题需要写明选项：'choices: [选项一, 选项二]'",
               at: location)
    }

    static func emptyChoices(at location: SourceLocation) -> Diagnostic {
        .error("decode.missing-choices",
               "'choices' is empty; list the possible answers",
               zh: "'choices' 是空的；请列出可选的回答",
               at: location)
    }

    static func unknownQuestionType(_ name: String, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let hint = suggestion == nil
            ? LocalizedText(en: "; use one of \(known.joined(separator: ", "))", zh: "；请使用 \(known.joined(separator: ", ")) 之一")
            : Suggestion.didYouMean(suggestion)
        return .error("decode.unknown-type",
                      "unknown question type '\(name)'" + hint.en,
                      zh: "未知的问题类型 '\(name)'" + hint.zh,
                      at: location)
    }

    static func unexpectedChoices(at location: SourceLocation) -> Diagnostic {
        .error("decode.unexpected-choices",
               "'choices' only applies to choice and multi questions; remove it or change the type",
               zh: "只有 choice 和 multi 类型的问题才能写 'choices'；请删除它，或修改问题类型",
               at: location)
    }

    static func duplicateChoice(_ choice: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.duplicate-choice",
               "choice '\(choice)' is listed twice; keep one",
               zh: "选项 '\(choice)' 列了两次；请只保留一个",
               at: location)
    }

    static func reservedChoice(_ choice: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.reserved-choice",
               "'\(choice)' is always accepted as an answer meaning not applicable; do not list it as a choice",
               zh: "'\(choice)' 作为回答总是有效，表示不适用；不要把它列为选项",
               at: location)
    }

    static func badRuleID(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.bad-rule-id",
               "rule id '\(text)' must be upper-case letters and digits joined by dashes, e.g. GAS-001",
               zh: "规则 id '\(text)' 应当由大写英文字母和数字组成，中间用短横线连接，例如 GAS-001",
               at: location)
    }

    static func badSeverity(_ text: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("decode.bad-severity",
                      "unknown severity '\(text)'" + hint.en + "; write major (重大隐患) or general (一般隐患)",
                      zh: "未知的隐患等级 '\(text)'" + hint.zh + "；请写 major（重大隐患）或 general（一般隐患）",
                      at: location)
    }

    static func ruleWithoutDepartments(at location: SourceLocation) -> Diagnostic {
        .error("decode.no-departments",
               "rule names no departments and its checklist has no default; add 'departments: [牵头部门, …]' to the rule or the checklist",
               zh: "规则没有写责任部门，所属检查表也没有默认部门；请在规则或检查表中添加 'departments: [牵头部门, …]'",
               at: location)
    }

    static func emptyDepartments(at location: SourceLocation) -> Diagnostic {
        .error("decode.no-departments",
               "'departments' is empty; name at least one, the lead first",
               zh: "'departments' 是空的；请至少写一个部门，牵头部门写在最前面",
               at: location)
    }

    static func twoDeadlines(at location: SourceLocation, days: SourceLocation) -> Diagnostic {
        .error("decode.two-deadlines",
               "a rule has one deadline: keep deadline_days or deadline_workdays, not both",
               zh: "一条规则只能有一个整改期限：deadline_days 和 deadline_workdays 只保留一个",
               at: location, notes: [.init("deadline_days is here", zh: "deadline_days 写在这里", at: days)])
    }

    static func missingDeadline(at location: SourceLocation) -> Diagnostic {
        .error("decode.missing-field",
               "rule has no deadline; add 'deadline_days: N' (calendar days, 0 = immediately) or 'deadline_workdays: N'",
               zh: "规则没有整改期限；请添加 'deadline_days: N'（自然日，0 表示立即整改）或 'deadline_workdays: N'",
               at: location)
    }

    static func badDeadline(field: String, days: Int, at location: SourceLocation) -> Diagnostic {
        .error("decode.bad-deadline",
               "\(field) must be between 0 (immediately) and 3650, found \(days)",
               zh: "\(field) 应当在 0（立即整改）到 3650 之间，实际是 \(days)",
               at: location)
    }

    /// A department that no departments.yaml names (rule files and sections.yaml).
    static func unknownDepartment(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("decode.unknown-department",
                      "unknown department '\(name)'" + hint.en + " (departments are listed in departments.yaml)",
                      zh: "未知的部门 '\(name)'" + hint.zh + "（部门列在 departments.yaml 中）",
                      at: location)
    }

    static func departmentNotInChecklist(_ name: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        .error("decode.department-not-in-checklist",
               "department '\(name)' is not among this checklist's departments [\(allowed.joined(separator: ", "))]; add it there or route the rule to one of them",
               zh: "部门 '\(name)' 不在本检查表的部门 [\(allowed.joined(separator: ", "))] 之中；请把它加到检查表的部门里，或把规则交给其中一个部门",
               at: location)
    }

    static func duplicateDepartment(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.duplicate-department",
               "department '\(name)' is listed twice; keep one",
               zh: "部门 '\(name)' 列了两次；请只保留一个",
               at: location)
    }

    // MARK: departments.yaml and sections.yaml

    static func departmentClash(_ name: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error("decode.department-clash",
               "'\(name)' already names another department; each name or alias may belong to one department only",
               zh: "'\(name)' 已经是另一个部门的名称；每个名称或别称只能属于一个部门",
               at: location, notes: [.init("first used here", zh: "第一次使用在这里", at: first)])
    }

    static func duplicateSection(_ id: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error("decode.duplicate-id",
               "section '\(id)' is listed twice; keep one",
               zh: "章节 '\(id)' 列了两次；请只保留一个",
               at: location, notes: [.init("first listed here", zh: "第一次列出在这里", at: first)])
    }

    // MARK: Calendars

    static func calendarFileName(year: Int, at location: SourceLocation) -> Diagnostic {
        .error("decode.file-name",
               "calendar for \(year) must be in a file named \(year).yaml",
               zh: "\(year) 年的日历必须放在名为 \(year).yaml 的文件里",
               at: location)
    }

    static func duplicateCalendar(year: Int, existing file: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.duplicate-id",
               "a calendar for \(year) is already in \(file)",
               zh: "\(file) 中已经有 \(year) 年的日历",
               at: location)
    }

    static func holidayEndsBeforeStart(at location: SourceLocation) -> Diagnostic {
        .error("calendar.bad-range",
               "holiday ends before it starts; swap 'from' and 'to'",
               zh: "假期的结束日期早于开始日期；请对调 'from' 和 'to'",
               at: location)
    }

    static func holidayAndWorkday(_ date: CivilDate, at location: SourceLocation) -> Diagnostic {
        .error("calendar.conflict",
               "\(date) is listed both as a holiday and as a make-up working day",
               zh: "\(date) 既列为假日，又列为调休上班日",
               at: location)
    }

    static func calendarBadDate(found node: YAMLNode) -> Diagnostic {
        .error("calendar.bad-date",
               "expected a date written YYYY-MM-DD, found \(node.kindDescription)",
               zh: "这里应当是写成 YYYY-MM-DD 的日期，实际是\(node.kindDescriptionZH)",
               at: node.location)
    }

    static func calendarWrongYear(_ date: CivilDate, year: Int, at location: SourceLocation) -> Diagnostic {
        .error("calendar.wrong-year",
               "\(date) is not in \(year); put it in the calendar for \(date.year)",
               zh: "\(date) 不在 \(year) 年；请把它写到 \(date.year) 年的日历里",
               at: location)
    }

    // MARK: County overlays (overlay.yaml)

    static func overlayUnknownRule(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("overlay.unknown-rule",
                      "the catalog beneath has no rule '\(id)'" + hint.en,
                      zh: "下层规则库中没有规则 '\(id)'" + hint.zh,
                      at: location)
    }

    static func overlayBadSeverity(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("decode.bad-severity",
               "unknown severity '\(text)'; write major or general",
               zh: "未知的隐患等级 '\(text)'；请写 major 或 general",
               at: location)
    }

    static func overlayDepartmentNotInChecklist(_ name: String, checklist: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        .error("decode.department-not-in-checklist",
               "department '\(name)' is not among checklist \(checklist)'s departments [\(allowed.joined(separator: ", "))]; route the rule to one of them",
               zh: "部门 '\(name)' 不在检查表 \(checklist) 的部门 [\(allowed.joined(separator: ", "))] 之中；请把规则交给其中一个部门",
               at: location)
    }

    static func overlayUnknownDepartment(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("decode.unknown-department",
                      "unknown department '\(name)'" + hint.en,
                      zh: "未知的部门 '\(name)'" + hint.zh,
                      at: location)
    }

    static func emptyOverride(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error("overlay.empty-override",
               "override of \(id) changes nothing; give severity, departments, deadline_days or deadline_workdays",
               zh: "对 \(id) 的 override 没有改动任何内容；请写 severity、departments、deadline_days 或 deadline_workdays",
               at: location)
    }
}

/// What a mapping is, for messages ("unknown field 'x' in rule", "规则中有未知字段 'x'").
extension LocalizedText {
    static let ruleFile = LocalizedText(en: "rule file", zh: "规则文件")
    static let question = LocalizedText(en: "question", zh: "问题")
    static let fact = LocalizedText(en: "fact", zh: "条件项（fact）")
    static let rule = LocalizedText(en: "rule", zh: "规则")
    static let questionOrFact = LocalizedText(en: "question or fact", zh: "问题或条件项")
    static let overlayFile = LocalizedText(en: "overlay file", zh: "overlay 文件")
    static let disableEntry = LocalizedText(en: "disable entry", zh: "disable 条目")
    static let overrideEntry = LocalizedText(en: "override entry", zh: "override 条目")
    static let sectionsFile = LocalizedText(en: "sections file", zh: "章节索引文件")
    static let section = LocalizedText(en: "section", zh: "章节")
    static let departmentsFile = LocalizedText(en: "departments file", zh: "部门文件")
    static let department = LocalizedText(en: "department", zh: "部门")
    static let calendarFile = LocalizedText(en: "calendar file", zh: "日历文件")
    static let holiday = LocalizedText(en: "holiday", zh: "假期")
    static let answerFile = LocalizedText(en: "answer file", zh: "答卷文件")
    static let inspection = LocalizedText(en: "inspection", zh: "检查信息（inspection）")
    static let subject = LocalizedText(en: "subject", zh: "检查对象（subject）")
    static let enterprise = LocalizedText(en: "enterprise", zh: "企业信息（enterprise）")
    static let answers = LocalizedText(en: "answers", zh: "回答（answers）")
    static let testFile = LocalizedText(en: "test file", zh: "测试文件")
    static let testCase = LocalizedText(en: "test case", zh: "测试用例")
    static let expect = LocalizedText(en: "expect", zh: "预期结果（expect）")
    static let extensionEntry = LocalizedText(en: "extension", zh: "延期记录（extensions 条目）")

    /// The answers given to one checklist.
    static func answersOf(_ checklist: String) -> LocalizedText {
        LocalizedText(en: "answers of \(checklist)", zh: "检查表 \(checklist) 的回答")
    }

    // MARK: What a county overlay changed, as lint lists it

    static func overlayReason(_ reason: String) -> LocalizedText {
        LocalizedText(en: "reason: \(reason)", zh: "理由：\(reason)")
    }

    static func severityChange(from old: Severity, to new: Severity) -> LocalizedText {
        LocalizedText(en: "severity \(old.rawValue) → \(new.rawValue)", zh: "隐患等级 \(old.chinese) → \(new.chinese)")
    }

    static func departmentsChange(from old: [String], to new: [String]) -> LocalizedText {
        LocalizedText(en: "departments \(old.joined(separator: "、")) → \(new.joined(separator: "、"))",
                      zh: "责任部门 \(old.joined(separator: "、")) → \(new.joined(separator: "、"))")
    }

    static func deadlineChange(from old: Deadline, to new: Deadline) -> LocalizedText {
        LocalizedText(en: "deadline \(old) → \(new)", zh: "整改期限 \(old) → \(new)")
    }
}
