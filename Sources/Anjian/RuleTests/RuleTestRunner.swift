import AnjianCore

/// Runs rule test cases against a catalog and measures which rules the cases exercise.
public struct RuleTestRunner: Sendable {
    /// One case that did not behave as written.
    public struct Failure: Sendable {
        public var testCase: RuleTestSuite.Case
        /// Each expectation that failed: rule, expected, actual, and the answers that decided it.
        public var mismatches: [(rule: String, expected: String, actual: String, evidence: [Evidence], missing: [String], location: SourceLocation)]
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
                var mismatches: [(String, String, String, [Evidence], [String], SourceLocation)] = []
                for e in c.expectations {
                    let actual = byRule[e.rule]
                    if actual?.outcome != e.outcome {
                        mismatches.append((e.rule, e.outcome.rawValue, actual?.outcome.rawValue ?? "not evaluated",
                                           actual?.evidence ?? [], actual?.missing ?? [], e.location))
                    }
                }
                if let expected = c.findings {
                    let actual = outcomes.filter { $0.outcome == .fired }.map(\.rule.id)
                    if Set(actual) != Set(expected) {
                        let extra = Set(actual).subtracting(expected).sorted(), lacking = Set(expected).subtracting(actual).sorted()
                        var evidence: [Evidence] = []
                        for id in extra + lacking { evidence += byRule[id]?.evidence ?? [] }
                        mismatches.append(("findings", "[" + expected.sorted().joined(separator: ", ") + "]",
                                           "[" + actual.sorted().joined(separator: ", ") + "]" + (extra.isEmpty ? "" : "; unexpected \(extra.joined(separator: ", "))") + (lacking.isEmpty ? "" : "; missing \(lacking.joined(separator: ", "))"),
                                           evidence, [], c.location))
                    }
                }
                if mismatches.isEmpty {
                    result.passed += 1
                } else {
                    result.failures.append(Failure(testCase: c, mismatches: mismatches.map { ($0.0, $0.1, $0.2, $0.3, $0.4, $0.5) }))
                }
            }
        }
        return result
    }
}
