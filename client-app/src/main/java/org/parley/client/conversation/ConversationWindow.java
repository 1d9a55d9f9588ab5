package org.parley.client.conversation;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.parley.client.settings.Appearance;
import org.parley.client.widgets.PresenceDot;

/**
 * The conversation window: one tab per conversation (Ctrl+Tab and Ctrl+Shift+Tab move between them, Ctrl+W closes
 * one), each titled with the peer's name or the session's subject, a presence dot and the unread count.
 */
final class ConversationWindow implements FocusedConversation {
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Consumer<ConversationViewModel> onClosed;

    ConversationWindow(Appearance appearance, Consumer<ConversationViewModel> onClosed) {
        this.onClosed = onClosed;
        tabs.getStyleClass().add("conversation-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Scene scene = new Scene(tabs, 760, 620);
        appearance.attach(scene);
        scene.getStylesheets().add(ConversationWindow.class.getResource("conversation.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), this::closeSelected);
        // Ctrl+Tab / Ctrl+Shift+Tab switch tabs from anywhere, the compose box included.
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && e.isControlDown() && !tabs.getTabs().isEmpty()) {
                int n = tabs.getTabs().size();
                int i = tabs.getSelectionModel().getSelectedIndex();
                tabs.getSelectionModel().select(Math.floorMod(i + (e.isShiftDown() ? -1 : 1), n));
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(620);
        stage.setMinHeight(420);
        stage.setUserData(this);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            return (t == null ? "Conversations" : vmOf(t).titleProperty().get()) + " — Parley";
        }, tabs.getSelectionModel().selectedItemProperty()));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            refreshActive();
            if (b != null) {
                ((ConversationView) b.getProperties().get(ConversationView.class)).focusCompose();
            }
        });
        stage.focusedProperty().addListener((o, a, b) -> refreshActive());
    }

    Stage stage() {
        return stage;
    }

    TabPane tabs() {
        return tabs;
    }

    void add(ConversationViewModel vm, ConversationView view, boolean select) {
        Tab tab = new Tab();
        tab.setContent(view.root());
        tab.getProperties().put(ConversationViewModel.class, vm);
        tab.getProperties().put(ConversationView.class, view);
        PresenceDot dot = new PresenceDot();
        if (vm.isSession()) {
            dot.setVisible(false);
            dot.setManaged(false);
        }
        vm.presenceProperty().addListener((o, a, b) -> dot.setAvailability(b.availability()));
        dot.setAvailability(vm.presenceProperty().get().availability());
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("tab-title");
        Label unread = new Label();
        unread.getStyleClass().add("unread-badge");
        unread.textProperty().bind(vm.unreadProperty().asString());
        unread.visibleProperty().bind(vm.unreadProperty().greaterThan(0));
        unread.managedProperty().bind(unread.visibleProperty());
        HBox graphic = new HBox(6, dot, title, unread);
        graphic.setAlignment(Pos.CENTER_LEFT);
        tab.setGraphic(graphic);
        tab.setOnClosed(e -> onClosed.accept(vm));
        vm.unreadProperty().addListener((o, a, b) -> {
            if (b.intValue() > 0) {
                if (!tab.getStyleClass().contains("tab-unread")) {
                    tab.getStyleClass().add("tab-unread");
                }
            } else {
                tab.getStyleClass().remove("tab-unread");
            }
        });
        tabs.getTabs().add(tab);
        if (select || tabs.getTabs().size() == 1) {
            tabs.getSelectionModel().select(tab);
        }
        refreshActive();
    }

    Tab tabOf(ConversationViewModel vm) {
        return tabs.getTabs().stream().filter(t -> vmOf(t) == vm).findFirst().orElse(null);
    }

    void select(ConversationViewModel vm) {
        Tab t = tabOf(vm);
        if (t != null) {
            tabs.getSelectionModel().select(t);
        }
    }

    /** Shows the window; brings it to the front only when asked (an incoming message does not steal focus). */
    void show(boolean focus) {
        if (!stage.isShowing()) {
            if (!focus) {
                stage.setIconified(true);
            }
            stage.show();
        }
        if (focus) {
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        }
    }

    void closeSelected() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null) {
            tabs.getTabs().remove(t);
            onClosed.accept(vmOf(t));
        }
        if (tabs.getTabs().isEmpty()) {
            stage.hide();
        }
    }

    void remove(ConversationViewModel vm) {
        Tab t = tabOf(vm);
        if (t != null) {
            tabs.getTabs().remove(t);
        }
        if (tabs.getTabs().isEmpty()) {
            stage.hide();
        }
    }

    void close() {
        stage.close();
    }

    private void refreshActive() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        for (Tab t : tabs.getTabs()) {
            vmOf(t).activeProperty().set(stage.isFocused() && t == selected);
        }
    }

    private static ConversationViewModel vmOf(Tab t) {
        return (ConversationViewModel) t.getProperties().get(ConversationViewModel.class);
    }

    @Override
    public boolean isFocused(String peerOrSession) {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return stage.isFocused() && !stage.isIconified() && t != null && vmOf(t).matches(peerOrSession);
    }
}
