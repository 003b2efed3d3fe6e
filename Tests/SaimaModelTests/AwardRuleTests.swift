import SaimaBase
import SaimaModel
import Testing

/// The awards rule as printed in reports and recorded in the manifest, and read back from it.
struct AwardRuleTests {
    static let first = LocalizedText(zh: "一等奖", en: "First")
    static let second = LocalizedText(zh: "二等奖", en: "Second")

    /// The description names each tier's rank group or count (a missing count prints as 0).
    @Test func descriptionsNameGroupsOrCounts() {
        let byGroup = AwardRule(
            basis: .rankGroup, tiers: [.init(name: Self.first, count: nil), .init(name: Self.second, count: nil)])
        #expect(byGroup.description.zh == "按等级组评奖：一等奖=第1组，二等奖=第2组；同组队伍差异不显著，获同一奖项。")
        #expect(byGroup.description.en
            == "By rank group: First = rank group 1, Second = rank group 2; "
            + "teams in one group cannot be separated and receive the same award.")
        let byCount = AwardRule(
            basis: .count, tiers: [.init(name: Self.first, count: 1), .init(name: Self.second, count: nil)])
        #expect(byCount.description.zh.hasPrefix("按名额评奖：一等奖 1 队，二等奖 0 队；按等级组依次整组授予"))
        #expect(byCount.description.en.hasPrefix("By count: First 1, Second 0; whole rank groups are awarded in order"))
    }

    /// The JSON form is exact and reads back to the same rule.
    @Test func jsonRoundTrips() {
        let rule = AwardRule(basis: .count, tiers: [.init(name: Self.first, count: 1), .init(name: Self.second, count: nil)])
        #expect(rule.json.canonicalJSON
            == #"{"basis":"count","tiers":[{"count":1,"name":{"en":"First","zh":"一等奖"}},"#
            + #"{"name":{"en":"Second","zh":"二等奖"}}]}"#)
        #expect(AwardRule(json: rule.json) == rule)
    }

    /// Reading back: no value, an unknown basis or no tier list is no rule; a count outside 0…10,000 is no count.
    @Test func readingBackRefusesWhatIsNotARule() throws {
        #expect(AwardRule(json: nil) == nil)
        #expect(AwardRule(json: try JSONValue.parse(#"{"basis":"medals","tiers":[]}"#)) == nil)
        #expect(AwardRule(json: try JSONValue.parse(#"{"basis":"count"}"#)) == nil)
        let rule = AwardRule(json: try JSONValue.parse(
            #"{"basis":"count","tiers":[{"count":-1},{"count":10000},{"count":10001},{"count":"3"}]}"#))
        #expect(rule?.tiers.map(\.count) == [nil, 10_000, nil, nil])
        #expect(rule?.tiers.first?.name == LocalizedText(zh: "", en: ""))
    }
}
