-- The Attendant console's notes: one text per call, kept with the caller so they can be searched later.
CREATE TABLE call_notes (
    call_id    TEXT    PRIMARY KEY,
    peer       TEXT    NOT NULL,
    peer_name  TEXT,
    note       TEXT    NOT NULL,
    saved_at   INTEGER NOT NULL -- epoch milliseconds
);
CREATE INDEX call_notes_saved ON call_notes (saved_at);
