import CallAuditCore
import Foundation
import OfflineAnalyzer

/// Prints how long the offline analyzer takes per call, for the demo's sample dialogs and for a long call made of
/// them (`swift run -c release callaudit-analyzer-benchmark [samples/calls.jsonl]`).
@main
struct AnalyzerBenchmark {
    struct Sample: Decodable {
        let call_id: String
        let dialog_text: String
    }

    static func main() throws {
        let path = CommandLine.arguments.dropFirst().first ?? "samples/calls.jsonl"
        let samples = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Sample.self, from: Data($0.utf8)) }
        let analyzer = OfflineAnalyzer()
        let long = Sample(call_id: "long (all samples, \(samples.count) calls joined)",
                          dialog_text: samples.map(\.dialog_text).joined(separator: "\n"))
        for sample in samples + [long] {
            let rounds = sample.call_id.hasPrefix("long") ? 200 : 2000
            var checksum = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for _ in 0..<rounds { checksum &+= analyzer.analyze(text: sample.dialog_text, mode: .manager).totalScore }
            }
            let microseconds = Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6
            print(String(format: "%-40@ %8.1f µs per call  (%d chars, checksum %d)",
                         sample.call_id as NSString, microseconds / Double(rounds), sample.dialog_text.count, checksum))
        }
    }
}
