package org.parley.client.conversation;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.widgets.Avatar;
import org.parley.core.model.PresenceInfo;

/**
 * One conversation's content (a tab of the conversation window): header with the peer or the roster, the messages,
 * the typing line and the compose area. Files and contacts can be dropped on it. Builds and binds; the
 * {@link ConversationViewModel} decides.
 */
public final class ConversationView {
    /** The drag-and-drop format of a contact (its URI), used by the contact list. */
    public static final DataFormat CONTACT = DataFormat.lookupMimeType("application/x-parley-contact") != null
            ? DataFormat.lookupMimeType("application/x-parley-contact")
            : new DataFormat("application/x-parley-contact");

    private final ConversationViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ComposeEditor editor = new ComposeEditor();
    private final ListView<ChatItem> list = new ListView<>();
    private final Consumer<String> onContactDropped;
    private final Runnable onInvite;
    private final Runnable onCall;

    public ConversationView(ConversationViewModel vm, Consumer<String> openLink, DoubleSupplier fontSize,
                            Consumer<String> onContactDropped, Runnable onInvite, Runnable onCall) {
        this.vm = vm;
        this.onCall = onCall;
        this.onContactDropped = onContactDropped;
        this.onInvite = onInvite;
        root.getStyleClass().add("conversation");
        MessageRenderer renderer = new MessageRenderer(openLink);
        list.getStyleClass().add("chat-list");
        list.setItems(vm.items());
        list.setCellFactory(l -> new ChatCell(vm, renderer, openLink, fontSize));
        list.setPlaceholder(new Label(vm.isSession() ? "Say hello to everyone." : "No messages yet."));
        list.setFocusTraversable(true);
        list.setAccessibleText("Messages");
        // Scroll to the newest item now and once more after the next layout pass: a cell's height (wrapped text, a
        // transfer row) is only known once laid out, and the first scroll alone can leave it half below the fold.
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.millis(30));
        settle.setOnFinished(e -> list.scrollTo(vm.items().size() - 1));
        vm.items().addListener((ListChangeListener<ChatItem>) c -> {
            list.scrollTo(vm.items().size() - 1);
            settle.playFromStart();
        });
        root.setTop(header());
        root.setCenter(list);
        root.setBottom(compose());
        if (vm.isSession()) {
            root.setRight(roster());
        }
        root.addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        root.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
    }

    public Node root() {
        return root;
    }

    public void focusCompose() {
        editor.area().requestFocus();
    }

    ComposeEditor editor() {
        return editor;
    }

    private Node header() {
        Avatar avatar = new Avatar(40);
        Label name = new Label();
        name.getStyleClass().add("conversation-title");
        name.textProperty().bind(vm.titleProperty());
        Label state = new Label();
        state.getStyleClass().add("conversation-state");
        VBox text = new VBox(2, name, state);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        if (vm.isSession()) {
            avatar.setName("#");
            state.textProperty().bind(javafx.beans.binding.Bindings.size(vm.roster()).asString("%d participants"));
        } else {
            avatar.setName(vm.titleProperty().get());
            vm.titleProperty().addListener((o, a, b) -> avatar.setName(b));
            vm.presenceProperty().addListener((o, a, b) -> showPresence(b, avatar, state));
            showPresence(vm.presenceProperty().get(), avatar, state);
        }
        Button voice = iconButton(Feather.PHONE, "Voice call", onCall);
        voice.setId("voiceCall");
        voice.getStyleClass().add("media-button");
        voice.setDisable(vm.isSession() || onCall == null);
        HBox actions = new HBox(4, voice, disabledMedia(Feather.VIDEO,
                "Video call"), disabledMedia(Feather.MONITOR, "Share desktop"), iconButton(Feather.USER_PLUS,
                "Invite someone to this conversation", onInvite));
        if (!vm.isSession()) {
            Button file = iconButton(Feather.PAPERCLIP, "Send a file", this::chooseFile);
            file.setDisable(!vm.transfers().available());
            actions.getChildren().add(file);
        }
        actions.setAlignment(Pos.CENTER_RIGHT);
        HBox header = new HBox(12, avatar, text, actions);
        header.getStyleClass().add("conversation-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static void showPresence(PresenceInfo p, Avatar avatar, Label state) {
        avatar.setAvailability(p.availability());
        String label = p.customState() != null ? p.customState() : p.state().label();
        state.setText(p.note() == null || p.note().isBlank() ? label : label + " — " + p.note());
    }

    private Node roster() {
        ListView<String> people = new ListView<>(vm.roster());
        people.getStyleClass().add("roster");
        people.setAccessibleText("Participants");
        people.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            private final org.parley.client.widgets.PresenceDot dot = new org.parley.client.widgets.PresenceDot();

            @Override
            protected void updateItem(String uri, boolean empty) {
                super.updateItem(uri, empty);
                if (empty || uri == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                boolean self = uri.equalsIgnoreCase(vm.port().self());
                setText(self ? "You" : vm.name(uri));
                dot.setAvailability(vm.port().presence(uri).availability());
                dot.setVisible(!self);
                setGraphic(dot);
                setGraphicTextGap(8);
            }
        });
        vm.revision().addListener((o, a, b) -> people.refresh());
        Label title = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.size(vm.roster()).asString("Participants (%d)"));
        title.getStyleClass().add("roster-title");
        VBox box = new VBox(6, title, people);
        VBox.setVgrow(people, Priority.ALWAYS);
        box.getStyleClass().add("roster-pane");
        box.setPrefWidth(190);
        return box;
    }

    private Node compose() {
        Label typing = new Label();
        typing.getStyleClass().add("typing");
        typing.textProperty().bind(vm.typingProperty());
        typing.setMinHeight(Region.USE_PREF_SIZE);

        TextField subject = new TextField();
        subject.setPromptText("Subject");
        subject.setAccessibleText("Subject");
        subject.textProperty().bindBidirectional(vm.subjectProperty());
        HBox.setHgrow(subject, Priority.ALWAYS);
        ToggleButton priority = new ToggleButton("!");
        priority.getStyleClass().add("priority-toggle");
        priority.setAccessibleText("High priority");
        priority.setTooltip(new Tooltip("High priority"));
        priority.selectedProperty().bindBidirectional(vm.highPriorityProperty());
        HBox subjectRow = new HBox(6, subject, priority);
        subjectRow.getStyleClass().add("subject-row");
        subjectRow.setAlignment(Pos.CENTER_LEFT);
        ToggleButton showSubject = new ToggleButton("S_ubject…");
        showSubject.getStyleClass().add("flat");
        showSubject.setAccessibleText("Show the subject and priority");
        subjectRow.visibleProperty().bind(showSubject.selectedProperty());
        subjectRow.managedProperty().bind(showSubject.selectedProperty());
        showSubject.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                subject.requestFocus();
            }
        });

        Button emoticons = iconButton(Feather.SMILE, "Insert an emoticon", null);
        emoticons.setOnAction(e -> EmoticonPicker.show(emoticons, code -> editor.insert(code + " ")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(4, editor.toolbar(), emoticons, spacer, showSubject);
        bar.setAlignment(Pos.CENTER_LEFT);

        Button send = new Button("Send", new FontIcon(Feather.SEND));
        send.getStyleClass().add("accent");
        send.setContentDisplay(ContentDisplay.RIGHT);
        send.setAccessibleText("Send the message");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setOnAction(e -> send());
        editor.setOnSend(this::send);
        editor.setTabTargets(send::requestFocus, showSubject::requestFocus);
        editor.area().setPrefHeight(84);
        editor.area().textProperty().addListener((o, a, b) -> vm.composeChanged(!b.isBlank()));
        HBox.setHgrow(editor.area(), Priority.ALWAYS);
        HBox entry = new HBox(8, editor.area(), send);
        entry.setAlignment(Pos.BOTTOM_RIGHT);
        VBox box = new VBox(6, typing, subjectRow, bar, entry);
        box.getStyleClass().add("compose");
        return box;
    }

    void send() {
        HtmlCodec.Body body = HtmlCodec.toBody(editor.content());
        if (vm.send(body.contentType(), body.text()) != null) {
            editor.clear();
        }
        editor.area().requestFocus();
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Send a file to " + vm.titleProperty().get());
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.sendFile(f.toPath());
        }
    }

    private void dragOver(DragEvent e) {
        Dragboard db = e.getDragboard();
        if ((db.hasFiles() && vm.transfers().available()) || db.hasContent(CONTACT) || contactString(db) != null) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            e.consume();
        }
    }

    private void dropped(DragEvent e) {
        Dragboard db = e.getDragboard();
        boolean done = false;
        if (db.hasFiles() && vm.transfers().available()) {
            List<File> files = db.getFiles();
            files.forEach(f -> vm.sendFile(f.toPath()));
            done = true;
        } else if (db.hasContent(CONTACT) || contactString(db) != null) {
            Object uri = db.hasContent(CONTACT) ? db.getContent(CONTACT) : contactString(db);
            onContactDropped.accept(String.valueOf(uri).trim());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private static String contactString(Dragboard db) {
        if (!db.hasString()) {
            return null;
        }
        String s = db.getString().trim();
        return s.matches("(?i)sips?:[^\\s@]+@[^\\s]+") ? s : null;
    }

    /** Video and desktop sharing: shown now, enabled when they arrive. */
    private static Node disabledMedia(Feather icon, String name) {
        Button b = iconButton(icon, name, null);
        b.setDisable(true);
        b.setTooltip(null);
        b.setAccessibleHelp("Not available yet");
        b.getStyleClass().add("media-button");
        // A disabled control shows no tooltip of its own: the wrapper carries it.
        javafx.scene.layout.StackPane wrap = new javafx.scene.layout.StackPane(b);
        Tooltip.install(wrap, new Tooltip(name + ": not available yet"));
        return wrap;
    }

    static Button iconButton(Feather icon, String name, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("button-icon", "flat");
        b.setAccessibleText(name);
        b.setTooltip(new Tooltip(name));
        if (action != null) {
            b.setOnAction(e -> action.run());
        }
        return b;
    }
}
