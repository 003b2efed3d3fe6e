import Foundation

/// A real PostgreSQL server of the tests' own: a new cluster (`initdb`) in a temporary folder, listening on
/// 127.0.0.1 at a free port, trust authentication for the user `saima`, stopped and deleted by `stop()`.
///
/// Uses Debian's `postgresql` package (installed by `make test` and `.ci/run`). As root, the cluster is made and run
/// by the `postgres` system user, since PostgreSQL refuses to run as root.
package final class PostgresServer: Sendable {
    package let port: Int
    let folder: String
    let runAs: String?
    let bin: String

    /// `postgres://saima@127.0.0.1:PORT/postgres`.
    package var url: String { "postgres://saima@127.0.0.1:\(port)/postgres" }

    /// The folder of Debian's PostgreSQL programs (the newest version installed), or nil when none is.
    static var binFolder: String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let v = versions.last, FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/initdb") else { return nil }
        return "\(root)/\(v)/bin"
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Makes and starts the cluster; `settings` are extra `-c name=value` server settings.
    package static func start(settings: [String: String] = [:]) throws -> PostgresServer {
        guard let bin = binFolder else {
            throw Failure(description: "PostgreSQL is not installed (apt-get install postgresql; make test does it)")
        }
        let folder = NSTemporaryDirectory() + "saima-pg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let runAs: String? = getuid() == 0 ? "postgres" : nil
        if runAs != nil {
            _ = try shell(["/bin/chown", "postgres:postgres", folder], runAs: nil)
            _ = try shell(["/bin/chmod", "700", folder], runAs: nil)
        }
        let data = folder + "/data"
        _ = try shell([bin + "/initdb", "-D", data, "-U", "saima", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], runAs: runAs)
        // A free port can be taken by another test's server between asking for it and binding it: the server then
        // fails to start with "Address already in use", and starts again on another port.
        for attempt in 1...5 {
            let port = try freePort()
            var options = "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories=\(folder)"
            for (k, v) in settings.sorted(by: { $0.key < $1.key }) { options += " -c \(k)=\(v)" }
            do {
                _ = try shell([bin + "/pg_ctl", "-D", data, "-l", folder + "/server.log", "-o", options, "-w", "-t", "60", "start"], runAs: runAs)
                return PostgresServer(port: port, folder: folder, runAs: runAs, bin: bin)
            } catch {
                let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
                guard attempt < 5, log.contains("Address already in use") else { throw error }
            }
        }
        throw Failure(description: "PostgreSQL found no free port")
    }

    init(port: Int, folder: String, runAs: String?, bin: String) {
        self.port = port
        self.folder = folder
        self.runAs = runAs
        self.bin = bin
    }

    /// Stops the server (fast shutdown) and deletes its cluster.
    package func stop() {
        _ = try? Self.shell([bin + "/pg_ctl", "-D", folder + "/data", "-m", "fast", "-w", "stop"], runAs: runAs)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs a program (as `user` through runuser when given) and returns its output; a non-zero exit throws with it.
    ///
    /// Spawned and awaited with posix_spawn and waitpid, output to a file: `pg_ctl start` leaves a server running that
    /// would hold a pipe open, and Foundation's `Process` did not report that runuser had exited.
    static func shell(_ arguments: [String], runAs user: String?) throws -> String {
        let argv = user.map { ["/usr/sbin/runuser", "-u", $0, "--"] + arguments } ?? arguments
        let log = NSTemporaryDirectory() + "saima-pg-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw Failure(description: "\(argv[0]): spawn failed (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed (\(status)): \(output)")
        }
        return output
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension PostgresServer {
    /// Runs one SQL statement with `psql` and returns its rows, unaligned, one per line, fields split by `|`.
    package func sql(_ statement: String) throws -> String {
        try Self.shell([bin + "/psql", "-X", "-q", "-A", "-t", "-h", "127.0.0.1", "-p", "\(port)", "-U", "saima", "-d", "postgres", "-c", statement], runAs: nil)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
