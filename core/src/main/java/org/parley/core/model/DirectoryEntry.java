package org.parley.core.model;

/** One directory search result: a user or a distribution group, with the fields the searcher may see. */
public record DirectoryEntry(ContactKind kind, ContactCard card) {
}
