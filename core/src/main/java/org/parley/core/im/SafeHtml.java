package org.parley.core.im;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.owasp.html.CssSchema;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

/**
 * Rich-text (text/html) instant messages reduced to a safe subset, with the OWASP Java HTML Sanitizer: b, strong, i,
 * em, u, s, br, p, div, ul, ol, li, span (its {@code style} limited to color, font-family, font-size, font-weight,
 * font-style and text-decoration) and a (href http, https or mailto only; rel="nofollow noopener noreferrer" added).
 * Everything else goes: scripts and styles with their content, event handlers, other attributes, other URL schemes,
 * CSS functions such as url() and expression(). Other elements are dropped but their text is kept.
 * Applied to every received HTML body before it is stored or shown, and by the UI on paste.
 */
public final class SafeHtml {
    /** The CSS properties a span may set. */
    public static final Set<String> STYLES = Set.of("color", "font-family", "font-size", "font-weight", "font-style",
            "text-decoration");

    private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "li");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            // style is checked by the CSS schema first; then it is kept on span only
            .allowStyling(CssSchema.withProperties(STYLES))
            .allowElements((name, attrs) -> {
                removeAttribute(attrs, "style");
                return name;
            }, "b", "strong", "i", "em", "u", "s", "br", "p", "div", "ul", "ol", "li")
            .allowElements("span")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .allowElements("a")
            .toFactory();

    private SafeHtml() {
    }

    /** The safe subset of {@code html}; null gives "". */
    public static String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html);
    }

    /**
     * What a reader sees of a message body: for text/html (any parameters) its {@link #toPlainText text}, otherwise
     * the body itself; null gives "".
     */
    public static String plainText(String contentType, String body) {
        String b = body == null ? "" : body;
        return contentType != null && contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith("text/html")
                ? toPlainText(b) : b;
    }

    /**
     * The text a reader sees, for previews, toasts and search: tags dropped (after sanitizing, so no script text),
     * entities decoded, line breaks for br and block elements, runs of spaces collapsed.
     */
    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        TextCollector text = new TextCollector();
        HtmlSanitizer.sanitize(sanitize(html), text);
        return text.result();
    }

    private static void removeAttribute(List<String> attrs, String name) {
        for (int i = attrs.size() - 2; i >= 0; i -= 2) {
            if (attrs.get(i).equals(name)) {
                attrs.remove(i + 1);
                attrs.remove(i);
            }
        }
    }

    /** Receives the sanitized document's events and keeps only its text. */
    private static final class TextCollector implements HtmlSanitizer.Policy {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            String name = elementName.toLowerCase(Locale.ROOT);
            if (name.equals("br")) {
                out.append('\n');
            } else if (BLOCKS.contains(name)) {
                lineBreak();
            }
        }

        @Override
        public void closeTag(String elementName) {
            if (BLOCKS.contains(elementName.toLowerCase(Locale.ROOT))) {
                lineBreak();
            }
        }

        @Override
        public void text(String textChunk) {
            String t = textChunk.replaceAll("[ \\t\\r\\n\\f]+", " ");
            if (t.startsWith(" ") && (out.length() == 0 || out.charAt(out.length() - 1) == ' '
                    || out.charAt(out.length() - 1) == '\n')) {
                t = t.substring(1);
            }
            out.append(t);
        }

        private void lineBreak() {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        String result() {
            return out.toString().replaceAll(" +\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        }
    }
}
