-- The carer's phone copy (issue 9): collection codes and the refresh tokens of collected copies, both stored as
-- SHA-256 hashes only (a code or token is never kept in clear); nothing about the phone is kept.
CREATE TABLE collection_codes (
  code_hash     text PRIMARY KEY,
  iss           text NOT NULL,
  jti           text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    bigint NOT NULL,
  collected_at  timestamptz,
  FOREIGN KEY (iss, jti) REFERENCES passports (iss, jti)
);
CREATE INDEX collection_codes_passport ON collection_codes (iss, jti);

CREATE TABLE card_copies (
  token_hash    text PRIMARY KEY,
  iss           text NOT NULL,
  jti           text NOT NULL,
  collected_at  timestamptz NOT NULL,
  refreshed_at  timestamptz,
  -- set when the passport is cancelled: the copy is told so for a while, then the token is unknown
  ended_at      timestamptz,
  FOREIGN KEY (iss, jti) REFERENCES passports (iss, jti)
);
CREATE INDEX card_copies_passport ON card_copies (iss, jti);

-- "Issued or renewed in a date range" (postal runs): when the passport was last renewed, from the audit log so far.
ALTER TABLE passports ADD COLUMN renewed_at timestamptz;
UPDATE passports p SET renewed_at = (
  SELECT max(a.at) FROM audit_log a WHERE a.action = 'passport.renew' AND a.iss = p.iss AND a.jti = p.jti
);
CREATE INDEX passports_issued_at ON passports (issued_at);
CREATE INDEX passports_renewed_at ON passports (renewed_at);
