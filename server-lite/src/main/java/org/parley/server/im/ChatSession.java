package org.parley.server.im;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A multiparty IM session hosted by the server: its id, subject and roster (normalized AORs, joining order). */
final class ChatSession {
    private final String id;
    private final String uri;
    private final String subject;
    private final String createdBy;
    private final Set<String> participants;

    ChatSession(String id, String uri, String subject, String createdBy, List<String> participants) {
        this.id = id;
        this.uri = uri;
        this.subject = subject;
        this.createdBy = createdBy;
        this.participants = new LinkedHashSet<>(participants);
    }

    String id() {
        return id;
    }

    /** {@code sip:chat~ID@domain}. */
    String uri() {
        return uri;
    }

    String subject() {
        return subject;
    }

    String createdBy() {
        return createdBy;
    }

    synchronized List<String> roster() {
        return new ArrayList<>(participants);
    }

    synchronized boolean has(String aor) {
        return participants.contains(aor);
    }

    synchronized int size() {
        return participants.size();
    }

    /** Call with the session's lock held, after the store accepted the change. */
    void addLocked(String aor) {
        participants.add(aor);
    }

    /** Call with the session's lock held, after the store accepted the change. */
    void removeLocked(String aor) {
        participants.remove(aor);
    }
}
