package org.parley.server.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A received SIP message as text, parsed just enough for assertions in tests. */
public final class SipMessage {
    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "l", "content-length", "c", "content-type");

    private final String startLine;
    private final Map<String, List<String>> headers;
    private final String body;
    private final String raw;

    private SipMessage(String startLine, Map<String, List<String>> headers, String body, String raw) {
        this.startLine = startLine;
        this.headers = headers;
        this.body = body;
        this.raw = raw;
    }

    public static SipMessage parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String head = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 4);
        String[] lines = head.split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String last = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                List<String> vals = headers.get(last);
                vals.set(vals.size() - 1, vals.get(vals.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            last = name;
        }
        return new SipMessage(lines[0], headers, body, raw);
    }

    public boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    public int status() {
        return isResponse() ? Integer.parseInt(startLine.substring(8, 11)) : -1;
    }

    public String method() {
        return isResponse() ? null : startLine.substring(0, startLine.indexOf(' '));
    }

    public String requestUri() {
        String[] parts = startLine.split(" ");
        return parts[1];
    }

    public String header(String name) {
        List<String> v = headers(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static final java.util.Set<String> LIST_HEADERS = java.util.Set.of("contact", "via", "route", "record-route");

    /** Every value of a header; for Contact, Via, Route and Record-Route comma-separated values are split. */
    public List<String> headers(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> lines = headers.getOrDefault(key, List.of());
        if (!LIST_HEADERS.contains(key)) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int depth = 0;
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (!quoted && ch == '<') {
                    depth++;
                } else if (!quoted && ch == '>') {
                    depth--;
                } else if (!quoted && depth == 0 && ch == ',') {
                    out.add(line.substring(start, i).trim());
                    start = i + 1;
                }
            }
            out.add(line.substring(start).trim());
        }
        return out;
    }

    public String body() {
        return body;
    }

    public String raw() {
        return raw;
    }

    /** A parameter of a header value, e.g. {@code param("WWW-Authenticate", "nonce")} of the first value. */
    public static String param(String headerValue, String name) {
        Matcher m = Pattern.compile("(?i)[;,\\s]" + Pattern.quote(name) + "=(\"([^\"]*)\"|([^;,\\s]+))").matcher(" " + headerValue);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** The tag of a From/To value. */
    public String tag(String header) {
        return param(header(header), "tag");
    }

    @Override
    public String toString() {
        return raw;
    }
}
