import Anjian
import Foundation
import ArgumentParser

@main
struct AnjianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anjian",
        abstract: "安检 Anjian: safety-inspection checklists as checked rules.",
        discussion: """
        Exit codes: 0 done; 1 findings at or above --fail-on; 2 invalid rules or answers; 64 usage error.
        """,
        version: "0.1.0",
        subcommands: [Evaluate.self, Lint.self, Test.self, Template.self, Schema.self, Graph.self, Explain.self, Summarize.self, Diff.self]
    )
}

/// Options shared by every command that reads the rule catalog.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory of rule files (default: the shipped catalog); give it again for each county overlay, applied in order.", valueName: "DIR"))
    var rules: [String] = []

    @Option(name: .long, help: Language.help)
    var lang: Language?

    /// The language chosen with --lang, else by the locale.
    var language: Language { .chosen(lang) }

    /// A printer for diagnostics in the chosen language.
    func printer() -> DiagnosticPrinter {
        DiagnosticPrinter(language: language)
    }

    /// The base rules directory (where `tests/` lives): the first --rules unless it is an overlay.
    var baseDirectory: URL {
        rules.first.map { URL(fileURLWithPath: $0) } ?? Catalog.shippedDirectory
    }

    /// Loads the catalog, printing every diagnostic; exits 2 when it has errors.
    func loadCatalog(printer: inout DiagnosticPrinter) throws -> Catalog {
        do {
            let catalog: Catalog
            if !rules.isEmpty {
                catalog = try Catalog(directories: rules.map { URL(fileURLWithPath: $0) })
            } else {
                catalog = try Catalog.shipped
            }
            printer.print(catalog.warnings)
            return catalog
        } catch {
            printer.print(error.all)
            throw ExitCode(2)
        }
    }
}

extension Language: ExpressibleByArgument {
    /// The help of `--lang`, for every command.
    static let help = ArgumentHelp("Language of messages: en or zh (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en).",
                                   valueName: "LANG")

    /// The language given with `--lang`, else the one the locale asks for.
    static func chosen(_ option: Language?) -> Language {
        option ?? .fromEnvironment(ProcessInfo.processInfo.environment)
    }
}
