import ArgumentParser
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
