import SaimaModel
import Foundation
import SaimaPipeline
import Testing

/// The table printed after a run (`RunOutcomeTable`): per team, the current requests, successes, each failure class,
/// and the median and 95th-percentile latency of the successful ones, from a real run folder.
@Suite("Run outcome table (pipeline, directly)")
struct RunOutcomeTableTests {
    /// Alpha: q0 timed out and was retried (only the retry counts), q1 and q2 ok, q3 timed out → 4 items, 3 ok, 1
    /// timeout, latencies 100/200/400 → p50 200 and p95 380; beta: one HTTP 5xx and no latency (`-`). Teams are in
    /// id order, numbers right-aligned under their headers.
    @Test func countsAndLatenciesPerTeam() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let store = try fixture.store("run", results: [
            RunFolderFixture.result("beta", "q0", .http5xx),
            RunFolderFixture.result("alpha", "q0", .timeout, latencyMs: 9000),
            RunFolderFixture.result("alpha", "q0", latencyMs: 100), RunFolderFixture.result("alpha", "q1", latencyMs: 400),
            RunFolderFixture.result("alpha", "q2", latencyMs: 200), RunFolderFixture.result("alpha", "q3", .timeout),
        ])
        #expect(try RunOutcomeTable.render(store: store).split(separator: "\n").map(String.init) == [
            "team 队伍  items 题数  ok 成功  timeout  connect_error  http_4xx  http_5xx  rate_limited  too_large  malformed  cut_off  p50 ms  p95 ms",
            "---------  ----------  -------  -------  -------------  --------  --------  ------------  ---------  ---------  -------  ------  ------",
            "alpha               4        3        1              0         0         0             0          0          0        0     200     380",
            "beta                1        0        0              0         0         1             0          0          0        0       -       -"
        ])
    }
}
