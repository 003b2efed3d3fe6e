import Foundation
public import SaimaBase
public import SaimaModel

/// Reads a fingerprint-probe file: one JSON object per line, `{"id": "…", "prompt": "…", "system"?: "…"}`, ids unique.
/// Every problem is reported as `path:line: message`, all at once.
public enum ProbeFile {
    /// Probe files above this size are refused.
    public static let limit = 16 << 20

    public static func load(path: String, waves: Int) throws(DiagnosticsError) -> FingerprintProbes {
        let data: Data
        switch BoundedRead.regularFile(path, limit: limit) {
        case .success(let d): data = d
        case .failure(let failure):
            throw DiagnosticsError([Diagnostic(path: path, line: 0, message: "the probe file " + BoundedRead.message(failure, limit: limit))])
        }
        var diagnostics: [Diagnostic] = []
        var items: [Item] = []
        var seen: Set<String> = []
        let text = String(decoding: data, as: UTF8.self)
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            func problem(_ m: String) { diagnostics.append(Diagnostic(path: path, line: n + 1, message: m)) }
            guard let value = try? JSONValue.parse(trimmed), case .object(let o) = value else {
                problem("not a JSON object / 不是 JSON 对象")
                continue
            }
            guard let id = o["id"]?.stringValue, !id.isEmpty else {
                problem("missing `id` / 缺少 id")
                continue
            }
            guard let prompt = o["prompt"]?.stringValue, !prompt.isEmpty else {
                problem("probe `\(id)` needs a non-empty `prompt` / 缺少 prompt")
                continue
            }
            for key in o.keys.sorted() where !["id", "prompt", "system"].contains(key) {
                problem("probe `\(id)`: unknown field `\(key)` (a probe has id, prompt, system)")
            }
            guard seen.insert(id).inserted else {
                problem("duplicate probe id `\(id)` / 探针 id 重复")
                continue
            }
            items.append(Item(id: id, type: .generation, prompt: prompt, system: o["system"]?.stringValue, answer: .texts([]),
                              raw: value, line: n + 1))
        }
        if items.isEmpty, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "the probe file holds no probes / 探针文件为空"))
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return FingerprintProbes(items: items, waves: waves, sha256: SHA256Digest.hex(data))
    }
}
