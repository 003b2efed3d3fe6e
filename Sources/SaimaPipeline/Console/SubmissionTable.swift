import SaimaReports

/// `saima submissions list`: the teams' submissions as a terminal table (the key's environment variable name, never a key).
package enum SubmissionTable {
    package static func render(_ submissions: [Submission]) -> String {
        var table = TerminalTable(headers: ["team 队伍", "name 名称", "tracks 赛道", "endpoint 接口", "model", "key env"])
        for s in submissions {
            table.append([
                s.id, s.team.bilingual, s.tracks.joined(separator: ","), s.endpoint.baseURL, s.endpoint.model,
                s.endpoint.apiKeyEnv ?? "-",
            ])
        }
        return table.render()
    }
}
