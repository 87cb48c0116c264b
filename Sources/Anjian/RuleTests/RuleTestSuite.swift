import AnjianCore
import AnjianYAML
import Foundation

/// A rule test file (`Rules/tests/*.yaml`, `anjian-tests: 1`): cases of answers with the
/// outcomes policy staff expect of named rules, or the exact set of findings.
///
/// ```yaml
/// anjian-tests: 1
/// cases:
///   - name: 无证经营是重大隐患
///     inspection: {checklists: [gas]}        # date optional (2021-04-12)
///     answers: {gas: {license_valid: false}}
///     expect: {GAS-001: fired, GAS-008: not_applicable}
///     findings: [GAS-001]                    # optional: exactly these fire
/// ```
public struct RuleTestSuite: Sendable {
    public struct Case: Sendable {
        public var name: String
        public var sheet: AnswerSheet
        /// Rule id → expected outcome, with where the expectation is written.
        public var expectations: [(rule: String, outcome: Outcome, location: SourceLocation)]
        /// When given, exactly these rules must fire.
        public var findings: [String]?
        public var location: SourceLocation
    }

    public var path: String
    public var cases: [Case]

    /// Reads and checks a test file against a catalog: unknown rules or questions, answers of the
    /// wrong type and unknown outcomes are located errors.
    public init(contentsOf url: URL, displayPath: String, for catalog: Catalog) throws(Diagnostics) {
        let file = try SourceFile.read(url, displayPath: displayPath)
        let document = YAMLLoader().load(file.bytes, path: displayPath)
        var diagnostics = document.diagnostics
        guard let root = document.root else {
            if !diagnostics.hasErrors {
                diagnostics.append(.emptyTestFile(at: SourceLocation(file: displayPath, line: 1, column: 1)))
            }
            throw Diagnostics(diagnostics)
        }
        var cases: [Case] = []
        if let top = MappingReader(root, what: .testFile, diagnostics: &diagnostics) {
            top.rejectUnknownKeys(allowed: ["anjian-tests", "cases"], diagnostics: &diagnostics)
            if let version = top.required("anjian-tests", diagnostics: &diagnostics),
               NodeReading.int(version, field: "anjian-tests", diagnostics: &diagnostics).map({ $0 != 1 }) ?? false {
                diagnostics.append(.testsVersion(at: version.location))
            }
            for node in top.required("cases", diagnostics: &diagnostics)?.sequence ?? [] {
                if let c = Self.decodeCase(node, path: displayPath, catalog: catalog, diagnostics: &diagnostics) { cases.append(c) }
            }
        }
        guard !diagnostics.hasErrors else { throw Diagnostics(diagnostics) }
        self.path = displayPath
        self.cases = cases
    }

    private static func decodeCase(_ node: YAMLNode, path: String, catalog: Catalog, diagnostics: inout [Diagnostic]) -> Case? {
        var decoder = AnswerSheetDecoder(catalog: catalog, path: path, mode: .testCase)
        let sheet = decoder.decode(node)
        diagnostics += decoder.diagnostics
        var reported: [Diagnostic] = []  // the sheet decoder has already said when a case is not a mapping
        guard let m = MappingReader(node, what: .testCase, diagnostics: &reported) else { return nil }
        let name = m.required("name", diagnostics: &diagnostics).flatMap { NodeReading.text($0, field: "name", diagnostics: &diagnostics) } ?? ""
        let evaluated = Set(sheet?.inspection.checklists ?? [])
        let ruleIDs = catalog.allRules.map(\.id)
        func checkRule(_ id: String, at location: SourceLocation) -> Bool {
            guard let rule = catalog.allRules.first(where: { $0.id == id }) else {
                diagnostics.append(.testUnknownRule(id, suggestion: Suggestion.nearest(to: id, in: ruleIDs), at: location))
                return false
            }
            if sheet != nil, !evaluated.contains(rule.checklist) {
                diagnostics.append(.ruleNotEvaluated(id, checklist: rule.checklist, evaluated: evaluated.sorted(), at: location))
                return false
            }
            return true
        }
        var expectations: [(String, Outcome, SourceLocation)] = []
        if let expect = m["expect"], let em = MappingReader(expect, what: .expect, diagnostics: &diagnostics) {
            for pair in em.pairs {
                let outcomeText = pair.value.scalar?.value ?? ""
                guard let outcome = Outcome(rawValue: outcomeText) else {
                    let names = Outcome.allCases.map(\.rawValue)
                    diagnostics.append(.unknownOutcome(outcomeText, suggestion: Suggestion.nearest(to: outcomeText, in: names), outcomes: names,
                                                       at: pair.value.location))
                    continue
                }
                if checkRule(pair.key.value, at: pair.keyLocation) { expectations.append((pair.key.value, outcome, pair.keyLocation)) }
            }
        }
        var findings: [String]?
        if let node = m["findings"] {
            findings = NodeReading.textList(node, field: "findings", diagnostics: &diagnostics).filter { checkRule($0.0, at: $0.1) }.map(\.0)
        }
        if m["expect"] == nil && m["findings"] == nil {
            diagnostics.append(.noExpectation(at: node.location))
        }
        guard let sheet else { return nil }
        return Case(name: name, sheet: sheet, expectations: expectations, findings: findings, location: node.location)
    }
}
