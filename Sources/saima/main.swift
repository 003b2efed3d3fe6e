import ArgumentParser
import Dispatch
import SaimaPipeline

/// The process entry: the command runs as a task while the main thread waits for it. Swift's async `@main`
/// parks the main thread with `pthread_exit`, which valgrind 3.19 (Debian 12) cannot follow — it stops with an
/// internal error — so `valgrind --tool=callgrind` can profile `saima` only with this synchronous entry.
/// A run ended by Ctrl-C exits with status 130, as a shell expects of an interrupted command.
func runSaima() {
    let finished = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            var command = try Saima.parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch is RunExecution.Interrupted {
            Saima.exit(withError: ExitCode(130))
        } catch {
            Saima.exit(withError: error)
        }
        finished.signal()
    }
    finished.wait()
}

MallocTuning.apply()
runSaima()
