package org.parley.server.conference;

import java.util.List;

/**
 * The conference state document (RFC 4575, {@code application/conference-info+xml}), always full state: the
 * description (subject, organizer), the user count, and one user per member with its endpoint's status and, for a
 * member brought in by a transfer, who referred it.
 */
final class ConferenceInfo {
    static final String CONTENT_TYPE = "application/conference-info+xml";
    private static final String NS = "urn:ietf:params:xml:ns:conference-info";

    private ConferenceInfo() {
    }

    /** The document for {@code room} at {@code version}; a room that has ended has no users. */
    static String of(Room room, long version) {
        List<Member> members = room.ended() ? List.of() : room.members();
        StringBuilder x = new StringBuilder(512);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<conference-info xmlns=\"").append(NS).append("\" entity=\"").append(esc(room.uri))
                .append("\" state=\"full\" version=\"").append(version).append("\">\n")
                .append("  <conference-description>\n")
                .append("    <display-text>").append(esc(room.organizer)).append("</display-text>\n")
                .append("    <subject>").append(esc(room.subject)).append("</subject>\n")
                .append("    <conf-uris><entry><uri>").append(esc(room.uri)).append("</uri><purpose>participation")
                .append("</purpose></entry></conf-uris>\n")
                .append("  </conference-description>\n")
                .append("  <conference-state>\n")
                .append("    <user-count>").append(members.size()).append("</user-count>\n")
                .append("    <active>").append(!members.isEmpty()).append("</active>\n")
                .append("  </conference-state>\n")
                .append("  <users>\n");
        for (Member m : members) {
            x.append("    <user entity=\"").append(esc(m.aor)).append("\" state=\"full\">\n")
                    .append("      <display-text>").append(esc(m.name)).append("</display-text>\n");
            if (m.aor.equals(room.organizer)) {
                x.append("      <roles><entry>organizer</entry></roles>\n");
            }
            x.append("      <endpoint entity=\"").append(esc(m.contact)).append("\">\n");
            if (m.referredBy != null) {
                x.append("        <referred><by>").append(esc(m.referredBy)).append("</by></referred>\n");
            }
            x.append("        <status>").append(m.status.word).append("</status>\n")
                    .append("        <joining-method>dialed-in</joining-method>\n")
                    .append("      </endpoint>\n")
                    .append("    </user>\n");
        }
        return x.append("  </users>\n</conference-info>\n").toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
