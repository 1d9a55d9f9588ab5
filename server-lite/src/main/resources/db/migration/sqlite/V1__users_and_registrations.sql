-- Users of the local domain. Passwords are never stored: only the digest HA1 values (RFC 3261 §22, RFC 8760).
-- The realm is fixed when the password is set; changing the domain requires new passwords.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    realm         TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    title         TEXT,
    department    TEXT,
    email         TEXT,
    work_phone    TEXT,
    mobile_phone  TEXT,
    home_phone    TEXT,
    ha1_md5       TEXT    NOT NULL,
    ha1_sha256    TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);

-- Registrar bindings (RFC 3261 §10). Soft state, written behind; kept across restarts until they expire.
CREATE TABLE registrations (
    aor           TEXT    NOT NULL,
    contact_uri   TEXT    NOT NULL,
    contact_text  TEXT    NOT NULL,
    call_id       TEXT    NOT NULL,
    cseq          BIGINT  NOT NULL,
    expires_at    BIGINT  NOT NULL,
    q             REAL,
    transport     TEXT    NOT NULL,
    source_host   TEXT    NOT NULL,
    source_port   INTEGER NOT NULL,
    user_agent    TEXT,
    PRIMARY KEY (aor, contact_uri)
);
CREATE INDEX registrations_expiry ON registrations (expires_at);

-- Server-wide facts other processes need (e.g. the domain, which is the digest realm for `parley admin`).
CREATE TABLE server_settings (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
