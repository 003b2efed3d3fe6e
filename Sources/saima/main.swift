import ArgumentParser
import Dispatch

/// The process entry: the command runs as a task while the main thread waits for it. Swift's async `@main`
/// parks the main thread with `pthread_exit`, which valgrind 3.19 (Debian 12) cannot follow — it stops with an
/// internal error — so `valgrind --tool=callgrind` can profile `saima` only with this synchronous entry.
func runSaima() {
    let finished = DispatchSemaphore(value: 0)
    Task.detached {
        await Saima.main()
        finished.signal()
    }
    finished.wait()
}

runSaima()
