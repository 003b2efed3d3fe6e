import Foundation
import SaimaModel
import SaimaPipeline
import SaimaRunner
import SaimaStorage

/// Run folders written directly for the pipeline's tests: a temporary root removed by `remove()`, results appended
/// to a folder's database as a run would, and a manifest frozen the way `RoundPipeline` freezes it.
struct RunFolderFixture {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("saima-pipeline-" + UUID().uuidString).path

    func path(_ relative: String) -> String { root + "/" + relative }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    static func submission(_ team: String, tracks: [String] = ["t"]) -> Submission {
        Submission(
            id: team, team: LocalizedText(zh: team, en: team), contact: nil, tracks: tracks,
            endpoint: EndpointSettings(baseURL: "http://127.0.0.1:9/v1", model: "m"), path: "")
    }

    /// One stored request of `team` for item `item` of set t/s.
    static func result(_ team: String, _ item: String, _ outcome: Outcome = .ok, content: String? = "答案：B",
                       latencyMs: Double = 100, track: String = "t", set: String = "s") -> ItemResult {
        ItemResult(
            key: ResultKey(team: team, track: track, set: set, item: item, sample: 0), outcome: outcome,
            httpStatus: outcome == .ok ? 200 : 0, attempts: [], latencyMs: latencyMs,
            content: outcome == .ok ? content : nil, promptHash: "h", templateVersion: "v",
            finishedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// A store at `relative` holding `results` (appended in order: a later result for the same key supersedes the
    /// earlier one) and, when `round` is given, a frozen manifest of that round over `tracks` and `teams`.
    @discardableResult
    func store(_ relative: String, results: [ItemResult], round: String? = nil, tracks: [Track] = [],
               teams: [String] = []) throws -> RunStore {
        let folder = path(relative)
        let store = try RunStore(folder: folder)
        if let round {
            let manifest = RunManifest(
                round: round, split: .dev, samples: 1, seed: 9, tracks: tracks, submissions: teams.map { Self.submission($0) })
            try RunManifestStore.freeze(manifest, store: store, folder: folder)
        }
        if !results.isEmpty { _ = try store.appendResults(results) }
        return store
    }
}
