import Foundation
/// What an organizer accepts in a submission's endpoint: where requests may go and where keys may come from.
///
/// - `base_url`: `http://` or `https://`, a host, no user name or password (credentials never sit in a URL,
///   where they would reach manifests, reports and logs), no query and no fragment (a `#` would turn the
///   `/chat/completions` path into a fragment and send the request elsewhere).
/// - `api_key_env`: exactly `SAIMA_KEY_<TEAM>` (the team id upper-cased, `-` as `_`) for a team, or a name
///   starting with `SAIMA_KEY_` for a judge: a team can never name `HOME`, `PATH`, a cloud secret or another
///   team's key variable. Organizers may instead give keys in a keys file (`KeysFile`).
public enum EndpointPolicy {
    public static let keyPrefix = "SAIMA_KEY_"

    /// The only key variable a team may name.
    public static func keyVariable(team: String) -> String {
        keyPrefix + team.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// A message when `url` is not an acceptable base URL (never repeats a password).
    public static func urlProblem(_ url: String) -> String? {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            return "`base_url` must start with http:// or https://"
        }
        guard let c = URLComponents(string: url), let host = c.host, !host.isEmpty else {
            return "`base_url` is not a valid URL with a host / base_url 不是有效的网址"
        }
        if c.user != nil || c.password != nil {
            return "`base_url` must not contain a user name or password; give keys through the organizer's keys file or SAIMA_KEY_ variables / base_url 中不得包含用户名或密码"
        }
        if c.query != nil || c.fragment != nil || url.contains("#") || url.contains("?") {
            return "`base_url` must not contain a query (`?`) or fragment (`#`) / base_url 中不得包含 ? 或 #"
        }
        return nil
    }

    /// A message when `variable` is not a key variable this submission (team id, or nil for a judge) may name.
    public static func keyVariableProblem(_ variable: String, team: String?) -> String? {
        if let problem = APIKeyEnvCheck.problem(with: variable) { return problem }
        if let team {
            let allowed = keyVariable(team: team)
            return variable == allowed ? nil
                : "`api_key_env` must be \(allowed) (each team's key comes only from its own variable, or from the organizer's keys file) / 密钥变量名必须为 \(allowed)"
        }
        return variable.hasPrefix(keyPrefix) && variable.count > keyPrefix.count ? nil
            : "`api_key_env` must start with \(keyPrefix) / 密钥变量名必须以 \(keyPrefix) 开头"
    }
}
