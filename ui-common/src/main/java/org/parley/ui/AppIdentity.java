package org.parley.ui;

import java.util.Objects;
import org.kordamp.ikonli.Ikon;

/**
 * What tells the desktop apps apart on the screens they share: the name shown as window and screen title, and the
 * app's icon (an Ikonli glyph). Each app's composition root holds its own.
 */
public record AppIdentity(String title, Ikon icon) {
    public AppIdentity {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(icon, "icon");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
    }
}
