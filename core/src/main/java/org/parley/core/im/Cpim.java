package org.parley.core.im;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * The Common Presence and Instant Messaging message format (RFC 3862, {@code message/cpim}), as far as Parley uses it:
 * a multiparty session relays each message inside a CPIM wrapper whose {@code From} names the original sender.
 *
 * <pre>
 * From: "Alice Test" &lt;sip:alice@parley.local&gt;
 * To: &lt;sip:chat~Xy3@parley.local&gt;
 * DateTime: 2026-11-21T10:00:00.250Z
 * Subject: Launch
 *
 * Content-Type: text/plain;charset=UTF-8
 *
 * Hello everyone
 * </pre>
 *
 * Lines end with CRLF when built; parsing also accepts bare LF. Unknown message headers (NS, Require, extension
 * headers) are ignored when parsing.
 */
public final class Cpim {
    public static final String CONTENT_TYPE = "message/cpim";

    private Cpim() {
    }

    /**
     * One CPIM message.
     *
     * @param fromName    the sender's display name, or null
     * @param from        the sender's URI (required)
     * @param to          recipients' URIs (may be empty)
     * @param dateTime    when it was sent, or null
     * @param subject     subject, or null
     * @param contentType the MIME type of the encapsulated content ({@code text/plain;charset=UTF-8} when null)
     * @param body        the encapsulated content as text
     */
    public record Message(String fromName, String from, List<String> to, Instant dateTime, String subject,
                          String contentType, String body) {
        public Message {
            Objects.requireNonNull(from, "from");
            to = to == null ? List.of() : List.copyOf(to);
            contentType = contentType == null || contentType.isBlank() ? "text/plain;charset=UTF-8" : contentType.trim();
            body = body == null ? "" : body;
        }
    }

    /** The {@code message/cpim} body for a message. */
    public static String build(Message m) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(nameAddr(m.fromName(), m.from())).append("\r\n");
        for (String to : m.to()) {
            sb.append("To: ").append(nameAddr(null, to)).append("\r\n");
        }
        if (m.dateTime() != null) {
            sb.append("DateTime: ").append(m.dateTime()).append("\r\n");
        }
        if (m.subject() != null) {
            sb.append("Subject: ").append(headerText(m.subject())).append("\r\n");
        }
        sb.append("\r\n");
        sb.append("Content-Type: ").append(headerText(m.contentType())).append("\r\n");
        sb.append("\r\n");
        sb.append(m.body());
        return sb.toString();
    }

    /** Parses a {@code message/cpim} body; throws {@link ParleyException} (INVALID_ARGUMENT) when it is not one. */
    public static Message parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] firstSplit = splitHead(text);
        if (firstSplit == null) {
            throw invalid("no blank line after the message headers");
        }
        String fromName = null;
        String from = null;
        List<String> to = new ArrayList<>();
        Instant dateTime = null;
        String subject = null;
        for (String line : lines(firstSplit[0])) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw invalid("malformed header line '" + line + "'");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "from" -> {
                    String[] na = parseNameAddr(value);
                    fromName = na[0];
                    from = na[1];
                }
                case "to" -> to.add(parseNameAddr(value)[1]);
                case "datetime" -> dateTime = parseDateTime(value);
                case "subject" -> subject = stripLang(value);
                default -> {
                    // NS, Require, cc and extension headers: not used by Parley
                }
            }
        }
        if (from == null) {
            throw invalid("no From header");
        }
        String[] secondSplit = splitHead(firstSplit[1]);
        String contentHeaders = secondSplit == null ? firstSplit[1] : secondSplit[0];
        String body = secondSplit == null ? "" : secondSplit[1];
        String contentType = null;
        for (String line : lines(contentHeaders)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Type")) {
                contentType = line.substring(colon + 1).trim();
            }
        }
        return new Message(fromName, from, to, dateTime, subject, contentType, body);
    }

    /** {head, rest} split at the first blank line (CRLF CRLF or LF LF), or null when there is none. */
    private static String[] splitHead(String s) {
        int crlf = s.indexOf("\r\n\r\n");
        int lf = s.indexOf("\n\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return new String[] {s.substring(0, crlf), s.substring(crlf + 4)};
        }
        if (lf >= 0) {
            return new String[] {s.substring(0, lf), s.substring(lf + 2)};
        }
        if (s.startsWith("\r\n")) {
            return new String[] {"", s.substring(2)};
        }
        if (s.startsWith("\n")) {
            return new String[] {"", s.substring(1)};
        }
        return null;
    }

    private static List<String> lines(String head) {
        List<String> out = new ArrayList<>();
        for (String line : head.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.trim());
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static String nameAddr(String name, String uri) {
        String u = headerText(uri);
        if (u.indexOf('<') >= 0 || u.indexOf('>') >= 0) {
            throw new IllegalArgumentException("a URI must not contain '<' or '>': " + uri);
        }
        if (name == null || name.isBlank()) {
            return "<" + u + ">";
        }
        return "\"" + headerText(name).replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + u + ">";
    }

    /** Header values are one line: CR and LF are refused. */
    private static String headerText(String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a CPIM header value must not contain line breaks");
        }
        return value;
    }

    /** {display name or null, uri} of {@code "Name" <uri>}, {@code Name <uri>}, {@code <uri>} or a bare URI. */
    private static String[] parseNameAddr(String value) {
        int lt = value.lastIndexOf('<');
        int gt = value.lastIndexOf('>');
        if (lt < 0 && gt < 0) {
            if (value.isEmpty()) {
                throw invalid("empty address");
            }
            return new String[] {null, value};
        }
        if (lt < 0 || gt < lt) {
            throw invalid("malformed address '" + value + "'");
        }
        String uri = value.substring(lt + 1, gt).trim();
        if (uri.isEmpty()) {
            throw invalid("empty address");
        }
        String name = value.substring(0, lt).trim();
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
            name = unquote(name.substring(1, name.length() - 1));
        }
        return new String[] {name.isEmpty() ? null : name, uri};
    }

    private static String unquote(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static Instant parseDateTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("DateTime '" + value + "' is not an RFC 3339 date and time");
        }
    }

    /** A Subject may start with a language parameter: {@code Subject: ;lang=fr Le sujet}. */
    private static String stripLang(String value) {
        if (value.startsWith(";")) {
            int space = value.indexOf(' ');
            return space < 0 ? "" : value.substring(space + 1).trim();
        }
        return value;
    }

    private static ParleyException invalid(String why) {
        return new ParleyException(ErrorCode.INVALID_ARGUMENT, "not a CPIM message: " + why);
    }
}
