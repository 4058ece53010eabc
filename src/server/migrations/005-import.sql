-- Issue 10: an imported register at 100,000 passports. Indexes for renewals (by expiry), the admin list (newest
-- first) and prefix search by number or name (PGlite has no pg_trgm: prefixes, with lower() for names); and the
-- carer's email, kept only where the scheme keeps emails (IF NOT EXISTS: the phone copy may add it too).
ALTER TABLE passports ADD COLUMN IF NOT EXISTS email text;
CREATE INDEX IF NOT EXISTS passports_exp ON passports (exp);
CREATE INDEX IF NOT EXISTS passports_issued_at ON passports (issued_at DESC, jti);
CREATE INDEX IF NOT EXISTS passports_jti_prefix ON passports (jti text_pattern_ops);
CREATE INDEX IF NOT EXISTS passports_name_prefix ON passports (lower(name) text_pattern_ops);
