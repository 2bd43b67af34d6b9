-- The context (a trace) propagated from the code that started each saga, as a JSON object of
-- strings; and the stack trace of a failed attempt that threw, kept with its history row.
ALTER TABLE saga_instance ADD COLUMN start_context TEXT;
ALTER TABLE saga_history ADD COLUMN stack_trace TEXT;
