-- Issue 10, the register's list at 100,000 passports: an index for each order the admin list offers, each ending on
-- (iss, jti) so that paging is stable, in byte order (COLLATE "C") as the list sorts, read forwards or backwards
-- (src/server/register/passport-list.ts). Each also holds the columns the list's filters read, so a page's keys come
-- from the index alone, however deep the page, and a search's matches by number or name prefix too. They replace the
-- single-column orders and the prefix indexes of migration 005.
CREATE INDEX IF NOT EXISTS passports_issued_order ON passports (issued_at, (iss COLLATE "C"), (jti COLLATE "C")) INCLUDE (exp, status, category);
CREATE INDEX IF NOT EXISTS passports_exp_order ON passports (exp, (iss COLLATE "C"), (jti COLLATE "C")) INCLUDE (status, category);
CREATE INDEX IF NOT EXISTS passports_name_order ON passports ((lower(name) COLLATE "C"), (iss COLLATE "C"), (jti COLLATE "C")) INCLUDE (name, issued_at, exp, status, category);
CREATE INDEX IF NOT EXISTS passports_number_order ON passports ((jti COLLATE "C"), (iss COLLATE "C")) INCLUDE (name, issued_at, exp, status, category);
DROP INDEX IF EXISTS passports_issued_at;
DROP INDEX IF EXISTS passports_exp;
-- a prefix of the number or of the lower-cased name is found through the number and name orders (byte order serves LIKE)
DROP INDEX IF EXISTS passports_jti_prefix;
DROP INDEX IF EXISTS passports_name_prefix;

-- Issue 10, reports over 1,000,000 redemptions in at most a second: running totals kept by ingest in the same
-- transaction as the records it stores (src/server/reports/report-summaries.ts), so a report reads a few hundred rows.
-- Distinct carers are counted once each by the "carers" sets: a carer (issuer and number) first seen at an offer, a
-- partner or in a week adds 1 to that total, and the set's primary key makes a second sighting (another batch, a
-- re-sent record, another instance at the same moment) add nothing. Carers reached in all are the distinct carers of
-- the partners' set, counted when asked. Weeks start on Monday, in London time.
CREATE TABLE report_offer_totals (
  partner_id   text NOT NULL,
  offer_id     text NOT NULL,
  redemptions  bigint NOT NULL,
  carers       bigint NOT NULL,
  PRIMARY KEY (partner_id, offer_id)
);
CREATE TABLE report_partner_totals (
  partner_id   text PRIMARY KEY,
  redemptions  bigint NOT NULL,
  carers       bigint NOT NULL
);
CREATE TABLE report_week_totals (
  week         date PRIMARY KEY,
  redemptions  bigint NOT NULL,
  carers       bigint NOT NULL
);
CREATE TABLE report_offer_carers (
  partner_id  text NOT NULL,
  offer_id    text NOT NULL,
  iss         text NOT NULL,
  jti         text NOT NULL,
  PRIMARY KEY (partner_id, offer_id, iss, jti)
);
CREATE TABLE report_partner_carers (
  partner_id  text NOT NULL,
  iss         text NOT NULL,
  jti         text NOT NULL,
  PRIMARY KEY (partner_id, iss, jti)
);
CREATE TABLE report_week_carers (
  week  date NOT NULL,
  iss   text NOT NULL,
  jti   text NOT NULL,
  PRIMARY KEY (week, iss, jti)
);

-- Every summary made again from the redemptions themselves: run once here for the records already stored, and
-- callable by an operator (SELECT rebuild_report_summaries()) should the totals ever be doubted.
CREATE FUNCTION rebuild_report_summaries() RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_offer_totals;
  DELETE FROM report_partner_totals;
  DELETE FROM report_week_totals;
  DELETE FROM report_offer_carers;
  DELETE FROM report_partner_carers;
  DELETE FROM report_week_carers;
  INSERT INTO report_offer_carers SELECT DISTINCT partner_id, offer_id, iss, jti FROM redemptions;
  INSERT INTO report_partner_carers SELECT DISTINCT partner_id, iss, jti FROM redemptions;
  INSERT INTO report_week_carers SELECT DISTINCT date_trunc('week', redeemed_at AT TIME ZONE 'Europe/London')::date, iss, jti FROM redemptions;
  INSERT INTO report_offer_totals (partner_id, offer_id, redemptions, carers)
    SELECT r.partner_id, r.offer_id, r.n, c.n
      FROM (SELECT partner_id, offer_id, count(*) AS n FROM redemptions GROUP BY partner_id, offer_id) r
      JOIN (SELECT partner_id, offer_id, count(*) AS n FROM report_offer_carers GROUP BY partner_id, offer_id) c
        ON c.partner_id = r.partner_id AND c.offer_id = r.offer_id;
  INSERT INTO report_partner_totals (partner_id, redemptions, carers)
    SELECT r.partner_id, r.n, c.n
      FROM (SELECT partner_id, count(*) AS n FROM redemptions GROUP BY partner_id) r
      JOIN (SELECT partner_id, count(*) AS n FROM report_partner_carers GROUP BY partner_id) c ON c.partner_id = r.partner_id;
  INSERT INTO report_week_totals (week, redemptions, carers)
    SELECT r.week, r.n, c.n
      FROM (SELECT date_trunc('week', redeemed_at AT TIME ZONE 'Europe/London')::date AS week, count(*) AS n FROM redemptions GROUP BY 1) r
      JOIN (SELECT week, count(*) AS n FROM report_week_carers GROUP BY week) c ON c.week = r.week;
$$;
SELECT rebuild_report_summaries();

-- The over-limit report reads only the flagged records; the reports no longer group the whole table, so the indexes
-- that served them go (redemptions_partner is the start of redemptions_passport_offer): fewer indexes to write at ingest.
CREATE INDEX redemptions_over_limit ON redemptions (redeemed_at, id) WHERE over_limit;
DROP INDEX IF EXISTS redemptions_partner;
DROP INDEX IF EXISTS redemptions_at;

-- fresh statistics for the planner (PGlite has no autovacuum to gather them)
ANALYZE passports;
ANALYZE redemptions;
