-- Subject (SIP Subject header) and high priority (Priority: urgent) of instant messages (MessageOptions).
ALTER TABLE im_message ADD COLUMN subject TEXT;
ALTER TABLE im_message ADD COLUMN high_priority INTEGER NOT NULL DEFAULT 0;
CREATE INDEX im_message_sent_at ON im_message (sent_at);
