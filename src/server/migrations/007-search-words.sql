-- Admin search at 100,000 passports (issue 10): a passport is found by the start of its number, the start of its
-- name, or any whole word of the name ("patel" finds "Amara Patel"). The words are a generated, lower-cased array
-- with a GIN index; prefixes of number and name use the text_pattern_ops indexes of 005.
ALTER TABLE passports ADD COLUMN IF NOT EXISTS name_words text[] GENERATED ALWAYS AS (string_to_array(lower(name), ' ')) STORED;
CREATE INDEX IF NOT EXISTS passports_name_words ON passports USING gin (name_words);
