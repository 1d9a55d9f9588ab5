package org.parley.core.client.sip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.client.ConferencingService.Conference;
import org.parley.core.client.ConferencingService.Member;
import org.parley.core.client.ConferencingService.Status;

/**
 * What this client knows of one conference it is in: the room, its voice leg, the organizer and the roster merged
 * from the conference-info notifications (full state replaces the roster, partial state updates or deletes single
 * users; notifications older than the last one applied are ignored). Engine thread only.
 */
final class ConferenceRoom {
    final String id;
    final String uri;
    final String callId;
    final String onBehalfOf;
    private String organizer;
    private final Map<String, Member> roster = new LinkedHashMap<>();
    private long version = -1;
    SipSubscription subscription;

    ConferenceRoom(String id, String uri, String callId, String organizer, String onBehalfOf) {
        this.id = id;
        this.uri = uri;
        this.callId = callId;
        this.organizer = organizer;
        this.onBehalfOf = onBehalfOf;
    }

    /** The room id of {@code sip:conf-<id>@domain}, or null when {@code uri} is no conference room. */
    static String idOf(String uri) {
        String s = uri.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int start = lower.startsWith("sip:") ? 4 : lower.startsWith("sips:") ? 5 : -1;
        int at = lower.indexOf('@');
        if (start < 0 || at < start) {
            return null;
        }
        String user = lower.substring(start, at);
        if (!user.startsWith("conf-")) {
            return null;
        }
        String id = user.substring(5);
        return id.matches("[a-z0-9][a-z0-9-]{3,39}") ? id : null;
    }

    /** Applies one notification; true when the conference as reported changed. */
    boolean apply(ConferenceInfo info) {
        if (info.version() >= 0 && info.version() <= version) {
            return false;
        }
        version = Math.max(version, info.version());
        boolean changed = false;
        String org = organizerOf(info.organizer());
        if (org != null && !org.equals(organizer)) {
            organizer = org;
            changed = true;
        }
        Map<String, Member> next = new LinkedHashMap<>(info.partial() ? roster : Map.of());
        for (ConferenceInfo.User u : info.users()) {
            if (u.entity() == null) {
                continue;
            }
            String aor = u.entity();
            if ("deleted".equals(u.state())) {
                next.remove(aor);
                continue;
            }
            Member before = next.get(aor);
            String name = u.displayText() != null ? u.displayText() : before == null ? null : before.name();
            Status status = before != null && u.status() == Status.PENDING && "partial".equals(u.state())
                    ? before.status() : u.status();
            next.put(aor, new Member(aor, name, status));
        }
        if (!next.equals(roster)) {
            roster.clear();
            roster.putAll(next);
            changed = true;
        }
        return changed;
    }

    /**
     * The organizer from the description's display text: the URI when the text carries one ({@code sip:x@d} or
     * {@code Name <sip:x@d>}), else the text itself.
     */
    static String organizerOf(String displayText) {
        if (displayText == null || displayText.isBlank()) {
            return null;
        }
        int lt = displayText.indexOf('<');
        int gt = displayText.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            return displayText.substring(lt + 1, gt).strip();
        }
        int sip = displayText.toLowerCase(Locale.ROOT).indexOf("sip:");
        if (sip >= 0) {
            String rest = displayText.substring(sip);
            int end = 0;
            while (end < rest.length() && !Character.isWhitespace(rest.charAt(end)) && rest.charAt(end) != ')') {
                end++;
            }
            return rest.substring(0, end);
        }
        return displayText.strip();
    }

    Conference snapshot() {
        return new Conference(id, uri, callId, organizer, onBehalfOf, List.copyOf(roster.values()));
    }
}
