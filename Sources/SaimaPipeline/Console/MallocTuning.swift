#if canImport(Glibc)
import CMalloc
#endif

/// glibc malloc settings for a command that runs a round, applied once at process start.
package enum MallocTuning {
    /// Two malloc arenas instead of glibc's default of eight per core: the runner's threads allocate and free replies
    /// and rows concurrently, and the extra arenas kept freed memory resident (100,000 items: 213 → 176 MB peak, no
    /// measurable change in speed).
    ///
    /// A fixed mmap threshold of 128 KiB: glibc otherwise raises it to the size of each large block freed (up to
    /// 32 MiB), after which growing arrays (the answer table, result chunks) are carved from the arenas and their old
    /// buffers stay resident as fragments; with the threshold fixed every block of 128 KiB or more is its own mapping,
    /// returned to the system when freed (100,000 items: 68.6 → 66.1 MB peak, measured with `GLIBC_TUNABLES` before
    /// this setting existed).
    package static func apply() {
        #if canImport(Glibc)
        _ = mallopt(saima_m_arena_max, 2)
        _ = mallopt(saima_m_mmap_threshold, 128 << 10)
        #endif
    }
}
