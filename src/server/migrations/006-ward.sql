-- Issue 11 (ward branch): an offer can require "photo ID seen", and the record says staff ticked it. Old records
-- stay valid: false means "not said", as every record made before this column.
ALTER TABLE redemptions ADD COLUMN photo_id_seen boolean NOT NULL DEFAULT false;

-- Issue 11 point 1: limits counted across a partner's devices. A record given beyond its offer's limit (two tills
-- both offline) is still stored, and flagged; each device is sent its partner's recent records.
ALTER TABLE redemptions ADD COLUMN over_limit boolean NOT NULL DEFAULT false;
CREATE INDEX redemptions_partner_at ON redemptions (partner_id, redeemed_at);
CREATE INDEX redemptions_passport_offer ON redemptions (partner_id, offer_id, iss, jti);

-- Issue 11 point 2: hospital stays. A partner may belong to a group (a hospital trust: its wards, car park and
-- restaurant); every device of the group sees the group's stays. Kept beside partners, so the partner row is untouched.
CREATE TABLE partner_groups (
  partner_id  text PRIMARY KEY REFERENCES partners (id),
  group_id    text NOT NULL,
  group_name  text NOT NULL
);
CREATE INDEX partner_groups_group ON partner_groups (group_id);

-- Stay events as devices send them (src/core/stays.ts): append-only, once each by id; never a name.
CREATE TABLE stay_events (
  id          uuid PRIMARY KEY,
  stay_id     uuid NOT NULL,
  type        text NOT NULL CHECK (type IN ('start', 'change', 'end')),
  at          timestamptz NOT NULL,
  iss         text NOT NULL,
  jti         text NOT NULL,
  group_id    text NOT NULL,
  partner_id  text NOT NULL,
  device_id   text NOT NULL,
  until       date,
  note        text,
  received_at timestamptz NOT NULL
);
CREATE INDEX stay_events_group_at ON stay_events (group_id, at);
