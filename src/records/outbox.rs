//! The outbox of statements for learning record stores, kept in the record store: each
//! statement queued once (by id, per store address), marked sent only once accepted.
//! [`super::send`] reads and marks it.

use rusqlite::{TransactionBehavior, params};

use super::store::failed;
use super::{RecordError, Statement, Store, now_ms};

impl Store {
    /// Adds statements to the outbox of a learning record store, once each; gives how many
    /// were new.
    pub(super) fn queue(
        &mut self,
        lrs: &str,
        statements: &[(i64, Statement)],
    ) -> Result<usize, RecordError> {
        let path = self.path.clone();
        let now = now_ms();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed(&path, "start queueing statements"))?;
        let mut added = 0;
        {
            let mut insert = transaction
                .prepare_cached(
                    "INSERT OR IGNORE INTO outbox (lrs, id, call, body, queued_ms) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(failed(&path, "queue a statement"))?;
            for (call, statement) in statements {
                added += insert
                    .execute(params![
                        lrs,
                        statement.id,
                        call,
                        statement.json.to_string(),
                        now
                    ])
                    .map_err(failed(&path, "queue a statement"))?;
            }
        }
        transaction
            .commit()
            .map_err(failed(&path, "queue the statements"))?;
        Ok(added)
    }

    /// The statements not yet accepted by a learning record store, oldest first, as
    /// (id, JSON) pairs.
    pub(super) fn unsent(&self, lrs: &str) -> Result<Vec<(String, String)>, RecordError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT id, body FROM outbox WHERE lrs = ?1 AND sent_ms IS NULL \
                 ORDER BY queued_ms, rowid",
            )
            .map_err(failed(&self.path, "read the outbox"))?;
        statement
            .query_map([lrs], |row| Ok((row.get(0)?, row.get(1)?)))
            .map_err(failed(&self.path, "read the outbox"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(failed(&self.path, "read the outbox"))
    }

    /// Marks statements as accepted by a learning record store.
    pub(super) fn mark_sent(&mut self, lrs: &str, ids: &[String]) -> Result<(), RecordError> {
        let path = self.path.clone();
        let now = now_ms();
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed(&path, "start marking statements sent"))?;
        {
            let mut update = transaction
                .prepare_cached("UPDATE outbox SET sent_ms = ?1 WHERE lrs = ?2 AND id = ?3")
                .map_err(failed(&path, "mark a statement sent"))?;
            for id in ids {
                update
                    .execute(params![now, lrs, id])
                    .map_err(failed(&path, "mark a statement sent"))?;
            }
        }
        transaction
            .commit()
            .map_err(failed(&path, "mark the statements sent"))
    }
}

#[cfg(test)]
mod tests {

    use crate::engine::Answer;
    use crate::records::Record;
    use crate::records::tests::{played, store};

    #[test]
    fn statements_are_queued_once_and_unsent_until_marked_sent() {
        let (_dir, mut store) = store();
        let record = Record {
            id: store
                .save(&played(7, &[Answer::Pick(1)], "Ana"))
                .expect("saves"),
            call: played(7, &[Answer::Pick(1)], "Ana"),
        };
        let statements: Vec<_> = crate::records::statements(&record, crate::records::DEFAULT_BASE)
            .into_iter()
            .map(|s| (record.id, s))
            .collect();
        let lrs = "http://lrs.example/xapi/statements";
        assert_eq!(store.queue(lrs, &statements).expect("queues"), 2);
        assert_eq!(store.queue(lrs, &statements).expect("queues"), 0);
        let ids: Vec<String> = statements.iter().map(|(_, s)| s.id.clone()).collect();
        let waiting: Vec<String> = store
            .unsent(lrs)
            .expect("reads")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(waiting, ids);
        store.mark_sent(lrs, &ids[..1]).expect("marks");
        let waiting: Vec<String> = store
            .unsent(lrs)
            .expect("reads")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(waiting, ids[1..].to_vec());
        assert_eq!(
            store
                .unsent("http://other.example/statements")
                .expect("reads"),
            Vec::new()
        );
    }
}
