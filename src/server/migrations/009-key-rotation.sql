-- Key rotation (issue 10, point 6): which issuer keys signed each passport, so a retired key leaves the trust bundle
-- once nothing it signed is valid (spec section 3). One row a passport and key, with the latest expiry that key signed
-- for it: a renewal signed with a new key leaves the old card valid until its own expiry, and that keeps the old key.
CREATE TABLE IF NOT EXISTS passport_signatures (
  iss  text NOT NULL,
  jti  text NOT NULL,
  kid  text NOT NULL,
  exp  bigint NOT NULL,
  PRIMARY KEY (iss, jti, kid),
  FOREIGN KEY (iss, jti) REFERENCES passports (iss, jti)
);
CREATE INDEX IF NOT EXISTS passport_signatures_kid ON passport_signatures (kid, exp);

-- Passports signed before this migration: the signer is unknown, so every key their issuer held counts as having
-- signed them (conservative: a retired key stays until every such passport has expired or been cancelled).
INSERT INTO passport_signatures (iss, jti, kid, exp)
SELECT p.iss, p.jti, k.kid, p.exp
  FROM passports p JOIN scheme_keys k ON k.iss = p.iss AND k.role = 'issuer' AND k.state <> 'removed'
ON CONFLICT DO NOTHING;
