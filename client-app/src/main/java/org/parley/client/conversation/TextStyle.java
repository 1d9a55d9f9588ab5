package org.parley.client.conversation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The character formatting the Communicator supports in messages: bold, italic, underline, a colour, a font family and
 * a size. Values are normalised and checked on the way in (a colour is {@code #rrggbb}, a family is letters, digits,
 * spaces and dashes, a size is 8–36 px), so a style can be written into CSS or HTML without escaping.
 *
 * @param color  {@code #rrggbb} or null (the theme's text colour)
 * @param family a font family name or null (the theme's font)
 * @param size   font size in px or 0 (the window's size)
 */
public record TextStyle(boolean bold, boolean italic, boolean underline, String color, String family, int size) {
    public static final TextStyle PLAIN = new TextStyle(false, false, false, null, null, 0);
    public static final int MIN_SIZE = 8;
    public static final int MAX_SIZE = 36;

    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");
    private static final Pattern FAMILY = Pattern.compile("[A-Za-z0-9 \\-]{1,48}");

    public TextStyle {
        color = color == null ? null : color.toLowerCase(Locale.ROOT);
        if (color != null && !HEX.matcher(color).matches()) {
            throw new IllegalArgumentException("colour must be #rrggbb: " + color);
        }
        family = family == null || family.isBlank() ? null : family.trim();
        if (family != null && !FAMILY.matcher(family).matches()) {
            throw new IllegalArgumentException("unsupported font family: " + family);
        }
        size = size <= 0 ? 0 : Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
    }

    public boolean isPlain() {
        return equals(PLAIN);
    }

    public TextStyle withBold(boolean b) {
        return new TextStyle(b, italic, underline, color, family, size);
    }

    public TextStyle withItalic(boolean i) {
        return new TextStyle(bold, i, underline, color, family, size);
    }

    public TextStyle withUnderline(boolean u) {
        return new TextStyle(bold, italic, u, color, family, size);
    }

    public TextStyle withColor(String c) {
        return new TextStyle(bold, italic, underline, c, family, size);
    }

    public TextStyle withFamily(String f) {
        return new TextStyle(bold, italic, underline, color, f, size);
    }

    public TextStyle withSize(int s) {
        return new TextStyle(bold, italic, underline, color, family, s);
    }

    /** The JavaFX CSS of a {@code Text} node in this style ("" when plain). */
    public String toFxCss() {
        StringBuilder css = new StringBuilder();
        if (bold) {
            css.append("-fx-font-weight: bold;");
        }
        if (italic) {
            css.append("-fx-font-style: italic;");
        }
        if (underline) {
            css.append("-fx-underline: true;");
        }
        if (color != null) {
            css.append("-fx-fill: ").append(color).append(';');
        }
        if (family != null) {
            css.append("-fx-font-family: \"").append(family).append("\";");
        }
        if (size > 0) {
            css.append("-fx-font-size: ").append(size).append("px;");
        }
        return css.toString();
    }
}
