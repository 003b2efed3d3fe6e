import SaimaBase
package import SaimaModel

/// The scored answers of a round as compact rows: 32 bytes an answer, where a record keyed by four strings, two
/// optional strings and three optional numbers took 192 (and every aggregate hashed those strings again).
///
/// Definitions:
/// - a row's team is its position in the input's teams; answers of teams the input does not list are dropped
///   (no board shows them);
/// - items are numbered in the input's order, track by track and set by set, so each input track's items are
///   one range and each set's items another. Tracks, sets and items an answer names that the input does not
///   list get numbers after those: they count in a team's answered, failed and token statistics, never in a
///   score;
/// - a set listing one item id twice (which the registry refuses): answers go to its first position;
/// - a latency is kept to the microsecond, from 0 to 4,294 s (the runner's timeouts stop at 3,600 s; a stored value
///   outside that range, or not a number, is clamped into it, NaN to 0);
/// - rule and strength names are numbered in the order rows bring them; past the 254th distinct name every further
///   one is counted as `AnswerTable.otherName` (a round's readings use a few dozen).
package struct AnswerTable: Sendable {
    package struct Row: Sendable {
        /// In [0, 1]; 0 for failures and unextractable answers.
        package var score: Double
        /// Position in the input's teams.
        package var team: Int32
        /// Position in `setIDs` (its track is `setTrack[set]`).
        package var set: Int32
        /// The item's number (see the type's definition).
        package var item: Int32
        /// Prompt plus completion tokens (each clamped when stored, so the sum fits).
        package var tokens: UInt32
        /// The latency in whole microseconds (see the table's definition).
        package private(set) var latencyMicroseconds: UInt32
        /// Positions in `names` of the extraction rule and its strength; `none` when there is none.
        private var ruleSlot: UInt8
        private var strengthSlot: UInt8
        package var outcome: Outcome
        private var flags: UInt8

        static let none: UInt8 = .max

        init(team: Int32, set: Int32, item: Int32, tokens: UInt32, rule: UInt8, strength: UInt8, outcome: Outcome,
             unextractable: Bool, pending: Bool, plainSources: Bool, score: Double, latencyMs: Double,
             answerMoved: Bool? = nil, asWritten: Bool? = nil)
        {
            self.team = team
            self.set = set
            self.item = item
            self.tokens = tokens
            ruleSlot = rule
            strengthSlot = strength
            self.outcome = outcome
            flags = (unextractable ? 1 : 0) | (pending ? 2 : 0) | (plainSources ? 4 : 0)
                | (answerMoved == nil ? 0 : 8) | (answerMoved == true ? 16 : 0)
                | (asWritten == nil ? 0 : 32) | (asWritten == true ? 64 : 0)
            self.score = score
            latencyMicroseconds = Self.microseconds(latencyMs)
        }

        /// `ms` in whole microseconds, clamped to what 32 bits hold (see the table's definition).
        static func microseconds(_ ms: Double) -> UInt32 {
            guard ms.isFinite else { return ms == .infinity ? .max : 0 }
            let us = (ms * 1000).rounded()
            return us <= 0 ? 0 : us >= Double(UInt32.max) ? .max : UInt32(us)
        }

        /// The latency in milliseconds, to the microsecond.
        package var latencyMs: Double { Double(latencyMicroseconds) / 1000 }
        /// Positions in `names` of the extraction rule and of its strength; -1 when none.
        package var rule: Int32 { ruleSlot == Self.none ? -1 : Int32(ruleSlot) }
        package var strength: Int32 { strengthSlot == Self.none ? -1 : Int32(strengthSlot) }
        package var unextractable: Bool { flags & 1 != 0 }
        /// Waits for a judge (LLM or human); counts 0 until judged.
        package var pending: Bool { flags & 2 != 0 }
        /// The per-source scores are the plain case: `auto` = `score`, no judge, no human.
        var plainSources: Bool { flags & 4 != 0 }
        /// For a shuffled choice item: whether the right answer was shown under another letter (`MemorizationProbe`).
        package var answerMoved: Bool? { flags & 8 == 0 ? nil : flags & 16 != 0 }
        /// For an item with variants: whether the team was shown it as written (not a paraphrase).
        package var asWritten: Bool? { flags & 32 == 0 ? nil : flags & 64 != 0 }
    }

    /// The name rows past the 254th distinct rule or strength name are counted under.
    package static let otherName = "other / 其他"

    package private(set) var rows: [Row] = []
    /// Per-source scores of the rows that are not the plain case (`Row.plainSources`), by row position.
    private var sources: [Int32: SourceValues] = [:]
    /// Row positions of each track's answers, by position in `trackIDs`, as runs of consecutive rows: answers arrive
    /// grouped by team and track, so a track holds about one run per team (4 bytes a row when they alternate).
    private var trackRuns: [[Range<Int32>]]
    /// Track ids: the input's tracks in order, then any other an answer named.
    package private(set) var trackIDs: [String]
    /// Set ids and their track's position: the input's sets in order, then any other an answer named.
    package private(set) var setIDs: [String]
    package private(set) var setTrack: [Int32]
    /// The item numbers of each input track (by position in the input's tracks).
    package let trackItems: [Range<Int>]
    /// The item numbers of each input set (by position in `setIDs`).
    package let setItems: [Range<Int>]
    /// The positions in `setIDs` of each input track's sets (by position in the input's tracks).
    package let trackSets: [Range<Int>]
    /// Item numbers given so far: the input's items, then any other an answer named.
    package private(set) var itemCount: Int
    /// Every rule or strength name a row refers to.
    package private(set) var names: [String] = []
    package let teamCount: Int

    private struct SetKey: Hashable {
        var track: Int32
        var set: String
    }

    private struct ItemKey: Hashable {
        var set: Int32
        var item: String
    }

    private var teamIndex: [String: Int32] = [:]
    private var trackIndex: [String: Int32] = [:]
    private var setIndex: [SetKey: Int32] = [:]
    /// Per input set: its item ids and a table of positions over them.
    private var setItemIDs: [[String]] = []
    private var setPositions: [PositionTable] = []
    /// Numbers of items the input does not list, by set position and id.
    private var otherItems: [ItemKey: Int32] = [:]
    private var nameIndex: [String: UInt8] = [:]

    package init(tracks: [LeaderboardInput.TrackSpec], teams: [LeaderboardInput.TeamSpec]) {
        teamCount = teams.count
        for (t, team) in teams.enumerated() where teamIndex[team.id] == nil { teamIndex[team.id] = Int32(t) }
        trackIDs = tracks.map(\.id)
        trackRuns = Array(repeating: [], count: tracks.count)
        setIDs = []
        setTrack = []
        var trackRanges: [Range<Int>] = []
        var setRanges: [Range<Int>] = []
        var trackSetRanges: [Range<Int>] = []
        var n = 0
        for (k, track) in tracks.enumerated() {
            if trackIndex[track.id] == nil { trackIndex[track.id] = Int32(k) }
            let trackStart = n
            let firstSet = setIDs.count
            for set in track.sets {
                let key = SetKey(track: trackIndex[track.id]!, set: set.id)
                let position = Int32(setIDs.count)
                setIDs.append(set.id)
                setTrack.append(Int32(k))
                n += set.items.count
                if setIndex[key] == nil { setIndex[key] = position }
                setItemIDs.append(set.items)
                setPositions.append(PositionTable(set.items))
                setRanges.append((n - set.items.count)..<n)
            }
            trackRanges.append(trackStart..<n)
            trackSetRanges.append(firstSet..<setIDs.count)
        }
        trackItems = trackRanges
        trackSets = trackSetRanges
        setItems = setRanges
        itemCount = n
    }

    package var count: Int { rows.count }

    package mutating func reserveCapacity(_ n: Int) { rows.reserveCapacity(n) }

    /// Adds one scored answer (see the type's definition for answers of teams, tracks or items not listed).
    package mutating func append(_ a: LeaderboardInput.Answer) {
        guard let team = teamIndex[a.team] else { return }
        let track = intern(track: a.track)
        let set = intern(set: a.set, track: track)
        let item = intern(item: a.item, set: set)
        let plain = a.sources == SourceValues(auto: a.score)
        let row = Int32(rows.count)
        rows.append(Row(
            team: team, set: set, item: item, tokens: UInt32(clamping: a.tokens),
            rule: a.rule.map { slot(name: $0) } ?? Row.none, strength: a.ruleStrength.map { slot(name: $0) } ?? Row.none,
            outcome: a.outcome, unextractable: a.unextractable, pending: a.pending, plainSources: plain,
            score: a.score, latencyMs: a.latencyMs, answerMoved: a.answerMoved, asWritten: a.asWritten))
        if !plain { sources[row] = a.sources }
        let k = Int(track)
        if let last = trackRuns[k].last, last.upperBound == row {
            trackRuns[k][trackRuns[k].count - 1] = last.lowerBound..<(row + 1)
        } else {
            trackRuns[k].append(row..<(row + 1))
        }
    }

    /// Row positions of the answers on the track at position `k` in `trackIDs`, in the order they were added.
    package func rows(track k: Int) -> FlattenSequence<[Range<Int32>]> { trackRuns[k].joined() }

    /// The per-source scores of the row at `position`.
    package func sources(row position: Int) -> SourceValues {
        let row = rows[position]
        return row.plainSources ? SourceValues(auto: row.score) : sources[Int32(position)] ?? SourceValues()
    }

    /// The position in `setIDs` of the set at `offset` in the input track at position `track`.
    func setPosition(track k: Int, offset: Int) -> Int { trackSets[k].lowerBound + offset }

    /// The item numbers of the set at `offset` in the input track at position `track`.
    package func items(track k: Int, set offset: Int) -> Range<Int> { setItems[setPosition(track: k, offset: offset)] }

    /// For each team of the table (`Row.team`), its position in `teams` (positions in the input's teams), or -1.
    package func positions(of teams: [Int]) -> [Int] {
        var position = [Int](repeating: -1, count: teamCount)
        for (t, team) in teams.enumerated() where position[team] < 0 { position[team] = t }
        return position
    }

    /// The track of a row, by position in `trackIDs`.
    package func track(of row: Row) -> Int { Int(setTrack[Int(row.set)]) }

    /// A rule or strength name of a row (`rule` or `strength`), or nil for -1.
    package func name(_ position: Int32) -> String? { position < 0 ? nil : names[Int(position)] }

    private mutating func intern(track id: String) -> Int32 {
        if let k = trackIndex[id] { return k }
        let k = Int32(trackIDs.count)
        trackIDs.append(id)
        trackRuns.append([])
        trackIndex[id] = k
        return k
    }

    private mutating func intern(set id: String, track: Int32) -> Int32 {
        let key = SetKey(track: track, set: id)
        if let s = setIndex[key] { return s }
        let s = Int32(setIDs.count)
        setIDs.append(id)
        setTrack.append(track)
        setIndex[key] = s
        return s
    }

    private mutating func intern(item id: String, set: Int32) -> Int32 {
        let s = Int(set)
        if s < setPositions.count, let p = setPositions[s].position(of: id, in: setItemIDs[s]) {
            return Int32(setItems[s].lowerBound + p)
        }
        let key = ItemKey(set: set, item: id)
        if let i = otherItems[key] { return i }
        let i = Int32(clamping: itemCount)
        itemCount += 1
        otherItems[key] = i
        return i
    }

    /// The slot of a rule or strength name (see the table's definition for names past the 254th).
    private mutating func slot(name: String) -> UInt8 {
        if let p = nameIndex[name] { return p }
        // Slots 0…253 hold names; once they are taken, every new name is `otherName` (slot 254 at most).
        let stored = names.count >= Int(Row.none) - 1 ? Self.otherName : name
        if let p = nameIndex[stored] { return p }
        let p = UInt8(names.count)
        names.append(stored)
        nameIndex[stored] = p
        return p
    }
}
