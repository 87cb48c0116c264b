import Anjian
import Benchmark
import Foundation

/// A generated answer file for the shipped gas checklist, varied by index so sheets differ.
func answerFile(_ i: Int) -> [UInt8] {
    let flag = { (k: Int) in (i >> k) & 1 == 0 ? "true" : "false" }
    let text = """
        anjian-answers: 1
        enterprise: {name: 基准单位\(i), code: "9141032900\(String(format: "%08d", i))", town: 城关街道, sector: gas}
        inspection: {date: 2021-04-12, inspector: 基准, checklists: [gas]}
        answers:
          gas:
            roles: [瓶装液化气经营, 餐饮用气]
            license_valid: \(flag(0))
            lpg_storage: 在许可的储配站或供应站内储存
            lpg_transport_legal: \(flag(1))
            filling_licensed: \(flag(2))
            no_decanting: \(flag(3))
            user_check_system: \(flag(4))
            gas_source: 瓶装液化石油气
            appliances_ok: \(flag(5))
            hose_ok: \(flag(6))
            regulator_ok: \(flag(7))
            leak_alarm: 已安装且正常使用
            no_unauthorized_alteration: true
        """
    return Array(text.utf8)
}

let benchmarks: @Sendable () -> Void = {
    let catalog = try! Catalog.shipped
    let rulesDirectory = Catalog.shippedDirectory

    Benchmark("compile shipped catalog", configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try! Catalog(directory: rulesDirectory)) }
    }

    Benchmark("load and decode one answer file", configuration: .init(metrics: [.wallClock, .mallocCountTotal, .throughput])) { benchmark in
        let bytes = answerFile(1)
        for _ in benchmark.scaledIterations { blackHole(try! AnswerSheet(bytes: bytes, path: "a.yaml", for: catalog)) }
    }

    let sheet = try! AnswerSheet(bytes: answerFile(5), path: "a.yaml", for: catalog)
    Benchmark("evaluate one sheet (gas + main_responsibility)", configuration: .init(metrics: [.wallClock, .mallocCountTotal, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(catalog.evaluate(sheet)) }
    }

    Benchmark("decide one sheet (outcomes only, compiled plan)", configuration: .init(metrics: [.wallClock, .mallocCountTotal, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(catalog.decide(sheet)) }
    }

    let report = catalog.evaluate(sheet)
    for format in ReportFormat.allCases {
        Benchmark("render report as \(format.rawValue)", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(format.render(report, index: 0)) }
        }
    }

    // Batch throughput and memory: decode, evaluate and render N generated files one after another,
    // keeping nothing, as `evaluate` streams. Peak memory must not grow with N.
    for count in [1_000, 10_000, 100_000] {
        Benchmark("batch of \(count) answer files", configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, .throughput], maxDuration: .seconds(600), maxIterations: 1)) { benchmark in
            var findings = 0
            for i in 0..<count {
                let s = try! AnswerSheet(bytes: answerFile(i), path: "\(i).yaml", for: catalog)
                let r = catalog.evaluate(s)
                findings += r.findings.count
                blackHole(ReportFormat.json.render(r, index: i))
            }
            blackHole(findings)
        }
    }
}
