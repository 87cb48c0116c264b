import Foundation
import Testing
@testable import Anjian
@testable import AnjianCLI

/// The command line's messages, each built by its factory with sample arguments; the library's
/// are in AnjianTests/MessageCatalogTests.swift.
private let cliMessages: [(factory: String, en: String, zh: String, diagnostic: Diagnostic?)] = {
    let at = CommandLineChecks.location
    var m: [(String, String, String, Diagnostic?)] = []
    func d(_ name: String, _ diagnostic: Diagnostic) { m.append((name, diagnostic.message, diagnostic.messageZH, diagnostic)) }
    func t(_ name: String, _ text: LocalizedText) { m.append((name, text.en, text.zh, nil)) }
    let change = OverlayChange(kind: .overrideRule, target: "GAS-004", detail: "severity general → major; reason: 县安委会决定",
                               detailZH: "隐患等级 一般隐患 → 重大隐患；理由：县安委会决定", location: SourceLocation(file: "county/overlay.yaml", line: 4, column: 5))

    d("unknownRuleArgument", .unknownRuleArgument("GAS-01", suggestion: "GAS-001", at: at))
    d("unknownChecklistArgument", .unknownChecklistArgument("gsa", suggestion: "gas", known: ["gas", "tourism"], at: at))
    d("templateSubjectMismatch", .templateSubjectMismatch(["gas", "town_supervision"], inspect: ["enterprise", "town"], not: .enterprise, at: at))
    d("reportNotWritten", .reportNotWritten("out/report.json", reason: "Permission denied"))
    d("outputNotWritten", .outputNotWritten("out/summary.csv", reason: "Permission denied"))
    d("summaryOfMixedCatalogs", .summaryOfMixedCatalogs(["1.0 (sha256 abc)", "1.1 (sha256 def)"], at: SourceLocation(file: "reports.ndjson", line: 1, column: 1)))
    d("testPathNotFound", .testPathNotFound("Rules/tests/nosuch.yaml"))
    t("moreDiagnostics", .moreDiagnostics(12))
    t("answerFilesFailed", .answerFilesFailed(1, of: 3))
    t("incompleteAnswers", .incompleteAnswers("Examples/half-answered.yaml"))
    t("lintSummary", .lintSummary(checklists: 12, questions: 240, rules: 180, directories: ["Rules", "county"]))
    t("testFailed", .testFailed(SourceLocation(file: "Rules/tests/gas.yaml", line: 3, column: 5), name: "无证经营是重大隐患"))
    t("testMismatch", .testMismatch("GAS-001", expected: "fired", actual: .actualOutcome(.passed), at: SourceLocation(file: "t.yaml", line: 6, column: 15)))
    t("testMissingAnswers", .testMissingAnswers(["gas.leak_alarm"]))
    t("coverageSummary", .coverageSummary(rules: 10, fired: 8, passed: 9))
    t("neverFired", .neverFired(["GAS-009"]))
    t("neverPassed", .neverPassed(["GAS-010"]))
    t("overlayChange", .overlayChange(change))
    t("noAnswerFiles", .noAnswerFiles())
    t("limitAtLeastOne", .limitAtLeastOne())
    t("jobsAtLeastOne", .jobsAtLeastOne())
    t("noReportFiles", .noReportFiles())
    t("noChecklistNamed", .noChecklistNamed())
    t("schemaRulesTakesNoChecklists", .schemaRulesTakesNoChecklists())
    return m.map { (factory: $0.0, en: $0.1, zh: $0.2, diagnostic: $0.3) }
}()

@Suite struct CLIMessageCatalogTests {
    private static func containsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test("every message of the command line is written in English and in Chinese")
    func bothLanguages() {
        for message in cliMessages {
            #expect(!message.en.isEmpty && !message.zh.isEmpty, "\(message.factory)")
            #expect(message.en != message.zh, "\(message.factory)")
            #expect(Self.containsCJK(message.zh), "\(message.factory): \(message.zh)")
            if let d = message.diagnostic {
                let prefix = "\(d.location): \(d.level.rawValue)[\(d.code)]: "
                #expect(d.rendered(language: .en) == prefix + d.message, "\(message.factory)")
                #expect(d.rendered(language: .zh) == prefix + d.messageZH, "\(message.factory)")
            }
        }
        // NOTE: the `--strict` line is written in the diagnostic form, so its prefix must not change either.
        let strict = LocalizedText.incompleteAnswers("a.yaml")
        #expect(strict.en.hasPrefix("a.yaml: error[answers.incomplete]: ") && strict.zh.hasPrefix("a.yaml: error[answers.incomplete]: "))
    }

    @Test("no factory of the command line is left out of the catalog test")
    func everyFactoryIsCovered() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/AnjianCLI")
        let declaration = try Regex(#"^\s*(?:public\s+|package\s+|internal\s+)?static\s+func\s+([A-Za-z_][A-Za-z0-9_]*)\s*\("#)
        var declared: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: file.path) where name.hasPrefix("Diagnostic+") && name.hasSuffix(".swift") {
            let text = try String(contentsOf: file.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = try declaration.firstMatch(in: String(line)), let captured = match.output[1].substring {
                    declared.insert(String(captured))
                }
            }
        }
        let covered = Set(cliMessages.map(\.factory))
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(covered).isEmpty, "not called in CLIMessageCatalogTests: \(declared.subtracting(covered).sorted())")
        #expect(covered.subtracting(declared).isEmpty, "not declared: \(covered.subtracting(declared).sorted())")
    }
}
