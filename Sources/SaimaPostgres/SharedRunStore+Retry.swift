import Logging
import PostgresNIO

/// Asking failed requests of a shared round again (`saima reopen-failed`), the store's `--retry-failed`. Definitions:
/// a **failed** result is a current one whose outcome is not `ok`; **reopening** marks it superseded (kept, still a link
/// of the chain) and puts its work row back to `pending`, so that workers claim and ask it again; the new result is
/// appended to the same chain and becomes the current one. One current result per request holds throughout (a unique
/// index over the rows not superseded).
extension SharedRunStore {
    static let retryMigration = (name: "v3-superseding", statements: [
        "ALTER TABLE results ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT false",
        """
        DO $$ DECLARE c text; BEGIN
          SELECT conname INTO c FROM pg_constraint WHERE conrelid = 'results'::regclass AND contype = 'u';
          EXECUTE 'ALTER TABLE results DROP CONSTRAINT ' || quote_ident(c);
        END $$
        """,
        "CREATE UNIQUE INDEX results_current ON results (round, team, track, set_id, item, sample) WHERE NOT superseded",
    ])

    /// Reopens every failed request of `round` in one transaction, under the round's lock (no commit interleaves);
    /// returns how many were reopened.
    public func reopenFailed(round: String) async throws -> Int {
        try await transaction { db in
            try await lockRound(db, round)
            var reopened = 0
            for try await n in try await db.query("""
                WITH failed AS (
                    UPDATE results SET superseded = true
                    WHERE round = \(round) AND NOT superseded AND outcome <> 'ok'
                    RETURNING team, track, set_id, item, sample),
                reopened AS (
                    UPDATE work w SET state = 'pending', lease_owner = NULL, lease_until = NULL
                    FROM failed f
                    WHERE w.round = \(round) AND w.team = f.team AND w.track = f.track AND w.set_id = f.set_id
                      AND w.item = f.item AND w.sample = f.sample
                    RETURNING 1)
                SELECT count(*) FROM reopened
                """, logger: logger).decode(Int.self)
            {
                reopened = n
            }
            return reopened
        }
    }
}
