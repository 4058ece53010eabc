-- The public offers directory (issue 9, point 3): where a partner is, one line, and the area it is listed under.
-- Both optional, so every partner saved before stays as it was.
ALTER TABLE partners ADD COLUMN address text;
ALTER TABLE partners ADD COLUMN area text;
