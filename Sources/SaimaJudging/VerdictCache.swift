package import SaimaModel
package import SaimaStorage
import Synchronization

extension RunStore: VerdictCache {
    package func verdict(model: String, template: String, itemKey: String, answerHash: String) async throws -> JudgeCacheEntry? {
        try judgeCache(model: model, template: template, itemKey: itemKey, answerHash: answerHash)
    }

    package func save(_ entry: JudgeCacheEntry) async throws { try saveJudgeCache(entry) }
}

/// Verdicts held in memory for the life of the process.
package final class MemoryVerdictCache: VerdictCache {
    private let entries = Mutex<[String: JudgeCacheEntry]>([:])

    package init() {}

    static func key(_ model: String, _ template: String, _ itemKey: String, _ answerHash: String) -> String {
        [model, template, itemKey, answerHash].joined(separator: "\u{1F}")
    }

    package func verdict(model: String, template: String, itemKey: String, answerHash: String) async throws -> JudgeCacheEntry? {
        entries.withLock { $0[Self.key(model, template, itemKey, answerHash)] }
    }

    package func save(_ entry: JudgeCacheEntry) async throws {
        entries.withLock { $0[Self.key(entry.judgeModel, entry.templateVersion, entry.itemKey, entry.answerHash)] = entry }
    }

    /// How many verdicts are held.
    package var count: Int { entries.withLock { $0.count } }
}

/// A run folder's verdicts in front of a shared store's (a PostgreSQL round, many hosts): a verdict is looked up in
/// the folder first, then in the shared store — and copied into the folder, where scoring and `round verify` read
/// it — and every new verdict is saved in both (the shared store's copy wins when two hosts raced). Hosts judging the same answers then pay for each verdict once.
package struct LayeredVerdictCache: VerdictCache {
    package let local: RunStore
    package let shared: any VerdictCache

    package init(local: RunStore, shared: any VerdictCache) {
        self.local = local
        self.shared = shared
    }

    package func verdict(model: String, template: String, itemKey: String, answerHash: String) async throws -> JudgeCacheEntry? {
        if let found = try await local.verdict(model: model, template: template, itemKey: itemKey, answerHash: answerHash) {
            return found
        }
        guard let found = try await shared.verdict(model: model, template: template, itemKey: itemKey, answerHash: answerHash)
        else { return nil }
        try await local.save(found)
        return found
    }

    /// Saves in the shared store, then keeps in the folder whatever the shared store holds for the key (another host
    /// may have saved a verdict for the same answer first: that one counts everywhere).
    package func save(_ entry: JudgeCacheEntry) async throws {
        try await shared.save(entry)
        let kept = try await shared.verdict(
            model: entry.judgeModel, template: entry.templateVersion, itemKey: entry.itemKey, answerHash: entry.answerHash)
        try await local.save(kept ?? entry)
    }
}
