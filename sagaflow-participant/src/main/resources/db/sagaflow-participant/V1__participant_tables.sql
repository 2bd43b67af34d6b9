-- A participant's own database: the inbox makes a redelivered message a no-op (a primary key,
-- not a check-then-insert), the outbox holds replies and events written in the same transaction
-- as the business change they report.
CREATE TABLE participant_inbox (
    message_id   VARCHAR(64)  NOT NULL,
    consumer     VARCHAR(200) NOT NULL,
    processed_at BIGINT       NOT NULL,
    PRIMARY KEY (message_id, consumer)
);

CREATE TABLE participant_outbox (
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
CREATE INDEX participant_outbox_created ON participant_outbox (created_at);
