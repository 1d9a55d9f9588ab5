package org.parley.attendant.console;

import java.time.Duration;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.parley.attendant.conference.ConferenceViewModel;
import org.parley.attendant.consult.ImConsultViewModel;
import org.parley.attendant.contacts.ContactRow;
import org.parley.attendant.contacts.ContactsViewModel;
import org.parley.attendant.notes.NotesViewModel;
import org.parley.attendant.queue.QueueItem;
import org.parley.attendant.queue.QueueViewModel;

/**
 * The console's one window: contacts and directory on the left, the conversation queue in the centre, the actions,
 * transfer target, notes and notes history on the right; every action has a key (F1 lists them).
 */
public final class ConsoleView {
    /** Key, action: shown by the help overlay. */
    static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Space", "Answer the call waiting longest"},
            new String[] {"Enter / click", "Make the selected call active (answer or resume; the others are held);"
                    + " with none selected, answer the next"},
            new String[] {"↑ ↓", "Select a call in the queue"},
            new String[] {"H", "Hold the selected call"},
            new String[] {"T", "Transfer the selected call to the target (type a number or pick a contact)"},
            new String[] {"C", "Consult: call the target first"},
            new String[] {"X", "Complete the consultation (transfer; the IM consultation first if one is open)"},
            new String[] {"I", "IM consult: ask the target by IM first (the call is held); Shift+I cancels"},
            new String[] {"V", "Send the selected call to voicemail"},
            new String[] {"E", "End (hang up) the selected call"},
            new String[] {"M", "Merge into a conference: the selected call with the previously active one (and the"
                    + " conference set); into the conference if one of them is one"},
            new String[] {"Shift+M", "Conference the selected call with contacts picked in a dialog"},
            new String[] {"Drag", "A call or contact onto another call (or a conference) conferences them;"
                    + " onto the conference set collects them"},
            new String[] {"Ctrl+Enter", "Start a conference with the conference set"},
            new String[] {"Ctrl+T", "Save the conference set's contacts as a template"},
            new String[] {"Ctrl+1…9", "Start a conference with template 1…9"},
            new String[] {"N", "Write notes for the selected call (Ctrl+S saves)"},
            new String[] {"Ctrl+E", "E-mail the selected call's notes (opens your mail program)"},
            new String[] {"F", "Search the directory"},
            new String[] {"L", "Contacts as list or tiles"},
            new String[] {"F11", "Full screen on / off"},
            new String[] {"F1 / Esc", "Show / hide this help"});

    private final QueueViewModel queue;
    private final ContactsViewModel contacts;
    private final NotesViewModel notes;
    private final ConferenceViewModel conference;
    private final ImConsultViewModel imConsult;
    private final ConferenceDrag drag = new ConferenceDrag();
    private final ConferencePane conferencePane;
    private final StackPane root;
    private final ListView<QueueItem> list;
    private final TextField target = new TextField();
    private NotesPane notesPane;
    private final VBox help;
    private final ContactsPane contactsPane;
    private final Timeline ticker;

    public ConsoleView(QueueViewModel queue, ContactsViewModel contacts, NotesViewModel notes,
                       ConferenceViewModel conference, ImConsultViewModel imConsult, String who) {
        this.queue = queue;
        this.contacts = contacts;
        this.notes = notes;
        this.conference = conference;
        this.imConsult = imConsult;
        this.conferencePane = new ConferencePane(conference, drag);
        list = new ListView<>(queue.items());
        list.setId("queue");
        list.setPlaceholder(new Label("No calls waiting"));
        list.setCellFactory(v -> {
            ListCell<QueueItem> cell = new ListCell<>() {
                private final QueueCard card = new QueueCard(); // this cell's own: re-ordering moves no node

                @Override
                protected void updateItem(QueueItem item, boolean empty) {
                    super.updateItem(item, empty);
                    card.show(empty ? null : item);
                    setGraphic(empty || item == null ? null : card);
                }
            };
            drag.source(cell, () -> cell.getItem() == null ? null : "call:" + cell.getItem().id());
            drag.target(cell, what -> {
                if (cell.getItem() != null) {
                    conference.drop(cell.getItem().id(), what);
                }
            });
            return cell;
        });
        list.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) { // a click, not the end of a drag onto another call
                activateSelected();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showNotes());
        Label queueTitle = new Label("Conversation queue");
        queueTitle.getStyleClass().add("pane-title");
        VBox centre = new VBox(8, queueTitle, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        centre.getStyleClass().add("queue-pane");

        contactsPane = new ContactsPane(contacts, uri -> {
            target.setText(uri);
        });
        contactsPane.setPrefWidth(380);
        drag.contacts(contactsPane, contact -> call -> conference.drop(call.substring("call:".length()), contact));

        BorderPane main = new BorderPane(centre, top(who), actions(), status(), contactsPane);
        main.getStyleClass().add("console");
        help = helpOverlay();
        root = new StackPane(main, help);
        root.getStylesheets().add(ConsoleView.class.getResource("attendant.css").toExternalForm());
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> queue.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Parent root() {
        return root;
    }

    /** Installs the keyboard shortcuts on the window's scene. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public void stop() {
        ticker.stop();
    }

    private HBox top(String who) {
        Label title = new Label("Parley Attendant · " + who);
        title.getStyleClass().add("console-title");
        Spinner<Integer> limit = new Spinner<>(10, 900, (int) queue.holdLimitProperty().get().getSeconds(), 10);
        limit.setId("holdLimit");
        limit.setEditable(true);
        limit.valueProperty().addListener((o, a, b) -> queue.holdLimitProperty().set(Duration.ofSeconds(b)));
        CheckBox sounds = new CheckBox("Sounds");
        sounds.setId("sounds");
        sounds.selectedProperty().bindBidirectional(queue.soundsProperty());
        Button helpButton = new Button("Help (F1)");
        helpButton.setId("helpButton");
        helpButton.setOnAction(e -> help.setVisible(!help.isVisible()));
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(12, title, grow, new Label("Hold alert after (s)"), limit, sounds, helpButton);
        top.getStyleClass().add("console-top");
        return top;
    }

    private VBox actions() {
        FlowPane buttons = new FlowPane(8, 8,
                ActionButton.of("answerButton", "Answer (Space)", queue::answerNext),
                ActionButton.of("activateButton", "Pick up (Enter)", this::activateSelected),
                ActionButton.of("holdButton", "Hold (H)", () -> selected(i -> queue.hold(i.id()))),
                ActionButton.of("transferButton", "Transfer (T)", this::transfer),
                ActionButton.of("consultButton", "Consult (C)", this::consult),
                ActionButton.of("completeButton", "Complete (X)", this::complete),
                ActionButton.of("voicemailButton", "To voicemail (V)", () -> selected(i -> queue.toVoicemail(i.id()))),
                ActionButton.of("hangupButton", "End (E)", () -> selected(i -> queue.hangup(i.id()))));
        buttons.setPrefWrapLength(360);
        target.setId("target");
        target.setPromptText("Transfer / consult target: name, address or number");
        Label hint = new Label();
        hint.setId("hint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        target.textProperty().addListener((o, a, b) -> hint.setText(contacts.transferHint(b)));
        Button offerIm = ActionButton.of("imConsultOffer", "IM consult (I)", this::imConsult);
        offerIm.visibleProperty().bind(hint.textProperty().isNotEmpty());
        offerIm.managedProperty().bind(offerIm.visibleProperty());
        target.setOnAction(e -> transfer());
        notesPane = new NotesPane(notes);
        VBox.setVgrow(notesPane, Priority.ALWAYS);
        notesPane.setMinHeight(0); // on a small screen the notes history shrinks first, not the conference pane
        VBox right = new VBox(8, buttons, target, hint, offerIm, new ImConsultPane(imConsult), conferencePane,
                notesPane);
        right.setPrefWidth(420);
        right.getStyleClass().add("actions-pane");
        return right;
    }

    private Label status() {
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("console-status");
        status.textProperty().bind(queue.statusProperty());
        return status;
    }

    private VBox helpOverlay() {
        VBox box = new VBox(6);
        box.setId("help");
        box.getStyleClass().add("help-overlay");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("pane-title");
        box.getChildren().add(title);
        for (String[] s : SHORTCUTS) {
            Label key = new Label(s[0]);
            key.getStyleClass().add("help-key");
            key.setMinWidth(160);
            box.getChildren().add(new HBox(12, key, new Label(s[1])));
        }
        box.setVisible(false);
        box.setOnMouseClicked(e -> box.setVisible(false));
        return box;
    }


    /** Completes the consultation under way: the IM one if open, else the voice one. */
    private void complete() {
        if (imConsult.activeProperty().get()) {
            imConsult.complete();
        } else {
            queue.complete();
        }
    }

    private QueueItem current() {
        QueueItem s = list.getSelectionModel().getSelectedItem();
        return s != null ? s : queue.active().orElse(null);
    }

    private void selected(java.util.function.Consumer<QueueItem> action) {
        QueueItem i = current();
        if (i != null) {
            action.accept(i);
        }
    }

    private void activateSelected() {
        QueueItem s = list.getSelectionModel().getSelectedItem();
        if (s != null) {
            queue.activate(s.id());
        }
    }

    private void transfer() {
        if (target.getText().isBlank()) {
            target.requestFocus();
            return;
        }
        selected(i -> queue.transfer(i.id(), target.getText()));
    }

    private void consult() {
        if (target.getText().isBlank()) {
            target.requestFocus();
            return;
        }
        selected(i -> queue.consult(i.id(), target.getText()));
    }

    private void imConsult() {
        if (target.getText().isBlank()) {
            target.requestFocus();
            return;
        }
        selected(i -> imConsult.start(i.id(), i.name() == null ? i.call().peer() : i.name(), target.getText()));
    }

    private void showNotes() {
        QueueItem i = current();
        notes.show(i == null ? null : i.call(), i == null ? null : i.name());
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.F1) {
            help.setVisible(!help.isVisible());
        } else if (k == KeyCode.F11 && root.getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        } else if (k == KeyCode.ESCAPE && help.isVisible()) {
            help.setVisible(false);
        } else if (e.isShortcutDown() && k == KeyCode.S) {
            notes.save();
        } else if (e.isShortcutDown() && k == KeyCode.E) {
            notes.email();
        } else if (e.isShortcutDown() && conferenceKey(k)) {
            e.consume();
        } else if (root.getScene().getFocusOwner() instanceof TextInputControl) {
            if (k == KeyCode.ESCAPE) {
                list.requestFocus();
            } else {
                return;
            }
        } else if (!keyAction(k, e.isShiftDown())) {
            return;
        }
        e.consume();
    }

    /** Ctrl+Enter, Ctrl+T, Ctrl+1…9: the conference set and the templates. */
    private boolean conferenceKey(KeyCode k) {
        if (k == KeyCode.ENTER) {
            conference.startPicked();
        } else if (k == KeyCode.T) {
            conferencePane.askTemplateName(root.getScene().getWindow());
        } else if (k.ordinal() >= KeyCode.DIGIT1.ordinal() && k.ordinal() <= KeyCode.DIGIT9.ordinal()) {
            conference.startTemplate(k.ordinal() - KeyCode.DIGIT1.ordinal());
        } else if (k.ordinal() >= KeyCode.NUMPAD1.ordinal() && k.ordinal() <= KeyCode.NUMPAD9.ordinal()) {
            conference.startTemplate(k.ordinal() - KeyCode.NUMPAD1.ordinal());
        } else {
            return false;
        }
        return true;
    }

    /** Shift+M: the selected call (if any) with contacts picked in a dialog. */
    private void conferenceWithPickedContacts() {
        QueueItem call = current();
        ConferencePane.pickContacts(root.getScene().getWindow(), List.copyOf(contacts.rows())).ifPresent(rows -> {
            List<ConferenceViewModel.Pick> with = new java.util.ArrayList<>();
            if (call != null) {
                conference.pickOf("call:" + call.id()).ifPresent(with::add);
            }
            for (ContactRow r : rows) {
                conference.pickOf("contact:" + r.uri()).ifPresent(with::add);
            }
            conference.start(with);
        });
    }

    private boolean keyAction(KeyCode k, boolean shiftDown) {
        switch (k) {
            case SPACE -> queue.answerNext();
            case ENTER -> {
                if (list.getSelectionModel().getSelectedItem() == null) {
                    queue.answerNext();
                } else {
                    activateSelected();
                }
            }
            case H -> selected(i -> queue.hold(i.id()));
            case T -> transfer();
            case C -> consult();
            case X -> complete();
            case I -> {
                if (shiftDown) {
                    imConsult.cancel();
                } else {
                    imConsult();
                }
            }
            case V -> selected(i -> queue.toVoicemail(i.id()));
            case E -> selected(i -> queue.hangup(i.id()));
            case M -> {
                if (shiftDown) {
                    conferenceWithPickedContacts();
                } else {
                    selected(i -> conference.merge(i.id()));
                }
            }
            case N -> notesPane.focusNotes();
            case F -> contactsPane.focusSearch();
            case L -> contacts.tilesProperty().set(!contacts.tilesProperty().get());
            case UP, DOWN -> {
                int at = list.getSelectionModel().getSelectedIndex() + (k == KeyCode.UP ? -1 : 1);
                if (at >= 0 && at < queue.items().size()) {
                    list.getSelectionModel().select(at);
                }
                list.requestFocus();
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
