package import SaimaModel
package import SaimaRegistry

/// Which tracks and teams a round covers, by id; an unknown id is an error, never silently dropped.
package enum Selection {
    /// Ids named on the command line or in a round file that no track or submission has.
    package struct UnknownIDs: Error, CustomStringConvertible {
        package var kind: Kind
        package var ids: [String]
        /// The round file that named them, when one did.
        package var source: String?

        package enum Kind: Sendable { case track, team }

        package var description: String {
            let list = ids.joined(separator: ", ")
            let place = source.map { " in \($0)" } ?? ""
            switch kind {
            case .track: return "unknown track(s)\(place): \(list) / 未知赛道"
            case .team: return "unknown team(s)\(place): \(list) / 未知队伍"
            }
        }
    }

    /// The registry's tracks with these ids (all of them when `ids` is empty), in registry order.
    package static func tracks(_ registry: TrackRegistry, ids: [String], source: String? = nil) throws(UnknownIDs)
        -> [Track]
    {
        guard !ids.isEmpty else { return registry.tracks }
        let unknown = Set(ids).subtracting(registry.tracks.map(\.id))
        if !unknown.isEmpty { throw UnknownIDs(kind: .track, ids: unknown.sorted(), source: source) }
        return registry.tracks.filter { ids.contains($0.id) }
    }

    /// The submissions with these ids (all of them when `ids` is empty).
    package static func teams(_ all: [Submission], ids: [String], source: String? = nil) throws(UnknownIDs)
        -> [Submission]
    {
        guard !ids.isEmpty else { return all }
        let unknown = Set(ids).subtracting(all.map(\.id))
        if !unknown.isEmpty { throw UnknownIDs(kind: .team, ids: unknown.sorted(), source: source) }
        return all.filter { ids.contains($0.id) }
    }
}
