import SaimaBase
import Foundation
import SaimaModel
import SaimaRegistry
import Testing

/// The fingerprint-probe file: every problem as `path:line`, all at once; a device or an oversized file refused
/// without being read.
struct ProbeFileTests {
    @Test func everyProblemIsReportedAtItsLine() throws {
        let path = NSTemporaryDirectory() + "saima-probes-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            {"id":"p1","prompt":"介绍一下你自己。"}
            not json
            {"id":"p1","prompt":"again"}
            {"id":"p3"}
            {"id":"p4","prompt":"x","temperature":0}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ProbeFile.load(path: path, waves: 4)
            Issue.record("a bad probe file must be refused")
        } catch {
            let lines = error.diagnostics.map { "\($0.line): \($0.message)" }
            #expect(lines == [
                "2: not a JSON object / 不是 JSON 对象", "3: duplicate probe id `p1` / 探针 id 重复",
                "4: probe `p3` needs a non-empty `prompt` / 缺少 prompt",
                "5: probe `p4`: unknown field `temperature` (a probe has id, prompt, system)",
            ], "\(lines)")
        }
        try "{\"id\":\"p1\",\"prompt\":\"介绍一下你自己。\",\"system\":\"s\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let probes = try ProbeFile.load(path: path, waves: 5)
        #expect(probes.items.count == 1 && probes.items[0].system == "s" && probes.waves == 5 && probes.sha256.count == 64)
    }

    @Test func aDeviceIsRefusedWithoutReadingIt() {
        do {
            _ = try ProbeFile.load(path: "/dev/zero", waves: 4)
            Issue.record("/dev/zero must be refused")
        } catch {
            #expect(error.diagnostics.first?.message == "the probe file is not a regular file / 不是普通文件")
        }
    }
}
