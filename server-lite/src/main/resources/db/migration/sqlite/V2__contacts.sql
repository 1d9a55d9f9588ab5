-- Server-stored contact lists (docs/protocol.md "Contact list, directory and sessions: SERVICE", decision 0005).
-- Removing a user removes their list (ON DELETE CASCADE; store.SqliteDialect turns foreign keys on).
-- Access levels are stored by wire name (blocked, public, company, team, personal); NULL means "none set".

-- One row per owner who ever edited their list: the version grows by one with every edit.
CREATE TABLE contact_lists (
    owner_id  INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version   BIGINT  NOT NULL
);

-- The owner's own groups ("Team", "Family"...), each with an optional access level for its contacts.
CREATE TABLE contact_groups (
    id            INTEGER PRIMARY KEY,
    owner_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    access_level  TEXT
);
CREATE INDEX contact_groups_owner ON contact_groups (owner_id);

-- Entries of a list. uri is normalized: sip:user@host (lower case) or tel:+digits.
-- local_name: the user or distribution-group name when uri is in the server's domain (joins with its profile).
-- display_name: the owner's own name for phone contacts (users and groups show the directory's name).
CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    owner_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    uri           TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('user', 'phone', 'distribution-group')),
    local_name    TEXT,
    display_name  TEXT,
    tagged        INTEGER NOT NULL DEFAULT 0,
    access_level  TEXT,
    UNIQUE (owner_id, uri)
);
-- who granted what to a watcher (access policy, directory search)
CREATE INDEX contacts_uri ON contacts (uri);

CREATE TABLE contact_group_members (
    contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    group_id    INTEGER NOT NULL REFERENCES contact_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, group_id)
);
CREATE INDEX contact_group_members_group ON contact_group_members (group_id);

-- Admin-defined distribution groups (sip:NAME@domain): searchable and expandable to their members.
-- A group's name is never a user's name and vice versa (checked by `parley admin`).
CREATE TABLE distribution_groups (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE distribution_group_members (
    group_id  INTEGER NOT NULL REFERENCES distribution_groups (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX distribution_group_members_user ON distribution_group_members (user_id);
