-- Which scheme this database holds: its id, its root key and whether it is the demo. Written once, by the first start
-- (src/server/keys/scheme-record.ts); a later start with other keys is refused, so a real scheme never meets the demo
-- keys (decisions.md: demo or real is decided by the database and the configuration). One row at most.
CREATE TABLE scheme (
  one_row     boolean PRIMARY KEY DEFAULT true CHECK (one_row),
  scheme_id   text NOT NULL,
  root_kid    text NOT NULL,
  demo        boolean NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
