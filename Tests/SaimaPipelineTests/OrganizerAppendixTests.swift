import SaimaModel
import Foundation
import SaimaPipeline
import SaimaStorage
import Testing

/// `appendix.html` (`OrganizerAppendix`): for each item asked for, the question as sent, the answer key, and every
/// team's reply with its reading, rule and score — everything from models, tracks and the title escaped.
@Suite("The organizer appendix (pipeline, directly)")
struct OrganizerAppendixTests {
    static let instruction = "请从以上选项中选出唯一正确的一项。回答的最后单独一行写“答案：X”（X 为选项字母），其后不要再写任何内容。"
    static let header = "<table><tr><th>队伍 Team</th><th>回答 Reply</th><th>读取 Extracted</th><th>规则 Rule</th><th>得分 Score</th></tr>"

    /// Item q0: beta's reply carries markup and quotes (read by its answer line), alpha answered a bare wrong letter;
    /// item q1: alpha timed out. Teams come in id order, failures as their class, unknown items as "no such item".
    @Test func itemsShowEveryTeamsReplyEscaped() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let tracks = [AppealsTests.unshuffledTrack()]
        let store = try fixture.store(
            "run",
            results: [
                RunFolderFixture.result("beta", "q0", content: "<b>注意</b> & \"引号\"\n答案：B"),
                RunFolderFixture.result("alpha", "q0", content: "A"),
                RunFolderFixture.result("alpha", "q1", .timeout),
            ], round: "appendix", tracks: tracks, teams: ["alpha", "beta"])
        _ = try RunScoring.score(store: store, tracks: tracks)
        let folder = fixture.path("run")
        let path = try OrganizerAppendix.write(
            folder: folder, store: store, tracks: tracks, items: ["t/s/q0", "t/s/q1", "t/s/<q9>", "t/x"], title: "第一轮 <决赛>")
        #expect(path == folder + "/appendix.html")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<title>第一轮 &lt;决赛&gt; — 组织方附录 Organizer appendix</title>"))
        #expect(html.contains(
            "<p class=secret>组织方内部文件，含隐藏题目与答案，请勿公开。Organizer only: contains hidden items and answers. Do not publish.</p>"))
        #expect(html.contains(
            "<h2><code>t/s/q0</code></h2><h3>题目 Question (as sent)</h3><pre>第 0 题：哪一项正确？\n\nA. 甲\nB. 乙\n\n\(Self.instruction)</pre>"
                + "<h3>参考 Reference</h3><pre>B — 乙</pre>" + Self.header
                + "<tr><td>alpha</td><td><pre>A</pre></td><td>A</td><td>bare</td><td>0.00</td></tr>"
                + "<tr><td>beta</td><td><pre>&lt;b&gt;注意&lt;/b&gt; &amp; &quot;引号&quot;\n答案：B</pre></td><td>B</td><td>answer_line</td>"
                + "<td>1.00</td></tr></table>"))
        #expect(html.contains(
            Self.header + "<tr><td>alpha</td><td><pre>[超时 timeout]</pre></td><td>—</td><td>—</td><td>0.00</td></tr></table>"))
        #expect(html.contains("<h2><code>t/s/&lt;q9&gt;</code></h2><p>找不到该题目 No such item.</p>"))
        #expect(html.contains("<h2><code>t/x</code></h2><p>找不到该题目 No such item.</p>"))
        #expect(!html.contains("<b>") && html.hasSuffix("</body></html>\n"))
    }

    /// The answer key of each kind of item: true/false in words, a number as written, accepted texts one per block;
    /// an item nobody answered shows an empty table.
    @Test func answerKeysOfEveryKind() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let items = [
            Item(id: "tf", type: .trueFalse, prompt: "对吗？", answer: .truth(false)),
            Item(id: "num", type: .numeric, prompt: "多少？", answer: .number(72.5)),
            Item(id: "txt", type: .shortAnswer, prompt: "是谁？", answer: .texts(["甲", "乙"])),
        ]
        var track = AppealsTests.unshuffledTrack()
        track.questionSets[0].items = ItemList(items)
        let store = try fixture.store("run", results: [])
        let path = try OrganizerAppendix.write(
            folder: fixture.path("run"), store: store, tracks: [track], items: ["t/s/tf", "t/s/num", "t/s/txt"], title: "r")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        for reference in ["错误 false", "72.5", "甲\n—\n乙"] {
            #expect(html.contains("<h3>参考 Reference</h3><pre>\(reference)</pre>" + Self.header + "</table>"), "\(reference)")
        }
    }
}
