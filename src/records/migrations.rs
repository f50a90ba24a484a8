//! The schema of the record store, one migration per version.
//!
//! The schema is versioned (SQLite's `user_version`) and every change to it is a new
//! migration appended to [`MIGRATIONS`], never an edit of an old one, so a newer Frontline
//! opens any older history and brings it up to date.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::RecordError;
use super::store::failed;

/// The schema version this Frontline writes: the number of migrations.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The schema, one migration per version: `MIGRATIONS[n]` takes version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: calls, their decisions and the compliance rules they broke.
    "CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        trainee TEXT NOT NULL,
        scenario TEXT NOT NULL,
        title TEXT NOT NULL,
        version TEXT NOT NULL,
        language TEXT NOT NULL,
        hash TEXT NOT NULL,
        path TEXT NOT NULL,
        seed INTEGER NOT NULL,      -- the bits of the u64 seed
        mode TEXT NOT NULL,         -- coach | exam
        outcome TEXT NOT NULL,
        ending TEXT,
        empathy REAL NOT NULL,
        accuracy REAL NOT NULL,
        resolution REAL NOT NULL,
        overall REAL NOT NULL,
        pass_mark INTEGER NOT NULL,
        passed INTEGER NOT NULL,
        abandoned INTEGER NOT NULL,
        decisions INTEGER NOT NULL, -- how many rows of `decisions` the call has
        started_ms INTEGER NOT NULL,
        ended_ms INTEGER NOT NULL
    );
    CREATE TABLE decisions (
        call INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        node TEXT NOT NULL,
        prompt TEXT NOT NULL,
        options TEXT NOT NULL,      -- JSON array of the offers as shown
        answer INTEGER,             -- the displayed number picked; NULL: the timer ran out
        text TEXT NOT NULL,
        empathy INTEGER NOT NULL,
        accuracy INTEGER NOT NULL,
        resolution INTEGER NOT NULL,
        wrap_up INTEGER NOT NULL,
        elapsed_ms INTEGER,
        PRIMARY KEY (call, step)
    );
    CREATE TABLE breaks (
        call INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        rule TEXT NOT NULL,
        text TEXT NOT NULL
    );",
    // 2: statements waiting for a learning record store, and the index the app's
    // progress views read by.
    "CREATE TABLE outbox (
        lrs TEXT NOT NULL,          -- the statements endpoint
        id TEXT NOT NULL,           -- the statement's id
        call INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        body TEXT NOT NULL,         -- the statement, JSON
        queued_ms INTEGER NOT NULL,
        sent_ms INTEGER,            -- NULL until the store accepted it
        PRIMARY KEY (lrs, id)
    );
    CREATE INDEX calls_by_trainee ON calls (trainee, scenario, ended_ms);",
    // 3: the trainee's own words, for a decision answered by typing rather than picking.
    "ALTER TABLE decisions ADD COLUMN typed TEXT; -- JSON: words, score, confident, taken",
    // 4: the expert's answer at each decision, for the trainer's view of what is missed.
    "ALTER TABLE decisions ADD COLUMN expert TEXT; -- NULL: recorded before it was kept",
];

/// Brings the store's schema up to date, in one transaction.
pub(super) fn migrate(connection: &mut Connection, path: &Path) -> Result<(), RecordError> {
    // Reading the version takes no lock: opening an up-to-date store never waits for a writer.
    let found: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(failed(path, "read the schema version"))?;
    if found > SCHEMA_VERSION {
        return Err(RecordError::Newer {
            path: path.to_owned(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    // Immediate: two Frontlines opening an old file at once migrate it once.
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(failed(path, "start the schema update"))?;
    // Again inside the lock: another Frontline may have migrated it meanwhile.
    let found: i64 = transaction
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(failed(path, "read the schema version"))?;
    for (version, migration) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        transaction
            .execute_batch(migration)
            .map_err(failed(path, "update the schema"))?;
        transaction
            .pragma_update(None, "user_version", version as i64 + 1)
            .map_err(failed(path, "update the schema version"))?;
    }
    transaction
        .commit()
        .map_err(failed(path, "save the schema update"))
}
