import Foundation
import Testing
@testable import Anjian
@testable import AnjianYAML

/// One message of the catalog, built by its factory with sample arguments.
struct CatalogMessage: Sendable, CustomTestStringConvertible {
    var factory: String
    var en: String
    var zh: String
    var diagnostic: Diagnostic?

    init(_ factory: String, _ diagnostic: Diagnostic) {
        self.factory = factory
        self.en = diagnostic.message
        self.zh = diagnostic.messageZH
        self.diagnostic = diagnostic
    }

    init(_ factory: String, _ text: LocalizedText) {
        self.factory = factory
        self.en = text.en
        self.zh = text.zh
    }

    init(_ factory: String, _ error: SyntaxError) {
        self.factory = factory
        self.en = error.message
        self.zh = error.messageZH
    }

    var testDescription: String { factory }
}

/// Sample arguments for the factories.
private enum Sample {
    static let at = SourceLocation(file: "Rules/gas.yaml", line: 2, column: 7)
    static let first = SourceLocation(file: "Rules/gas.yaml", line: 1, column: 1)
    static let list = YAMLNode(.sequence([]), at: at)
    static let mapping = YAMLNode(.mapping([]), at: at)
    static let text = YAMLNode(.scalar(YAMLScalar(value: "yes", style: .plain, start: at, end: at)), at: at)
    static let date = CivilDate(year: 2021, month: 4, day: 5)!
    static let section = SeedSection(id: "二(三)6", title: "燃气安全专项整治", departments: ["县住建局", "市场监管局"], location: first)
    static let edges: [(from: String, edge: RuleGraph.Edge)] = [
        (from: "t.f", edge: RuleGraph.Edge(to: "t.g", location: at)),
        (from: "t.g", edge: RuleGraph.Edge(to: "t.f", location: first)),
    ]
    static let span = 2..<3
    static let name = Token(kind: .identifier("b"), span: 2..<3)
    static let end = Token(kind: .end, span: 5..<5)
    static let choice = ExprType.choice(["全部安装", "未安装"])
}

/// Every factory of the YAML, decoding, answers, expressions, graph, catalog, rule-test and
/// roll-up stages, called once (some with several samples). The CLI's are in AnjianCLITests.
let catalogMessages: [CatalogMessage] = {
    typealias S = Sample
    let at = S.at
    var m: [CatalogMessage] = []
    func d(_ name: String, _ diagnostic: Diagnostic) { m.append(CatalogMessage(name, diagnostic)) }
    func t(_ name: String, _ text: LocalizedText) { m.append(CatalogMessage(name, text)) }
    func s(_ name: String, _ error: SyntaxError) { m.append(CatalogMessage(name, error)) }

    // YAML
    d("fileTooLarge", .fileTooLarge(bytes: 20_000_000, limit: 10_000_000, at: at))
    d("utf16File", .utf16File(at: at))
    d("invalidUTF8", .invalidUTF8(at: at))
    d("tabIndent", .tabIndent(at: at))
    d("nulByte", .nulByte(at: at))
    d("multipleDocuments", .multipleDocuments(at: at))
    d("recursiveAlias", .recursiveAlias("base", at: at))
    d("undefinedAlias", .undefinedAlias("bsae", suggestion: "base", at: at))
    d("undefinedAlias", .undefinedAlias("x", suggestion: nil, at: at))
    d("aliasExpansion", .aliasExpansion(limit: 10_000, at: at))
    d("scalarTooLong", .scalarTooLong(bytes: 200_000, limit: 100_000, at: at))
    d("nonStringKey", .nonStringKey(at: at))
    d("tooDeep", .tooDeep(limit: 64, at: at))
    d("customTag", .customTag("!!binary", negation: false, at: at))
    d("customTag", .customTag("!ok", negation: true, at: at))
    d("mergeKey", .mergeKey(at: at))
    d("duplicateKey", .duplicateKey("severity", at: at, first: S.first))
    d("yamlSyntax", .yamlSyntax(problem: "did not find expected ',' or ']'", context: "while parsing a flow sequence", at: at))
    d("yamlSyntax", .yamlSyntax(problem: "found character that cannot start any token", context: "while scanning for the next token", at: at))
    d("yamlSyntax", .yamlSyntax(problem: "some future libyaml message", context: nil, at: at))

    // Decoding
    d("fileNotFound", .fileNotFound(at: at))
    d("isDirectory", .isDirectory(at: at))
    d("unreadable", .unreadable(at: at))
    d("expectedMapping", .expectedMapping(.rule, found: S.list))
    d("unknownField", .unknownField("serverity", in: .rule, suggestion: "severity", known: ChecklistDecoder.ruleFields, at: at))
    d("unknownField", .unknownField("zzz", in: .question, suggestion: nil, known: ChecklistDecoder.questionFields, at: at))
    d("missingField", .missingField("severity", in: .rule, at: at))
    d("expectedText", .expectedText(field: "title", found: S.mapping))
    d("badIdentifier", .badIdentifier("License-Valid", at: at))
    d("expectedInt", .expectedInt(field: "deadline_days", found: S.text))
    d("expectedList", .expectedList(field: "sectors", found: S.mapping))
    d("expectedEntryList", .expectedEntryList(field: "rules", found: S.text))
    d("departmentsNotList", .departmentsNotList(at: at))
    d("expectedExpression", .expectedExpression(field: "when", found: S.list))
    d("emptyExpression", .emptyExpression(field: "when", at: at))
    d("unsupportedVersion", .unsupportedVersion("anjian-overlay", at: at))
    d("ruleFileVersion", .ruleFileVersion("2", at: at))
    d("checklistFileName", .checklistFileName("gas", stem: "gas2", at: at))
    d("badSubjectKind", .badSubjectKind("twon", suggestion: "town", kinds: SubjectKind.allCases.map(\.rawValue), at: at))
    d("duplicateID", .duplicateID("license_valid", of: .questionOrFact, at: at, first: S.first))
    d("missingChoices", .missingChoices(type: "choice", at: at))
    d("emptyChoices", .emptyChoices(at: at))
    d("unknownQuestionType", .unknownQuestionType("boolean", suggestion: nil, known: QuestionType.names, at: at))
    d("unknownQuestionType", .unknownQuestionType("boll", suggestion: "bool", known: QuestionType.names, at: at))
    d("unexpectedChoices", .unexpectedChoices(at: at))
    d("duplicateChoice", .duplicateChoice("未安装", at: at))
    d("reservedChoice", .reservedChoice("不适用", at: at))
    d("badRuleID", .badRuleID("gas-1", at: at))
    d("badSeverity", .badSeverity("majro", suggestion: "major", at: at))
    d("ruleWithoutDepartments", .ruleWithoutDepartments(at: at))
    d("emptyDepartments", .emptyDepartments(at: at))
    d("twoDeadlines", .twoDeadlines(at: at, days: S.first))
    d("missingDeadline", .missingDeadline(at: at))
    d("badDeadline", .badDeadline(field: "deadline_days", days: 9999, at: at))
    d("unknownDepartment", .unknownDepartment("住建", suggestion: "住建局", at: at))
    d("departmentNotInChecklist", .departmentNotInChecklist("交通局", allowed: ["县住建局", "市场监管局"], at: at))
    d("duplicateDepartment", .duplicateDepartment("县住建局", at: at))
    d("departmentClash", .departmentClash("住建局", at: at, first: S.first))
    d("duplicateSection", .duplicateSection("二(三)6", at: at, first: S.first))
    d("calendarFileName", .calendarFileName(year: 2021, at: at))
    d("duplicateCalendar", .duplicateCalendar(year: 2021, existing: "Rules/calendar/2021.yaml", at: at))
    d("holidayEndsBeforeStart", .holidayEndsBeforeStart(at: at))
    d("holidayAndWorkday", .holidayAndWorkday(S.date, at: at))
    d("calendarBadDate", .calendarBadDate(found: S.text))
    d("calendarWrongYear", .calendarWrongYear(S.date, year: 2022, at: at))
    d("overlayUnknownRule", .overlayUnknownRule("GAS-999", suggestion: nil, at: at))
    d("overlayBadSeverity", .overlayBadSeverity("high", at: at))
    d("overlayDepartmentNotInChecklist", .overlayDepartmentNotInChecklist("交通局", checklist: "gas", allowed: ["县住建局"], at: at))
    d("overlayUnknownDepartment", .overlayUnknownDepartment("住建", suggestion: "住建局", at: at))
    d("emptyOverride", .emptyOverride("GAS-004", at: at))
    t("answersOf", .answersOf("gas"))
    t("overlayReason", .overlayReason("本县无低压管网"))
    t("severityChange", .severityChange(from: .general, to: .major))
    t("departmentsChange", .departmentsChange(from: ["县住建局"], to: ["市场监管局"]))
    t("deadlineChange", .deadlineChange(from: .days(7), to: .workdays(5)))

    // Answers
    d("emptyAnswerFile", .emptyAnswerFile(at: at))
    d("answersVersion", .answersVersion(at: at))
    d("twoSubjects", .twoSubjects(at: at, enterprise: S.first))
    d("missingSubject", .missingSubject(at: at))
    d("answersBadSubjectKind", .answersBadSubjectKind("twon", suggestion: "town", kinds: SubjectKind.allCases.map(\.rawValue), at: at))
    d("badAnswerDate", .badAnswerDate(field: "inspection.date", found: S.text))
    d("checklistSubjectMismatch", .checklistSubjectMismatch("town_supervision", inspects: .town, subject: .enterprise, at: at))
    d("unknownInspectedChecklist", .unknownInspectedChecklist("gsa", suggestion: "gas", known: ["gas", "tourism"], at: at))
    d("noDefaultChecklists", .noDefaultChecklists(for: .event, at: at))
    d("noSector", .noSector(sectors: ["gas", "tourism"], at: at))
    d("unknownSector", .unknownSector("gsa", suggestion: "gas", sectors: ["gas", "tourism"], at: at))
    d("unknownAnsweredChecklist", .unknownAnsweredChecklist("gsa", suggestion: "gas", at: at))
    d("checklistNotInspected", .checklistNotInspected("tourism", covered: ["gas", "main_responsibility"], at: at))
    d("unknownQuestion", .unknownQuestion("licence_valid", checklist: "gas", suggestion: "license_valid", at: at))
    for expectation: AnswerExpectation in [.bool(yaml11: nil), .bool(yaml11: "yes"), .wholeNumber, .wholeNumberIn64Bits, .number,
                                            .finiteNumber, .text(quote: nil), .text(quote: "true"), .date, .oneOf(["全部安装", "未安装"]), .listOfChoices] {
        d("wrongAnswerType", .wrongAnswerType("gas.license_valid", type: "bool", expected: expectation, found: S.text))
    }
    d("unknownChoice", .unknownChoice("部分", of: "gas.leak_alarm", suggestion: nil, choices: ["全部安装", "部分安装", "未安装"], at: at))
    d("unknownMultiChoice", .unknownMultiChoice(S.list, of: "gas.checks", suggestion: nil, choices: ["甲", "乙"]))
    d("duplicateAnswerChoice", .duplicateAnswerChoice("甲", at: at))
    d("outsideCalendar", .outsideCalendar(S.date, years: [2021], at: at))
    d("outsideCalendar", .outsideCalendar(S.date, years: [], at: at))

    // Expressions
    d("syntax", .syntax(.singleEquals(at: S.span), at: at))
    d("notCondition", .notCondition(field: "when", type: S.choice, at: at))
    d("mixedList", .mixedList(.int, .string, at: at))
    d("notOperand", .notOperand(.int, at: at))
    d("negationOperand", .negationOperand(.string, at: at))
    d("conditionalTest", .conditionalTest(.multi(["甲"]), at: at))
    d("conditionalBranches", .conditionalBranches(.int, .string, at: at))
    d("nameNotIncluded", .nameNotIncluded("gas.license_valid", belongsTo: "gas", from: "tourism", at: at))
    d("undeclared", .undeclared("licence_valid", suggestion: "license_valid", bare: true, at: at))
    d("undeclared", .undeclared("nosuch", suggestion: nil, bare: true, at: at))
    d("undeclared", .undeclared("gas.nosuch", suggestion: nil, bare: false, at: at))
    d("unknownChoiceLiteral", .unknownChoiceLiteral("全部安", choices: ["全部安装", "未安装"], suggestion: "全部安装", at: at))
    d("logicalOperand", .logicalOperand("&&", type: .int, at: at))
    d("nullComparison", .nullComparison(at: at))
    d("cannotCompare", .cannotCompare(.bool, .string, op: "==", at: at))
    d("cannotCompare", .cannotCompare(.int, .string, op: "!=", at: at))
    d("cannotCompare", .cannotCompare(.date, .string, op: "==", at: at))
    d("cannotOrder", .cannotOrder(.date, .int, op: "<", at: at))
    d("inNeedsList", .inNeedsList(.string, at: at))
    d("inElement", .inElement(.int, element: .string, at: at))
    d("mixedArithmetic", .mixedArithmetic("+", at: at))
    d("remainderOfNumbers", .remainderOfNumbers(at: at))
    d("cannotCombine", .cannotCombine("-", .string, .date, at: at))
    d("arity", .arity("size", count: 1, usage: "size(x)", at: at))
    d("arity", .arity("days_between", count: 2, usage: "days_between(from, to)", at: at))
    d("sizeArgument", .sizeArgument(.bool, at: at))
    d("textFunctionTarget", .textFunctionTarget("contains", type: .multi(["甲"]), at: at))
    d("textFunctionTarget", .textFunctionTarget("startsWith", type: .int, at: at))
    d("textFunctionArgument", .textFunctionArgument("endsWith", type: .int, at: at))
    d("answeredNeedsName", .answeredNeedsName(at: at))
    d("answeredNeedsQuestion", .answeredNeedsQuestion("gas.risk", at: at))
    d("firedNeedsRuleID", .firedNeedsRuleID(at: at))
    d("firedUnknownRule", .firedUnknownRule("GAS-01", suggestion: "GAS-001", at: at))
    d("ruleNotIncluded", .ruleNotIncluded("GAS-001", belongsTo: "gas", from: "tourism", at: at))
    d("dateNeedsLiteral", .dateNeedsLiteral(at: at))
    d("badDateLiteral", .badDateLiteral("2021-02-30", at: at))
    d("daysBetweenArgument", .daysBetweenArgument(.string, at: at))
    d("conversionArgument", .conversionArgument("double", type: .string, at: at))
    d("unknownFunction", .unknownFunction("lenght", suggestion: nil, known: ["size", "contains"], at: at))
    s("singleEquals", .singleEquals(at: S.span))
    s("curlyQuote", .curlyQuote("“", at: S.span))
    s("fullWidth", .fullWidth("（", at: S.span))
    s("nonASCIIName", .nonASCIIName("是", at: S.span))
    s("unexpectedCharacter", .unexpectedCharacter("#", at: S.span))
    s("malformedHex", .malformedHex(at: S.span))
    s("unsignedLiteral", .unsignedLiteral(at: S.span))
    s("numberRunsIntoName", .numberRunsIntoName(at: S.span))
    s("malformedNumber", .malformedNumber(at: S.span))
    s("integerTooLarge", .integerTooLarge("99999999999999999999", at: S.span))
    s("unterminatedString", .unterminatedString(quote: "\"", at: S.span))
    s("stringPastEndOfLine", .stringPastEndOfLine(quote: "'", at: S.span))
    s("unicodeEscapeDigits", .unicodeEscapeDigits(at: S.span))
    s("invalidUnicodeEscape", .invalidUnicodeEscape(at: S.span))
    s("unknownEscape", .unknownEscape("q", at: S.span))
    s("trailingInput", .trailingInput(S.name))
    for purpose in ExpectedPurpose.allCases {
        s("expected", .expected(")", purpose, found: S.end))
    }
    s("tooDeep", .tooDeep(limit: 200, at: S.span))
    s("nameAfterDot", .nameAfterDot(found: S.end))
    s("fieldSelection", .fieldSelection("town", at: S.span))
    s("indexing", .indexing(at: S.span))
    s("inWithoutLeft", .inWithoutLeft(at: S.span))
    s("mapsUnsupported", .mapsUnsupported(at: S.span))
    s("endsTooEarly", .endsTooEarly(at: S.span))
    s("unexpectedPunctuation", .unexpectedPunctuation(")", at: S.span))

    // Graph
    d("selfInclude", .selfInclude("gas", at: at))
    d("includeSubjectMismatch", .includeSubjectMismatch("gas", inspects: .enterprise, include: "town_supervision", includedInspects: .town, at: at))
    d("unknownInclude", .unknownInclude("main_responsibilty", suggestion: "main_responsibility", at: at))
    d("duplicateRule", .duplicateRule("GAS-001", at: at, first: S.first))
    d("includeCycle", .includeCycle(S.edges))
    d("referenceCycle", .referenceCycle(S.edges))
    d("departmentOutsideSection", .departmentOutsideSection(rule: "GAS-001", outside: ["交通局"], section: S.section, at: at))
    d("unknownSection", .unknownSection("二(三)7", suggestion: "二(三)6", at: at))

    // Catalog
    d("noDepartmentsFile", .noDepartmentsFile("departments.yaml", at: at))
    d("rulesDirectoryUnreadable", .rulesDirectoryUnreadable(at: at))
    d("emptyRuleFile", .emptyRuleFile(at: at))
    d("overlayChangesSections", .overlayChangesSections(at: at))
    d("overlayInBase", .overlayInBase(at: at))
    d("overlayReplacesChecklist", .overlayReplacesChecklist("gas", existing: "Rules/gas.yaml", at: at))
    d("noCalendar", .noCalendar(at: at))

    // Rule tests
    d("emptyTestFile", .emptyTestFile(at: at))
    d("testsVersion", .testsVersion(at: at))
    d("testUnknownRule", .testUnknownRule("GAS-01", suggestion: "GAS-001", at: at))
    d("ruleNotEvaluated", .ruleNotEvaluated("TOUR-001", checklist: "tourism", evaluated: ["gas"], at: at))
    d("unknownOutcome", .unknownOutcome("fires", suggestion: "fired", outcomes: Outcome.allCases.map(\.rawValue), at: at))
    d("noExpectation", .noExpectation(at: at))
    for outcome in Outcome.allCases { t("actualOutcome", .actualOutcome(outcome)) }
    t("actualOutcome", .actualOutcome(nil))
    t("actualFindings", .actualFindings(["GAS-001", "GAS-002"], unexpected: ["GAS-002"], lacking: ["GAS-003"]))

    // Roll-ups and re-inspection
    d("reportUnreadable", .reportUnreadable(at: at))
    d("extensionsNotList", .extensionsNotList(found: S.list))
    d("extensionUnknownRule", .extensionUnknownRule("GAS-09", suggestion: "GAS-009", at: at))
    d("extensionBeforeInspection", .extensionBeforeInspection("2021-04-01", inspection: "2021-04-12", at: at))
    d("extensionTwice", .extensionTwice("GAS-003", at: at))
    d("reportNotJSON", .reportNotJSON(at: at))
    d("tooManyRules", .tooManyRules(120_000, limit: 100_000, at: at))
    d("expressionTooLong", .expressionTooLong(5_000, limit: 4_096, at: at))
    d("reportNotAReport", .reportNotAReport(at: at))
    d("reportVersion", .reportVersion(2, at: at))
    d("reportIncomplete", .reportIncomplete("findings", whatZH: "隐患列表（findings）", at: at))
    d("duplicateSubject", .duplicateSubject("code:91410329MA00000006", at: at, first: S.first))
    d("mixedCatalogs", .mixedCatalogs(["1.0 (sha256 abc)", "1.1 (sha256 def)"], at: at))
    return m
}()

/// Names of the factories declared in the message files (`Diagnostic+*.swift`) under `directories`
/// of Sources: every non-private `static func`.
func declaredFactories(in directories: [String], excluding excluded: Set<String> = []) throws -> [String: Set<String>] {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")
    let declaration = try Regex(#"^\s*(?:public\s+|package\s+|internal\s+)?static\s+func\s+([A-Za-z_][A-Za-z0-9_]*)\s*\("#)
    var result: [String: Set<String>] = [:]
    for directory in directories {
        let root = sources.appendingPathComponent(directory)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files.sorted() where file.hasSuffix(".swift") {
            let name = (file as NSString).lastPathComponent
            guard name.hasPrefix("Diagnostic+"), !excluded.contains(name) else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = try declaration.firstMatch(in: String(line)), let captured = match.output[1].substring {
                    result["\(directory)/\(file)", default: []].insert(String(captured))
                }
            }
        }
    }
    return result
}

/// Whether a text contains Chinese characters.
func containsCJK(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
}

@Suite struct MessageCatalogTests {
    @Test("every message is written in English and in Chinese", arguments: catalogMessages)
    func bothLanguages(_ message: CatalogMessage) {
        #expect(!message.en.isEmpty)
        #expect(!message.zh.isEmpty)
        #expect(message.en != message.zh)
        #expect(containsCJK(message.zh), "\(message.zh)")
        #expect(!message.zh.contains("did you mean"), "\(message.zh)")
    }

    @Test("a diagnostic renders with the same prefix, source line and caret in both languages", arguments: catalogMessages.filter { $0.diagnostic != nil })
    func samePrefix(_ message: CatalogMessage) throws {
        let d = try #require(message.diagnostic)
        let prefix = "\(d.location): \(d.level.rawValue)[\(d.code)]: "
        let en = d.rendered(language: .en), zh = d.rendered(language: .zh)
        #expect(en == d.rendered)
        #expect(en.hasPrefix(prefix + d.message))
        #expect(zh.hasPrefix(prefix + d.messageZH))
        let enLines = en.split(separator: "\n", omittingEmptySubsequences: false)
        let zhLines = zh.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(enLines.count == zhLines.count)
        for (note, (e, z)) in zip(d.notes, zip(enLines.dropFirst(), zhLines.dropFirst())) {
            let notePrefix = "\(note.location): note: "
            #expect(e == notePrefix + note.message)
            #expect(z == notePrefix + note.messageZH)
            #expect(note.message != note.messageZH && containsCJK(note.messageZH))
        }
        let source = "anjian: 1\n  when: 是否 == true\n"
        let quotedEN = d.rendered(source: source, language: .en).split(separator: "\n").dropFirst().prefix(2)
        let quotedZH = d.rendered(source: source, language: .zh).split(separator: "\n").dropFirst().prefix(2)
        #expect(Array(quotedEN) == Array(quotedZH))
        #expect(quotedEN.first == " 2 |   when: 是否 == true")
    }

    @Test("no factory is left out of the catalog test, and the test names no factory that is gone")
    func everyFactoryIsCovered() throws {
        let declared = try declaredFactories(in: ["AnjianYAML", "Anjian"], excluding: ["Diagnostic+JSON.swift"])
        let names = declared.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let covered = Set(catalogMessages.map(\.factory))
        #expect(declared.count >= 8, "message files found: \(declared.keys.sorted())")
        for (file, factories) in declared.sorted(by: { $0.key < $1.key }) {
            let missing = factories.subtracting(covered).sorted()
            #expect(missing.isEmpty, "\(file): factories not called in MessageCatalogTests: \(missing)")
        }
        #expect(covered.subtracting(names).isEmpty, "not declared in any Diagnostic+*.swift: \(covered.subtracting(names).sorted())")
    }

    @Test("diagnostics are built by the factories only: no message is written at a call site")
    func noMessagesOutsideFactories() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        // A diagnostic code is lower-case words with a dot (`yaml.duplicate-key`); Value.error("…") is not one.
        let patterns = [
            try Regex(#"\.(error|warning)\(\s*"[a-z]+\.[a-z-]+""#),
            try Regex(#"Diagnostic\(\s*\.(error|warning|note)"#),
            try Regex(#"SyntaxError\(message:"#),
            try Regex(#": (error|warning)\[[a-z]+\.[a-z-]+\]: [a-z]"#),
        ]
        var offenders: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        // NOTE: Diagnostic.swift defines the constructors; the Diagnostic+<Stage>.swift files are the factories.
        let excluded: Set<String> = ["Diagnostic.swift"]
        for file in files.sorted() where file.hasSuffix(".swift") {
            let name = (file as NSString).lastPathComponent
            if name.hasPrefix("Diagnostic+") || excluded.contains(name) { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                if try patterns.contains(where: { try $0.firstMatch(in: line) != nil }) { offenders.append("Sources/\(file):\(n + 1)") }
            }
        }
        #expect(offenders.isEmpty, "write these messages in a Diagnostic+<Stage>.swift factory with their Chinese text: \(offenders)")
    }

    @Test("the locale chooses the language: LC_ALL, then LC_MESSAGES, then LANG; zh… is Chinese")
    func languageFromEnvironment() {
        #expect(Language.fromEnvironment([:]) == .en)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "zh_TW"]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)
    }

    @Test("a broken rule file is reported in Chinese at the same places as in English")
    func compiledCatalogInChinese() {
        let (_, diagnostics) = TestCatalog.single(questions: question("flag"), rules: """
              - id: T-001
                title: 测试
                when: flag == "是的" && nosuch
                serverity: general
                basis: 依据
                remedy: 整改
                deadline_days: 7
                source: 二(三)6
            """)
        let errors = diagnostics.filter { $0.level == .error }
        #expect(errors.count >= 4)
        for d in errors {
            #expect(containsCJK(d.messageZH) && d.message != d.messageZH, "\(d.code): \(d.messageZH)")
        }
        let unknown = errors.first { $0.code == "decode.unknown-field" }
        #expect(unknown?.messageZH == "规则中有未知字段 'serverity'；是否应为 'severity'？")
    }

    @Test("syntax errors of expressions carry both languages")
    func syntaxErrorsInChinese() {
        for text in ["a = b", "a && ", "(a", "\"open", "a b", "a[0]", "是 == a", "a （b）"] {
            guard case .failure(let error) = Parser.parse(text) else {
                Issue.record("expected a syntax error for \(text)")
                continue
            }
            #expect(containsCJK(error.messageZH), "\(text): \(error.messageZH)")
        }
    }
}
