import Foundation
import SaimaTestSupport
import Testing

/// `saima serve-baseline --require-key-env NAME`: the key comes from the named environment variable, which must be
/// set (the served key check itself is tested in process, `BaselineServerTests`).
@Suite("serve-baseline: the key named by --require-key-env")
struct ServeBaselineCommandTests {
    static let arguments = [
        "serve-baseline", "--port", "0", "--persona", "first-choice", "--require-key-env", "SAIMA_TEST_BASELINE_KEY",
    ]

    /// An unset or empty variable stops the command before it serves: exit 64 (a usage error) naming the variable.
    @Test(arguments: [[:], ["SAIMA_TEST_BASELINE_KEY": ""]] as [[String: String]])
    func aMissingKeyVariableIsAUsageError(environment: [String: String]) async throws {
        let result = try await SaimaBinary.run(Self.arguments, environment: environment)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: SAIMA_TEST_BASELINE_KEY is not set / 环境变量未设置"))
        #expect(!result.stdout.contains("serving"))
    }
}
