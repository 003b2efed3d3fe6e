import ArgumentParser
import SaimaPipeline
import SaimaPortal

/// `saima serve`: the contest's web portal for organizers, teams, judges and the public.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the contest portal: registration, endpoints, self-tests, the official round, boards. 竞赛门户",
        discussion: """
            Needs SAIMA_PORTAL_SECRET (32+ bytes; seals teams' API keys with AES-GCM) and, on first start,
            SAIMA_ORGANIZER_PASSWORD (the organizer account's password). Binds to 127.0.0.1; put a TLS reverse proxy in
            front for the internet and pass --secure-cookies.
            """)

    @Option(help: "Address to bind. 监听地址") var host = "127.0.0.1"
    @Option(help: "Port. 端口") var port = 8080
    @Option(help: "State folder (portal.sqlite, runs, exports). 状态目录") var state = "portal-state"
    @Option(name: .customLong("tracks"), help: "A tracks root; repeatable (default ./Tracks). 赛道根目录") var trackRoots: [String] = []
    @Option(help: "The organizer's user name (made on first start). 组织方用户名") var organizer = "organizer"
    @Flag(help: "Mark cookies Secure (behind an HTTPS proxy). Cookie 仅限 HTTPS") var secureCookies = false
    @Flag(help: "Set the organizer's password from SAIMA_ORGANIZER_PASSWORD (forgotten). 重置组织方密码") var resetOrganizerPassword = false

    func validate() throws { try OptionBounds.check(port, 1...65_535, "port") }

    func run() async throws {
        var s = PortalServer.Settings()
        (s.host, s.port, s.state, s.organizer, s.secureCookies) = (host, port, state, organizer, secureCookies)
        s.resetOrganizerPassword = resetOrganizerPassword
        if !trackRoots.isEmpty { s.trackRoots = trackRoots }
        try await PortalServer.run(s) { print($0) }
    }
}
