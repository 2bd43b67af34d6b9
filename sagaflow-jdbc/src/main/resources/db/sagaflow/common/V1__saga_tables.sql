-- One schema for SQLite and PostgreSQL: only types and syntax both accept.
-- Times are epoch milliseconds; booleans are 0/1 so the same JDBC code reads both.

CREATE TABLE saga_instance (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    saga_name        VARCHAR(200) NOT NULL,
    saga_version     INTEGER      NOT NULL,
    idempotency_key  VARCHAR(500) NOT NULL,
    correlation_id   VARCHAR(500),
    state            VARCHAR(32)  NOT NULL,
    data             TEXT         NOT NULL,
    step_index       INTEGER      NOT NULL,
    attempt          INTEGER      NOT NULL,
    outcome_unknown  SMALLINT     NOT NULL,
    -- step indexes in order of completion, comma-separated: the compensation stack
    completed        VARCHAR(2000) NOT NULL,
    cancel_requested SMALLINT     NOT NULL,
    failure          TEXT,
    -- when the instance next needs a node; NULL once terminal
    wake_at          BIGINT,
    deadline_at      BIGINT,
    owner            VARCHAR(200),
    lease_until      BIGINT,
    -- the fence: every write and every claim increments it; a write expecting another value is refused
    version          BIGINT       NOT NULL,
    write_id         VARCHAR(64),
    history_size     INTEGER      NOT NULL,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    CONSTRAINT saga_instance_idempotency UNIQUE (saga_name, idempotency_key)
);

-- Claiming due work reads only the rows that have a due time.
CREATE INDEX saga_instance_due ON saga_instance (wake_at) WHERE wake_at IS NOT NULL;
CREATE INDEX saga_instance_owner ON saga_instance (owner) WHERE owner IS NOT NULL;
CREATE INDEX saga_instance_listing ON saga_instance (created_at);
CREATE INDEX saga_instance_state ON saga_instance (state, created_at);

-- Append-only. seq comes from the instance's history_size, so order follows commits, never clocks.
CREATE TABLE saga_history (
    saga_id     VARCHAR(64) NOT NULL,
    seq         INTEGER     NOT NULL,
    at          BIGINT      NOT NULL,
    type        VARCHAR(40) NOT NULL,
    step        VARCHAR(200),
    attempt     INTEGER     NOT NULL,
    duration_us BIGINT      NOT NULL,
    detail      TEXT,
    PRIMARY KEY (saga_id, seq)
);
