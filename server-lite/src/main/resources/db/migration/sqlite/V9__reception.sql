-- The reception line (docs/protocol.md, "Reception line"; settings in docs/configuration.md).
-- V9: V8 is taken by the delegation work landing in parallel.
CREATE TABLE reception_setting (
    name   TEXT PRIMARY KEY,                -- e.g. address, distribution, overflow-seconds
    value  TEXT NOT NULL
);
CREATE TABLE reception_attendant (
    username  TEXT    PRIMARY KEY,          -- a local user name
    position  INTEGER NOT NULL              -- order given to `parley admin reception set-attendants`
);
CREATE TABLE reception_call (
    caller      TEXT    NOT NULL,           -- normalized address of the caller
    arrived_at  BIGINT  NOT NULL,           -- epoch milliseconds the call reached the line
    repeat      INTEGER NOT NULL            -- 1 for a first call, n for the n-th call within the repeat window
);
CREATE INDEX reception_call_caller ON reception_call (caller, arrived_at);
