import Foundation
import SaimaModel
import SaimaStorage

/// Temporary run folders and results shared by the storage tests.
enum StorageFixture {
    /// A new, not yet created folder under the system's temporary directory; remove it with `remove(_:)`.
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("saima-storage-\(UUID().uuidString)").path
    }

    static func remove(_ folder: String) { try? FileManager.default.removeItem(atPath: folder) }

    static func key(_ item: String, team: String = "t", sample: Int = 0) -> ResultKey {
        ResultKey(team: team, track: "law", set: "s", item: item, sample: sample)
    }

    /// A result with one attempt; HTTP 200 when `outcome` is ok, 500 otherwise.
    static func result(
        _ item: String, _ outcome: Outcome = .ok, content: String? = "B", team: String = "t", sample: Int = 0,
        latencyMs: Double = 12.5, finishedAt: Double = 1_800_000_000, usage: (prompt: Int, completion: Int)? = nil
    ) -> ItemResult {
        ItemResult(
            key: key(item, team: team, sample: sample), outcome: outcome, httpStatus: outcome == .ok ? 200 : 500,
            attempts: [
                AttemptRecord(status: outcome == .ok ? 200 : 500, outcome: outcome, latencyMs: latencyMs, detail: nil)
            ],
            latencyMs: latencyMs, content: content, promptHash: "p", templateVersion: "v1", usage: usage,
            finishedAt: Date(timeIntervalSince1970: finishedAt))
    }

    /// A plain score of one answer.
    static func score(_ key: ResultKey, _ value: Double, reason: String = "r", variant: Int? = nil) -> StoredScore {
        StoredScore(
            key: key, score: value, reason: reason, extracted: nil, metric: "exact", metricVersion: 1,
            unextractable: false, variant: variant)
    }
}
