-- Named accounts with roles (issue 10, point 2): the scheme's coordinators, issuer staff and partner managers.
-- Passwords, session ids and API token secrets are stored only as hashes.

CREATE TABLE accounts (
  id             serial PRIMARY KEY,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('coordinator', 'issuer', 'partner')),
  iss            text REFERENCES issuers (iss),
  partner_id     text,
  -- scrypt$N$r$p$salt$hash (src/server/accounts/passwords.ts)
  password_hash  text NOT NULL,
  created_at     timestamptz NOT NULL,
  disabled_at    timestamptz,
  CHECK ((role = 'issuer') = (iss IS NOT NULL)),
  CHECK ((role = 'partner') = (partner_id IS NOT NULL))
);
-- one name, however it is capitalised
CREATE UNIQUE INDEX accounts_name ON accounts (lower(name));

-- A browser's login: the cookie holds the id, this table its SHA-256; ended after 30 minutes without a request.
CREATE TABLE account_sessions (
  id_hash     text PRIMARY KEY,
  account_id  integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL,
  last_seen   bigint NOT NULL
);
CREATE INDEX account_sessions_account ON account_sessions (account_id);

-- Tokens for scripts (HTTP Basic id:secret, or Bearer id.secret), acting with their account's rights.
CREATE TABLE api_tokens (
  id            text PRIMARY KEY,
  account_id    integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  secret_hash   text NOT NULL,
  label         text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);

-- The demo's generated passwords, so `npm start` can print them at every start (demo keys only: a real scheme
-- never writes here). A row goes when its password is changed.
CREATE TABLE demo_logins (
  account_id  integer PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  password    text NOT NULL
);
