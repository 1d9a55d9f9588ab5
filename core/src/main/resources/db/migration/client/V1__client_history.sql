-- The client's local store (one per data directory): conversation history and recent contacts.
CREATE TABLE im_message (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    peer         TEXT    NOT NULL, -- the other party of a 1:1 conversation, or the session URI
    from_uri     TEXT    NOT NULL,
    to_uri       TEXT    NOT NULL,
    session      TEXT,
    content_type TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    sent_at      INTEGER NOT NULL, -- epoch milliseconds
    delivery     TEXT    NOT NULL
);
CREATE INDEX im_message_peer ON im_message (peer, sent_at);

CREATE TABLE recent_contact (
    uri     TEXT PRIMARY KEY,
    last_at INTEGER NOT NULL
);
