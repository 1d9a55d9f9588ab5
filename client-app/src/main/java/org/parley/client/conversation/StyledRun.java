package org.parley.client.conversation;

import java.util.Objects;

/**
 * A piece of message text in one style; {@code link} is the target when the piece is a hyperlink (http, https or
 * mailto only), else null.
 */
public record StyledRun(String text, TextStyle style, String link) {
    public StyledRun {
        Objects.requireNonNull(text, "text");
        style = style == null ? TextStyle.PLAIN : style;
    }

    public StyledRun(String text, TextStyle style) {
        this(text, style, null);
    }
}
