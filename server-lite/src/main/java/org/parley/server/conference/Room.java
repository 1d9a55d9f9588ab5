package org.parley.server.conference;

import java.util.ArrayList;
import java.util.List;

/**
 * One conference: its id and URI, the organizer (the creator, or the manager a delegate started it for) and the
 * members in joining order, with their mix. Members are guarded by this room's lock.
 */
final class Room {
    final String id;
    final String uri;
    /** The organizer's address of record. */
    final String organizer;
    /** The delegate who started the room for the organizer, or null. */
    final String startedBy;
    final String subject;
    final Mixer mixer = new Mixer();
    private final List<Member> members = new ArrayList<>();
    private boolean ended;

    Room(String id, String uri, String organizer, String startedBy, String subject) {
        this.id = id;
        this.uri = uri;
        this.organizer = organizer;
        this.startedBy = startedBy;
        this.subject = subject;
    }

    /** Adds a member; false when the room has already ended (the caller then starts a new one). */
    synchronized boolean add(Member m) {
        if (ended) {
            return false;
        }
        members.add(m);
        return true;
    }

    /** Removes a member; true when it was the last one (the room has then ended). */
    synchronized boolean remove(Member m) {
        members.remove(m);
        mixer.remove(m.track);
        if (members.isEmpty()) {
            ended = true;
        }
        return ended;
    }

    /** Marks the room ended without members. */
    synchronized void end() {
        ended = true;
    }

    synchronized List<Member> members() {
        return new ArrayList<>(members);
    }

    synchronized boolean ended() {
        return ended;
    }

    synchronized boolean hasMember(String aor) {
        return members.stream().anyMatch(m -> m.aor.equals(aor));
    }
}
