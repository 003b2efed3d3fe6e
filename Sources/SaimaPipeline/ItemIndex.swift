import SaimaBase
import SaimaModel

/// Items by (track, set, item) for looking up stored answers.
struct ItemIndex: Sendable {
    /// (track, set) ids.
    struct SetKey: Hashable, Sendable {
        var track: String
        var set: String
    }

    private let tracks: [Track]
    /// Positions, not copies: per (track, set) id pair, its sets (later ones first: a later set with the same ids
    /// wins, item by item) with their ids and a table of positions over them. 100,000 items take about 1 MB
    /// beside their ids (a table keyed by (track, set, item) took 9.4).
    private var tables: [SetKey: [(track: Int, set: Int, ids: [String], positions: PositionTable)]] = [:]

    init(tracks: [Track]) {
        self.tracks = tracks
        for (t, track) in tracks.enumerated() {
            for (s, set) in track.questionSets.enumerated() {
                let ids = set.items.ids
                tables[SetKey(track: track.id, set: set.id), default: []].insert((t, s, ids, PositionTable(ids)), at: 0)
            }
        }
    }

    /// The item (read back when on demand) and its set; throws when the item cannot be read back.
    subscript(key: ResultKey) -> (Item, QuestionSet)? {
        get throws(ItemReadError) {
            guard let e = try entry(key) else { return nil }
            return (e.item, e.set)
        }
    }

    /// The item, its set and the track that holds it.
    func entry(_ key: ResultKey) throws(ItemReadError) -> (item: Item, set: QuestionSet, track: Track)? {
        for entry in tables[SetKey(track: key.track, set: key.set)] ?? [] {
            guard let i = entry.positions.position(of: key.item, in: entry.ids) else { continue }
            let set = tracks[entry.track].questionSets[entry.set]
            return (try set.items.item(at: i), set, tracks[entry.track])
        }
        return nil
    }
}
