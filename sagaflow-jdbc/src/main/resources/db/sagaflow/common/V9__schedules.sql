-- Cron schedules that start sagas (V6-V8 are taken by other changes). One row per schedule; nodes
-- compute every tick from last_tick, and move it by compare-and-set in the same transaction as the
-- insert of the tick's saga_instance (whose idempotency key is the tick): one start per tick.
CREATE TABLE saga_schedule (
    name         VARCHAR(100) NOT NULL PRIMARY KEY,
    cron         VARCHAR(500) NOT NULL,
    -- the time zone id the cron is read in (Europe/Paris)
    zone         VARCHAR(100) NOT NULL,
    saga_name    VARCHAR(200) NOT NULL,
    -- SKIP or RUN_ONCE
    missed_ticks VARCHAR(20)  NOT NULL,
    -- epoch millis of the last tick handled (started or skipped); at first, the registration time
    last_tick    BIGINT       NOT NULL,
    -- epoch millis when the definition was registered or last changed
    updated_at   BIGINT       NOT NULL
);
