-- The Attendant console's conversation templates: a named set of contacts that one click brings into a conference.
CREATE TABLE conference_templates (
    name      TEXT    PRIMARY KEY,
    members   TEXT    NOT NULL, -- the contacts' addresses, one per line, in the order they were picked
    saved_at  INTEGER NOT NULL  -- epoch milliseconds
);
