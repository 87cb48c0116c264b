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
        let catalog = try rulesOptions.loadCatalog(printer: &printer)
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // NOTE: inputs are evaluated a window at a time and written in input order, so memory stays
        // flat however many files there are; the window keeps every core busy.
        let window = max(1, workers * 8)
        var sink = try ReportSink(path: output, language: rulesOptions.language)
        var progress = ProgressBar(total: AnswerInputs.count(answers), language: rulesOptions.language)
        var inputs = AnswerInputs(answers)
        var total = 0, reports = 0, failedFiles = 0
        var incomplete: [String] = []
        var failing = false
        var finished = false
        while !finished {
            var batch: [AnswerInput] = []
            while batch.count < window, let input = inputs.next() { batch.append(input) }
            finished = batch.count < window
            if batch.isEmpty { break }
            let outcomes = evaluate(batch, catalog: catalog, workers: workers, startIndex: reports)
            for o in outcomes {
                total += 1
                if let rendered = o.rendered {
                    if reports == 0 { try sink.write(format.prologue()) }
                    try sink.write(bytes: rendered)
                    reports += 1
                    if o.undetermined { incomplete.append(o.display) }
                    failing = failing || o.failing
                } else {
                    failedFiles += 1
                    printer.print(o.diagnostics)
                }
                progress.update(done: total, failed: failedFiles)
            }
        }
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

    /// Evaluates a window of inputs on `workers` threads; results come back in input order.
    private func evaluate(_ batch: [AnswerInput], catalog: Catalog, workers: Int, startIndex: Int) -> [Outcome] {
        let slots = OutcomeSlots(count: batch.count)
        let format = self.format, failOn = self.failOn, limits = rulesOptions.limits
        let work: @Sendable (Int) -> Void = { i in
            let input = batch[i]
            var outcome = Outcome(display: input.display)
            do throws(Diagnostics) {
                let sheet: AnswerSheet
                switch input.source {
                case .file(let url): sheet = try AnswerSheet(contentsOf: url, displayPath: input.display, for: catalog, limits: limits)
                case .bytes(let bytes, let line): sheet = try AnswerSheet(bytes: bytes, path: input.display, firstLine: line, for: catalog, limits: limits)
                }
                let report = catalog.evaluate(sheet)
                // NOTE: the index only decides separators between reports; failed files are skipped by the caller.
                var rendered: [UInt8] = []
                format.render(report, index: startIndex + i, into: &rendered)
                outcome.rendered = rendered
                outcome.undetermined = !report.undetermined.isEmpty
                if let failOn { outcome.failing = report.findings.contains { $0.severity <= failOn } }
            } catch {
                outcome.diagnostics = error.all
            }
            slots.set(i, outcome)
        }
        if workers == 1 || batch.count == 1 {
            for i in batch.indices { work(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: batch.count, execute: work)
        }
        return slots.all
    }

    /// Results of one window, filled from several threads; each slot is written exactly once.
    private final class OutcomeSlots: @unchecked Sendable {
        private var values: [Outcome?]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: Outcome) { lock.lock(); values[i] = value; lock.unlock() }
        var all: [Outcome] { lock.lock(); defer { lock.unlock() }; return values.map { $0 ?? Outcome() } }
    }
}

extension Severity: ExpressibleByArgument {}
