-- The scheme service's tables. Applied once, in file-name order, by src/server/db/migrate.ts.
-- Never edit a migration that has shipped: add the next file instead.

-- Issuers of passports (a carers' service, a council) and the keys the trust bundle lists (spec section 3).
CREATE TABLE issuers (
  iss         text PRIMARY KEY,
  name        text NOT NULL,
  cats        text[] NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Public key material only: private keys stay in files named by env vars (or the demo keys) and never reach the
-- database. 'active' keys sign; 'retired' keys stay in the bundle while their passports are valid (section 3).
CREATE TABLE scheme_keys (
  kid         text PRIMARY KEY,
  role        text NOT NULL CHECK (role IN ('root', 'issuer')),
  iss         text REFERENCES issuers (iss),
  public_jwk  jsonb NOT NULL,
  state       text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'retired', 'removed')),
  added_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'root') = (iss IS NULL))
);

-- Every signed trust bundle; the current one is the highest seq.
CREATE TABLE trust_bundles (
  seq         integer PRIMARY KEY,
  jwt         text NOT NULL,
  iat         bigint NOT NULL,
  exp         bigint NOT NULL,
  reason      text NOT NULL,
  signed_at   timestamptz NOT NULL DEFAULT now()
);

-- Status lists (spec section 4), allocated at full size; statuses holds one byte per index, packed when signed.
CREATE TABLE status_lists (
  id          serial PRIMARY KEY,
  uri         text NOT NULL UNIQUE,
  iss         text NOT NULL REFERENCES issuers (iss),
  number      integer NOT NULL,
  size        integer NOT NULL,
  bits        smallint NOT NULL CHECK (bits IN (1, 2, 4, 8)),
  statuses    bytea NOT NULL,
  next_idx    integer NOT NULL DEFAULT 0,
  jwt         text,
  jwt_iat     bigint,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (iss, number)
);

-- The passport register. name is NULL when the scheme keeps no names.
CREATE TABLE passports (
  iss             text NOT NULL REFERENCES issuers (iss),
  jti             text NOT NULL,
  category        text NOT NULL,
  name            text,
  nbf             bigint NOT NULL,
  exp             bigint NOT NULL,
  status_list_id  integer NOT NULL REFERENCES status_lists (id),
  status_idx      integer NOT NULL,
  status          smallint NOT NULL DEFAULT 0,
  issued_at       timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (iss, jti),
  UNIQUE (status_list_id, status_idx)
);

-- Who did what, when. Ids only: never a token, an enrolment code or a carer's name.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  action      text NOT NULL,
  iss         text,
  jti         text,
  partner_id  text,
  device_id   text,
  detail      jsonb
);
CREATE INDEX audit_log_action_at ON audit_log (action, at);

CREATE TABLE partners (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  kind        text NOT NULL,
  time_zone   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Offers in the core's Offer shape (src/core/partner-profile.ts), kept whole as JSON.
CREATE TABLE offers (
  partner_id  text NOT NULL REFERENCES partners (id),
  id          text NOT NULL,
  position    integer NOT NULL,
  offer       jsonb NOT NULL,
  PRIMARY KEY (partner_id, id)
);

-- A device holds a random token; only its SHA-256 is kept.
CREATE TABLE devices (
  id          text PRIMARY KEY,
  partner_id  text NOT NULL REFERENCES partners (id),
  name        text NOT NULL,
  token_hash  bytea NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  last_seen   timestamptz
);

-- One-time enrolment codes, by the jti of the signed code.
CREATE TABLE enrolment_codes (
  jti         text PRIMARY KEY,
  partner_id  text NOT NULL REFERENCES partners (id),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  device_id   text
);

-- Redemption records as uploaded (src/core/redemption-record.ts): no name, ever. The id makes re-sending harmless.
CREATE TABLE redemptions (
  id           uuid PRIMARY KEY,
  redeemed_at  timestamptz NOT NULL,
  offer_id     text NOT NULL,
  partner_id   text NOT NULL,
  device_id    text NOT NULL,
  iss          text NOT NULL,
  jti          text NOT NULL,
  verdict      text NOT NULL,
  received_at  timestamptz NOT NULL
);
CREATE INDEX redemptions_partner ON redemptions (partner_id, offer_id);
CREATE INDEX redemptions_at ON redemptions (redeemed_at);
