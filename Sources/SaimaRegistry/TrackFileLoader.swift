import Foundation
import SaimaBase
import SaimaModel
import Yams

/// Loads one track folder: its `track.yaml`, question files and datasets.
struct TrackFileLoader {
    let directory: String
    /// The private copy on-demand items are read back from; nil keeps items in memory.
    var spool: SpoolFile?

    static let trackFields: Set<String> = ["id", "name", "description", "weight", "question_sets", "datasets", "version"]
    static let setFields: Set<String> = [
        "id", "file", "pilot_unit", "split", "weight", "description", "partial_credit", "canary", "answers_withheld", "min_correct", "shuffle_choices",
        "source",
        "scoring",
    ]
    static let datasetFields: Set<String> = ["id", "file", "description"]

    var yamlPath: String { (directory as NSString).appendingPathComponent("track.yaml") }

    /// What a track.yaml declares about the track itself; a root that only adds question sets to a track
    /// declared elsewhere may leave these out.
    struct Declared {
        var name = false
        var weight = false
        var line = 0
    }

    func load(diagnostics: inout [Diagnostic]) -> Track? { load(diagnostics: &diagnostics)?.track }

    func load(diagnostics: inout [Diagnostic]) -> (track: Track, declared: Declared)? {
        let path = yamlPath
        guard let root = YAMLReader(path: path).readDocument(into: &diagnostics),
            let yaml = YAMLMapping(root, path: path, what: "track.yaml", diagnostics: &diagnostics)
        else { return nil }
        yaml.rejectUnknownKeys(Self.trackFields, what: "track.yaml", diagnostics: &diagnostics)
        let folderName = (directory as NSString).lastPathComponent
        let id = yaml.string("id", required: true, diagnostics: &diagnostics) ?? folderName
        if let problem = ItemParser.idProblem(id) {
            diagnostics.append(Diagnostic(path: path, line: yaml.line(of: "id"), message: "track \(problem)"))
        }
        if id != folderName {
            diagnostics.append(
                Diagnostic(path: path, line: yaml.line(of: "id"),
                           message: "track id `\(id)` must match its folder name `\(folderName)`"))
        }
        let declared = Declared(name: yaml["name"] != nil, weight: yaml["weight"] != nil, line: yaml.line)
        let name = yaml.localized("name", required: false, diagnostics: &diagnostics) ?? LocalizedText(zh: id, en: id)
        let description = yaml.localized("description", required: false, diagnostics: &diagnostics)
            ?? LocalizedText(zh: "", en: "")
        let weight = yaml.number("weight", default: 1, diagnostics: &diagnostics)

        var datasets: [DatasetDocument] = []
        for node in yaml.sequence("datasets", diagnostics: &diagnostics) {
            guard let entry = YAMLMapping(node, path: path, what: "a dataset entry", diagnostics: &diagnostics)
            else { continue }
            entry.rejectUnknownKeys(Self.datasetFields, what: "a dataset entry", diagnostics: &diagnostics)
            guard let dsID = entry.string("id", required: true, diagnostics: &diagnostics),
                let file = entry.string("file", required: true, diagnostics: &diagnostics)
            else { continue }
            if datasets.contains(where: { $0.id == dsID }) {
                diagnostics.append(Diagnostic(path: path, line: entry.line, message: "duplicate dataset id `\(dsID)`"))
                continue
            }
            let datasetPath: String
            switch TrackPath.resolve(file, in: directory) {
            case .success(let real): datasetPath = real
            case .failure(let problem):
                diagnostics.append(Diagnostic(
                    path: path, line: entry.line(of: "file"), message: problem.message(for: file, what: "dataset")))
                continue
            }
            let loader = DatasetLoader(path: datasetPath)
            if let doc = loader.load(
                id: dsID, file: file,
                description: entry.localized("description", required: false, diagnostics: &diagnostics),
                yamlPath: path, line: entry.line(of: "file"), diagnostics: &diagnostics)
            {
                datasets.append(doc)
            }
        }

        var sets: [QuestionSet] = []
        let setNodes = yaml.sequence("question_sets", diagnostics: &diagnostics)
        if yaml["question_sets"] == nil { diagnostics.append(yaml.missing("question_sets")) }
        for node in setNodes {
            guard let entry = YAMLMapping(node, path: path, what: "a question set entry", diagnostics: &diagnostics)
            else { continue }
            if let set = loadSet(entry, trackID: id, existing: sets, diagnostics: &diagnostics) { sets.append(set) }
        }
        let track = Track(
            id: id, name: name, description: description, weight: weight, questionSets: sets, datasets: datasets,
            directories: [directory])
        return (track, declared)
    }

    private func loadSet(_ entry: YAMLMapping, trackID: String, existing: [QuestionSet],
                         diagnostics: inout [Diagnostic]) -> QuestionSet?
    {
        let path = yamlPath
        entry.rejectUnknownKeys(Self.setFields, what: "a question set entry", diagnostics: &diagnostics)
        let setID = entry.string("id", required: true, diagnostics: &diagnostics)
        if let setID, let problem = ItemParser.idProblem(setID) {
            diagnostics.append(Diagnostic(path: path, line: entry.line(of: "id"), message: "question set \(problem)"))
        }
        let file = entry.string("file", required: true, diagnostics: &diagnostics)
        let pilot = entry.localized("pilot_unit", required: true, diagnostics: &diagnostics)
        let splitName = entry.string("split", required: true, diagnostics: &diagnostics)
        let split = splitName.flatMap(Split.init(rawValue:))
        if let splitName, split == nil {
            diagnostics.append(
                Diagnostic(path: path, line: entry.line(of: "split"), message: "split `\(splitName)` must be dev or test"))
        }
        let weight = entry.number("weight", default: 1, diagnostics: &diagnostics)
        let partialCredit = entry.number("partial_credit", default: 0.5, maximum: 1, diagnostics: &diagnostics)
        let minimum = entry.integer("min_correct", default: 1, range: 1...26, diagnostics: &diagnostics)
        let description = entry.localized("description", required: false, diagnostics: &diagnostics)
        let canary = entry.string("canary", required: false, diagnostics: &diagnostics)
        let withheld = entry.bool("answers_withheld", default: false, diagnostics: &diagnostics)
        let shuffle = entry.bool("shuffle_choices", default: true, diagnostics: &diagnostics)
        let scoring = Self.scoringMode(entry, diagnostics: &diagnostics)
        if let setID, existing.contains(where: { $0.id == setID }) {
            diagnostics.append(Diagnostic(path: path, line: entry.line, message: "duplicate question set id `\(setID)`"))
            return nil
        }
        var filePath = ""
        if let file {
            switch TrackPath.resolve(file, in: directory) {
            case .success(let real): filePath = real
            case .failure(.missing):
                diagnostics.append(
                    Diagnostic(path: path, line: entry.line(of: "file"),
                               message: "question set `\(setID ?? "?")`: file `\(file)` does not exist"))
                return nil
            case .failure(let problem):
                diagnostics.append(Diagnostic(
                    path: path, line: entry.line(of: "file"), message: problem.message(for: file, what: "question file")))
                return nil
            }
        }
        guard let setID, let file, let pilot, let split else { return nil }
        let (items, contentHash) = QuestionFileLoader(
            path: filePath, trackDirectory: directory, answersWithheld: withheld, minimumCorrect: minimum,
            spool: spool
        ).loadSet(diagnostics: &diagnostics)
        var set = QuestionSet(
            id: setID, trackID: trackID, file: file, path: filePath, trackDirectory: directory, pilotUnit: pilot,
            split: split, weight: weight, description: description, partialCredit: min(partialCredit, 1),
            canary: canary, answersWithheld: withheld, items: items, contentHash: contentHash)
        set.scoring = scoring
        set.minimumCorrect = minimum
        set.shuffleChoices = shuffle
        return set
    }

    /// `scoring: auto | llm_judge | human` or `scoring: {blend: {auto: w, llm_judge: w, human: w}}`.
    static func scoringMode(_ entry: YAMLMapping, diagnostics: inout [Diagnostic]) -> ScoringMode {
        guard let node = entry["scoring"] else { return .auto }
        if let name = node.string, case .scalar = node {
            switch name {
            case "auto": return .auto
            case "llm_judge": return .llmJudge
            case "human": return .human
            default: break
            }
        } else if let m = YAMLMapping(node, path: entry.path, what: "`scoring`", diagnostics: &diagnostics),
            let blendNode = m["blend"],
            let blend = YAMLMapping(blendNode, path: entry.path, what: "`blend`", diagnostics: &diagnostics)
        {
            blend.rejectUnknownKeys(["auto", "llm_judge", "human"], what: "`blend`", diagnostics: &diagnostics)
            return .blend(
                auto: blend.number("auto", default: 0, diagnostics: &diagnostics),
                llmJudge: blend.number("llm_judge", default: 0, diagnostics: &diagnostics),
                human: blend.number("human", default: 0, diagnostics: &diagnostics))
        }
        diagnostics.append(Diagnostic(
            path: entry.path, line: node.line,
            message: "`scoring` must be auto, llm_judge, human or {blend: {auto: w, llm_judge: w, human: w}}"))
        return .auto
    }

    private func resolve(_ file: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(file).standardized.path
    }
}
