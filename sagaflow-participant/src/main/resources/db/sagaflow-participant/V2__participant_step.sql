-- Where a command that has a registered compensation stands, one row per participant and idempotency
-- key (sagaId/stepName, the same on the command and on its compensation), written in the same
-- transaction as the inbox row of the message that changed it:
--   applied      the command's handler ran and its writes committed
--   compensated  then the compensation's handler ran and succeeded
--   tombstone    the compensation came first: there was nothing to undo, and the command, should it
--                still come, is not applied
-- The primary key, not a check-then-insert, decides between a command and its compensation that
-- arrive at the same moment: whichever inserts first, the other reads what it wrote.
CREATE TABLE participant_step (
    consumer        VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(300) NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    updated_at      BIGINT       NOT NULL,
    PRIMARY KEY (consumer, idempotency_key)
);
