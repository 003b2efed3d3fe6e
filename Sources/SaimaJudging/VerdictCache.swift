package import SaimaStorage
import Synchronization

/// Where judge verdicts are kept, so that the same answer is never judged twice: keyed by judge model, template
/// version, item (with its content hash) and answer hash. A run folder's database in service (`RunStore`); memory
/// for one process (`MemoryVerdictCache`).
package protocol VerdictCache: Sendable {
    func verdict(model: String, template: String, itemKey: String, answerHash: String) throws -> JudgeCacheEntry?
    func save(_ entry: JudgeCacheEntry) throws
}

extension RunStore: VerdictCache {
    package func verdict(model: String, template: String, itemKey: String, answerHash: String) throws -> JudgeCacheEntry? {
        try judgeCache(model: model, template: template, itemKey: itemKey, answerHash: answerHash)
    }

    package func save(_ entry: JudgeCacheEntry) throws { try saveJudgeCache(entry) }
}

/// Verdicts held in memory for the life of the process.
package final class MemoryVerdictCache: VerdictCache {
    private let entries = Mutex<[String: JudgeCacheEntry]>([:])

    package init() {}

    static func key(_ model: String, _ template: String, _ itemKey: String, _ answerHash: String) -> String {
        [model, template, itemKey, answerHash].joined(separator: "\u{1F}")
    }

    package func verdict(model: String, template: String, itemKey: String, answerHash: String) throws -> JudgeCacheEntry? {
        entries.withLock { $0[Self.key(model, template, itemKey, answerHash)] }
    }

    package func save(_ entry: JudgeCacheEntry) throws {
        entries.withLock { $0[Self.key(entry.judgeModel, entry.templateVersion, entry.itemKey, entry.answerHash)] = entry }
    }

    /// How many verdicts are held.
    package var count: Int { entries.withLock { $0.count } }
}
