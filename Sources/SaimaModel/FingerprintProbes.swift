/// A round's model-freeze and identity probes (`probes:` in a round file): a fixed, secret set of fingerprint prompts
/// sent to every team in several **waves** — at the start, at even intervals, and at the end of its requests —
/// interleaved with its normal items and sent exactly like them (the same request format and the team's own settings),
/// so that they cannot be told apart.
///
/// Definitions: probe items are generation items (no answer) of a set that belongs to no track of the round; wave `w`
/// of `waves` is sent as one group just before position `⌊w·n/(waves−1)⌋` of the team's `n` other requests (wave 0
/// first, the last wave after everything). Probe replies are stored apart from the results (`probe_results`) and never
/// scored; what they show is analysed by `FreezeProbe`.
public struct FingerprintProbes: Sendable {
    /// The track and set the probe requests are keyed under (no registry track can have this id: ids are checked).
    public static let trackID = "saima-probes"
    public static let setID = "fingerprint"

    public var items: [Item]
    public var waves: Int
    /// SHA-256 of the probe file as read (recorded in the manifest; the prompts themselves stay secret).
    public var sha256: String

    public init(items: [Item], waves: Int, sha256: String) {
        self.items = items
        self.waves = waves
        self.sha256 = sha256
    }

    /// The in-memory track the probe requests are built from.
    public var track: Track {
        let set = QuestionSet(
            id: Self.setID, trackID: Self.trackID, file: "", path: "", trackDirectory: "",
            pilotUnit: LocalizedText(zh: "探针", en: "Probes"), split: .test, weight: 0, items: ItemList(items), contentHash: sha256)
        return Track(
            id: Self.trackID, name: LocalizedText(zh: "探针", en: "Probes"), description: LocalizedText(zh: "", en: ""),
            weight: 0, questionSets: [set], datasets: [], directories: [])
    }

    /// Where each wave goes among `count` other requests: before position `⌊w·count/(waves−1)⌋`.
    public static func positions(waves: Int, count: Int) -> [Int] {
        guard waves > 1 else { return [0] }
        return (0..<waves).map { w in w * count / (waves - 1) }
    }
}
