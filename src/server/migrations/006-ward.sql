-- Issue 11 (ward branch): an offer can require "photo ID seen", and the record says staff ticked it. Old records
-- stay valid: false means "not said", as every record made before this column.
ALTER TABLE redemptions ADD COLUMN photo_id_seen boolean NOT NULL DEFAULT false;

-- Issue 11 point 1: limits counted across a partner's devices. A record given beyond its offer's limit (two tills
-- both offline) is still stored, and flagged; each device is sent its partner's recent records.
ALTER TABLE redemptions ADD COLUMN over_limit boolean NOT NULL DEFAULT false;
CREATE INDEX redemptions_partner_at ON redemptions (partner_id, redeemed_at);
CREATE INDEX redemptions_passport_offer ON redemptions (partner_id, offer_id, iss, jti);
