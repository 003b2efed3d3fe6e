package import SaimaLeaderboard
import SaimaReports
/// A leaderboard as a command prints it: the terminal table, then the files written.
package enum BoardText {
    package static func describe(_ board: Leaderboard, files: [String]) -> String {
        LeaderboardMarkdown.terminal(board) + "\n\nwritten 已写入: " + files.joined(separator: ", ")
    }
}
