package org.parley.client.conversation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.parley.client.widgets.Avatar;
import org.parley.core.model.InstantMessage.Delivery;

/**
 * A row of the conversation: a message bubble (the first of a sender's run shows their avatar, name and time),
 * a notice, or a file transfer. Outgoing bubbles sit on the right with their delivery state under them.
 */
final class ChatCell extends ListCell<ChatItem> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT);

    private final ConversationViewModel vm;
    private final MessageRenderer renderer;
    private final java.util.function.Consumer<String> openLink;
    private final java.util.function.DoubleSupplier fontSize;
    private Runnable unbind = () -> { };

    ChatCell(ConversationViewModel vm, MessageRenderer renderer, java.util.function.Consumer<String> openLink,
             java.util.function.DoubleSupplier fontSize) {
        this.vm = vm;
        this.renderer = renderer;
        this.openLink = openLink;
        this.fontSize = fontSize;
        getStyleClass().add("chat-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ChatItem item, boolean empty) {
        super.updateItem(item, empty);
        unbind.run();
        unbind = () -> { };
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        if (item instanceof MessageItem m) {
            setGraphic(message(m, getIndex() >= 0 && getIndex() < vm.items().size() && vm.startsGroup(getIndex())));
        } else if (item instanceof ChatItem.Notice n) {
            Label l = new Label(n.text());
            l.getStyleClass().add("chat-notice");
            l.setWrapText(true);
            HBox box = new HBox(l);
            box.setAlignment(Pos.CENTER);
            setGraphic(box);
        } else if (item instanceof TransferItem t) {
            TransferRow row = new TransferRow(t, vm, openLink);
            unbind = row::unbind;
            setGraphic(row);
        }
    }

    static String when(java.time.Instant at) {
        var local = at.atZone(ZoneId.systemDefault());
        return local.toLocalDate().equals(LocalDate.now()) ? TIME.format(local) : DAY_TIME.format(local);
    }

    private Node message(MessageItem m, boolean first) {
        VBox bubble = new VBox(2);
        bubble.getStyleClass().addAll("bubble", m.outgoing() ? "bubble-out" : "bubble-in");
        if (m.highPriority() || m.subject() != null) {
            HBox top = new HBox(6);
            top.setAlignment(Pos.CENTER_LEFT);
            if (m.highPriority()) {
                Label bang = new Label("!");
                bang.getStyleClass().add("priority-mark");
                bang.setAccessibleText("High priority");
                top.getChildren().add(bang);
            }
            if (m.subject() != null) {
                Label s = new Label(m.subject());
                s.getStyleClass().add("message-subject");
                s.setWrapText(true);
                top.getChildren().add(s);
            }
            bubble.getChildren().add(top);
        }
        TextFlow text = renderer.render(m, fontSize.getAsDouble());
        bubble.getChildren().add(text);
        if (m.late()) {
            Label late = new Label(m.delivery() == Delivery.MISSED ? "Arrived while you were in Do Not Disturb"
                    : "Sent while you were offline");
            late.getStyleClass().add("message-late");
            bubble.getChildren().add(late);
        }
        bubble.maxWidthProperty().bind(widthProperty().multiply(0.72));
        bubble.setMinHeight(Region.USE_PREF_SIZE);

        VBox column = new VBox(2);
        column.setAlignment(m.outgoing() ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        column.setFillWidth(false);
        if (first) {
            Label who = new Label(m.outgoing() ? "You" : m.senderName());
            who.getStyleClass().add("message-sender");
            Label at = new Label(when(m.at()));
            at.getStyleClass().add("message-time");
            HBox head = new HBox(8, who, at);
            head.setAlignment(Pos.BASELINE_LEFT);
            column.getChildren().add(head);
        }
        column.getChildren().add(bubble);
        if (m.outgoing()) {
            column.getChildren().add(deliveryLine(m));
        }
        HBox.setHgrow(column, Priority.ALWAYS);

        HBox row = new HBox(8);
        row.getStyleClass().add(first ? "message-row-first" : "message-row");
        if (m.outgoing()) {
            row.getChildren().add(column);
        } else {
            Region gutter;
            if (first) {
                Avatar a = new Avatar(28);
                a.setName(m.senderName());
                a.getStyleClass().add("message-avatar");
                gutter = a;
            } else {
                gutter = new Region();
                gutter.setMinWidth(28);
            }
            row.getChildren().addAll(gutter, column);
        }
        row.setAccessibleText((m.outgoing() ? "You" : m.senderName()) + ": " + HtmlCodec.plainText(
                m.isHtml() ? HtmlCodec.parse(m.text()) : java.util.List.of(new StyledRun(m.text(), null))));
        return row;
    }

    private Node deliveryLine(MessageItem m) {
        Label state = new Label();
        state.getStyleClass().add("delivery");
        Hyperlink retry = new Hyperlink("Retry");
        retry.getStyleClass().add("delivery-retry");
        retry.setOnAction(e -> vm.retry(m));
        HBox line = new HBox(6, state, retry);
        line.setAlignment(Pos.CENTER_RIGHT);
        ChangeListener<Object> refresh = (o, a, b) -> showDelivery(m, state, retry);
        m.deliveryProperty().addListener(refresh);
        m.errorProperty().addListener(refresh);
        unbind = () -> {
            m.deliveryProperty().removeListener(refresh);
            m.errorProperty().removeListener(refresh);
        };
        showDelivery(m, state, retry);
        return line;
    }

    private void showDelivery(MessageItem m, Label state, Hyperlink retry) {
        Delivery d = m.delivery();
        state.getStyleClass().remove("delivery-failed");
        boolean failed = d == Delivery.FAILED;
        retry.setVisible(failed);
        retry.setManaged(failed);
        state.setText(switch (d) {
            case PENDING -> "Sending…";
            case STORED -> "Will be delivered when " + (vm.isSession() ? "they sign in" : vm.name(vm.key())
                    + " signs in");
            case FAILED -> "Not delivered" + (m.error() == null ? "" : ": " + m.error());
            default -> "Delivered";
        });
        if (failed) {
            state.getStyleClass().add("delivery-failed");
        }
    }
}
