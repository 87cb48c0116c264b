import Anjian
import ArgumentParser
import Foundation

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check rule files: YAML, fields, departments, expressions, the rule graph.")

    @OptionGroup var rulesOptions: RulesOptions

    @Option(help: "Output format: text or json.")
    var format: LintFormat = .text

    enum LintFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        var printer = rulesOptions.printer()
        let language = rulesOptions.language
        let directories = rulesOptions.rules.isEmpty ? [Catalog.shippedDirectory.path] : rulesOptions.rules
        switch format {
        case .text:
            let catalog = try rulesOptions.loadCatalog(printer: &printer)
            for change in catalog.changes {
                print(LocalizedText.overlayChange(change).text(in: language))
            }
            let questions = catalog.checklists.reduce(0) { $0 + $1.questions.count }
            print(LocalizedText.lintSummary(checklists: catalog.checklists.count, questions: questions, rules: catalog.allRules.count,
                                            directories: directories).text(in: language))
        case .json:
            do {
                let catalog = try rulesOptions.compileCatalog()
                print("[" + catalog.warnings.map(\.json).joined(separator: ", ") + "]")
            } catch {
                print("[" + error.all.map(\.json).joined(separator: ", ") + "]")
                throw ExitCode(2)
            }
        }
    }
}
