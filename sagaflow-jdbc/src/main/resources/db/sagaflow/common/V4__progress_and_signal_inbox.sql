-- Instance row v2: where the instance stands is one text column of positions
-- (SagaRecord.Progress.positionsAsText: step,attemptsMade,outcomeUnknown,waitKind,dueAt,key, ';' between),
-- and signals have an inbox of their own. One file for SQLite (>= 3.35, for DROP COLUMN) and PostgreSQL.

-- NOT NULL needs a default on SQLite's ADD COLUMN, which cannot be altered later; every write sets it.
ALTER TABLE saga_instance ADD COLUMN progress TEXT NOT NULL DEFAULT '';
-- Delivered signals (incremented only by the store, never by a node's write) and how many of them
-- the instance's last write had seen; while signal_count > signals_seen the instance is woken.
ALTER TABLE saga_instance ADD COLUMN signal_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE saga_instance ADD COLUMN signals_seen BIGINT NOT NULL DEFAULT 0;

-- The one position of a v1 row. Its wait: a reply it awaits (the reply timeout is its wake_at);
-- a retry's backoff (WAITING, or a compensation with a due time); else none.
UPDATE saga_instance SET progress =
    CAST(step_index AS VARCHAR(20)) || ',' || CAST(attempt AS VARCHAR(20)) || ','
    || CAST(outcome_unknown AS VARCHAR(20)) || ','
    || CASE
           WHEN awaiting IS NOT NULL
               THEN 'REPLY,' || COALESCE(CAST(wake_at AS VARCHAR(20)), '') || ',' || awaiting
           WHEN state = 'WAITING'
               THEN 'RETRY,' || COALESCE(CAST(wake_at AS VARCHAR(20)), '') || ','
           WHEN state IN ('COMPENSATING', 'COMPENSATION_STALLED') AND wake_at IS NOT NULL
               THEN 'RETRY,' || CAST(wake_at AS VARCHAR(20)) || ','
           ELSE ',,'
       END;

ALTER TABLE saga_instance DROP COLUMN step_index;
ALTER TABLE saga_instance DROP COLUMN attempt;
ALTER TABLE saga_instance DROP COLUMN outcome_unknown;
ALTER TABLE saga_instance DROP COLUMN awaiting;
-- The compensation stack, under the SPI's name (SagaRecord.Progress.toCompensate).
ALTER TABLE saga_instance RENAME COLUMN completed TO to_compensate;

-- Nodes look up the instances they hold that have signals they have not seen: only those rows.
CREATE INDEX saga_instance_signalled ON saga_instance (owner) WHERE signal_count > signals_seen;
-- Listing by correlation id reads only that id's rows.
CREATE INDEX saga_instance_correlation ON saga_instance (correlation_id, created_at);

-- The signal inbox. The primary key makes delivery idempotent per signal id (a constraint, not a
-- check-then-insert). seq is the instance's signal_count after the delivery: the delivery order.
-- A consumed row stays (consumed_at set), so a late duplicate of it is still known as one.
CREATE TABLE saga_signal (
    signal_id   VARCHAR(500) NOT NULL PRIMARY KEY,
    saga_id     VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    payload     TEXT,
    received_at BIGINT       NOT NULL,
    seq         BIGINT       NOT NULL,
    consumed_at BIGINT
);
-- An instance's pending signals in delivery order: one range of this index.
CREATE INDEX saga_signal_pending ON saga_signal (saga_id, seq) WHERE consumed_at IS NULL;
