package org.parley.server.transport.malformed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RFC 3261 §25 rules JAIN-SIP's parser lets through, checked on a request's raw header section (responses and
 * the body are not looked at). Each names the RFC 4475 message that exercises it.
 */
public final class RawRequestRules {
    /** Request-Line = Method SP Request-URI SP SIP-Version CRLF: exactly one SP between, none at the end. */
    private static final Pattern REQUEST_LINE = Pattern.compile("[^\\s]+ [^\\s]+ SIP/[0-9]+\\.[0-9]+");
    /** Header fields that may appear once only (compact forms mapped to their full names). */
    private static final Set<String> SINGLE = Set.of("to", "from", "call-id", "cseq", "max-forwards", "content-length");
    private static final Map<String, String> COMPACT = Map.of("t", "to", "f", "from", "i", "call-id",
            "l", "content-length", "m", "contact");
    private static final Set<String> ADDRESSES = Set.of("to", "from", "contact");
    /** token characters (RFC 3261 §25.1) and LWS: what an unquoted display name may contain. */
    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9\\-.!%*_+`'~ \\t]*");

    private RawRequestRules() {
    }

    /** The SIP-Version of a request line as written (JAIN-SIP's parser reports any version as SIP/2.0), or null. */
    public static String requestVersion(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).stripLeading();
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).replace("\r", "");
        int sp = first.lastIndexOf(' ');
        return first.startsWith("SIP/") || sp < 0 ? null : first.substring(sp + 1);
    }

    /** Why the request is malformed, or null when these rules find nothing (or it is a response). */
    public static String violation(byte[] message) {
        // the UDP channel hands over the datagram; the stream parsers hand over the header lines joined by LF
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        int end = text.indexOf("\n\n", start);
        String head = end < 0 ? text.substring(start) : text.substring(start, end);
        String[] lines = head.replaceAll("\n[ \t]+", " ").split("\n");
        if (lines.length == 0 || lines[0].startsWith("SIP/") || !lines[0].contains(" SIP/")) {
            return null; // a response, or not a request line at all: JAIN-SIP's own handling applies
        }
        if (!REQUEST_LINE.matcher(lines[0]).matches()) {
            return "Malformed Request-Line (RFC 3261 §25.1: single SP between elements, none at the end)";
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            if (SINGLE.contains(name) && seen.merge(name, 1, Integer::sum) > 1) {
                return "More than one " + name + " header field";
            }
            if (ADDRESSES.contains(name)) {
                String problem = addressProblem(name, lines[i].substring(colon + 1));
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    /** name-addr / addr-spec rules of RFC 3261 §20.10 and §25.1 for To, From and Contact values. */
    private static String addressProblem(String name, String value) {
        String v = stripQuoted(value).trim();
        if (v.equals("*")) {
            return null;
        }
        for (String part : name.equals("contact") ? splitOutsideBrackets(v) : List.of(v)) {
            int lt = part.indexOf('<');
            if (lt < 0) {
                // addr-spec form: a URI with headers (?) must be in <> (RFC 3261 §20.10)
                if (part.indexOf('?') >= 0) {
                    return name + ": a URI with headers must be enclosed in <>";
                }
                continue;
            }
            int gt = part.indexOf('>', lt);
            if (gt < 0) {
                return name + ": unterminated <";
            }
            String inside = part.substring(lt + 1, gt);
            if (!inside.equals(inside.strip()) || inside.indexOf(' ') >= 0) {
                return name + ": spaces inside the addr-spec";
            }
            String display = part.substring(0, lt);
            if (!display.contains("\"") && !TOKENS.matcher(display).matches()) {
                return name + ": the display name has non-token characters and is not quoted";
            }
        }
        return null;
    }

    /** Splits a (quote-stripped) list value at commas that are not inside {@code <>}. */
    private static List<String> splitOutsideBrackets(String v) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(v.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(v.substring(from));
        return parts;
    }

    /** The value with every quoted-string replaced by a plain {@code "q"} (so quoted text cannot confuse the checks). */
    private static String stripQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    out.append("q\"");
                }
            } else if (c == '"') {
                quoted = true;
                out.append('"');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
