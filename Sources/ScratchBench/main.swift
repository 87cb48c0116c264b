import AnjianYAML
import Anjian
import Foundation

let w = "/tmp/anjian-bench-workload"
let catalog = try! Catalog(directory: URL(fileURLWithPath: w + "/anjian-rules"))
let dir = w + "/anjian-answers"
let names = try! FileManager.default.contentsOfDirectory(atPath: dir).sorted()
let files = names.map { (dir + "/" + $0, [UInt8](FileManager.default.contents(atPath: dir + "/" + $0)!)) }
func time(_ label: String, _ body: () -> Void) {
    var best = Double.infinity
    func cpu() -> Double { var ts = timespec(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9 }
    for _ in 0..<7 { let t = cpu(); body(); best = min(best, cpu() - t) }
    print(label, String(format: "%.1f µs/file", best / Double(files.count) * 1e6))
}
let mode = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "all"
if mode == "all" || mode == "tree" {
    time("loadTree") { var n = 0; for f in files { n += YAMLLoader().loadTree(f.1, path: f.0).tree.roots.count }; precondition(n > 0) }
}
if mode == "all" || mode == "sheet" {
    time("sheet") { var n = 0; for f in files { n += try! AnswerSheet(bytes: f.1, path: f.0, for: catalog).path.count }; precondition(n > 0) }
}
