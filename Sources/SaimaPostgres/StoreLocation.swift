public import Foundation

/// Where a shared run store lives: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or `postgresql://`).
///
/// The password may instead come from `PGPASSWORD`; it is kept in memory only, and `redacted` (what logs, errors and
/// the manifest show) never contains it.
public struct StoreLocation: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// Parses a store address; nil with a reason when it is not one.
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<StoreLocation, StoreError>
    {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            return .failure(.badLocation("expected postgres://USER@HOST[:PORT]/DATABASE / 应为 postgres:// 地址"))
        }
        guard let host = url.host, !host.isEmpty else { return .failure(.badLocation("no host / 缺少主机")) }
        guard let user = url.user, !user.isEmpty else { return .failure(.badLocation("no user / 缺少用户名")) }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { return .failure(.badLocation("no database / 缺少数据库名")) }
        let port = url.port ?? 5432
        guard (1...65535).contains(port) else { return .failure(.badLocation("port out of range / 端口无效")) }
        let password = url.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
        return .success(StoreLocation(
            host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port,
            user: user.removingPercentEncoding ?? user, password: password,
            database: database.removingPercentEncoding ?? database))
    }

    /// The address without its password, for logs, errors and records.
    public var redacted: String { "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }
}

/// What went wrong with a shared run store, in words an organizer can act on (English and Chinese).
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case badLocation(String)
    case unreachable(String, String)
    case differentRound(String)
    case unknownRound(String)
    case incomplete(round: String, open: Int)
    case brokenChain(round: String, seq: Int64)
    case brokenHumanChain(round: String, seq: Int)
    case brokenAppealsChain(round: String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .badLocation(let why): "--store: \(why)"
        case .unreachable(let where_, let why):
            "cannot use the run store at \(where_): \(why) / 无法连接共享结果库"
        case .differentRound(let round):
            "round \(round) in the store was planned with another manifest (question sets, teams, seed, samples or orders); "
                + "every worker must run the same round / 共享库中的该轮次清单不同，所有工作进程必须运行同一轮"
        case .unknownRound(let round): "the store holds no round named \(round) / 共享库中没有该轮次"
        case .incomplete(let round, let open):
            "round \(round) still has \(open) requests not committed; let the workers finish (or start one) first / 该轮仍有未完成的请求"
        case .brokenChain(let round, let seq):
            "round \(round): the result chain breaks at row \(seq) (a row was changed or removed) / 结果链在该行断开"
        case .brokenHumanChain(let round, let seq):
            "round \(round): the human-score chain breaks at import \(seq) (a score or an import was changed) / 人工评分链在该次导入处断开"
        case .brokenAppealsChain(let round):
            "round \(round): the appeal readings' chain does not reach the store's head (a reading was changed) / 复核结果链与共享库不一致"
        case .unsupported(let what): "\(what) / 共享库模式不支持"
        }
    }
}
