import Foundation
package import SaimaModel

/// Local baseline servers for the submissions that name a baseline persona as their model (`<persona>-baseline`):
/// one server each on a free loopback port, each demanding a fresh key of its own, and the submissions pointed at
/// them. What `saima demo` runs against.
package struct BaselineFleet: Sendable {
    /// The servers, one per served submission.
    package var servers: [LocalEndpointServer]
    /// The served submissions, with their base URLs on the local servers.
    package var submissions: [Submission]
    /// Each served team's key (memory only), for the round's key lookup.
    package var keys: [String: String]

    /// Starts a server for every submission whose model names a persona; the others are left out.
    package static func start(for all: [Submission]) async throws -> BaselineFleet {
        var fleet = BaselineFleet(servers: [], submissions: [], keys: [:])
        do {
            for var submission in all {
                let model = submission.endpoint.model
                guard model.hasSuffix("-baseline"), let persona = BaselinePersona(rawValue: String(model.dropLast(9))) else {
                    continue
                }
                let key = "demo-\(UUID().uuidString.prefix(8))"
                let server = try await BaselineServer.start(persona: persona, port: 0, model: model, requiredKey: key)
                fleet.servers.append(server)
                submission.endpoint.baseURL = server.baseURL
                fleet.submissions.append(submission)
                fleet.keys[submission.id] = key
            }
        } catch {
            await fleet.stop()
            throw error
        }
        return fleet
    }

    /// Stops every server.
    package func stop() async { for s in servers { await s.stop() } }
}
