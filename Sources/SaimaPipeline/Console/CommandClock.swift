#if canImport(Glibc)
import CMalloc
#endif

extension PhaseClock {
    /// The clock of a command that runs a round: at the end of each phase, the memory the phase freed goes back to
    /// the system (`malloc_trim`), so that one phase's garbage (parsed lines while loading, replies while
    /// requesting, score chunks) does not stay resident under the next phase's own memory.
    package static func trimming() -> PhaseClock {
        #if canImport(Glibc)
        PhaseClock(atEachLap: { _ = malloc_trim(0) })
        #else
        PhaseClock()
        #endif
    }
}
