-- Sagas that run forever: a saga may loop back to an earlier step (loops, reset by each new run) and
-- continue as new (run + 1, with new data). History rows carry their run, so the runs a saga no
-- longer keeps are deleted with the transition that starts a new one.
ALTER TABLE saga_instance ADD COLUMN run INTEGER NOT NULL DEFAULT 0;
ALTER TABLE saga_instance ADD COLUMN loops INTEGER NOT NULL DEFAULT 0;
ALTER TABLE saga_history ADD COLUMN run INTEGER NOT NULL DEFAULT 0;
