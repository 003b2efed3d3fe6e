import Foundation
public import SaimaBase
public import SaimaModel
import Yams

/// A round definition, `Rounds/<name>.yaml`:
///
/// ```yaml
/// name: 2026-final
/// tracks: [finance, legal]        # default: every track
/// split: test                     # dev | test | all
/// teams: [team-a, team-b]         # default: every submission entered in those tracks
/// samples: 1
/// seed: 20261129
/// tracks_roots: [/secure/hidden-tracks]   # extra roots, e.g. the hidden test sets
/// runner: {max_in_flight: 256, max_attempts: 4, max_response_bytes: 4194304, stream: false}
/// judge: {base_url: http://127.0.0.1:9000/v1, model: judge-model, api_key_env: JUDGE_KEY, max_concurrency: 8}
/// fresh_items: 30                 # per question set: items no earlier round sent to any team, drawn with the seed
/// exposure_runs: [../runs]        # run folders (or folders of them) whose sends count; default: the output's parent
/// probes: {file: /secure/probes.jsonl, waves: 4}   # model-freeze probes (`FingerprintProbes`)
/// ```
public struct RoundFile: Sendable {
    public var name: String
    public var tracks: [String]
    /// `nil` for `all`.
    public var split: Split?
    public var teams: [String]
    public var samples: Int
    public var seed: UInt64
    public var tracksRoots: [String]
    public var maxInFlight: Int
    public var maxAttempts: Int
    public var maxResponseBytes: Int
    public var stream: Bool
    /// Ceiling on every request's timeouts, whatever a submission asks (`runner.timeout_ceiling_seconds`).
    public var timeoutCeilingSeconds: Double = 300
    /// Failed items in a row after which a team is cut off (`runner.max_consecutive_failures`, 0 = never).
    public var maxConsecutiveFailures: Int = 20
    /// Award tiers (`awards: {basis: rank_group|count, tiers: [{name: {zh, en}, count}]}`), if any.
    public var awards: AwardRule?
    /// The LLM judge for rubric items (same fields as a submission endpoint), if any.
    public var judge: EndpointSettings?
    /// Items per question set drawn from those not yet exposed (`fresh_items`), if asked.
    public var freshItems: Int?
    /// Where earlier rounds' run folders are (`exposure_runs`, relative to the round file); empty: the output's parent.
    public var exposureRuns: [String] = []
    /// The fingerprint probes (`probes: {file, waves}`), read from their file, if asked.
    public var probes: FingerprintProbes?

    static let fields: Set<String> = [
        "name", "tracks", "split", "teams", "samples", "seed", "tracks_roots", "runner", "judge", "awards", "fresh_items",
        "exposure_runs", "probes",
    ]
    static let runnerFields: Set<String> = [
        "max_in_flight", "max_attempts", "max_response_bytes", "stream", "timeout_ceiling_seconds",
        "max_consecutive_failures",
    ]

    /// Loads a round file; throws `DiagnosticsError` listing every problem.
    public static func load(path: String) throws(DiagnosticsError) -> RoundFile {
        var diagnostics: [Diagnostic] = []
        guard let root = YAMLReader(path: path).readDocument(into: &diagnostics),
            let yaml = YAMLMapping(root, path: path, what: "a round file", diagnostics: &diagnostics)
        else { throw DiagnosticsError(diagnostics) }
        yaml.rejectUnknownKeys(fields, what: "a round file", diagnostics: &diagnostics)
        let name = yaml.string("name", required: true, diagnostics: &diagnostics) ?? ""
        let splitName = yaml.string("split", required: false, diagnostics: &diagnostics) ?? "dev"
        if splitName != "all", Split(rawValue: splitName) == nil {
            diagnostics.append(Diagnostic(path: path, line: yaml.line(of: "split"), message: "split must be dev, test or all"))
        }
        var runner: YAMLMapping?
        if let node = yaml["runner"] {
            runner = YAMLMapping(node, path: path, what: "`runner`", diagnostics: &diagnostics)
            runner?.rejectUnknownKeys(runnerFields, what: "`runner`", diagnostics: &diagnostics)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let roots = yaml.stringList("tracks_roots", diagnostics: &diagnostics).map { root in
            root.hasPrefix("/") ? root : (directory as NSString).appendingPathComponent(root)
        }
        let file = RoundFile(
            name: name, tracks: yaml.stringList("tracks", diagnostics: &diagnostics),
            split: Split(rawValue: splitName), teams: yaml.stringList("teams", diagnostics: &diagnostics),
            samples: yaml.integer("samples", default: 1, range: 1...100, diagnostics: &diagnostics),
            seed: yaml.unsigned64("seed", default: 20_241_001, diagnostics: &diagnostics),
            tracksRoots: roots,
            maxInFlight: runner?.integer("max_in_flight", default: 256, range: 1...100_000, diagnostics: &diagnostics) ?? 256,
            maxAttempts: runner?.integer("max_attempts", default: 4, range: 1...20, diagnostics: &diagnostics) ?? 4,
            maxResponseBytes: runner?.integer(
                "max_response_bytes", default: 4_194_304, range: 1024...(1 << 30), diagnostics: &diagnostics) ?? 4_194_304,
            stream: runner?.bool("stream", default: false, diagnostics: &diagnostics) ?? false,
            judge: yaml["judge"].flatMap { node in
                YAMLMapping(node, path: path, what: "`judge`", diagnostics: &diagnostics)
                    .flatMap { SubmissionLoader.loadEndpoint($0, team: nil, diagnostics: &diagnostics) }
            })
        var result = file
        if let node = yaml["awards"] {
            result.awards = Self.awardRule(node, path: path, diagnostics: &diagnostics)
        }
        if yaml["fresh_items"] != nil {
            result.freshItems = yaml.integer("fresh_items", default: 1, range: 1...1_000_000, diagnostics: &diagnostics)
        }
        result.exposureRuns = yaml.stringList("exposure_runs", diagnostics: &diagnostics).map { p in
            p.hasPrefix("/") ? p : (directory as NSString).appendingPathComponent(p)
        }
        if let runner {
            result.timeoutCeilingSeconds = runner.number(
                "timeout_ceiling_seconds", default: 300, minimum: 0.001, maximum: 3600, diagnostics: &diagnostics)
            result.maxConsecutiveFailures = runner.integer(
                "max_consecutive_failures", default: 20, range: 0...1_000_000, diagnostics: &diagnostics)
        }
        if let node = yaml["probes"], let m = YAMLMapping(node, path: path, what: "`probes`", diagnostics: &diagnostics) {
            m.rejectUnknownKeys(["file", "waves"], what: "`probes`", diagnostics: &diagnostics)
            let waves = m.integer("waves", default: 4, range: 3...20, diagnostics: &diagnostics)
            if let file = m.string("file", required: true, diagnostics: &diagnostics) {
                let probePath = file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file)
                do { result.probes = try ProbeFile.load(path: probePath, waves: waves) } catch { diagnostics += error.diagnostics }
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return result
    }

    /// `awards: {basis: rank_group|count, tiers: [{name: {zh: 一等奖, en: First prize}, count: 1}, …]}`.
    static func awardRule(_ node: Node, path: String, diagnostics: inout [Diagnostic]) -> AwardRule? {
        guard let m = YAMLMapping(node, path: path, what: "`awards`", diagnostics: &diagnostics) else { return nil }
        m.rejectUnknownKeys(["basis", "tiers"], what: "`awards`", diagnostics: &diagnostics)
        let basisName = m.string("basis", required: true, diagnostics: &diagnostics) ?? "rank_group"
        guard let basis = AwardRule.Basis(rawValue: basisName) else {
            diagnostics.append(Diagnostic(path: path, line: m.line(of: "basis"), message: "`basis` must be rank_group or count"))
            return nil
        }
        var tiers: [AwardRule.Tier] = []
        for tierNode in m.sequence("tiers", diagnostics: &diagnostics) {
            guard let t = YAMLMapping(tierNode, path: path, what: "an award tier", diagnostics: &diagnostics) else { continue }
            t.rejectUnknownKeys(["name", "count"], what: "an award tier", diagnostics: &diagnostics)
            let name = t.localized("name", required: true, diagnostics: &diagnostics) ?? LocalizedText(zh: "", en: "")
            let count: Int? = basis == .count
                ? t.integer("count", default: 0, range: 1...10_000, diagnostics: &diagnostics) : nil
            if basis == .count && t["count"] == nil { diagnostics.append(t.missing("count")) }
            tiers.append(AwardRule.Tier(name: name, count: count))
        }
        if tiers.isEmpty { diagnostics.append(Diagnostic(path: path, line: m.line, message: "`awards` needs at least one tier")) }
        return AwardRule(basis: basis, tiers: tiers)
    }
}
