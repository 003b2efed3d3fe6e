import Foundation
import Hummingbird
import SaimaModel
import SaimaRegistry

/// `saima serve` end to end: the state opened, the organizer account made on first start, runs left by a stopped
/// server resumed, the application served until SIGTERM or SIGINT, then this process's runs stopped (they resume
/// at the next start; their finished results are kept).
package enum PortalServer {
    package struct Settings: Sendable {
        package var host = "127.0.0.1"
        package var port = 8080
        package var state = "portal-state"
        package var trackRoots = ["Tracks"]
        package var organizer = "organizer"
        package var secureCookies = false
        package init() {}
    }

    /// The environment variable holding the first organizer's password (read on first start only).
    package static let organizerPasswordVariable = "SAIMA_ORGANIZER_PASSWORD"

    package static func run(_ settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment,
                            announce: (String) -> Void) async throws
    {
        let secret = try PortalSecret.fromEnvironment(environment)
        let registry = try TrackRegistry.load(roots: settings.trackRoots)
        let portal = Portal(store: try PortalStore(folder: settings.state), secret: secret, registry: registry)
        if let password = environment[organizerPasswordVariable] {
            try portal.ensureOrganizer(username: settings.organizer, password: password)
        } else if try !portal.store.hasAccount(role: .organizer) {
            throw PortalError.configuration(
                "首次启动须设置 \(organizerPasswordVariable)（组织方密码）。Set \(organizerPasswordVariable) on first start: the organizer's password.")
        }
        try portal.resumeUnfinishedRuns()
        let app = PortalApplication.application(
            portal: portal, host: settings.host, port: settings.port, secureCookies: settings.secureCookies)
        announce("赛马门户 Saima portal: http://\(settings.host):\(settings.port)/ (state 状态: \(settings.state))")
        try await app.runService()
        await portal.stopRuns()
    }
}
