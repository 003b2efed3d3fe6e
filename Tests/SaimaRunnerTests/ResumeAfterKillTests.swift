import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaStorage
import SaimaTestSupport
import Testing

/// `saima run` killed with SIGKILL mid-run, then run again with the same `--out`.
@Suite("Resume after a killed process")
struct ResumeAfterKillTests {
    static func writeTree(root: String, items: Int, port: Int) throws {
        // A generous timeout: under the whole suite's load a 25 ms reply can take seconds, and a retried timeout would
        // count as a second request of an item answered once.
        try ContestTree.write(
            root: root, track: "t", trackName: ("测试", "Test"), set: "s",
            items: (0..<items).map { #"{"id":"q\#($0)","type":"short_answer","prompt":"q\#($0)","answer":"x"}"# },
            teams: [ContestTree.Team(id: "team", zh: "队", en: "Team")], port: port, maxConcurrency: 4, timeoutSeconds: 60)
    }

    /// Runs `saima run`; with `killWhenStored`, sends SIGKILL as soon as that many results are
    /// committed (polling the database), so the kill lands mid-run however busy the machine is.
    func runSaima(root: String, killWhenStored: Int?) async throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SaimaBinary.path)
        process.arguments = [
            "run", "--tracks", root + "/Tracks", "--submissions", root + "/Submissions", "--out", root + "/out",
        ]
        process.environment = ["SWIFT_BACKTRACE": "enable=no", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        let errorLog = root + "/stderr-\(killWhenStored == nil ? "resume" : "first").txt"
        _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: errorLog)
        try process.run()
        if let killWhenStored {
            while process.isRunning {
                try await Task.sleep(for: .milliseconds(20))
                let stored = (try? RunStore(folder: root + "/out").currentOutcomes().count) ?? 0
                if stored >= killWhenStored {
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
            }
        }
        while process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        return (process.terminationStatus, (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? "")
    }

    @Test func noAnsweredItemIsRequestedTwice() async throws {
        #expect(FileManager.default.fileExists(atPath: SaimaBinary.path), "build the saima product first")
        let log = EndpointLog()
        let server = try await LocalEndpointServer.start { request in
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let prompt = RunnerHarness.prompt(of: body)
            _ = await log.begin(prompt: prompt, authorization: nil, body: .null)
            try? await Task.sleep(for: .milliseconds(25))
            await log.end()
            return .json(200, ChatCompletionJSON.completion(content: "答：\(prompt)", model: "m"))
        }
        let root = NSTemporaryDirectory() + "saima-resume-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let items = 400
        try Self.writeTree(root: root, items: items, port: server.port)

        let (firstStatus, firstErrors) = try await runSaima(root: root, killWhenStored: 40)
        #expect(firstStatus != 0)  // killed
        let afterKill = try RunStore(folder: root + "/out").currentResults()
        let okAfterKill = Set(afterKill.filter { $0.outcome == .ok }.map(\.key.item))
        #expect(!okAfterKill.isEmpty && okAfterKill.count < items,
                "kill should land mid-run (\(okAfterKill.count) answered, exit \(firstStatus), stderr: \(firstErrors.suffix(2000)))")
        let firstPhase = await log.requestsByPrompt

        let (secondStatus, secondErrors) = try await runSaima(root: root, killWhenStored: nil)
        #expect(secondStatus == 0, "\(secondErrors.suffix(2000))")
        let total = await log.requestsByPrompt
        await server.stop()

        for item in okAfterKill {
            #expect(total[item] == firstPhase[item], "\(item) was answered before the kill and requested again")
            #expect(total[item] == 1)
        }
        let store = try RunStore(folder: root + "/out")
        let final = try store.currentResults()
        #expect(final.count == items)
        #expect(Set(final.map(\.key.item)).count == items)
        #expect(final.allSatisfy { $0.outcome == .ok })
        #expect(try store.rowCount() == items)  // nothing superseded: no item stored twice
        #expect(total.values.allSatisfy { $0 <= 2 })  // at most the in-flight ones were asked again
    }
}
