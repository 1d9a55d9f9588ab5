package org.parley.client.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * Rich-text messages between text/html and {@link StyledRun}s. Reading is a whitelist on its own (whatever the sender
 * or the clipboard wrote): b/strong, i/em, u, span and font with colour, family, size, weight, style and underline,
 * a with an http, https or mailto target, br and the block elements as line breaks; every other element is dropped
 * and only its text kept (script and style lose their text too). Writing produces the same small subset.
 */
public final class HtmlCodec {
    private HtmlCodec() {
    }

    /** The runs of an HTML fragment; adjacent runs of the same style are merged; no trailing line breaks. */
    public static List<StyledRun> parse(String html) {
        return new HtmlReader(html == null ? "" : html).read();
    }

    /** A message body ready to send. */
    public record Body(String contentType, String text) {
    }

    /** text/plain when nothing is styled, else text/html in the subset; surrounding blank lines are dropped. */
    public static Body toBody(List<StyledRun> runs) {
        List<StyledRun> trimmed = new ArrayList<>(runs);
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).text().isBlank()) {
            trimmed.remove(trimmed.size() - 1);
        }
        while (!trimmed.isEmpty() && trimmed.get(0).text().isBlank()) {
            trimmed.remove(0);
        }
        return isPlain(trimmed) ? new Body("text/plain", plainText(trimmed)) : new Body("text/html", toHtml(trimmed));
    }

    /** True when nothing is styled or linked: the message can go as text/plain. */
    public static boolean isPlain(List<StyledRun> runs) {
        return runs.stream().allMatch(r -> r.style().isPlain() && r.link() == null);
    }

    public static String plainText(List<StyledRun> runs) {
        StringBuilder out = new StringBuilder();
        runs.forEach(r -> out.append(r.text()));
        return out.toString();
    }

    /** The runs as the HTML subset (line breaks as br). */
    public static String toHtml(List<StyledRun> runs) {
        StringBuilder out = new StringBuilder();
        for (StyledRun r : runs) {
            TextStyle s = r.style();
            StringBuilder close = new StringBuilder();
            if (r.link() != null) {
                out.append("<a href=\"").append(escape(r.link())).append("\">");
                close.insert(0, "</a>");
            }
            String css = (s.color() == null ? "" : "color:" + s.color() + ";")
                    + (s.family() == null ? "" : "font-family:" + s.family() + ";")
                    + (s.size() == 0 ? "" : "font-size:" + s.size() + "px;");
            if (!css.isEmpty()) {
                out.append("<span style=\"").append(css).append("\">");
                close.insert(0, "</span>");
            }
            for (String[] t : new String[][]{{"b", s.bold() ? "y" : ""}, {"i", s.italic() ? "y" : ""},
                    {"u", s.underline() ? "y" : ""}}) {
                if (!t[1].isEmpty()) {
                    out.append('<').append(t[0]).append('>');
                    close.insert(0, "</" + t[0] + ">");
                }
            }
            out.append(escape(r.text()).replace("\r\n", "\n").replace("\n", "<br>"));
            out.append(close);
        }
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A colour in any CSS notation JavaFX reads, as #rrggbb, or null when it is not one. */
    static String normalizeColor(String value) {
        try {
            Color c = Color.web(value.trim());
            return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
