-- Call routing (issue 5): each user's forwarding rules, applied by the proxy while the user's clients are off.
-- The rules are the JSON of the SERVICE op forwarding.set (docs/protocol.md, "Call routing"); no row = the defaults.
CREATE TABLE call_forwarding (
    username    TEXT    PRIMARY KEY,
    rules       TEXT    NOT NULL,
    updated_at  BIGINT  NOT NULL
);

-- Call detail records: one row per initial INVITE the proxy routed (times in epoch milliseconds).
-- outcome: answered, voicemail, busy, declined, no-answer, unavailable, cancelled, refused, not-found, failed.
-- forwarding_reason: null when the call went where it was dialled; else forward-all, simultaneous-ring, no-answer,
-- unavailable, dnd. routed_to: who or what finally took (or last rang) the call.
CREATE TABLE cdr (
    id                 INTEGER PRIMARY KEY,
    call_id            TEXT    NOT NULL,
    caller             TEXT    NOT NULL,
    callee             TEXT    NOT NULL,
    started_at         BIGINT  NOT NULL,
    answered_at        BIGINT,
    ended_at           BIGINT,
    outcome            TEXT    NOT NULL,
    status             INTEGER NOT NULL,
    forwarding_reason  TEXT,
    routed_to          TEXT
);
CREATE INDEX cdr_started ON cdr (started_at);
CREATE INDEX cdr_call_id ON cdr (call_id);
