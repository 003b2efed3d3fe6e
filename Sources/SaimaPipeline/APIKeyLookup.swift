import Foundation
import SaimaRegistry

/// An endpoint's API key from the environment variable a command was told to read: the variable's name is checked
/// first (a key pasted in its place is refused without being shown), and a variable that is not set is an error.
package enum APIKeyLookup {
    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// The key, or nil when no variable was named.
    package static func key(_ variable: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard let variable else { return nil }
        if let problem = APIKeyEnvCheck.problem(with: variable) { throw Problem(description: problem) }
        guard let key = environment[variable], !key.isEmpty else {
            throw Problem(description: "environment variable \(variable) is not set / 环境变量 \(variable) 未设置")
        }
        return key
    }
}
