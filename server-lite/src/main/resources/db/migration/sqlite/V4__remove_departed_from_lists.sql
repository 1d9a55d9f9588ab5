-- A removed user or distribution group leaves everyone's contact list: a new user or group of the same name must not
-- inherit the entries, tags or access levels others gave the old one. The owners' list versions grow so that their
-- devices reload the list.
CREATE TRIGGER users_leave_contact_lists AFTER DELETE ON users
BEGIN
    UPDATE contact_lists SET version = version + 1
        WHERE owner_id IN (SELECT owner_id FROM contacts WHERE kind = 'user' AND local_name = OLD.username);
    DELETE FROM contacts WHERE kind = 'user' AND local_name = OLD.username;
END;

CREATE TRIGGER distribution_groups_leave_contact_lists AFTER DELETE ON distribution_groups
BEGIN
    UPDATE contact_lists SET version = version + 1
        WHERE owner_id IN (SELECT owner_id FROM contacts WHERE kind = 'distribution-group' AND local_name = OLD.name);
    DELETE FROM contacts WHERE kind = 'distribution-group' AND local_name = OLD.name;
END;
