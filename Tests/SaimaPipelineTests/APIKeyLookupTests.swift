import Foundation
import SaimaPipeline
import Testing

/// Reading an endpoint's key from the variable a command names: the key from the environment, a plain error for an
/// unset variable, and a key pasted in place of the name refused without being shown.
struct APIKeyLookupTests {
    @Test func aKeyIsReadFromItsVariableAndMistakesAreExplained() throws {
        #expect(try APIKeyLookup.key(nil) == nil)
        #expect(try APIKeyLookup.key("SAIMA_KEY_ALPHA", environment: ["SAIMA_KEY_ALPHA": "k-123"]) == "k-123")
        #expect(throws: APIKeyLookup.Problem.self) { try APIKeyLookup.key("SAIMA_KEY_ALPHA", environment: [:]) }
        do {
            _ = try APIKeyLookup.key("SAIMA_KEY_ALPHA", environment: ["SAIMA_KEY_ALPHA": ""])
        } catch {
            #expect("\(error)" == "environment variable SAIMA_KEY_ALPHA is not set / 环境变量 SAIMA_KEY_ALPHA 未设置")
        }
        let pasted = "sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"
        do {
            _ = try APIKeyLookup.key(pasted, environment: [pasted: "x"])
            Issue.record("a key pasted as the variable name must be refused")
        } catch {
            #expect(!"\(error)".contains(pasted), "the pasted key is not shown: \(error)")
        }
    }
}
