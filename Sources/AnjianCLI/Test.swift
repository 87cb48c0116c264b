import Anjian
import ArgumentParser
import Foundation

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the rule tests written in YAML (default: the tests/ folder beside the rules).")

    @OptionGroup var rulesOptions: RulesOptions

    @Argument(help: ArgumentHelp("Test files or folders.", valueName: "PATH"))
    var paths: [String] = []

    @Flag(help: "List rules that no case fires and rules that no case passes; exit 1 unless every rule is both fired and passed.")
    var coverage = false

    func run() throws {
        var printer = rulesOptions.printer()
        let language = rulesOptions.language
        let catalog = try rulesOptions.loadCatalog(printer: &printer)
        let rulesDirectory = rulesOptions.baseDirectory
        let inputs = paths.isEmpty ? [rulesDirectory.appendingPathComponent("tests").path] : paths
        var suites: [RuleTestSuite] = []
        var bad = false
        for (url, display) in try testFiles(inputs, printer: printer) {
            do {
                suites.append(try RuleTestSuite(contentsOf: url, displayPath: display, for: catalog))
            } catch {
                printer.print(error.all)
                bad = true
            }
        }
        if bad { throw ExitCode(2) }
        let result = RuleTestRunner(catalog: catalog).run(suites)
        for failure in result.failures {
            let c = failure.testCase
            print(LocalizedText.testFailed(c.location, name: c.name).text(in: language))
            for m in failure.mismatches {
                print(LocalizedText.testMismatch(m.rule, expected: m.expected, actual: m.actualText, at: m.location).text(in: language))
                for e in m.evidence { print("    \(e.question) = \(e.value)  (\(e.location))") }
                if !m.missing.isEmpty { print(LocalizedText.testMissingAnswers(m.missing).text(in: language)) }
            }
        }
        var incomplete = false
        if coverage {
            let all = catalog.allRules.map(\.id).sorted()
            let neverFired = all.filter { !result.fired.contains($0) }
            let neverPassed = all.filter { !result.passedRules.contains($0) }
            print(LocalizedText.coverageSummary(rules: all.count, fired: all.count - neverFired.count, passed: all.count - neverPassed.count).text(in: language))
            if !neverFired.isEmpty { print(LocalizedText.neverFired(neverFired).text(in: language)) }
            if !neverPassed.isEmpty { print(LocalizedText.neverPassed(neverPassed).text(in: language)) }
            incomplete = !neverFired.isEmpty || !neverPassed.isEmpty
        }
        // NOTE: English in every language: CI parses this line.
        print("\(result.passed) passed, \(result.failures.count) failed")
        if !result.failures.isEmpty || incomplete { throw ExitCode(1) }
    }

    /// Test files under the given paths (folders are searched recursively), sorted.
    private func testFiles(_ paths: [String], printer: DiagnosticPrinter) throws -> [(URL, String)] {
        var files: [(URL, String)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printer.printWithoutSource(.testPathNotFound(path))
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                let base = path.hasSuffix("/") ? path : path + "/"
                let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted() ?? []
                files += found.map { (URL(fileURLWithPath: base + $0), base + $0) }
            } else {
                files.append((URL(fileURLWithPath: path), path))
            }
        }
        return files
    }
}
