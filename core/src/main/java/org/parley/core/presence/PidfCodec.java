package org.parley.core.presence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.parley.core.error.ParleyException;
import org.parley.core.model.ContactCard;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * PIDF (RFC 3863) with the data model (RFC 4479), RPID (RFC 4480) and Parley's {@code pp} extension
 * (docs/protocol.md, "Presence"). Writes what a device publishes and what a watcher is sent; reads any PIDF,
 * ours or a foreign client's (basic open/closed, RPID activities, notes).
 * A null field is absent from the written document. Thread-safe; all methods are static.
 */
public final class PidfCodec {
    public static final String CONTENT_TYPE = "application/pidf+xml";
    public static final String NS_PIDF = "urn:ietf:params:xml:ns:pidf";
    public static final String NS_DM = "urn:ietf:params:xml:ns:pidf:data-model";
    public static final String NS_RPID = "urn:ietf:params:xml:ns:pidf:rpid";
    public static final String NS_PP = "urn:parley:params:xml:ns:pidf";

    private PidfCodec() {
    }

    /**
     * What one device publishes.
     *
     * @param presence   the device's state, custom state, note, location and idle time ({@code devices} is ignored)
     * @param manual     true when the user chose the state (it then wins over other devices' automatic states)
     * @param deviceId   a stable id of the device (becomes the tuple and device ids); required
     * @param deviceKind the kind of the device, or null
     */
    public record Publication(PresenceInfo presence, boolean manual, String deviceId, DeviceKind deviceKind) {
        public Publication {
            if (presence == null || deviceId == null || deviceId.isBlank()) {
                throw new IllegalArgumentException("a publication needs a presence and a device id");
            }
        }
    }

    /**
     * What a PIDF document says.
     *
     * @param entity     the presentity URI ({@code entity} attribute), or null
     * @param presence   the state and details; {@code devices} lists the kinds of all devices in the document
     * @param card       the contact card ({@code pp:card}) with {@code uri} = entity, or null when absent
     * @param manual     whether {@code pp:state} carried {@code manual="true"}
     * @param deviceKind the kind of the first device, or null
     * @param deviceId   the id of the first device ({@code dm:deviceID}), or null
     */
    public record Decoded(String entity, PresenceInfo presence, ContactCard card, boolean manual,
                          DeviceKind deviceKind, String deviceId) {
    }

    /** The document a device publishes (PUBLISH body) for {@code entity} ({@code sip:alice@D}). */
    public static byte[] encodePublication(String entity, Publication p) {
        PresenceInfo info = p.presence();
        String id = xmlId(p.deviceId());
        return Xml.write(w -> {
            startPresence(w, entity);
            tuple(w, "t-" + id, info.state(), p.deviceId());
            person(w, info, p.manual(), null);
            w.writeStartElement("dm", "device", NS_DM);
            w.writeAttribute("id", "d-" + id);
            Xml.textElement(w, "dm", "deviceID", NS_DM, p.deviceId());
            Xml.textElement(w, "pp", "kind", NS_PP, p.deviceKind() == null ? null : p.deviceKind().wireName());
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /**
     * The document a watcher is sent: {@code presence} and {@code card} must already be filtered for the watcher
     * (see {@code Visibility}); whatever is null or empty in them is left out.
     *
     * @param card the filtered card, or null for none
     */
    public static byte[] encodeView(String entity, PresenceInfo presence, ContactCard card) {
        return Xml.write(w -> {
            startPresence(w, entity);
            tuple(w, "t-1", presence.state(), null);
            person(w, presence, false, card);
            int n = 0;
            for (DeviceKind k : presence.devices()) {
                n++;
                w.writeStartElement("dm", "device", NS_DM);
                w.writeAttribute("id", "d-" + n);
                Xml.textElement(w, "dm", "deviceID", NS_DM, "urn:parley:device:" + n);
                Xml.textElement(w, "pp", "kind", NS_PP, k.wireName());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static void startPresence(XMLStreamWriter w, String entity) throws XMLStreamException {
        w.setDefaultNamespace(NS_PIDF);
        w.writeStartElement(NS_PIDF, "presence");
        w.writeDefaultNamespace(NS_PIDF);
        w.writeNamespace("dm", NS_DM);
        w.writeNamespace("rpid", NS_RPID);
        w.writeNamespace("pp", NS_PP);
        if (entity != null) {
            w.writeAttribute("entity", entity);
        }
    }

    private static void tuple(XMLStreamWriter w, String id, PresenceState state, String deviceId) throws XMLStreamException {
        w.writeStartElement(NS_PIDF, "tuple");
        w.writeAttribute("id", id);
        w.writeStartElement(NS_PIDF, "status");
        if (state != PresenceState.UNKNOWN) {
            Xml.textElement(w, "", "basic", NS_PIDF, state == PresenceState.OFFLINE ? "closed" : "open");
        }
        w.writeEndElement();
        Xml.textElement(w, "dm", "deviceID", NS_DM, deviceId);
        w.writeEndElement();
    }

    private static void person(XMLStreamWriter w, PresenceInfo info, boolean manual, ContactCard card) throws XMLStreamException {
        w.writeStartElement("dm", "person", NS_DM);
        w.writeAttribute("id", "p");
        String activity = activityOf(info.state());
        if (activity != null) {
            w.writeStartElement("rpid", "activities", NS_RPID);
            w.writeEmptyElement("rpid", activity, NS_RPID);
            w.writeEndElement();
        }
        if (info.state() == PresenceState.INACTIVE) {
            w.writeStartElement("rpid", "user-input", NS_RPID);
            if (info.idleSince() != null) {
                w.writeAttribute("last-input", info.idleSince().toString());
            }
            w.writeCharacters("idle");
            w.writeEndElement();
        }
        w.writeStartElement("pp", "state", NS_PP);
        if (manual) {
            w.writeAttribute("manual", "true");
        }
        w.writeCharacters(info.state().wireName());
        w.writeEndElement();
        Xml.textElement(w, "pp", "custom", NS_PP, info.customState());
        Xml.textElement(w, "dm", "note", NS_DM, info.note());
        Xml.textElement(w, "pp", "location", NS_PP, info.location());
        Xml.textElement(w, "pp", "idle-since", NS_PP, info.idleSince() == null ? null : info.idleSince().toString());
        if (card != null) {
            card(w, card);
        }
        w.writeEndElement();
    }

    private static void card(XMLStreamWriter w, ContactCard c) throws XMLStreamException {
        w.writeStartElement("pp", "card", NS_PP);
        Xml.textElement(w, "pp", "display-name", NS_PP, c.displayName());
        Xml.textElement(w, "pp", "title", NS_PP, c.title());
        Xml.textElement(w, "pp", "company", NS_PP, c.company());
        Xml.textElement(w, "pp", "department", NS_PP, c.department());
        Xml.textElement(w, "pp", "email", NS_PP, c.email());
        phone(w, "work", c.workPhone());
        phone(w, "mobile", c.mobilePhone());
        phone(w, "home", c.homePhone());
        w.writeEndElement();
    }

    private static void phone(XMLStreamWriter w, String type, String number) throws XMLStreamException {
        if (number == null) {
            return;
        }
        w.writeStartElement("pp", "phone", NS_PP);
        w.writeAttribute("type", type);
        w.writeCharacters(number);
        w.writeEndElement();
    }

    /** The RPID activity for clients that do not read {@code pp:state}, or null for none. */
    static String activityOf(PresenceState s) {
        switch (s) {
            case BUSY:
            case DO_NOT_DISTURB:
                return "busy";
            case IN_A_CALL:
            case IN_A_CONFERENCE:
                return "on-the-phone";
            case IN_A_MEETING:
                return "meeting";
            case BE_RIGHT_BACK:
            case AWAY:
            case INACTIVE:
                return "away";
            default:
                return null;
        }
    }

    /** An XML id (NCName) made of a device id: letters, digits, '-', '_' and '.' kept, the rest '_'. */
    private static String xmlId(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        return b.toString();
    }

    /**
     * Reads a PIDF document. Parley's {@code pp:state} wins; otherwise (foreign clients) basic {@code closed} means
     * offline, then RPID activities in the order busy, on-the-phone, meeting (appointment), away (vacation,
     * permanent-absence, meal), then {@code user-input idle} means inactive, then {@code open} alone available;
     * a document saying none of these is UNKNOWN. The note is the person's {@code dm:note}, else a PIDF
     * {@code note} of the document or of a tuple.
     *
     * @throws PresenceFormatException when the bytes are not a well-formed PIDF document (DTDs are refused)
     */
    public static Decoded decode(byte[] pidf) {
        Document doc = Xml.parse(pidf, "PIDF");
        Element root = doc.getDocumentElement();
        if (!"presence".equals(root.getLocalName()) || !NS_PIDF.equals(root.getNamespaceURI())) {
            throw new PresenceFormatException("not a PIDF document: root is " + root.getTagName());
        }
        String entity = Xml.attr(root, "entity");
        List<Element> tuples = Xml.children(root, NS_PIDF, "tuple");
        Element person = Xml.child(root, NS_DM, "person");
        if (person == null) {
            person = anyRpidPerson(root);
        }

        Element ppState = Xml.child(person, NS_PP, "state");
        boolean manual = ppState != null && "true".equalsIgnoreCase(Xml.attr(ppState, "manual"));
        PresenceState state = parseState(Xml.text(ppState));
        Element userInput = findRpid(root, "user-input");
        boolean idle = userInput != null && "idle".equalsIgnoreCase(Xml.text(userInput));
        if (state == null) {
            state = foreignState(root, tuples, idle);
        }

        String note = Xml.text(Xml.child(person, NS_DM, "note"));
        if (note == null) {
            note = Xml.text(Xml.child(root, NS_PIDF, "note"));
        }
        for (int i = 0; note == null && i < tuples.size(); i++) {
            note = Xml.text(Xml.child(tuples.get(i), NS_PIDF, "note"));
        }
        Instant idleSince = instant(Xml.text(Xml.child(person, NS_PP, "idle-since")));
        if (idleSince == null && idle) {
            idleSince = instant(Xml.attr(userInput, "last-input"));
        }

        List<DeviceKind> kinds = new ArrayList<>();
        String deviceId = null;
        for (Element d : Xml.children(root, NS_DM, "device")) {
            String kind = Xml.text(Xml.child(d, NS_PP, "kind"));
            if (kind != null) {
                kinds.add(DeviceKind.fromWire(kind));
            }
            if (deviceId == null) {
                deviceId = Xml.text(Xml.child(d, NS_DM, "deviceID"));
            }
        }
        for (int i = 0; deviceId == null && i < tuples.size(); i++) {
            deviceId = Xml.text(Xml.child(tuples.get(i), NS_DM, "deviceID"));
        }

        PresenceInfo info = new PresenceInfo(null, state, Xml.text(Xml.child(person, NS_PP, "custom")), note,
                Xml.text(Xml.child(person, NS_PP, "location")), kinds, idleSince);
        ContactCard card = readCard(Xml.child(person, NS_PP, "card"), entity);
        return new Decoded(entity, info, card, manual, kinds.isEmpty() ? null : kinds.get(0), deviceId);
    }

    private static PresenceState parseState(String wire) {
        if (wire == null) {
            return null;
        }
        try {
            return PresenceState.fromWire(wire);
        } catch (ParleyException e) {
            return null;
        }
    }

    private static PresenceState foreignState(Element root, List<Element> tuples, boolean idle) {
        boolean open = false;
        boolean closed = false;
        for (Element t : tuples) {
            String basic = Xml.text(Xml.child(Xml.child(t, NS_PIDF, "status"), NS_PIDF, "basic"));
            open |= "open".equalsIgnoreCase(basic);
            closed |= "closed".equalsIgnoreCase(basic);
        }
        if (closed && !open) {
            return PresenceState.OFFLINE;
        }
        Set<String> activities = activities(root);
        if (activities.contains("busy")) {
            return PresenceState.BUSY;
        }
        if (activities.contains("on-the-phone")) {
            return PresenceState.IN_A_CALL;
        }
        if (activities.contains("meeting") || activities.contains("appointment")) {
            return PresenceState.IN_A_MEETING;
        }
        if (activities.contains("away") || activities.contains("vacation") || activities.contains("permanent-absence")
                || activities.contains("meal")) {
            return idle ? PresenceState.INACTIVE : PresenceState.AWAY;
        }
        if (idle) {
            return PresenceState.INACTIVE;
        }
        return open ? PresenceState.AVAILABLE : PresenceState.UNKNOWN;
    }

    /** Local names of every RPID activity anywhere in the document (RFC 4480 and the older rpid-person drafts). */
    private static Set<String> activities(Element root) {
        Set<String> out = new LinkedHashSet<>();
        NodeList all = root.getElementsByTagNameNS("*", "activities");
        for (int i = 0; i < all.getLength(); i++) {
            Element a = (Element) all.item(i);
            if (a.getNamespaceURI() != null && a.getNamespaceURI().contains("rpid")) {
                for (Element act : Xml.elements(a)) {
                    out.add(act.getLocalName().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static Element findRpid(Element root, String local) {
        NodeList all = root.getElementsByTagNameNS("*", local);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getNamespaceURI() != null && e.getNamespaceURI().contains("rpid")) {
                return e;
            }
        }
        return null;
    }

    /** A person element of an older draft namespace (e.g. {@code urn:ietf:params:xml:ns:pidf:person}). */
    private static Element anyRpidPerson(Element root) {
        for (Element e : Xml.elements(root)) {
            if ("person".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static ContactCard readCard(Element card, String entity) {
        if (card == null) {
            return null;
        }
        String work = null;
        String mobile = null;
        String home = null;
        for (Element phone : Xml.children(card, NS_PP, "phone")) {
            String type = Xml.attr(phone, "type");
            String number = Xml.text(phone);
            if ("mobile".equalsIgnoreCase(type)) {
                mobile = number;
            } else if ("home".equalsIgnoreCase(type)) {
                home = number;
            } else {
                work = number;
            }
        }
        return new ContactCard(entity, Xml.text(Xml.child(card, NS_PP, "display-name")),
                Xml.text(Xml.child(card, NS_PP, "title")), Xml.text(Xml.child(card, NS_PP, "company")),
                Xml.text(Xml.child(card, NS_PP, "department")), Xml.text(Xml.child(card, NS_PP, "email")),
                work, mobile, home);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
