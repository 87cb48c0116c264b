import AnjianCore

/// The messages about rule test files (`anjian test`), in English and Chinese side by side.
extension Diagnostic {
    static func emptyTestFile(at location: SourceLocation) -> Diagnostic {
        .error("tests.empty",
               "the test file is empty; it starts with 'anjian-tests: 1'",
               zh: "测试文件是空的；测试文件以 'anjian-tests: 1' 开头",
               at: location)
    }

    static func testsVersion(at location: SourceLocation) -> Diagnostic {
        .error("decode.version",
               "this anjian reads test files with 'anjian-tests: 1'",
               zh: "本程序只能读取以 'anjian-tests: 1' 开头的测试文件",
               at: location)
    }

    static func testUnknownRule(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("tests.unknown-rule",
                      "unknown rule '\(id)'" + hint.en,
                      zh: "未知的规则 '\(id)'" + hint.zh,
                      at: location)
    }

    static func ruleNotEvaluated(_ id: String, checklist: String, evaluated: [String], at location: SourceLocation) -> Diagnostic {
        .error("tests.rule-not-evaluated",
               "rule \(id) belongs to checklist '\(checklist)', which this case does not evaluate (\(evaluated.joined(separator: ", "))); add it to inspection.checklists",
               zh: "规则 \(id) 属于检查表 '\(checklist)'，而这个用例不评估它（评估的是 \(evaluated.joined(separator: ", "))）；请把它加到 inspection.checklists",
               at: location)
    }

    static func unknownOutcome(_ text: String, suggestion: String?, outcomes: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("tests.unknown-outcome",
                      "unknown outcome '\(text)'" + hint.en + "; write one of \(outcomes.joined(separator: ", "))",
                      zh: "未知的结果 '\(text)'" + hint.zh + "；请写 \(outcomes.joined(separator: ", ")) 之一",
                      at: location)
    }

    static func noExpectation(at location: SourceLocation) -> Diagnostic {
        .error("tests.no-expectation",
               "test case expects nothing; add 'expect: {RULE-ID: fired}' or 'findings: [RULE-ID]'",
               zh: "测试用例没有写预期结果；请添加 'expect: {RULE-ID: fired}' 或 'findings: [RULE-ID]'",
               at: location)
    }
}

/// What a failed expectation found instead, as `anjian test` prints it after "got".
extension LocalizedText {
    /// The rule's outcome; `nil` when the case did not evaluate the rule.
    static func actualOutcome(_ outcome: Outcome?) -> LocalizedText {
        guard let outcome else { return LocalizedText(en: "not evaluated", zh: "未评估") }
        return LocalizedText(en: outcome.rawValue, zh: "\(outcome.rawValue)（\(outcome.chinese)）")
    }

    /// The rules that fired, with those fired unexpectedly and those expected but not fired.
    static func actualFindings(_ fired: [String], unexpected: [String], lacking: [String]) -> LocalizedText {
        let list = "[" + fired.joined(separator: ", ") + "]"
        return LocalizedText(
            en: list + (unexpected.isEmpty ? "" : "; unexpected \(unexpected.joined(separator: ", "))")
                + (lacking.isEmpty ? "" : "; missing \(lacking.joined(separator: ", "))"),
            zh: list + (unexpected.isEmpty ? "" : "；意外发现 \(unexpected.joined(separator: ", "))")
                + (lacking.isEmpty ? "" : "；应发现而未发现 \(lacking.joined(separator: ", "))"))
    }
}
