import Anjian
import ArgumentParser
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule in words, what it depends on, and how it evaluates on an answer file.")

    @OptionGroup var rulesOptions: RulesOptions

    @Argument(help: ArgumentHelp("The rule id, e.g. GAS-001.", valueName: "RULE-ID"))
    var rule: String

    @Argument(help: ArgumentHelp("An answer file to trace the rule on.", valueName: "ANSWERS"))
    var answers: String?

    func run() throws {
        var printer = rulesOptions.printer()
        let catalog = try rulesOptions.loadCatalog(printer: &printer)
        var sheet: AnswerSheet?
        if let answers {
            do {
                sheet = try AnswerSheet(contentsOf: URL(fileURLWithPath: answers), for: catalog)
            } catch {
                printer.print(error.all)
                throw ExitCode(2)
            }
        }
        guard let text = RuleExplainer(catalog: catalog).explain(rule, sheet: sheet) else {
            let ids = catalog.allRules.map(\.id)
            printer.print([.unknownRuleArgument(rule, suggestion: Suggestion.nearest(to: rule, in: ids), at: CommandLineChecks.location)])
            throw ExitCode(2)
        }
        print(text, terminator: "")
    }
}
