package org.parley.client.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.parley.client.settings.Appearance;
import org.parley.core.client.UcClient;
import org.parley.core.model.ContactKind;

/**
 * "Invite…": pick a contact, or type a name to search the directory, or type an address. Returns the chosen URI.
 */
final class InviteDialog {
    private InviteDialog() {
    }

    static Optional<String> ask(Window owner, Appearance appearance, UcClient client, String title) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText("Invite someone to this conversation");
        TextField query = new TextField();
        query.setPromptText("Name or address");
        query.setAccessibleText("Name or address");
        ListView<String[]> results = new ListView<>();
        results.setPrefHeight(240);
        results.setAccessibleText("People");
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String[] p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p[1] + "   " + p[0].replaceFirst("(?i)^sips?:", ""));
            }
        });
        Map<String, String[]> contacts = new LinkedHashMap<>();
        client.contacts().current().contacts().stream().filter(c -> c.kind() == ContactKind.USER)
                .forEach(c -> contacts.put(c.uri().toLowerCase(Locale.ROOT), new String[]{c.uri(),
                        c.displayName() == null ? c.uri() : c.displayName()}));
        results.getItems().setAll(contacts.values());
        query.textProperty().addListener((o, a, q) -> {
            String needle = q.trim().toLowerCase(Locale.ROOT);
            List<String[]> hits = new ArrayList<>();
            contacts.values().stream().filter(p -> p[0].toLowerCase(Locale.ROOT).contains(needle)
                    || p[1].toLowerCase(Locale.ROOT).contains(needle)).forEach(hits::add);
            results.getItems().setAll(hits);
            if (needle.length() >= 2) {
                client.directory().search(needle, 0, 20).thenAccept(page -> {
                    if (!query.getText().trim().equalsIgnoreCase(needle)) {
                        return;
                    }
                    page.entries().stream().filter(e -> e.kind() == ContactKind.USER)
                            .filter(e -> !contacts.containsKey(e.card().uri().toLowerCase(Locale.ROOT)))
                            .filter(e -> results.getItems().stream().noneMatch(p -> p[0].equalsIgnoreCase(
                                    e.card().uri())))
                            .forEach(e -> results.getItems().add(new String[]{e.card().uri(),
                                    e.card().displayName() == null ? e.card().uri() : e.card().displayName()}));
                });
            }
            if (!results.getItems().isEmpty()) {
                results.getSelectionModel().selectFirst();
            }
        });
        Label hint = new Label("Or drag a contact from the main window onto the conversation.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        VBox box = new VBox(8, query, results, hint);
        box.setPrefWidth(380);
        d.getDialogPane().setContent(box);
        ButtonType invite = new ButtonType("Invite", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(invite, ButtonType.CANCEL);
        appearance.attach(d.getDialogPane().getScene());
        d.setResultConverter(b -> {
            if (b != invite) {
                return null;
            }
            String[] sel = results.getSelectionModel().getSelectedItem();
            if (sel != null) {
                return sel[0];
            }
            String typed = query.getText().trim();
            return typed.isEmpty() ? null : typed;
        });
        query.requestFocus();
        return d.showAndWait();
    }
}
