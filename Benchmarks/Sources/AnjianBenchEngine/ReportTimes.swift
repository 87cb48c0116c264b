import Anjian
import Foundation

/// With RENDER=1: what `anjian evaluate --format json` does per answer set once it is decoded,
/// split into building the report (`Catalog.evaluate`) and rendering it as JSON; µs per set, the
/// best of `runs`, in thread CPU time (other work on the machine is not counted). PHASE=evaluate,
/// render or both times one alone (for callgrind's `--toggle-collect=*Phase*`).
/// NOTE: the same few sets (SETS, 20) again and again, which stay in the cache as a set just
/// decoded does.
func reportTimes(_ decoded: [AnswerSheet], catalog: Catalog, runs: Int) {
    let environment = ProcessInfo.processInfo.environment
    let sheets = Array(decoded.prefix(Int(environment["SETS"] ?? "") ?? 20))
    let phase = environment["PHASE"]
    let rounds = Int(environment["ROUNDS"] ?? "") ?? max(1, 20_000 / sheets.count)
    let reports = sheets.map { catalog.evaluate($0) }
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e6 + Double(t.tv_nsec) / 1e3
    }
    func best(_ name: String, _ pass: () -> Int) -> String {
        guard phase == nil || phase == name else { return "" }
        var fastest = Double.infinity
        for _ in 0..<runs {
            let start = now()
            for _ in 0..<rounds { _ = pass() }
            fastest = min(fastest, (now() - start) / Double(sheets.count * rounds))
        }
        return "\(name) \((fastest * 100).rounded() / 100) µs  "
    }
    @inline(never) func evaluatePhase() -> Int { sheets.reduce(0) { $0 + catalog.evaluate($1).findings.count } }
    @inline(never) func renderPhase() -> Int {
        reports.reduce(0) { total, report in
            var rendered: [UInt8] = []
            ReportFormat.json.render(report, index: 0, into: &rendered)
            return total + rendered.count
        }
    }
    @inline(never) func bothPhase() -> Int {
        sheets.reduce(0) { total, sheet in
            var rendered: [UInt8] = []
            ReportFormat.json.render(catalog.evaluate(sheet), index: 0, into: &rendered)
            return total + rendered.count
        }
    }
    let line = best("evaluate", evaluatePhase) + best("render", renderPhase) + best("both", bothPhase)
    print("reports_json per set: \(line)(\(renderPhase() / sheets.count) bytes of JSON)")
}
