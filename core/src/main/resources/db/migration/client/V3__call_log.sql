-- The call log: one row per call that ended on this client (HistoryService.calls).
CREATE TABLE call_log (
    call_id      TEXT    PRIMARY KEY,
    peer         TEXT    NOT NULL,
    peer_name    TEXT,
    direction    TEXT    NOT NULL, -- INCOMING or OUTGOING
    outcome      TEXT    NOT NULL, -- HistoryService.CallRecord.Outcome
    started_at   INTEGER NOT NULL, -- epoch milliseconds
    connected_at INTEGER,
    ended_at     INTEGER NOT NULL,
    detail       TEXT
);
CREATE INDEX call_log_started ON call_log (started_at);
