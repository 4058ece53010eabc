-- Issue 11 (ward branch): an offer can require "photo ID seen", and the record says staff ticked it. Old records
-- stay valid: false means "not said", as every record made before this column.
ALTER TABLE redemptions ADD COLUMN photo_id_seen boolean NOT NULL DEFAULT false;
