package org.parley.core.presence;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** RFC 3857 watcher information ({@code application/watcherinfo+xml}): who watches a resource. */
public final class WatcherInfoCodec {
    public static final String CONTENT_TYPE = "application/watcherinfo+xml";
    public static final String NS = "urn:ietf:params:xml:ns:watcherinfo";

    private WatcherInfoCodec() {
    }

    /**
     * One watcher.
     *
     * @param id          unique id of the subscription
     * @param uri         the watcher's URI
     * @param status      {@code pending}, {@code active}, {@code waiting} or {@code terminated}
     * @param event       what last happened: {@code subscribe}, {@code approved}, {@code deactivated},
     *                    {@code probation}, {@code rejected}, {@code timeout}, {@code giveup}, {@code noresource}
     * @param displayName the watcher's display name, or null
     */
    public record Watcher(String id, String uri, String status, String event, String displayName) {
    }

    /** The watchers of one resource for one event package. */
    public record WatcherList(String resource, String eventPackage, List<Watcher> watchers) {
        public WatcherList {
            watchers = List.copyOf(watchers);
        }
    }

    /** A watcherinfo document: {@code full} for state="full", false for "partial". */
    public record Document(int version, boolean full, List<WatcherList> lists) {
        public Document {
            lists = List.copyOf(lists);
        }
    }

    /** Writes a document. */
    public static byte[] build(Document d) {
        return Xml.write(w -> {
            w.setDefaultNamespace(NS);
            w.writeStartElement(NS, "watcherinfo");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("version", Integer.toString(d.version()));
            w.writeAttribute("state", d.full() ? "full" : "partial");
            for (WatcherList l : d.lists()) {
                w.writeStartElement(NS, "watcher-list");
                w.writeAttribute("resource", l.resource());
                w.writeAttribute("package", l.eventPackage());
                for (Watcher x : l.watchers()) {
                    w.writeStartElement(NS, "watcher");
                    w.writeAttribute("id", x.id());
                    w.writeAttribute("status", x.status());
                    w.writeAttribute("event", x.event());
                    if (x.displayName() != null) {
                        w.writeAttribute("display-name", x.displayName());
                    }
                    w.writeCharacters(x.uri());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** Reads a document; throws {@link PresenceFormatException} when it is not watcher information. */
    public static Document parse(byte[] xml) {
        org.w3c.dom.Document doc = Xml.parse(xml, "watcherinfo");
        Element root = doc.getDocumentElement();
        if (!"watcherinfo".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
            throw new PresenceFormatException("not a watcherinfo document: root is " + root.getTagName());
        }
        int version;
        try {
            version = Integer.parseInt(Xml.attr(root, "version").trim());
        } catch (RuntimeException e) {
            throw new PresenceFormatException("watcherinfo without a numeric version");
        }
        List<WatcherList> lists = new ArrayList<>();
        for (Element l : Xml.children(root, NS, "watcher-list")) {
            List<Watcher> watchers = new ArrayList<>();
            for (Element x : Xml.children(l, NS, "watcher")) {
                watchers.add(new Watcher(Xml.attr(x, "id"), Xml.text(x), Xml.attr(x, "status"), Xml.attr(x, "event"),
                        Xml.attr(x, "display-name")));
            }
            lists.add(new WatcherList(Xml.attr(l, "resource"), Xml.attr(l, "package"), watchers));
        }
        return new Document(version, !"partial".equals(Xml.attr(root, "state")), lists);
    }
}
