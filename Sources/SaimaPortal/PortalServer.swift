import Foundation
import Hummingbird
import Logging
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
        /// Set the organizer's password from SAIMA_ORGANIZER_PASSWORD even though the account exists (a forgotten one).
        package var resetOrganizerPassword = false
        /// How often the schedule is checked for a phase whose start has passed.
        var scheduleCheckSeconds = 15
        package init() {}
    }

    /// The environment variable holding the first organizer's password (read on first start only).
    static let organizerPasswordVariable = "SAIMA_ORGANIZER_PASSWORD"

    package static func run(_ settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment,
                            announce: (String) -> Void) async throws
    {
        let secret = try PortalSecret.fromEnvironment(environment)
        let registry = try TrackRegistry.load(roots: settings.trackRoots)
        let portal = Portal(store: try PortalStore(folder: settings.state), secret: secret, registry: registry)
        if settings.resetOrganizerPassword {
            guard let password = environment[organizerPasswordVariable] else {
                throw PortalError.configuration("重置组织方密码须设置 \(organizerPasswordVariable)。Set \(organizerPasswordVariable) to reset the organizer's password.")
            }
            try portal.resetOrganizer(username: settings.organizer, password: password)
        } else if let password = environment[organizerPasswordVariable] {
            try portal.ensureOrganizer(username: settings.organizer, password: password)
        } else if try !portal.store.hasAccount(role: .organizer) {
            throw PortalError.configuration(
                "首次启动须设置 \(organizerPasswordVariable)（组织方密码）。Set \(organizerPasswordVariable) on first start: the organizer's password.")
        }
        try portal.resumeUnfinishedRuns()
        let app = PortalApplication.application(
            portal: portal, host: settings.host, port: settings.port, secureCookies: settings.secureCookies)
        announce("赛马门户 Saima portal: http://\(settings.host):\(settings.port)/ (state 状态: \(settings.state))")
        // The schedule's clock: moves the phase when a planned start passes, until the server stops.
        let clock = Task { [interval = settings.scheduleCheckSeconds] in
            while !Task.isCancelled {
                do { try portal.advanceBySchedule() } catch {
                    Logger(label: "saima.portal").error("赛程检查失败 Schedule check failed: \(error)")
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
        defer { clock.cancel() }
        try await app.runService()
        await portal.stopRuns()
    }
}
