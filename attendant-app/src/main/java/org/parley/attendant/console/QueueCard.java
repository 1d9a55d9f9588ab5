package org.parley.attendant.console;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.parley.attendant.queue.QueueItem;
import org.parley.core.client.ConferencingService.Conference;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;

/** One call of the queue: name, state, timer, on-behalf-of and repeat-caller marks; CSS pseudo-classes for state. */
final class QueueCard extends HBox {
    static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    static final PseudoClass RINGING = PseudoClass.getPseudoClass("ringing");
    static final PseudoClass HELD = PseudoClass.getPseudoClass("held");
    static final PseudoClass LONG_HOLD = PseudoClass.getPseudoClass("long-hold");
    static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    static final PseudoClass REPEAT = PseudoClass.getPseudoClass("repeat");
    static final PseudoClass CONFERENCE = PseudoClass.getPseudoClass("conference");

    QueueCard(QueueItem item) {
        getStyleClass().add("queue-card");
        setId("call-" + item.id());
        Label name = new Label();
        name.getStyleClass().add("queue-name");
        name.textProperty().bind(item.nameProperty());
        Label state = new Label();
        state.getStyleClass().add("queue-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> stateText(item.call()), item.callProperty()));
        Label behalf = new Label();
        behalf.getStyleClass().add("queue-behalf");
        behalf.textProperty().bind(Bindings.createStringBinding(() -> item.onBehalfOf() == null ? ""
                : "on behalf of " + item.onBehalfOf().replaceFirst("^sip:", ""), item.callProperty()));
        behalf.managedProperty().bind(behalf.textProperty().isNotEmpty());
        Label repeat = new Label("Repeat caller");
        repeat.getStyleClass().add("queue-repeat");
        repeat.visibleProperty().bind(item.repeatCallerProperty());
        repeat.managedProperty().bind(item.repeatCallerProperty());
        Label timer = new Label();
        timer.getStyleClass().add("queue-timer");
        timer.textProperty().bind(item.waitingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label roster = new Label();
        roster.setId("roster-" + item.id());
        roster.getStyleClass().add("queue-roster");
        roster.textProperty().bind(Bindings.createStringBinding(() -> rosterText(item.conference()),
                item.conferenceProperty()));
        roster.managedProperty().bind(roster.textProperty().isNotEmpty());
        roster.visibleProperty().bind(roster.textProperty().isNotEmpty());
        getChildren().addAll(new VBox(2, name, new HBox(12, state, behalf, repeat), roster), grow, timer);
        Runnable styles = () -> {
            pseudoClassStateChanged(ACTIVE, switch (item.state()) {
                case CONNECTED, REMOTE_HELD -> true;
                default -> false;
            });
            pseudoClassStateChanged(RINGING, item.state() == org.parley.core.client.TelephonyService.State.INCOMING);
            pseudoClassStateChanged(HELD, item.state() == org.parley.core.client.TelephonyService.State.HELD);
            pseudoClassStateChanged(LONG_HOLD, item.longHoldProperty().get());
            pseudoClassStateChanged(FLASH, item.flashProperty().get());
            pseudoClassStateChanged(REPEAT, item.repeatCallerProperty().get());
            pseudoClassStateChanged(CONFERENCE, item.conference() != null);
        };
        item.conferenceProperty().addListener((o, a, b) -> styles.run());
        item.callProperty().addListener((o, a, b) -> styles.run());
        item.longHoldProperty().addListener((o, a, b) -> styles.run());
        item.flashProperty().addListener((o, a, b) -> styles.run());
        item.repeatCallerProperty().addListener((o, a, b) -> styles.run());
        styles.run();
    }

    /** One line per member: name (or address) and status; empty for an ordinary call. */
    static String rosterText(Conference c) {
        if (c == null) {
            return "";
        }
        return String.join("\n", c.roster().stream().map(m -> "● " + (m.name() != null ? m.name()
                : m.aor().replaceFirst("^sips?:", "")) + switch (m.status()) {
                    case CONNECTED -> "";
                    case ON_HOLD -> " (on hold)";
                    case PENDING -> " (joining)";
                    case DISCONNECTED -> " (left)";
                }).toList());
    }

    static String stateText(Call c) {
        return switch (c.state()) {
            case INCOMING -> "Ringing";
            case DIALING, RINGING -> c.direction() == Direction.OUTGOING ? "Calling…" : "Ringing";
            case CONNECTED -> "Active";
            case HELD -> "On hold";
            case REMOTE_HELD -> "Held by caller";
            case ENDED -> "Ended";
        };
    }
}
