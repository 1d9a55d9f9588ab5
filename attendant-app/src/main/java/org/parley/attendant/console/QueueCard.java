package org.parley.attendant.console;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
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
import org.parley.core.client.TelephonyService.State;

/**
 * One call of the queue: name, state, timer, on-behalf-of and repeat-caller marks; CSS pseudo-classes for state.
 * A card belongs to one cell of the queue and shows whichever item the cell shows ({@link #show}): when the queue is
 * re-ordered the cards stay where they are (no node leaves or joins the scene) and only their texts and
 * pseudo-classes change. The card carries no node id of the call it shows: a node id that changes makes JavaFX
 * re-apply the style sheets to the whole card, which under a busy queue (every card re-shown on a re-sort) was the
 * largest share of the JavaFX thread's work (bench/attendant). {@link #callId()} says which call it shows.
 */
final class QueueCard extends HBox {
    static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    static final PseudoClass RINGING = PseudoClass.getPseudoClass("ringing");
    static final PseudoClass HELD = PseudoClass.getPseudoClass("held");
    static final PseudoClass LONG_HOLD = PseudoClass.getPseudoClass("long-hold");
    static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
    static final PseudoClass REPEAT = PseudoClass.getPseudoClass("repeat");
    static final PseudoClass CONFERENCE = PseudoClass.getPseudoClass("conference");
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final Label name = new Label();
    private final Label state = new Label();
    private final Label behalf = new Label();
    private final Label repeat = new Label("Repeat caller");
    private final Label timer = new Label();
    private final Label roster = new Label();
    private final InvalidationListener changed = o -> refresh();
    private final InvalidationListener ticked = o -> ticked();
    private QueueItem shown;

    QueueCard() {
        getStyleClass().add("queue-card");
        name.getStyleClass().add("queue-name");
        state.getStyleClass().add("queue-state");
        behalf.getStyleClass().add("queue-behalf");
        repeat.getStyleClass().add("queue-repeat");
        timer.getStyleClass().add("queue-timer");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        roster.getStyleClass().add("queue-roster");
        getChildren().addAll(new VBox(2, name, new HBox(12, state, behalf, repeat), roster), grow, timer);
    }

    /** Shows {@code item} (null: nothing) and follows its changes until another one is shown. */
    void show(QueueItem item) {
        if (item == shown) {
            return;
        }
        if (shown != null) {
            observed(shown).forEach(p -> p.removeListener(changed));
            shown.waitingProperty().removeListener(ticked);
        }
        shown = item;
        if (item == null) {
            return;
        }
        observed(item).forEach(p -> p.addListener(changed));
        item.waitingProperty().addListener(ticked);
        refresh();
    }

    /** The id of the call shown, or null. */
    String callId() {
        return shown == null ? null : shown.id();
    }

    /** The conference members line as shown (empty for an ordinary call). */
    String rosterShown() {
        return roster.getText();
    }

    private void ticked() {
        timer.setText(shown.waitingProperty().get());
    }

    private static java.util.List<Observable> observed(QueueItem i) {
        return java.util.List.of(i.callProperty(), i.nameProperty(), i.longHoldProperty(), i.flashProperty(),
                i.repeatCallerProperty(), i.conferenceProperty(), i.pendingProperty());
    }

    private void refresh() {
        QueueItem item = shown;
        State s = item.state();
        name.setText(item.name());
        state.setText(item.pending() != null ? item.pending() : stateText(item.call()));
        String b = item.onBehalfOf() == null ? "" : "on behalf of " + item.onBehalfOf().replaceFirst("^sip:", "");
        behalf.setText(b);
        behalf.setManaged(!b.isEmpty());
        boolean rep = item.repeatCallerProperty().get();
        repeat.setVisible(rep);
        repeat.setManaged(rep);
        String members = rosterText(item.conference());
        roster.setText(members);
        roster.setVisible(!members.isEmpty());
        roster.setManaged(!members.isEmpty());
        timer.setText(item.waitingProperty().get());
        pseudoClassStateChanged(ACTIVE, s == State.CONNECTED || s == State.REMOTE_HELD);
        pseudoClassStateChanged(RINGING, s == State.INCOMING);
        pseudoClassStateChanged(HELD, s == State.HELD);
        pseudoClassStateChanged(LONG_HOLD, item.longHoldProperty().get());
        pseudoClassStateChanged(FLASH, item.flashProperty().get());
        pseudoClassStateChanged(REPEAT, rep);
        pseudoClassStateChanged(CONFERENCE, item.conference() != null);
        pseudoClassStateChanged(PENDING, item.pending() != null);
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
