package org.parley.server.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.server.policy.Aors;

/**
 * History-Info (RFC 7044) as the router writes and reads it: one entry per target the request was sent to, with an
 * {@code index}, {@code mp} (the target user changed: forwarding) or {@code rc} (the AOR became a registered
 * contact), and the RFC 4458 {@code cause} of a forwarding in the new target's URI. Parsing is lenient: what cannot
 * be read is skipped.
 */
public final class HistoryInfo {
    public static final String NAME = "History-Info";

    /** One hi-entry: its target URI (without the angle brackets) and index. */
    public record Entry(String uri, String index, boolean recursed) {
    }

    private HistoryInfo() {
    }

    /** The entries of every History-Info header value, in order (values may hold several, comma-separated). */
    public static List<Entry> parse(List<String> values) {
        List<Entry> out = new ArrayList<>();
        for (String v : values) {
            for (String part : split(v)) {
                int open = part.indexOf('<');
                int close = part.indexOf('>', open + 1);
                if (open < 0 || close < 0) {
                    continue;
                }
                String uri = part.substring(open + 1, close).trim();
                String params = part.substring(close + 1).toLowerCase(Locale.ROOT);
                String index = null;
                boolean rc = false;
                for (String p : params.split(";")) {
                    String t = p.trim();
                    if (t.startsWith("index=")) {
                        index = t.substring(6).trim();
                    } else if (t.equals("rc") || t.startsWith("rc=")) {
                        rc = true;
                    }
                }
                out.add(new Entry(uri, index, rc));
            }
        }
        return out;
    }

    /**
     * Local users the request was already forwarded away from: user AORs of {@code domain} among the entries (not
     * registered contacts), except the last such entry when it is {@code currentTarget}, the user now called.
     */
    public static Set<String> forwardedUsers(List<Entry> entries, String domain, String currentTarget) {
        List<String> users = new ArrayList<>();
        String suffix = "@" + domain.toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (e.recursed()) {
                continue;
            }
            String aor = Aors.normalize(e.uri());
            if (aor.startsWith("sip:") && aor.endsWith(suffix)) {
                users.add(aor.substring(4, aor.length() - suffix.length()));
            }
        }
        if (!users.isEmpty() && users.get(users.size() - 1).equals(currentTarget)) {
            users.remove(users.size() - 1);
        }
        return new LinkedHashSet<>(users);
    }

    /**
     * The entries to add to one leg's request: the dialled target (when the request had no History-Info), each
     * forwarding step of {@code path} with its cause, and the leg's contact ({@code rc}) when it is a user's device.
     *
     * @param lastIndex the index of the request's last existing entry, or null when it had none
     */
    public static List<String> entriesFor(RoutePlan.Leg leg, String lastIndex) {
        List<String> out = new ArrayList<>();
        String index;
        List<RoutePlan.Step> path = leg.path();
        if (lastIndex == null) {
            index = "1";
            out.add("<" + path.get(0).aor() + ">;index=1");
        } else {
            index = lastIndex;
        }
        for (int i = 1; i < path.size(); i++) {
            RoutePlan.Step s = path.get(i);
            String parent = index;
            index = index + ".1";
            String uri = s.cause() > 0 ? s.aor() + ";cause=" + s.cause() : s.aor();
            out.add("<" + uri + ">;index=" + index + ";mp=" + parent);
        }
        if (leg.user() != null) {
            out.add("<" + stripAngle(leg.uri()) + ">;index=" + index + ".1;rc=" + index);
        }
        return out;
    }

    private static String stripAngle(String uri) {
        return uri.replace("<", "").replace(">", "");
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                depth++;
            } else if (!quoted && c == '>') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }
}
