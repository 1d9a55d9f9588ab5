package org.parley.client.card;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.parley.client.contacts.ContactActions;
import org.parley.client.contacts.ContactItem;
import org.parley.client.settings.Appearance;

/** A contact card in a small window of its own (one per person; Esc closes it). */
public final class ContactCardWindow {
    private final Stage stage = new Stage();
    private final ContactCardViewModel vm;

    public ContactCardWindow(ContactItem item, ContactActions actions, Appearance appearance, Window owner) {
        Objects.requireNonNull(item, "item");
        vm = new ContactCardViewModel(item.uri(), item.name(), item.cardProperty(), item.presenceProperty(),
                item.contactProperty(), level -> actions.setAccessLevel(item, level));
        ContactCardView view = new ContactCardView(vm, () -> actions.open(item),
                item.kind() == org.parley.core.model.ContactKind.DISTRIBUTION_GROUP ? null : () -> actions.call(item),
                () -> actions.sendEmail(item));
        ScrollPane scroll = new ScrollPane(view.root());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("card-scroll");
        Scene scene = new Scene(scroll, 340, 460);
        appearance.attach(scene);
        scene.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.titleProperty().bind(vm.nameProperty().concat(" — Contact card"));
        stage.setMinWidth(280);
        stage.setMinHeight(320);
        stage.setScene(scene);
        stage.setOnShown(e -> view.focus());
    }

    public ContactCardViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
