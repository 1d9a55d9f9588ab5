-- Instant messages kept for a local user until one of their devices accepts them (docs/protocol.md, "Instant
-- messages"): 'offline' when no device took it, 'missed' when it arrived during Do Not Disturb from someone below Team.
-- Written (committed) before the sender gets 202; a row is deleted only after a device answered 2xx to its delivery.
-- Delivery order is seq order. The body is kept as the exact bytes received.
CREATE TABLE im_stored (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient     TEXT    NOT NULL,             -- user name of the local recipient
    sender_aor    TEXT    NOT NULL,             -- sip:user@host of the sender, or the session URI for session traffic
    sender_name   TEXT,                         -- the sender's display name, when known
    content_type  TEXT    NOT NULL,
    body          BLOB    NOT NULL,
    sent_at       BIGINT  NOT NULL,             -- epoch milliseconds when the server received it
    kind          TEXT    NOT NULL CHECK (kind IN ('offline', 'missed'))
);
CREATE INDEX im_stored_recipient ON im_stored (recipient, seq);

-- Multiparty IM sessions hosted by the server (sip:chat~ID@domain) and their rosters, so a restart keeps them.
CREATE TABLE im_sessions (
    id          TEXT    PRIMARY KEY,            -- the ID of sip:chat~ID@domain (random, URL-safe)
    subject     TEXT,
    created_by  TEXT    NOT NULL,               -- sip:user@host of the creator
    created_at  BIGINT  NOT NULL
);

CREATE TABLE im_session_participants (
    session_id  TEXT    NOT NULL REFERENCES im_sessions (id) ON DELETE CASCADE,
    aor         TEXT    NOT NULL,               -- sip:user@host
    position    INTEGER NOT NULL,               -- roster order (joining order)
    PRIMARY KEY (session_id, aor)
);
