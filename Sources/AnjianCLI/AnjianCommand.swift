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

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Largest rule or answer file, in bytes (default 16 MiB).", valueName: "BYTES"))
    var maxFileSize: Int?

    @Option(name: .customLong("max-depth"), help: ArgumentHelp("Deepest YAML nesting (default 100).", valueName: "N"))
    var maxDepth: Int?

    @Option(name: .customLong("max-alias-nodes"), help: ArgumentHelp("Most nodes YAML aliases may expand to (default 100000).", valueName: "N"))
    var maxAliasNodes: Int?

    @Option(name: .customLong("max-scalar-bytes"), help: ArgumentHelp("Longest YAML value, in bytes (default 1 MiB).", valueName: "BYTES"))
    var maxScalarBytes: Int?

    @Option(name: .customLong("max-expression-length"), help: ArgumentHelp("Longest expression, in characters (default 4096).", valueName: "N"))
    var maxExpressionLength: Int?

    @Option(name: .customLong("max-expression-depth"), help: ArgumentHelp("Deepest expression nesting (default 200).", valueName: "N"))
    var maxExpressionDepth: Int?

    @Option(name: .customLong("max-rules"), help: ArgumentHelp("Most rules in a catalog (default 100000).", valueName: "N"))
    var maxRules: Int?

    /// The input limits, defaults overridden by the options given.
    var limits: Limits {
        var l = Limits.default
        if let maxFileSize { l.maxFileSize = maxFileSize }
        if let maxDepth { l.maxDepth = maxDepth }
        if let maxAliasNodes { l.maxAliasExpansion = maxAliasNodes }
        if let maxScalarBytes { l.maxScalarLength = maxScalarBytes }
        if let maxExpressionLength { l.maxExpressionLength = maxExpressionLength }
        if let maxExpressionDepth { l.maxExpressionDepth = maxExpressionDepth }
        if let maxRules { l.maxRules = maxRules }
        return l
    }

    func validate() throws {
        for value in [maxFileSize, maxDepth, maxAliasNodes, maxScalarBytes, maxExpressionLength, maxExpressionDepth, maxRules] {
            if let value, value < 1 { throw ValidationError(LocalizedText.limitAtLeastOne().text(in: language)) }
        }
    }

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

    /// Compiles the catalog the options name (the shipped one without --rules), with the limits given.
    func compileCatalog() throws(Diagnostics) -> Catalog {
        let directories = rules.isEmpty ? [Catalog.shippedDirectory] : rules.map { URL(fileURLWithPath: $0) }
        return try Catalog(directories: directories, limits: limits)
    }

    /// Loads the catalog, printing every diagnostic; exits 2 when it has errors.
    func loadCatalog(printer: inout DiagnosticPrinter) throws -> Catalog {
        do {
            let catalog = try compileCatalog()
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
