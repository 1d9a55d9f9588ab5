package org.parley.core.presence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * RFC 4662 resource-list NOTIFY bodies: {@code multipart/related; type="application/rlmi+xml"} with an RLMI
 * document first and one {@code application/pidf+xml} part per resource, referenced by {@code instance cid}.
 */
public final class Rlmi {
    public static final String NS_RLMI = "urn:ietf:params:xml:ns:rlmi";
    public static final String RLMI_TYPE = "application/rlmi+xml";
    public static final String MULTIPART_TYPE = "multipart/related";

    private Rlmi() {
    }

    /**
     * One resource of the list.
     *
     * @param uri  the resource URI ({@code sip:bob@D})
     * @param name a display name, or null
     * @param pidf the resource's PIDF document, or null when its state is not known yet (the resource is listed
     *             without an instance)
     */
    public record Resource(String uri, String name, byte[] pidf) {
    }

    /** A body ready to send: {@code contentType} is the full header value (boundary, type, start). */
    public record Body(String contentType, byte[] content) {
    }

    /**
     * What a parsed body says.
     *
     * @param pidfByUri each resource URI with an instance, in document order, to its PIDF part (null when the
     *                  instance's cid names no part)
     * @param names     resource URI to display name, for resources that carry one
     */
    public record Parsed(String listUri, int version, boolean fullState, Map<String, byte[]> pidfByUri,
                         Map<String, String> names) {
    }

    /** Builds a NOTIFY body for the list {@code listUri} with the given version and resources. */
    public static Body build(String listUri, int version, boolean fullState, List<Resource> resources) {
        String token = UUID.randomUUID().toString().replace("-", "");
        String boundary = "pl-" + token.substring(0, 20);
        String startCid = "rlmi-" + token.substring(0, 12) + "@parley";
        List<String> cids = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            cids.add("r" + i + "-" + token.substring(0, 12) + "@parley");
        }
        byte[] rlmi = Xml.write(w -> {
            w.setDefaultNamespace(NS_RLMI);
            w.writeStartElement(NS_RLMI, "list");
            w.writeDefaultNamespace(NS_RLMI);
            w.writeAttribute("uri", listUri);
            w.writeAttribute("version", Integer.toString(version));
            w.writeAttribute("fullState", Boolean.toString(fullState));
            for (int i = 0; i < resources.size(); i++) {
                Resource r = resources.get(i);
                w.writeStartElement(NS_RLMI, "resource");
                w.writeAttribute("uri", r.uri());
                Xml.textElement(w, "", "name", NS_RLMI, r.name());
                if (r.pidf() != null) {
                    w.writeEmptyElement(NS_RLMI, "instance");
                    w.writeAttribute("id", "i" + i);
                    w.writeAttribute("state", "active");
                    w.writeAttribute("cid", cids.get(i));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream(rlmi.length * 4);
        part(out, boundary, startCid, RLMI_TYPE + ";charset=\"UTF-8\"", rlmi);
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).pidf() != null) {
                part(out, boundary, cids.get(i), PidfCodec.CONTENT_TYPE + ";charset=\"UTF-8\"", resources.get(i).pidf());
            }
        }
        ascii(out, "--" + boundary + "--\r\n");
        String contentType = MULTIPART_TYPE + ";type=\"" + RLMI_TYPE + "\";start=\"<" + startCid + ">\";boundary=\""
                + boundary + "\"";
        return new Body(contentType, out.toByteArray());
    }

    private static void part(ByteArrayOutputStream out, String boundary, String cid, String type, byte[] content) {
        ascii(out, "--" + boundary + "\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <" + cid + ">\r\n"
                + "Content-Type: " + type + "\r\n\r\n");
        out.writeBytes(content);
        ascii(out, "\r\n");
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Parses a NOTIFY body of a resource list.
     *
     * @param contentType the Content-Type header value (must be multipart/related with a boundary)
     * @throws PresenceFormatException when it is not a multipart/related body with an RLMI document
     */
    public static Parsed parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MULTIPART_TYPE)) {
            throw new PresenceFormatException("not a multipart/related body: " + contentType);
        }
        String boundary = param(contentType, "boundary");
        if (boundary == null) {
            throw new PresenceFormatException("multipart body without boundary");
        }
        String start = stripAngles(param(contentType, "start"));
        Map<String, byte[]> byCid = new HashMap<>();
        byte[] rlmi = null;
        // ISO-8859-1 keeps one char per byte, so offsets in the string are offsets in the body
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int pos = text.indexOf(delimiter);
        while (pos >= 0) {
            int lineEnd = text.indexOf("\n", pos);
            if (text.startsWith("--", pos + delimiter.length()) || lineEnd < 0) {
                break;
            }
            int next = text.indexOf("\r\n" + delimiter, lineEnd);
            int nextBare = text.indexOf("\n" + delimiter, lineEnd);
            int end = next >= 0 ? next : nextBare >= 0 ? nextBare : text.length();
            String part = text.substring(lineEnd + 1, end);
            int split = part.indexOf("\r\n\r\n");
            int skip = 4;
            if (split < 0) {
                split = part.indexOf("\n\n");
                skip = 2;
            }
            if (split >= 0) {
                Map<String, String> headers = headers(part.substring(0, split));
                byte[] content = part.substring(split + skip).getBytes(StandardCharsets.ISO_8859_1);
                String cid = stripAngles(headers.get("content-id"));
                String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
                if (cid != null) {
                    byCid.put(cid, content);
                }
                if ((start != null && start.equals(cid)) || (start == null && rlmi == null && type.startsWith(RLMI_TYPE))) {
                    rlmi = content;
                }
            }
            pos = next >= 0 ? next + 2 : nextBare >= 0 ? nextBare + 1 : -1;
        }
        if (rlmi == null) {
            throw new PresenceFormatException("multipart body without an RLMI part");
        }
        return readRlmi(rlmi, byCid);
    }

    private static Parsed readRlmi(byte[] rlmi, Map<String, byte[]> byCid) {
        Document doc = Xml.parse(rlmi, "RLMI");
        Element list = doc.getDocumentElement();
        if (!"list".equals(list.getLocalName()) || !NS_RLMI.equals(list.getNamespaceURI())) {
            throw new PresenceFormatException("not an RLMI document: root is " + list.getTagName());
        }
        int version;
        try {
            version = Integer.parseInt(Xml.attr(list, "version").trim());
        } catch (RuntimeException e) {
            throw new PresenceFormatException("RLMI list without a numeric version");
        }
        boolean full = "true".equalsIgnoreCase(Xml.attr(list, "fullState"))
                || "1".equals(Xml.attr(list, "fullState"));
        Map<String, byte[]> pidf = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Element r : Xml.children(list, NS_RLMI, "resource")) {
            String uri = Xml.attr(r, "uri");
            if (uri == null) {
                continue;
            }
            String name = Xml.text(Xml.child(r, NS_RLMI, "name"));
            if (name != null) {
                names.put(uri, name);
            }
            for (Element instance : Xml.children(r, NS_RLMI, "instance")) {
                String cid = Xml.attr(instance, "cid");
                pidf.put(uri, cid == null ? null : byCid.get(cid));
            }
        }
        return new Parsed(Xml.attr(list, "uri"), version, full, pidf, names);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> out = new HashMap<>();
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /** A parameter of a header value such as {@code boundary="x"} or {@code boundary=x}. */
    static String param(String headerValue, String name) {
        for (String p : headerValue.split(";")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    private static String stripAngles(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1) : t;
    }
}
