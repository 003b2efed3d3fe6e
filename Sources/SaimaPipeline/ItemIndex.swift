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

    subscript(key: ResultKey) -> (Item, QuestionSet)? {
        entry(key).map { ($0.item, $0.set) }
    }

    /// The item, its set and the track that holds it.
    func entry(_ key: ResultKey) -> (item: Item, set: QuestionSet, track: Track)? {
        for entry in tables[SetKey(track: key.track, set: key.set)] ?? [] {
            guard let i = entry.positions.position(of: key.item, in: entry.ids) else { continue }
            let set = tracks[entry.track].questionSets[entry.set]
            return (set.items[i], set, tracks[entry.track])
        }
        return nil
    }
}
