import ArgumentParser
import Foundation
import SaimaPipeline

/// `--store`: a shared run store's address, and its errors printed as an organizer reads them.
enum StoreOption {
    /// The parsed address, or a usage error naming what is wrong (the password is never echoed).
    static func location(_ address: String) throws -> StoreLocation {
        switch SharedRound.location(address) {
        case .success(let location): return location
        case .failure(let error): throw ValidationError(SharedRound.message(error) ?? "--store")
        }
    }

    /// The store named by `--store` or, without it, `SAIMA_STORE`; nil when neither names one.
    static func named(_ store: String?) throws -> StoreLocation? {
        try (store ?? ProcessInfo.processInfo.environment["SAIMA_STORE"]).map(location)
    }

    /// The store named by `--store` or `SAIMA_STORE`, which a command needs.
    static func required(_ store: String?) throws -> StoreLocation {
        guard let named = try named(store) else { throw ValidationError("give --store or set SAIMA_STORE / 请给出 --store") }
        return named
    }

    /// Runs `body`; a store error is printed (without the query or the password) and ends the command with status 1.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            guard let message = SharedRound.message(error) else { throw error }
            printErr(message)
            throw ExitCode.failure
        }
    }
}
