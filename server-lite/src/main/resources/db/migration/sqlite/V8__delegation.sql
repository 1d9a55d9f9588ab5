-- Call delegation (issue 6): a manager's ring mode and delegates (user names of this domain).
-- mode: WITH_MANAGER, AFTER_DELAY, DELEGATES_ONLY (DelegationService.RingMode); delay_seconds for AFTER_DELAY.
CREATE TABLE delegation (
    manager        TEXT    PRIMARY KEY,
    mode           TEXT    NOT NULL,
    delay_seconds  INTEGER NOT NULL,
    updated_at     BIGINT  NOT NULL
);

CREATE TABLE delegate (
    manager   TEXT    NOT NULL,
    delegate  TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (manager, delegate)
);
CREATE INDEX delegate_by_delegate ON delegate (delegate);
