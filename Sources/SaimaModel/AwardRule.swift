public import SaimaBase
/// How a round turns the overall board into award tiers (一等奖/二等奖/三等奖 …), from the round file's `awards`.
public struct AwardRule: Sendable, Hashable {
    public enum Basis: String, Sendable, Hashable {
        /// Tier i is rank group i: teams the data cannot separate share a tier.
        case rankGroup = "rank_group"
        /// Tiers take whole rank groups in order until each tier's count is reached.
        case count
    }

    public struct Tier: Sendable, Hashable {
        public var name: LocalizedText
        /// For `count`: how many teams the tier is meant to hold (a rank group is never split, so it may hold more).
        public var count: Int?
        public init(name: LocalizedText, count: Int?) {
            self.name = name
            self.count = count
        }
    }

    public var basis: Basis
    public var tiers: [Tier]

    public init(basis: Basis, tiers: [Tier]) {
        self.basis = basis
        self.tiers = tiers
    }

    /// The rule as printed in the report and `leaderboard.json`.
    public var description: LocalizedText {
        switch basis {
        case .rankGroup:
            let names = tiers.enumerated().map { "\($0.element.name.zh)=第\($0.offset + 1)组" }.joined(separator: "，")
            let en = tiers.enumerated().map { "\($0.element.name.en) = rank group \($0.offset + 1)" }.joined(separator: ", ")
            return LocalizedText(
                zh: "按等级组评奖：\(names)；同组队伍差异不显著，获同一奖项。",
                en: "By rank group: \(en); teams in one group cannot be separated and receive the same award.")
        case .count:
            let names = tiers.map { "\($0.name.zh) \($0.count ?? 0) 队" }.joined(separator: "，")
            let en = tiers.map { "\($0.name.en) \($0.count ?? 0)" }.joined(separator: ", ")
            return LocalizedText(
                zh: "按名额评奖：\(names)；按等级组依次整组授予，绝不拆分数据无法区分的队伍，因此某一奖项可能多于名额，并占用其后奖项的名额（如两队并列一等奖则二等奖名额减一）。",
                en: "By count: \(en); whole rank groups are awarded in order and never split, so a tier may hold more teams than its count and uses up the places of the tiers after it (two first prizes leave one place fewer for the second).")
        }
    }

    /// The JSON recorded in the manifest and `leaderboard.json`.
    public var json: JSONValue {
        .object([
            "basis": .string(basis.rawValue),
            "tiers": .array(tiers.map { t in
                var o: [String: JSONValue] = ["name": .object(["zh": .string(t.name.zh), "en": .string(t.name.en)])]
                if let c = t.count { o["count"] = .number(Double(c)) }
                return .object(o)
            }),
        ])
    }

    /// Reads `json` back (nil when absent or not an award rule).
    public init?(json: JSONValue?) {
        guard let json, let basis = json["basis"]?.stringValue.flatMap(Basis.init(rawValue:)),
            let tiers = json["tiers"]?.arrayValue
        else { return nil }
        self.basis = basis
        self.tiers = tiers.map { t in
            Tier(
                name: LocalizedText(zh: t["name"]?["zh"]?.stringValue ?? "", en: t["name"]?["en"]?.stringValue ?? ""),
                count: t["count"]?.numberValue.flatMap { $0 >= 0 && $0 <= 10_000 ? Int($0) : nil })
        }
    }
}
