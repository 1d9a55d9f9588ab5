package org.parley.client.conversation;

import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.State;

/** A file transfer in the conversation: name and size, status, progress and the actions that fit its state. */
final class TransferRow extends HBox {
    private final TransferItem item;
    private final ConversationViewModel vm;
    private final Consumer<String> openLink;
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final HBox actions = new HBox(6);
    private final ChangeListener<FileTransfer> listener = (o, a, b) -> refresh();

    TransferRow(TransferItem item, ConversationViewModel vm, Consumer<String> openLink) {
        super(10);
        this.item = item;
        this.vm = vm;
        this.openLink = openLink;
        getStyleClass().add("transfer-row");
        setAlignment(Pos.CENTER_LEFT);
        FileTransfer t = item.transfer();
        FontIcon icon = new FontIcon(t.direction() == Direction.OUTGOING ? Feather.UPLOAD : Feather.FILE);
        icon.getStyleClass().add("transfer-icon");
        Label name = new Label(t.fileName());
        name.getStyleClass().add("transfer-name");
        Label size = new Label(TransfersModel.size(t.size()));
        size.getStyleClass().add("transfer-size");
        HBox title = new HBox(8, name, size);
        title.setAlignment(Pos.BASELINE_LEFT);
        status.getStyleClass().add("transfer-status");
        status.setTooltip(new javafx.scene.control.Tooltip());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefHeight(8);
        progress.setMinHeight(8);
        progress.setAccessibleText("Transfer progress of " + t.fileName());
        VBox text = new VBox(4, title, status, progress);
        HBox.setHgrow(text, Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(icon, text, actions);
        item.transferProperty().addListener(listener);
        refresh();
    }

    void unbind() {
        item.transferProperty().removeListener(listener);
    }

    private void refresh() {
        FileTransfer t = item.transfer();
        String peer = vm.name(t.peer());
        status.setText(TransfersModel.status(t, peer));
        status.getTooltip().setText(t.path() == null ? status.getText() : t.path().toString());
        status.getStyleClass().remove("transfer-failed");
        if (t.state() == State.FAILED || t.state() == State.DECLINED || t.state() == State.CANCELLED) {
            status.getStyleClass().add("transfer-failed");
        }
        boolean moving = t.state() == State.TRANSFERRING || t.state() == State.COMPLETED;
        // Always laid out, only shown while it means something: the list keeps the row's height as it was measured.
        progress.setVisible(moving);
        progress.setProgress(item.progress());
        actions.getChildren().clear();
        boolean incoming = t.direction() == Direction.INCOMING;
        if (t.state() == State.OFFERED && incoming) {
            Button accept = button("_Accept", "Accept " + t.fileName(), () -> vm.transfers().accept(item));
            accept.getStyleClass().add("accent");
            accept.setDefaultButton(false);
            actions.getChildren().addAll(accept, button("_Decline", "Decline " + t.fileName(),
                    () -> vm.transfers().decline(item)));
        } else if (!t.state().isFinal()) {
            actions.getChildren().add(button("Cancel", "Cancel the transfer of " + t.fileName(),
                    () -> vm.transfers().cancel(item)));
        } else if (t.state() == State.COMPLETED && incoming && t.path() != null && t.path().getParent() != null) {
            actions.getChildren().add(button("Open folder", "Open the folder of " + t.fileName(),
                    () -> openLink.accept(t.path().getParent().toUri().toString())));
        }
    }

    private static Button button(String text, String accessible, Runnable action) {
        Button b = new Button(text);
        b.setMnemonicParsing(text.contains("_"));
        b.setAccessibleText(accessible);
        b.setOnAction(e -> action.run());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }
}
