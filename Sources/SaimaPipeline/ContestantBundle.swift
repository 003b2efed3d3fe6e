import Foundation
import SaimaBase
package import SaimaModel
import SaimaRunner

/// The contestant kit: what contestants may have, and nothing of the hidden answers.
///
/// For every track: a `track.yaml`, the dev sets as they are (with answers), the datasets and
/// attachments, the track README; test sets either left out (`includeTest: false`) or with each
/// item reduced to what is asked (`id`, `type`, `prompt`, `system`, `choices`, `context`,
/// `dataset`, `section`, `messages`, `attachments`, `tags`, `difficulty`) — no answers, rubrics,
/// key points, references, patterns or canaries — and marked `answers_withheld: true` so that
/// `saima validate` accepts them. Plus `PROMPTS.md` (the prompt templates) and `README.md`.
package enum ContestantBundle {
    /// Item fields a contestant may see for a hidden item.
    static let visibleTestFields: Set<String> = [
        "id", "type", "prompt", "system", "choices", "context", "dataset", "section", "messages", "attachments", "tags",
        "difficulty",
    ]

    package struct Summary: Sendable {
        package var tracks: Int
        package var devSets: Int
        package var testSets: Int
        package var files: Int
    }

    /// The file that marks a folder as a kit written by `saima bundle`; only such a folder is ever replaced.
    package static let marker = ".saima-kit"
    /// What a kit folder holds; an earlier kit with anything else in it is not touched.
    static let kitEntries: Set<String> = ["Tracks", "PROMPTS.md", "README.md", marker]

    /// Why `out` may not receive a kit: a non-empty folder that is not an earlier kit, or a folder that holds or
    /// lies inside a tracks folder (it would overwrite or delete the hidden sets).
    package enum Refusal: Error, CustomStringConvertible {
        case notEmpty(String)
        case overlapsTracks(String)
        case escapes(String)
        package var description: String {
            switch self {
            case .notEmpty(let out):
                "\(out) is not empty and is not an earlier contestant kit (no \(ContestantBundle.marker)); choose an empty or new folder. Nothing was written or deleted. / 输出目录非空且不是此前生成的资料包，未做任何改动。"
            case .overlapsTracks(let out):
                "\(out) holds or lies inside a tracks folder; the kit must go elsewhere. Nothing was written or deleted. / 输出目录与赛道目录重叠，未做任何改动。"
            case .escapes(let path): "refusing to write \(path): outside the kit folder / 拒绝写出资料包目录之外"
            }
        }
    }

    package static func write(tracks: [Track], to out: String, includeTest: Bool, readme: String?) throws -> Summary {
        let fm = FileManager.default
        let absolute = URL(fileURLWithPath: out).standardized
        let realOut = SaimaBase.realPath(absolute.path)
            ?? SaimaBase.realPath(absolute.deletingLastPathComponent().path).map { $0 + "/" + absolute.lastPathComponent }
            ?? absolute.path
        for directory in tracks.flatMap(\.directories) {
            guard let real = SaimaBase.realPath(directory) else { continue }
            if real == realOut || real.hasPrefix(realOut + "/") || realOut.hasPrefix(real + "/") {
                throw Refusal.overlapsTracks(out)
            }
        }
        try fm.createDirectory(atPath: realOut, withIntermediateDirectories: true)
        let existing = try fm.contentsOfDirectory(atPath: realOut)
        if !existing.isEmpty {
            guard existing.contains(marker), Set(existing).isSubset(of: kitEntries) else { throw Refusal.notEmpty(out) }
            for entry in existing { try fm.removeItem(atPath: (realOut as NSString).appendingPathComponent(entry)) }
        }
        var summary = Summary(tracks: 0, devSets: 0, testSets: 0, files: 0)
        func write(_ relative: String, _ data: Data) throws {
            let path = URL(fileURLWithPath: realOut).appendingPathComponent(relative).standardized.path
            guard path.hasPrefix(realOut + "/") else { throw Refusal.escapes(relative) }
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
            summary.files += 1
        }
        for track in tracks {
            let base = "Tracks/\(track.id)"
            var yaml = "# Contestant kit of track \(track.id), written by saima bundle.\n"
            yaml += "id: \(q(track.id))\nname: {zh: \(q(track.name.zh)), en: \(q(track.name.en))}\n"
            // A track without a description has none in the kit either (an empty `zh` does not load).
            if !track.description.zh.isEmpty {
                yaml += "description: {zh: \(q(track.description.zh)), en: \(q(track.description.en))}\n"
            }
            yaml += "weight: \(track.weight)\nquestion_sets:\n"
            var attachments: Set<String> = []
            for set in track.questionSets {
                if set.split == .test && !includeTest { continue }
                // Named by the set's id (unique in its track): two roots' `questions/dev.jsonl` must not overwrite
                // each other in the kit.
                let file = "questions/\(set.id).jsonl"
                yaml += "  - id: \(q(set.id))\n    file: \(q(file))\n"
                yaml += "    pilot_unit: {zh: \(q(set.pilotUnit.zh)), en: \(q(set.pilotUnit.en))}\n"
                yaml += "    split: \(set.split.rawValue)\n    weight: \(set.weight)\n"
                yaml += "    partial_credit: \(set.partialCredit)\n"
                if set.minimumCorrect > 1 { yaml += "    min_correct: \(set.minimumCorrect)\n" }
                // Choice order as in the official round, so a self-test shows each item as the round will.
                if !set.shuffleChoices { yaml += "    shuffle_choices: false\n" }
                let items = try set.items.all()
                if set.split == .dev {
                    try write("\(base)/\(file)", try Data(contentsOf: URL(fileURLWithPath: set.path)))
                    summary.devSets += 1
                } else {
                    yaml += "    answers_withheld: true\n"
                    let lines = items.map { item -> String in
                        guard case .object(let o) = item.raw else { return "{}" }
                        return JSONValue.object(o.filter { visibleTestFields.contains($0.key) }).canonicalJSON
                    }
                    try write("\(base)/\(file)", Data((lines.joined(separator: "\n") + "\n").utf8))
                    summary.testSets += 1
                }
                for item in items { for a in item.attachments { attachments.insert(a.file) } }
            }
            if !track.datasets.isEmpty { yaml += "datasets:\n" }
            for dataset in track.datasets {
                yaml += "  - id: \(q(dataset.id))\n    file: \(q(dataset.file))\n"
                try write("\(base)/\(dataset.file)", Data(dataset.text.utf8))
            }
            for file in attachments.sorted() {
                guard let source = track.directories.map({ ($0 as NSString).appendingPathComponent(file) })
                    .first(where: { fm.fileExists(atPath: $0) })
                else { continue }
                try write("\(base)/\(file)", try Data(contentsOf: URL(fileURLWithPath: source)))
            }
            if let readme = track.directories.map({ ($0 as NSString).appendingPathComponent("README.md") })
                .first(where: { fm.fileExists(atPath: $0) })
            {
                try write("\(base)/README.md", try Data(contentsOf: URL(fileURLWithPath: readme)))
            }
            try write("\(base)/track.yaml", Data(yaml.utf8))
            summary.tracks += 1
        }
        try write(marker, Data("Written by saima bundle; saima bundle may replace this folder.\n".utf8))
        try write("PROMPTS.md", Data(promptsDocument().utf8))
        try write("README.md", Data(kitReadme(projectReadme: readme, includeTest: includeTest).utf8))
        return summary
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func q(_ s: String) -> String {
        var out = ""
        JSONValue.writeEscaped(s, into: &out)
        return out
    }

    static func promptsDocument() -> String {
        var text = "# Prompt templates 提示模板 (\(PromptTemplates.version))\n\n"
        text += "Each item's user message is: reference material (`\(PromptTemplates.contextHeading)` …), "
        text += "the question (`\(PromptTemplates.questionHeading)` when material precedes it), the choices as `A. …`, "
        text += "then the instruction of its type below. 每道题的用户消息由参考材料、问题、选项和下列题型说明组成。\n\n"
        for type in ItemType.allCases {
            text += "- `\(type.rawValue)`: \(PromptTemplates.instruction(for: type))\n"
        }
        text += "- `multi_choice` in a set with `min_correct: 2`: \(PromptTemplates.instruction(for: .multiChoice, minimumCorrect: 2))\n"
        return text
    }

    static func kitReadme(projectReadme: String?, includeTest: Bool) -> String {
        var text = """
            # 参赛方资料包 Contestant kit

            - `Tracks/`: 各赛道的公开开发集（含答案）、参考数据与附件\(includeTest ? "；测试集仅含题目，不含答案" : "")。
              Every track's public dev sets (with answers), datasets and attachments\(includeTest ? "; test sets with questions only, no answers" : "").
            - `PROMPTS.md`: 提示模板 the prompt templates.
            - 自测 Self-test: `saima selftest --endpoint URL --model NAME --tracks Tracks`

            """
        if let projectReadme { text += "\n---\n\n" + projectReadme }
        return text
    }
}

