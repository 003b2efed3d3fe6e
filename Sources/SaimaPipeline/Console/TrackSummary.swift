import Foundation
import SaimaBase
package import SaimaModel
import SaimaReports
/// Renders tracks for `saima tracks` as a table, a detail page, or JSON.
package enum TrackSummary {
    /// Items per type in one set (every item read once).
    package static func types(_ set: QuestionSet) throws -> [String: Int] {
        var byType: [String: Int] = [:]
        for item in try set.items.all() { byType[item.type.rawValue, default: 0] += 1 }
        return byType
    }

    package static func counts(_ sets: [QuestionSet], types perSet: [[String: Int]]) -> (dev: Int, test: Int, byType: [String: Int]) {
        let byType = perSet.reduce(into: [String: Int]()) { total, set in total.merge(set, uniquingKeysWith: +) }
        let dev = sets.filter { $0.split == .dev }.reduce(0) { $0 + $1.items.count }
        let test = sets.filter { $0.split == .test }.reduce(0) { $0 + $1.items.count }
        return (dev, test, byType)
    }

    package static func table(_ tracks: [Track]) throws -> String {
        var table = TerminalTable(
            headers: ["track 赛道", "name 名称", "sets 题集", "dev", "test", "types 题型"],
            alignments: [.left, .left, .right, .right, .right, .left])
        for track in tracks {
            let c = counts(track.questionSets, types: try track.questionSets.map(types))
            let types = c.byType.keys.sorted().map { "\($0)×\(c.byType[$0]!)" }.joined(separator: " ")
            table.append([
                track.id, track.name.bilingual, "\(track.questionSets.count)", "\(c.dev)", "\(c.test)", types,
            ])
        }
        return table.render()
    }

    package static func detail(_ track: Track) -> String {
        var lines = ["\(track.id) — \(track.name.bilingual)  weight 权重 \(track.weight)"]
        if !track.description.zh.isEmpty { lines.append(track.description.bilingual) }
        lines.append("folders 目录: \(track.directories.joined(separator: ", "))")
        lines.append("")
        var table = TerminalTable(
            headers: ["set 题集", "split", "items", "weight", "pilot unit 试点单位", "sha256"],
            alignments: [.left, .left, .right, .right, .left, .left])
        for set in track.questionSets {
            table.append([
                set.id, set.split.rawValue, "\(set.items.count)", "\(set.weight)", set.pilotUnit.bilingual,
                set.contentHash,
            ])
        }
        lines.append(table.render())
        if !track.datasets.isEmpty {
            lines.append("")
            lines.append("datasets 数据集:")
            for d in track.datasets {
                lines.append("  \(d.id)  \(d.file)  sections: \(d.sections.keys.sorted().joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func jsonValue(_ track: Track) throws -> JSONValue {
        let perSet = try track.questionSets.map(types)
        let c = counts(track.questionSets, types: perSet)
        return .object([
            "id": .string(track.id),
            "name": .object(["zh": .string(track.name.zh), "en": .string(track.name.en)]),
            "weight": .number(track.weight),
            "items": .object(["dev": .number(Double(c.dev)), "test": .number(Double(c.test))]),
            "types": .object(c.byType.mapValues { .number(Double($0)) }),
            "question_sets": .array(zip(track.questionSets, perSet).map { set, setTypes in
                .object([
                    "id": .string(set.id), "file": .string(set.file), "split": .string(set.split.rawValue),
                    "weight": .number(set.weight), "items": .number(Double(set.items.count)),
                    "pilot_unit": .object(["zh": .string(set.pilotUnit.zh), "en": .string(set.pilotUnit.en)]),
                    "content_hash": .string(set.contentHash),
                    "types": .object(setTypes.mapValues { .number(Double($0)) }),
                ])
            }),
            "datasets": .array(track.datasets.map { .string($0.id) }),
        ])
    }

    package static func json(_ tracks: [Track]) throws -> String {
        try PrettyJSON.string(.object(["tracks": .array(try tracks.map(jsonValue))]))
    }
}
