import AnjianCore

/// Runs rule test cases against a catalog and measures which rules the cases exercise.
public struct RuleTestRunner: Sendable {
    /// One expectation that failed: the rule (or `findings`), what was expected, what happened,
    /// and the answers that decided it.
    public struct Mismatch: Sendable {
        /// The rule id, or `findings` for the case's list of findings.
        public var rule: String
        /// The outcome expected (`fired`), or the findings expected (`[GAS-001]`).
        public var expected: String
        /// What happened, in English and Chinese.
        public var actualText: LocalizedText
        /// The answers that decided the outcome.
        public var evidence: [Evidence]
        /// Questions still unanswered (an undetermined rule).
        public var missing: [String]
        /// Where the expectation is written.
        public var location: SourceLocation

        /// What happened, in English: `passed`, `not evaluated`, `[GAS-001]; unexpected GAS-001`.
        public var actual: String { actualText.en }
    }

    /// One case that did not behave as written.
    public struct Failure: Sendable {
        public var testCase: RuleTestSuite.Case
        /// Each expectation that failed.
        public var mismatches: [Mismatch]
    }

    public struct Result: Sendable {
        public var passed = 0
        public var failures: [Failure] = []
        /// Rule ids some case fires, and some case passes.
        public var fired: Set<String> = []
        public var passedRules: Set<String> = []
    }

    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func run(_ suites: [RuleTestSuite]) -> Result {
        var result = Result()
        for suite in suites {
            for c in suite.cases {
                let outcomes = catalog.outcomes(c.sheet)
                let byRule = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.rule.id, $0) })
                result.fired.formUnion(outcomes.filter { $0.outcome == .fired }.map(\.rule.id))
                result.passedRules.formUnion(outcomes.filter { $0.outcome == .passed }.map(\.rule.id))
                var mismatches: [Mismatch] = []
                for e in c.expectations {
                    let actual = byRule[e.rule]
                    if actual?.outcome != e.outcome {
                        mismatches.append(Mismatch(rule: e.rule, expected: e.outcome.rawValue, actualText: .actualOutcome(actual?.outcome),
                                                   evidence: actual?.evidence ?? [], missing: actual?.missing ?? [], location: e.location))
                    }
                }
                if let expected = c.findings {
                    let actual = outcomes.filter { $0.outcome == .fired }.map(\.rule.id)
                    if Set(actual) != Set(expected) {
                        let extra = Set(actual).subtracting(expected).sorted(), lacking = Set(expected).subtracting(actual).sorted()
                        var evidence: [Evidence] = []
                        for id in extra + lacking { evidence += byRule[id]?.evidence ?? [] }
                        mismatches.append(Mismatch(rule: "findings", expected: "[" + expected.sorted().joined(separator: ", ") + "]",
                                                   actualText: .actualFindings(actual.sorted(), unexpected: extra, lacking: lacking),
                                                   evidence: evidence, missing: [], location: c.location))
                    }
                }
                if mismatches.isEmpty {
                    result.passed += 1
                } else {
                    result.failures.append(Failure(testCase: c, mismatches: mismatches))
                }
            }
        }
        return result
    }
}
