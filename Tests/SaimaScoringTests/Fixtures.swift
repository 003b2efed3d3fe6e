import SaimaModel
import SaimaScoring

/// Small items for the scoring tests.
enum Fixtures {
    /// Four choices A–D with texts 北京, 上海, 广州, 深圳.
    static let cities = [("A", "北京"), ("B", "上海"), ("C", "广州"), ("D", "深圳")].map { Choice(letter: $0.0, text: $0.1) }

    static func single(_ answer: String, choices: [Choice] = cities) -> Item {
        Item(id: "single", type: .singleChoice, prompt: "", choices: choices, answer: .letters(answer))
    }

    static func multi(_ answer: String, choices: [Choice] = cities) -> Item {
        Item(id: "multi", type: .multiChoice, prompt: "", choices: choices, answer: .letters(answer))
    }

    /// A choice item with letters A, B, C, … over `texts`.
    static func item(_ type: ItemType, _ texts: [String], answer: String = "A") -> Item {
        let choices = zip(["A", "B", "C", "D", "E", "F"], texts).map { Choice(letter: $0.0, text: $0.1) }
        return Item(id: "t", type: type, prompt: "", choices: choices, answer: .letters(answer))
    }

    /// The letters an assessment reads, or nil when it reads none.
    static func letters(_ a: ChoiceAssessment) -> String? {
        if case .answer(let found) = a.reading { return found.answer.description }
        return nil
    }

    static func truth(_ answer: Bool) -> Item {
        Item(id: "tf", type: .trueFalse, prompt: "", answer: .truth(answer))
    }

    static func numeric(_ answer: Double, tolerance: Double? = nil) -> Item {
        Item(id: "num", type: .numeric, prompt: "", answer: .number(answer), tolerance: tolerance)
    }

    static func text(_ references: String..., type: ItemType = .generation, metric: String? = nil) -> Item {
        Item(id: "text", type: type, prompt: "", answer: .texts(references), metric: metric)
    }
}
