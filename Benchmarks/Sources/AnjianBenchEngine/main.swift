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
for (index, line) in ndjson.split(separator: "\n").enumerated() {
    do {
        sheets.append(try AnswerSheet(bytes: Array(line.utf8), path: "anjian-answers.ndjson:\(index + 1)", for: catalog))
    } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        exit(2)
    }
}
let expectedData = try Data(contentsOf: root.appendingPathComponent("expected.json"))
let expected = ((try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])?["fired_per_set"] as? [Int]) ?? []
let rules = catalog.allRules.filter { $0.checklist == "bench" }.count

var walls: [Double] = []
var verified = expected.count == sheets.count
for run in 0..<runs {
    var fired = [Int](repeating: 0, count: sheets.count)
    var clean = true
    let start = DispatchTime.now().uptimeNanoseconds
    for (i, sheet) in sheets.enumerated() {
        let report = catalog.evaluate(sheet)
        fired[i] = report.findings.count
        clean = clean && report.undetermined.isEmpty && report.notApplicable.isEmpty
    }
    walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    if run == 0 { verified = verified && clean && fired == expected }
}
let median = walls.sorted()[walls.count / 2]
let n = sheets.count
let line: [String: Any] = [
    "key": "swift_engine", "peer": "Anjian", "variant": "Catalog.evaluate, 1 thread", "version": "0.1.0",
    "rules": rules, "n": n, "runs": runs, "compile_ms": (compileMs * 10).rounded() / 10,
    "eval_wall_s_median": median, "eval_wall_s_all": walls,
    "ns_per_rule_eval": median / Double(max(1, n * rules)) * 1e9, "sets_per_s": Double(n) / median, "verified": verified,
]
let json = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
