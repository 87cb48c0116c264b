import Anjian

/// The command line's own messages, in English and Chinese side by side.
extension Diagnostic {
    static func unknownRuleArgument(_ rule: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("cli.unknown-rule",
                      "unknown rule '\(rule)'" + hint.en,
                      zh: "未知的规则 '\(rule)'" + hint.zh,
                      at: location)
    }

    static func unknownChecklistArgument(_ id: String, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("cli.unknown-checklist",
                      "unknown checklist '\(id)'" + hint.en + "; known checklists: \(known.joined(separator: ", "))",
                      zh: "未知的检查表 '\(id)'" + hint.zh + "；现有的检查表：\(known.joined(separator: ", "))",
                      at: location)
    }

    /// Checklists for different kinds of subject, or not for the kind `--subject` names.
    static func templateSubjectMismatch(_ checklists: [String], inspect kinds: [String], not kind: SubjectKind, at location: SourceLocation) -> Diagnostic {
        .error("cli.subject-mismatch",
               "checklists \(checklists.joined(separator: ", ")) inspect \(kinds.joined(separator: ", ")), not \(kind.rawValue); pick checklists of one subject kind",
               zh: "检查表 \(checklists.joined(separator: ", ")) 的检查对象是 \(kinds.joined(separator: ", "))，不是 \(kind.rawValue)；请选用检查对象相同的检查表",
               at: location)
    }

    static func reportNotWritten(_ path: String, reason: String) -> Diagnostic {
        .error("io.write",
               "cannot write the report: \(reason)",
               zh: "无法写入报告：\(reason)",
               at: SourceLocation(file: path, line: 1, column: 1))
    }

    static func outputNotWritten(_ path: String, reason: String) -> Diagnostic {
        .error("io.write",
               "cannot write the output: \(reason)",
               zh: "无法写入输出文件：\(reason)",
               at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// `summarize` over reports evaluated with different rule catalogs.
    static func summaryOfMixedCatalogs(_ catalogs: [String], at location: SourceLocation) -> Diagnostic {
        .warning("rollup.mixed-catalogs",
                 "these reports were evaluated with different rule catalogs: \(catalogs.joined(separator: "; "))",
                 zh: "这些报告使用了不同的规则库评估：\(catalogs.joined(separator: "；"))",
                 at: location)
    }

    static func testPathNotFound(_ path: String) -> Diagnostic {
        .error("io.not-found",
               "no such test file or folder",
               zh: "找不到这个测试文件或文件夹",
               at: SourceLocation(file: path, line: 1, column: 1))
    }
}

/// What the commands print besides diagnostics, in English and Chinese side by side.
extension LocalizedText {
    static func moreDiagnostics(_ count: Int) -> LocalizedText {
        LocalizedText(en: "… \(count) more diagnostics not shown", zh: "… 另有 \(count) 条诊断信息未显示")
    }

    static func answerFilesFailed(_ failed: Int, of total: Int) -> LocalizedText {
        LocalizedText(en: "anjian: \(failed) of \(total) answer file\(total == 1 ? "" : "s") could not be evaluated",
                      zh: "anjian: \(total) 个答卷文件中有 \(failed) 个无法评估")
    }

    /// `--strict` and rules left undetermined, in the diagnostic form `path: error[code]: …`.
    static func incompleteAnswers(_ path: String) -> LocalizedText {
        LocalizedText(en: "\(path): error[answers.incomplete]: some rules are undetermined because answers are missing (--strict); answer the questions listed under 待定",
                      zh: "\(path): error[answers.incomplete]: 有些问题没有回答，部分规则无法判定（--strict）；请回答“待定”下列出的问题")
    }

    static func lintSummary(checklists: Int, questions: Int, rules: Int, directories: [String]) -> LocalizedText {
        let dirs = directories.joined(separator: " + ")
        return LocalizedText(en: "\(checklists) checklists, \(questions) questions, \(rules) rules: no errors (\(dirs))",
                             zh: "\(checklists) 个检查表，\(questions) 个问题，\(rules) 条规则：没有错误（\(dirs)）")
    }

    static func testFailed(_ location: SourceLocation, name: String) -> LocalizedText {
        LocalizedText(en: "FAIL \(location) \(name)", zh: "未通过 \(location) \(name)")
    }

    static func testMismatch(_ rule: String, expected: String, actual: LocalizedText, at location: SourceLocation) -> LocalizedText {
        LocalizedText(en: "  \(rule): expected \(expected), got \(actual.en)  (\(location))",
                      zh: "  \(rule)：预期 \(expected)，实际 \(actual.zh)  （\(location)）")
    }

    static func testMissingAnswers(_ questions: [String]) -> LocalizedText {
        LocalizedText(en: "    missing: \(questions.joined(separator: ", "))",
                      zh: "    未回答：\(questions.joined(separator: ", "))")
    }

    static func coverageSummary(rules: Int, fired: Int, passed: Int) -> LocalizedText {
        LocalizedText(en: "coverage: \(rules) rules; fired by a case \(fired)/\(rules), passed by a case \(passed)/\(rules)",
                      zh: "覆盖率：共 \(rules) 条规则；有用例发现隐患的 \(fired)/\(rules)，有用例通过的 \(passed)/\(rules)")
    }

    static func neverFired(_ rules: [String]) -> LocalizedText {
        LocalizedText(en: "  never fired: \(rules.joined(separator: ", "))", zh: "  没有用例发现隐患：\(rules.joined(separator: ", "))")
    }

    static func neverPassed(_ rules: [String]) -> LocalizedText {
        LocalizedText(en: "  never passed: \(rules.joined(separator: ", "))", zh: "  没有用例通过：\(rules.joined(separator: ", "))")
    }

    static func overlayChange(_ change: OverlayChange) -> LocalizedText {
        func line(_ language: Language) -> String {
            let detail = change.detail(in: language)
            let separator = language == .zh ? "：" : ": "
            return "\(change.location): \(change.kind.text(in: language)) \(change.target)" + (detail.isEmpty ? "" : separator + detail)
        }
        return LocalizedText(en: line(.en), zh: line(.zh))
    }

    static func limitAtLeastOne() -> LocalizedText {
        LocalizedText(en: "limits must be at least 1", zh: "上限至少为 1")
    }

    static func jobsAtLeastOne() -> LocalizedText {
        LocalizedText(en: "--jobs must be at least 1", zh: "--jobs 至少为 1")
    }

    static func noAnswerFiles() -> LocalizedText {
        LocalizedText(en: "give at least one answer file", zh: "请至少给出一个答卷文件")
    }

    static func noReportFiles() -> LocalizedText {
        LocalizedText(en: "give at least one report file or folder", zh: "请至少给出一个报告文件或文件夹")
    }

    static func noChecklistNamed() -> LocalizedText {
        LocalizedText(en: "name at least one checklist", zh: "请至少写出一个检查表")
    }

    static func schemaRulesTakesNoChecklists() -> LocalizedText {
        LocalizedText(en: "'schema rules' takes no checklists", zh: "'schema rules' 不接受检查表参数")
    }
}
