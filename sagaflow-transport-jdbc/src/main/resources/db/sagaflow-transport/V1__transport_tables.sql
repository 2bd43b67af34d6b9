-- The JDBC-table transport: one row per message per subscribed group, claimed by a visibility
-- lease (available_at) with FOR UPDATE SKIP LOCKED on PostgreSQL, deleted once handled.
CREATE TABLE transport_subscription (
    channel    VARCHAR(200) NOT NULL,
    group_name VARCHAR(200) NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (channel, group_name)
);

CREATE TABLE transport_message (
    id             VARCHAR(64)  NOT NULL,
    group_name     VARCHAR(200) NOT NULL,
    channel        VARCHAR(200) NOT NULL,
    type           VARCHAR(200) NOT NULL,
    saga_id        VARCHAR(200) NOT NULL,
    correlation_id VARCHAR(500),
    headers        TEXT         NOT NULL,
    payload        TEXT         NOT NULL,
    -- when it may next be handed out: the send time, then claim time + visibility timeout
    available_at   BIGINT       NOT NULL,
    deliveries     INTEGER      NOT NULL,
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (id, group_name)
);
CREATE INDEX transport_message_due ON transport_message (channel, group_name, available_at);
