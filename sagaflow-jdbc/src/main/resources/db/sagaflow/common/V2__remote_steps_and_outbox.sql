-- Remote steps: the id of the command whose reply an instance waits for.
ALTER TABLE saga_instance ADD COLUMN awaiting VARCHAR(64);

-- Commands written in the same transaction as the transition that sends them; a relay claims
-- rows by lease (never by "id > last seen", which loses rows that commit out of id order),
-- sends them, then deletes them.
CREATE TABLE saga_outbox (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    channel        VARCHAR(200) NOT NULL,
    type           VARCHAR(200) NOT NULL,
    saga_id        VARCHAR(200) NOT NULL,
    correlation_id VARCHAR(500),
    headers        TEXT         NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     BIGINT       NOT NULL,
    claimed_by     VARCHAR(200),
    claimed_until  BIGINT
);
CREATE INDEX saga_outbox_created ON saga_outbox (created_at);
