public import Foundation
public import SaimaModel

/// What a run used, frozen in the run folder before the first request: the content hash of every
/// question set, each team's endpoint settings (key variable names only, never keys), the Saima
/// version, the prompt template version, the seed and the selection.
public struct RunManifest: Sendable {
    public var json: JSONValue

    public init(round: String, split: Split?, samples: Int, seed: UInt64, tracks: [Track], submissions: [Submission],
                createdAt: Date = Date())
    {
        let sets: [JSONValue] = tracks.flatMap { track in
            track.questionSets(split: split).map { set in
                JSONValue.object([
                    "track": .string(track.id), "set": .string(set.id), "split": .string(set.split.rawValue),
                    "file": .string(set.path), "items": .number(Double(set.items.count)),
                    "content_hash": .string(set.contentHash), "weight": .number(set.weight),
                ])
            }
        }
        let teams: [JSONValue] = submissions.map { s in
            .object([
                "team": .string(s.id), "name": .object(["zh": .string(s.team.zh), "en": .string(s.team.en)]),
                "tracks": .array(s.tracks.map(JSONValue.string)), "endpoint": s.endpoint.manifestJSON,
            ])
        }
        // The roots the tracks were read from (each track folder's parent, real paths): commands that read the
        // run later load the same roots.
        var roots: [String] = []
        for directory in tracks.flatMap(\.directories) {
            let parent = URL(fileURLWithPath: realPath(directory) ?? directory).deletingLastPathComponent().path
            if !roots.contains(parent) { roots.append(parent) }
        }
        json = .object([
            "tracks_roots": .array(roots.map(JSONValue.string)),
            "round": .string(round), "split": .string(split?.rawValue ?? "all"),
            "samples": .number(Double(samples)), "seed": .string(String(seed)),
            "saima_version": .string(SaimaVersion.current), "prompt_template_version": .string(PromptTemplates.version),
            "libcurl": .string(CurlGlobal.versionText), "created_at": .string(ISO8601DateFormatter().string(from: createdAt)),
            "tracks": .array(tracks.map { .string($0.id) }), "question_sets": .array(sets), "teams": .array(teams),
        ])
    }

    public init(json: JSONValue) { self.json = json }

    /// The manifest as published in `leaderboard.json` and the report: without teams' endpoints (URLs,
    /// request settings, key variable names) and without the organizer's file paths (set files, tracks roots). Hashes, versions, seed
    /// and selection stay, so every published number still traces to the run.
    public static func publicView(_ json: JSONValue) -> JSONValue {
        guard case .object(var o) = json else { return json }
        o["tracks_roots"] = nil
        if case .array(let teams)? = o["teams"] {
            o["teams"] = .array(teams.map { t in
                guard case .object(var team) = t else { return t }
                team["endpoint"] = nil
                return .object(team)
            })
        }
        if case .array(let sets)? = o["question_sets"] {
            o["question_sets"] = .array(sets.map { s in
                guard case .object(var set) = s else { return s }
                set["file"] = nil
                return .object(set)
            })
        }
        return .object(o)
    }

    /// The run's seed: written as a decimal string so every UInt64 survives (a JSON number is a double and
    /// would round seeds above 2^53); manifests that stored a number are read when it is an exact whole number.
    public var seed: UInt64? {
        switch json["seed"] {
        case .string(let s)?: return UInt64(s)
        case .number(let n)?: return n >= 0 && n < 9_007_199_254_740_992 && n == n.rounded() ? UInt64(n) : nil
        default: return nil
        }
    }

    /// `track/set` → content hash.
    public var setHashes: [String: String] {
        var map: [String: String] = [:]
        for entry in json["question_sets"]?.arrayValue ?? [] {
            if let t = entry["track"]?.stringValue, let s = entry["set"]?.stringValue,
                let h = entry["content_hash"]?.stringValue
            {
                map["\(t)/\(s)"] = h
            }
        }
        return map
    }

    /// The sets whose hash in `other` differs from this manifest's (or that this manifest lacks).
    public func changedSets(comparedWith other: RunManifest) -> [String] {
        let mine = setHashes
        return other.setHashes.compactMap { key, hash in mine[key] == hash ? nil : key }.sorted()
    }
}
