#!/usr/bin/env python3
"""bench/presence: prints the SQL that seeds Kamailio's xcap table with one rls-services document per watcher, so
that a SUBSCRIBE to sip:WATCHER~contacts@DOMAIN is a resource list subscription covering the same contacts
Parley's watcher adds with SERVICE contacts.add.

usage: kamailio-lists.py DOMAIN WATCHER_PREFIX WATCHERS CONTACTS PUBLISHER | psql ...
Contacts of watcher i: the publisher, then the CONTACTS-1 watchers after i (wrapping around); contactsOf() in
PresenceLoad.java gives the same list.
"""
import sys

RLS_SERVICE = 1 << 3   # Kamailio's xcap doc_type of an rls-services document


def contacts_of(i, watchers, contacts, prefix, publisher, domain):
    out = ["sip:%s@%s" % (publisher, domain)]
    for k in range(1, contacts):
        out.append("sip:%s%05d@%s" % (prefix, (i + k) % watchers, domain))
    return out


def main():
    domain, prefix, watchers, contacts, publisher = sys.argv[1:6]
    watchers, contacts = int(watchers), int(contacts)
    print("BEGIN;")
    for i in range(watchers):
        user = "%s%05d" % (prefix, i)
        entries = "".join('<entry uri="%s"/>' % u for u in contacts_of(i, watchers, contacts, prefix, publisher, domain))
        doc = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<rls-services xmlns="urn:ietf:params:xml:ns:rls-services" '
               'xmlns:rl="urn:ietf:params:xml:ns:resource-lists">'
               '<service uri="sip:%s~contacts@%s"><list name="contacts">%s</list>'
               '<packages><package>presence</package></packages></service></rls-services>') % (user, domain, entries)
        print("INSERT INTO xcap (username, domain, doc, doc_type, etag, source, doc_uri, port) VALUES "
              "('%s', '%s', convert_to('%s', 'UTF8'), %d, 'e%05d', 0, '/rls-services/users/sip:%s@%s/index', 0);"
              % (user, domain, doc, RLS_SERVICE, i, user, domain))
    print("COMMIT;")


if __name__ == "__main__":
    main()
