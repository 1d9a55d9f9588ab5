package org.parley.client.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The whitelist reader behind {@link HtmlCodec#parse}: one pass over the markup, a stack of open styles. */
final class HtmlReader {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4",
            "h5", "h6", "blockquote", "pre", "table");
    private static final Set<String> DROP_CONTENT = Set.of("script", "style", "head", "title", "template");
    private static final Pattern ATTR = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*(?:=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|mailto:)[^\\s\"'<>\\\\]+");
    private static final Pattern NUMBER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(px|pt)?");
    private static final int[] HTML_FONT_SIZES = {10, 13, 16, 18, 24, 32, 36};
    private static final Map<String, String> ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private record Frame(String tag, TextStyle style, String link) {
    }

    private final String html;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final List<StyledRun> runs = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean lastWasSpace = true;

    HtmlReader(String html) {
        this.html = html;
        stack.push(new Frame("", TextStyle.PLAIN, null));
    }

    List<StyledRun> read() {
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                i = tag(i);
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                String decoded = semi > i && semi - i <= 10 ? entity(html.substring(i + 1, semi)) : null;
                if (decoded != null) {
                    append(decoded, decoded.equals(" ") && html.startsWith("&nbsp;", i));
                    i = semi + 1;
                } else {
                    append("&", false);
                    i++;
                }
            } else {
                append(String.valueOf(c), false);
                i++;
            }
        }
        flush();
        trimTrailingBreaks();
        return runs;
    }

    private int tag(int start) {
        if (html.startsWith("<!--", start)) {
            int end = html.indexOf("-->", start + 4);
            return end < 0 ? html.length() : end + 3;
        }
        int end = endOfTag(start);
        if (end < 0) {
            append("<", false);
            return start + 1;
        }
        String body = html.substring(start + 1, end).trim();
        if (body.startsWith("!") || body.startsWith("?") || body.isEmpty()) {
            return end + 1;
        }
        boolean closing = body.startsWith("/");
        String rest = closing ? body.substring(1).trim() : body;
        int nameEnd = 0;
        while (nameEnd < rest.length() && (Character.isLetterOrDigit(rest.charAt(nameEnd)))) {
            nameEnd++;
        }
        String name = rest.substring(0, nameEnd).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            append(html.substring(start, end + 1), false);
            return end + 1;
        }
        if (closing) {
            close(name);
            return end + 1;
        }
        if (DROP_CONTENT.contains(name)) {
            int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, end);
            if (close < 0) {
                return html.length();
            }
            int closeEnd = html.indexOf('>', close);
            return closeEnd < 0 ? html.length() : closeEnd + 1;
        }
        open(name, attributes(rest.substring(nameEnd)), rest.endsWith("/"));
        return end + 1;
    }

    private int endOfTag(int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private void open(String name, Map<String, String> attrs, boolean selfClosing) {
        if (name.equals("br")) {
            lineBreak(true);
            return;
        }
        if (BLOCKS.contains(name)) {
            lineBreak(false);
        }
        if (selfClosing || name.equals("img") || name.equals("hr") || name.equals("meta") || name.equals("link")) {
            return;
        }
        Frame top = stack.peek();
        TextStyle s = top.style();
        String link = top.link();
        switch (name) {
            case "b", "strong" -> s = s.withBold(true);
            case "i", "em" -> s = s.withItalic(true);
            case "u", "ins" -> s = s.withUnderline(true);
            case "a" -> {
                String href = attrs.getOrDefault("href", "").trim();
                if (LINK.matcher(href).matches()) {
                    link = href;
                }
            }
            case "font" -> {
                s = withColor(s, attrs.get("color"));
                s = withFamily(s, attrs.get("face"));
                String size = attrs.get("size");
                if (size != null && size.trim().matches("[1-7]")) {
                    s = s.withSize(HTML_FONT_SIZES[Integer.parseInt(size.trim()) - 1]);
                }
            }
            default -> {
            }
        }
        if (name.equals("li")) {
            append("• ", false);
        }
        String css = attrs.get("style");
        if (css != null) {
            s = withCss(s, css);
        }
        stack.push(new Frame(name, s, link));
    }

    private void close(String name) {
        boolean found = stack.stream().anyMatch(f -> f.tag().equals(name));
        if (found) {
            while (stack.size() > 1) {
                if (stack.pop().tag().equals(name)) {
                    break;
                }
            }
        }
        if (BLOCKS.contains(name)) {
            lineBreak(false);
        }
    }

    private static TextStyle withCss(TextStyle s, String css) {
        for (String decl : css.split(";")) {
            int colon = decl.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String prop = decl.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = decl.substring(colon + 1).trim();
            String v = value.toLowerCase(Locale.ROOT);
            switch (prop) {
                case "color" -> s = withColor(s, value);
                case "font-family" -> s = withFamily(s, value);
                case "font-size" -> {
                    Matcher m = NUMBER.matcher(v);
                    if (m.matches()) {
                        double size = Double.parseDouble(m.group(1));
                        s = s.withSize((int) Math.round("pt".equals(m.group(2)) ? size * 4 / 3 : size));
                    }
                }
                case "font-weight" -> s = s.withBold(v.equals("bold") || v.equals("bolder")
                        || v.matches("[6-9]00"));
                case "font-style" -> s = s.withItalic(v.equals("italic") || v.equals("oblique"));
                case "text-decoration", "text-decoration-line" -> s = s.withUnderline(v.contains("underline"));
                default -> {
                }
            }
        }
        return s;
    }

    private static TextStyle withColor(TextStyle s, String value) {
        String c = value == null ? null : HtmlCodec.normalizeColor(value);
        return c == null ? s : s.withColor(c);
    }

    private static TextStyle withFamily(TextStyle s, String value) {
        if (value == null) {
            return s;
        }
        String first = value.split(",")[0].trim().replace("\"", "").replace("'", "").trim();
        return first.matches("[A-Za-z0-9 \\-]{1,48}") ? s.withFamily(first) : s;
    }

    private Map<String, String> attributes(String s) {
        Map<String, String> out = new HashMap<>();
        Matcher m = ATTR.matcher(s);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v == null ? "" : decodeAll(v));
        }
        return out;
    }

    private static String decodeAll(String v) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < v.length()) {
            int semi = v.indexOf(';', i);
            String d = v.charAt(i) == '&' && semi > i && semi - i <= 10 ? entity(v.substring(i + 1, semi)) : null;
            if (d != null) {
                out.append(d);
                i = semi + 1;
            } else {
                out.append(v.charAt(i++));
            }
        }
        return out.toString();
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int cp = name.startsWith("#x") || name.startsWith("#X") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                return cp > 0 && Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name.toLowerCase(Locale.ROOT));
    }

    /** HTML white space collapses to one space; a non-breaking space stays. */
    private void append(String s, boolean keepSpace) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!keepSpace && Character.isWhitespace(c)) {
                if (!lastWasSpace) {
                    emit(" ");
                    lastWasSpace = true;
                }
            } else {
                emit(String.valueOf(c));
                lastWasSpace = false;
            }
        }
    }

    private void lineBreak(boolean always) {
        boolean atLineStart = endsWithBreak();
        if (always || !atLineStart) {
            if (!always && runs.isEmpty() && text.length() == 0) {
                return;
            }
            emit("\n");
            lastWasSpace = true;
        }
    }

    private boolean endsWithBreak() {
        if (text.length() > 0) {
            return text.charAt(text.length() - 1) == '\n';
        }
        return runs.isEmpty() || runs.get(runs.size() - 1).text().endsWith("\n");
    }

    private TextStyle pendingStyle;
    private String pendingLink;

    private void emit(String s) {
        Frame top = stack.peek();
        if (text.length() > 0 && (!top.style().equals(pendingStyle) || !java.util.Objects.equals(top.link(),
                pendingLink))) {
            flush();
        }
        pendingStyle = top.style();
        pendingLink = top.link();
        text.append(s);
    }

    private void flush() {
        if (text.length() == 0) {
            return;
        }
        StyledRun r = new StyledRun(text.toString(), pendingStyle, pendingLink);
        if (!runs.isEmpty()) {
            StyledRun last = runs.get(runs.size() - 1);
            if (last.style().equals(r.style()) && java.util.Objects.equals(last.link(), r.link())) {
                runs.set(runs.size() - 1, new StyledRun(last.text() + r.text(), r.style(), r.link()));
                text.setLength(0);
                return;
            }
        }
        runs.add(r);
        text.setLength(0);
    }

    private void trimTrailingBreaks() {
        while (!runs.isEmpty()) {
            StyledRun last = runs.get(runs.size() - 1);
            String t = last.text().replaceAll("[\\n ]+$", "");
            if (t.isEmpty()) {
                runs.remove(runs.size() - 1);
            } else {
                runs.set(runs.size() - 1, new StyledRun(t, last.style(), last.link()));
                return;
            }
        }
    }
}
