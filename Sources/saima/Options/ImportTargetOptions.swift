import ArgumentParser
import SaimaPipeline

/// Where `saima import` writes a question set: the track and set, its split, its pilot unit and provenance.
struct ImportTargetOptions: ParsableArguments {
    @Option(help: "Track id. 赛道") var track: String
    @Option(help: "Question-set id. 题集编号") var set: String
    @Option(help: "dev or test. 数据划分") var split: Split = .dev
    @Option(help: "The pilot unit (Chinese name; --pilot-unit-en for English). 试点单位") var pilotUnit: String?
    @Option(help: "The pilot unit's English name. 试点单位英文名") var pilotUnitEn: String?
    @Option(help: "The track's name when the import creates it (Chinese; English = the same). 赛道名称") var trackName: String?
    @Option(name: .customLong("tracks"), help: "Tracks root to write into (default Tracks). 赛道根目录") var root = "Tracks"
    @Option(help: "Licence or permission note recorded with the source. 许可说明") var licence: String?
    @Flag(help: "Replace an existing set. 覆盖已有题集") var replace = false

    func validate() throws {
        guard PlainID.check(set), PlainID.check(track) else {
            throw ValidationError("--track and --set must use only a–z, 0–9, `-` and `_`")
        }
    }

    /// The writer's request for `files` read as `format`.
    var target: SetImport.Target {
        SetImport.Target(
            root: root, track: track, set: set, split: split,
            pilotUnit: LocalizedText(zh: pilotUnit ?? "未注明 unspecified", en: pilotUnitEn ?? pilotUnit ?? "unspecified"),
            trackName: trackName.map { LocalizedText(zh: $0, en: $0) }, licence: licence, replace: replace)
    }
}
