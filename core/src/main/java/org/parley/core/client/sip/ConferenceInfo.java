package org.parley.core.client.sip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.parley.core.client.ConferencingService.Status;
import org.parley.core.xml.SecureXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One {@code application/conference-info+xml} document (RFC 4575) as far as a roster needs it: the room, full or
 * partial state, version, subject, the organizer (the description's display text), the user count and the users with
 * their endpoint status. Read with the JDK parser, no DTDs and no external entities.
 */
record ConferenceInfo(String entity, String state, long version, String subject, String organizer, int userCount,
                      List<User> users) {
    static final String NS = "urn:ietf:params:xml:ns:conference-info";
    static final String CONTENT_TYPE = "application/conference-info+xml";
    private static final DocumentBuilderFactory FACTORY = SecureXml.factory();

    /** A {@code <user>}: its AOR, display text, element state (full/partial/deleted) and its best endpoint status. */
    record User(String entity, String displayText, String state, Status status) {
    }

    boolean partial() {
        return "partial".equals(state);
    }

    /** Parses a document; IllegalArgumentException for anything malformed, with a DTD, or not conference-info. */
    static ConferenceInfo parse(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new IllegalArgumentException("empty conference-info document");
        }
        Element root;
        try {
            DocumentBuilder b;
            synchronized (FACTORY) {
                b = FACTORY.newDocumentBuilder();
            }
            b.setErrorHandler(null);
            root = b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("malformed conference-info document: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        if (!"conference-info".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("not a conference-info document: " + root.getTagName());
        }
        String entity = attr(root, "entity");
        String state = lower(attr(root, "state"), "full");
        long version = parseLong(attr(root, "version"), -1);
        Element description = child(root, "conference-description");
        String subject = text(child(description, "subject"));
        String organizer = text(child(description, "display-text"));
        int count = (int) parseLong(text(child(child(root, "conference-state"), "user-count")), -1);
        List<User> users = new ArrayList<>();
        for (Element u : children(child(root, "users"), "user")) {
            users.add(new User(attr(u, "entity"), text(child(u, "display-text")), lower(attr(u, "state"), "full"),
                    bestStatus(children(u, "endpoint"))));
        }
        return new ConferenceInfo(entity, state, version, subject, organizer, count, List.copyOf(users));
    }

    /** Of a user's endpoints, the most present one: connected, then on hold, then on its way, then gone. */
    private static Status bestStatus(List<Element> endpoints) {
        Status best = null;
        for (Element e : endpoints) {
            Status s = status(text(child(e, "status")));
            if (best == null || rank(s) < rank(best)) {
                best = s;
            }
        }
        return best == null ? Status.PENDING : best;
    }

    private static int rank(Status s) {
        return switch (s) {
            case CONNECTED -> 0;
            case ON_HOLD -> 1;
            case PENDING -> 2;
            case DISCONNECTED -> 3;
        };
    }

    /** RFC 4575 §5.7.3 endpoint status values mapped to a roster status. */
    static Status status(String value) {
        if (value == null) {
            return Status.PENDING;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "connected", "muted-via-focus" -> Status.CONNECTED;
            case "on-hold" -> Status.ON_HOLD;
            case "disconnected", "disconnecting" -> Status.DISCONNECTED;
            default -> Status.PENDING;
        };
    }


    private static List<Element> children(Node parent, String local) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && NS.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Node parent, String local) {
        List<Element> c = children(parent, local);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent();
        t = t == null ? null : t.strip();
        return t == null || t.isEmpty() ? null : t;
    }

    private static String attr(Element e, String name) {
        return e == null || !e.hasAttribute(name) ? null : e.getAttribute(name).strip();
    }

    private static String lower(String v, String otherwise) {
        return v == null || v.isEmpty() ? otherwise : v.toLowerCase(Locale.ROOT);
    }

    private static long parseLong(String v, long otherwise) {
        if (v == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
