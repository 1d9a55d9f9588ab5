package org.parley.client.widgets;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.parley.core.model.Availability;

/**
 * A person's initials in a circle with a presence ring (there are no photos in the directory yet). The ring takes
 * the presence colour; the circle's own colour is derived from the name so people are told apart at a glance.
 */
public final class Avatar extends StackPane {
    private static final int PALETTE = 8;
    private final Label initials = new Label();

    public Avatar(double size) {
        getStyleClass().add("avatar");
        initials.getStyleClass().add("avatar-initials");
        setPrefSize(size, size);
        setMinSize(size, size);
        setMaxSize(size, size);
        initials.setStyle("-fx-font-size: " + Math.round(size * 0.38) + "px;");
        setAlignment(Pos.CENTER);
        getChildren().add(initials);
        setAvailability(Availability.UNKNOWN);
    }

    public void setName(String name) {
        initials.setText(initialsOf(name));
        getStyleClass().removeIf(c -> c.startsWith("avatar-tone-"));
        getStyleClass().add("avatar-tone-" + Math.floorMod(name == null ? 0 : name.hashCode(), PALETTE));
    }

    public void setAvailability(Availability availability) {
        getStyleClass().removeAll(PresenceStyle.ALL);
        getStyleClass().add(PresenceStyle.styleClass(availability));
    }

    /** "Alice Archer" → "AA", "bob" → "B", "+1 555" → "#". */
    public static String initialsOf(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = name.trim().split("[\\s._-]+");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && Character.isLetter(w.codePointAt(0))) {
                out.appendCodePoint(w.codePointAt(0));
                if (out.length() >= 2) {
                    break;
                }
            }
        }
        return out.length() == 0 ? "#" : out.toString().toUpperCase(Locale.ROOT);
    }
}
