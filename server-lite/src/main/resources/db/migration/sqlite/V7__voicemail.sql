-- Voicemail messages (docs/protocol.md, "Voicemail"). The audio is a WAV file under DATA/voicemail/<owner>/<id>.wav,
-- renamed into place (after fsync) before its row is inserted; at start-up a finished file without a row gets one.
-- V7: V6 is left to the call-routing work landing in parallel.
CREATE TABLE voicemail (
    id           TEXT    PRIMARY KEY,           -- random, URL-safe; also the file name
    owner        TEXT    NOT NULL,              -- user name of the mailbox owner
    caller       TEXT    NOT NULL,              -- the caller's address (SIP URI or tel number)
    caller_name  TEXT,                          -- the caller's display name, when one came with the call
    received_at  BIGINT  NOT NULL,              -- epoch milliseconds when the caller hung up (or the maximum was reached)
    length_ms    BIGINT  NOT NULL,              -- length of the recording
    heard        INTEGER NOT NULL DEFAULT 0,    -- 1 once the owner listened to it (or marked it heard)
    reason       TEXT    NOT NULL               -- why the call reached voicemail: no-answer, busy, dnd, unavailable, ...
);
CREATE INDEX voicemail_owner ON voicemail (owner, received_at);
