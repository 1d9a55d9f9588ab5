package org.parley.attendant.console;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import org.parley.core.model.Availability;

/** The contacts' presence dot: one pseudo-class per availability (attendant.css colours them). */
final class PresenceDots {
    private static final Map<Availability, PseudoClass> CLASSES = new EnumMap<>(Availability.class);

    static {
        for (Availability a : Availability.values()) {
            CLASSES.put(a, PseudoClass.getPseudoClass(a.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }

    private PresenceDots() {
    }

    static Label dot() {
        Label dot = new Label("●");
        dot.getStyleClass().add("presence-dot");
        return dot;
    }

    /** Sets the dot's pseudo-class for {@code now} (only the one that changes is touched). */
    static void style(Label dot, Availability now) {
        CLASSES.forEach((a, pc) -> dot.pseudoClassStateChanged(pc, a == now));
    }
}
