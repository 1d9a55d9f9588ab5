-- Stored instant messages keep the sender's Subject header and Priority: urgent, so the delayed delivery carries
-- them as the live one would (docs/protocol.md, "Instant messages").
ALTER TABLE im_stored ADD COLUMN subject TEXT;
ALTER TABLE im_stored ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
