-- What an attempt's body attached to it (model, tokens, score…), kept with its outcome's history
-- row as the text of a JSON object of at most 4,000 characters; NULL when nothing was attached.
-- (V6 is another change's.)
ALTER TABLE saga_history ADD COLUMN metadata TEXT;
