import Anjian
import Foundation

// The peer kit's protocol: compile the workload's catalog once, decode every answer set before
// timing, evaluate all rules on every set single-threaded `runs` times, check the fired counts
// against the reference, and print one JSON line.
let environment = ProcessInfo.processInfo.environment
guard let workload = environment["WORKLOAD"] else {
    FileHandle.standardError.write(Data("AnjianBenchEngine: set WORKLOAD to the kit's workload folder\n".utf8))
    exit(2)
}
let runs = max(5, Int(environment["RUNS"] ?? "") ?? 5)
let root = URL(fileURLWithPath: workload)

let compileStart = DispatchTime.now().uptimeNanoseconds
let catalog: Catalog
do {
    catalog = try Catalog(directory: root.appendingPathComponent("anjian-rules"))
} catch {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(2)
}
let compileMs = Double(DispatchTime.now().uptimeNanoseconds - compileStart) / 1e6

let ndjson = try String(contentsOf: root.appendingPathComponent("anjian-answers.ndjson"), encoding: .utf8)
var sheets: [AnswerSheet] = []
let ndjsonPath = root.appendingPathComponent("anjian-answers.ndjson").relativePath
// RENDER=1 times reports instead, on at most the first 100 sets (ReportTimes.swift).
let reportsOnly = environment["RENDER"] == "1"
for (index, line) in ndjson.split(separator: "\n", maxSplits: reportsOnly ? 100 : .max, omittingEmptySubsequences: false).enumerated()
where !line.isEmpty && !(reportsOnly && sheets.count == 100) {
    do {
        // Located as `evaluate` locates a stream's documents: file, line in the stream, column.
        sheets.append(try AnswerSheet(bytes: Array(line.utf8), path: ndjsonPath, firstLine: index + 1, for: catalog))
    } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        exit(2)
    }
}
if reportsOnly {
    reportTimes(sheets, catalog: catalog, runs: runs)
    exit(0)
}
let expectedData = try Data(contentsOf: root.appendingPathComponent("expected.json"))
let expected = ((try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])?["fired_per_set"] as? [Int]) ?? []
let rules = catalog.allRules.filter { $0.checklist == "bench" }.count

/// Times `runs` single-threaded passes over every set; the first pass is checked against the kit.
@MainActor func measure(_ count: (AnswerSheet) -> (fired: Int, clean: Bool)) -> (walls: [Double], verified: Bool) {
    var walls: [Double] = []
    var verified = expected.count == sheets.count
    for run in 0..<runs {
        var fired = [Int](repeating: 0, count: sheets.count)
        var clean = true
        let start = DispatchTime.now().uptimeNanoseconds
        // NOTE: the sheets are borrowed in place; copying each out of the array would cost more than deciding it.
        sheets.withUnsafeBufferPointer { sheets in
            for i in sheets.indices {
                let (n, c) = count(sheets[i])
                fired[i] = n
                clean = clean && c
            }
        }
        walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        if run == 0 { verified = verified && clean && fired == expected }
    }
    return (walls, verified)
}

@MainActor func line(key: String, variant: String, _ result: (walls: [Double], verified: Bool)) -> String {
    let median = result.walls.sorted()[result.walls.count / 2]
    let n = sheets.count
    let fields: [String: Any] = [
        "key": key, "peer": "Anjian", "variant": variant, "version": "0.1.0",
        "rules": rules, "n": n, "runs": runs, "compile_ms": (compileMs * 10).rounded() / 10,
        "eval_wall_s_median": median, "eval_wall_s_all": result.walls,
        "ns_per_rule_eval": median / Double(max(1, n * rules)) * 1e9, "sets_per_s": Double(n) / median,
        "verified": result.verified,
    ]
    let json = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    return String(decoding: json, as: UTF8.self)
}

// The kit's line: every rule decided through the compiled plan, as the peers return booleans.
let decided = measure { sheet in
    let decisions = catalog.decide(sheet)
    return (decisions.count(.fired), decisions.count(.undetermined) == 0 && decisions.count(.notApplicable) == 0)
}
print(line(key: "swift_engine", variant: "Catalog.decide, 1 thread", decided))
// Context (skipped with REPORTS=0): full reports (findings with evidence, deadlines, departments), as `anjian evaluate` builds them.
if environment["REPORTS"] != "0" {
let reported = measure { sheet in
    let report = catalog.evaluate(sheet)
    return (report.findings.count, report.undetermined.isEmpty && report.notApplicable.isEmpty)
}
print(line(key: "swift_engine_reports", variant: "Catalog.evaluate (full reports), 1 thread", reported))
}
