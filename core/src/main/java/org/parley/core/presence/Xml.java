package org.parley.core.presence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.parley.core.xml.SecureXml;

/** Secure XML reading (no DTDs, no external entities) and small DOM helpers shared by the presence codecs. */
final class Xml {
    private static final DocumentBuilderFactory FACTORY = SecureXml.factory();

    private Xml() {
    }


    /** Parses a document; throws {@link PresenceFormatException} for anything not well-formed or with a DTD. */
    static Document parse(byte[] xml, String what) {
        if (xml == null || xml.length == 0) {
            throw new PresenceFormatException("empty " + what + " document");
        }
        try {
            DocumentBuilder b;
            synchronized (FACTORY) {
                b = FACTORY.newDocumentBuilder();
            }
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new PresenceFormatException("malformed " + what + " document: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Element children of {@code parent} with this namespace ({@code null} = any) and local name. */
    static List<Element> children(Node parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && (ns == null || ns.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Node parent, String ns, String local) {
        List<Element> c = children(parent, ns, local);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Every element child of {@code parent}. */
    static List<Element> elements(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Trimmed text of an element, or null when the element is absent or blank. */
    static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent();
        t = t == null ? null : t.trim();
        return t == null || t.isEmpty() ? null : t;
    }

    static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        return e.getAttribute(name);
    }

    /** Writes a document with StAX (which escapes text and attributes) into UTF-8 bytes. */
    static byte[] write(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes an element with text content, or nothing when the text is null. */
    static void textElement(XMLStreamWriter w, String prefix, String local, String ns, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        w.writeStartElement(prefix, local, ns);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    @FunctionalInterface
    interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }
}
