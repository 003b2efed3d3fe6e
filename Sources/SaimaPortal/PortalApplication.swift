import Foundation
package import Hummingbird
import Logging

/// The portal as a Hummingbird application: the router with the security middleware in front of every route.
package enum PortalApplication {
    /// The router of every route (also what route tests drive).
    package static func router(portal: Portal, secureCookies: Bool = false) -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.add(middleware: PortalSecurityMiddleware(portal: portal, secureCookies: secureCookies))
        PublicRoutes.add(to: router, portal: portal, secureCookies: secureCookies)
        AccountRoutes.add(to: router, portal: portal)
        TeamRoutes.add(to: router, portal: portal)
        OrganizerRoutes.add(to: router, portal: portal)
        RunPage.add(to: router, portal: portal)
        RunFiles.add(to: router, portal: portal)
        RunFiles.addPublished(to: router, portal: portal)
        RunArchive.add(to: router, portal: portal)
        JudgeRoutes.add(to: router, portal: portal)
        VoteRoutes.add(to: router, portal: portal)
        AppealRoutes.add(to: router, portal: portal)
        return router
    }

    /// The application bound to `host:port` (127.0.0.1 by default), logging through swift-log.
    package static func application(portal: Portal, host: String, port: Int, secureCookies: Bool = false)
        -> some ApplicationProtocol
    {
        var logger = Logger(label: "saima.portal")
        logger.logLevel = .info
        return Application(
            router: router(portal: portal, secureCookies: secureCookies),
            configuration: .init(address: .hostname(host, port: port), serverName: "saima"), logger: logger)
    }
}
