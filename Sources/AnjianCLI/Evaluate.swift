import Anjian
import ArgumentParser
import Foundation

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate answer files against the rules and report the findings.")

    @OptionGroup var rulesOptions: RulesOptions

    @Argument(help: ArgumentHelp("Answer files (YAML), folders (searched recursively) or '-' for NDJSON or a YAML stream on standard input.", valueName: "ANSWERS"))
    var answers: [String]

    @Option(help: "Output format: text, json (several files give one JSON object per line), markdown, csv or html.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to FILE (whole or not at all) instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this severe: major or general.")
    var failOn: Severity?

    @Flag(help: "Exit 2 when any rule is undetermined because answers are missing.")
    var strict = false

    @Option(help: "How many answer files to evaluate at once (default: every core).")
    var jobs: Int?

    func validate() throws {
        if answers.isEmpty { throw ValidationError(LocalizedText.noAnswerFiles().text(in: rulesOptions.language)) }
        if let jobs, jobs < 1 { throw ValidationError(LocalizedText.jobsAtLeastOne().text(in: rulesOptions.language)) }
    }

    /// What evaluating one answer file gave: its rendered report, or its diagnostics.
    private struct Outcome: Sendable {
        var rendered: [UInt8]?
        var diagnostics: [Diagnostic] = []
        var undetermined = false
        var failing = false
        var display = ""
    }

    func run() throws {
        var printer = rulesOptions.printer()
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var sink: ReportSink?
        var progress: ProgressBar?
        var total = 0, reports = 0, failedFiles = 0
        var incomplete: [String] = []
        var failing = false
        let limits = rulesOptions.limits
        // NOTE: reports are written in input order as they complete; at most `workers * 16` inputs
        // are in flight, so memory stays flat however many files there are. The first files are
        // read while the catalog compiles.
        try EvaluationPipeline.run(
            AnswerInputs(answers), workers: workers, inFlight: workers * 16, prefetch: workers * 128,
            prepare: { input in
                switch input.source {
                case .file(let url): AnswerDocument.read(contentsOf: url, displayPath: input.display, limits: limits)
                case .bytes(let bytes, let line): AnswerDocument(bytes: bytes, path: input.display, firstLine: line, limits: limits)
                }
            },
            context: {
                let catalog = try rulesOptions.loadCatalog(printer: &printer)
                sink = try ReportSink(path: output, language: rulesOptions.language)
                progress = ProgressBar(total: AnswerInputs.count(answers), language: rulesOptions.language)
                return catalog
            },
            finish: evaluator()
        ) { o in
            total += 1
            if let rendered = o.rendered {
                if reports == 0 { try sink!.write(format.prologue()) }
                try sink!.write(bytes: rendered)
                reports += 1
                if o.undetermined { incomplete.append(o.display) }
                failing = failing || o.failing
            } else {
                failedFiles += 1
                printer.print(o.diagnostics)
            }
            progress!.update(done: total, failed: failedFiles)
        }
        guard var sink, let progress else { return }
        progress.finish()
        // NOTE: when no file could be evaluated there is no report, and an existing --output file is left alone.
        if reports > 0 {
            try sink.write(format.epilogue())
            try sink.commit()
        } else {
            sink.discard()
        }
        if failedFiles > 0 {
            printer.printLine(.answerFilesFailed(failedFiles, of: total))
            throw ExitCode(2)
        }
        if strict, !incomplete.isEmpty {
            for path in incomplete {
                printer.printLine(.incompleteAnswers(path))
            }
            throw ExitCode(2)
        }
        if failing { throw ExitCode(1) }
    }

    /// What one input, already read, becomes: its report rendered (`index` says where it is in the
    /// stream, for separators between reports), or its diagnostics.
    private func evaluator() -> @Sendable (AnswerDocument, Int, Catalog) -> Outcome {
        let format = self.format, failOn = self.failOn
        return { document, index, catalog in
            var outcome = Outcome(display: document.path)
            do throws(Diagnostics) {
                let sheet = try AnswerSheet(document, for: catalog)
                let report = catalog.evaluate(sheet)
                var rendered: [UInt8] = []
                format.render(report, index: index, into: &rendered)
                outcome.rendered = rendered
                outcome.undetermined = !report.undetermined.isEmpty
                if let failOn { outcome.failing = report.findings.contains { $0.severity <= failOn } }
            } catch {
                outcome.diagnostics = error.all
            }
            return outcome
        }
    }
}

extension Severity: ExpressibleByArgument {}
