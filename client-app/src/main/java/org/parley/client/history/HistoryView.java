package org.parley.client.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.history.HistoryViewModel.ConversationItem;
import org.parley.client.history.HistoryViewModel.KindFilter;
import org.parley.client.history.HistoryViewModel.MessageItem;
import org.parley.client.widgets.Avatar;

/** The history browser's controls, bound to a {@link HistoryViewModel}; opening a conversation is the caller's. */
final class HistoryView {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final HistoryViewModel vm;
    private final Consumer<String> openConversation;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final TextField participant = new TextField();
    private ListView<ConversationItem> conversations;
    private final Label status = new Label();
    private SplitPane split;

    HistoryView(HistoryViewModel vm, Consumer<String> openConversation, ZoneId zone) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.openConversation = Objects.requireNonNull(openConversation, "openConversation");
        this.zone = Objects.requireNonNull(zone, "zone");
        build();
    }

    Parent root() {
        return root;
    }

    /** Where the keyboard starts: the conversations, or the search when there are none. */
    void focusStart() {
        if (conversations == null || conversations.getItems().isEmpty()) {
            participant.requestFocus();
        } else {
            conversations.requestFocus();
        }
    }

    /** Ctrl+F (Cmd+F): to the participant field. */
    void focusSearch() {
        participant.requestFocus();
        participant.selectAll();
    }

    private void build() {
        root.getStyleClass().add("history");
        root.setTop(searchBar());
        SplitPane split = new SplitPane(conversationList(), messagePane());
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
        this.split = split;
        Label status = this.status;
        status.textProperty().bind(Bindings.when(vm.errorProperty().isNotNull()).then(vm.errorProperty())
                .otherwise(vm.statusProperty()));
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(status);
        bar.getStyleClass().add("history-status");
        bar.setPadding(new Insets(6, 12, 6, 12));
        root.setBottom(bar);
    }

    /** While the kind is "Calls", the call log takes the place of the conversations and messages, and its status line. */
    void showCallLog(CallLogViewModel calls, Parent callLog) {
        javafx.beans.binding.BooleanBinding on = vm.kindProperty().isEqualTo(KindFilter.CALLS);
        on.addListener((obs, was, now) -> root.setCenter(now ? callLog : split));
        status.textProperty().bind(Bindings.when(on).then(Bindings.when(calls.errorProperty().isNotNull())
                .then(calls.errorProperty()).otherwise(calls.statusProperty()))
                .otherwise(Bindings.when(vm.errorProperty().isNotNull()).then(vm.errorProperty())
                        .otherwise(vm.statusProperty())));
        root.getProperties().put("callLogWhen", on); // kept: the listener's binding must not be collected
    }

    private Region searchBar() {
        participant.setPromptText("Participant");
        participant.textProperty().bindBidirectional(vm.participantProperty());
        participant.setAccessibleText("Participant: name or address");
        participant.setPrefColumnCount(12);
        DatePicker from = datePicker("From", "From date");
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        DatePicker to = datePicker("To", "To date (inclusive)");
        to.valueProperty().bindBidirectional(vm.toDateProperty());
        TextField text = new TextField();
        text.setPromptText("Text contains");
        text.setAccessibleText("Text contains");
        text.setPrefColumnCount(12);
        text.textProperty().bindBidirectional(vm.textProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox.setHgrow(participant, Priority.SOMETIMES);
        ComboBox<KindFilter> kind = new ComboBox<>();
        kind.getItems().setAll(KindFilter.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setAccessibleText("Kind");
        kind.setId("historyKind");
        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clear.setAccessibleText("Clear the search");
        clear.setTooltip(new Tooltip("Clear the search"));
        clear.setOnAction(e -> vm.clearFilters());
        FontIcon search = new FontIcon(Feather.SEARCH);
        search.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, search, participant, from, to, text, kind, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("history-search");
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private static DatePicker datePicker(String prompt, String accessible) {
        DatePicker p = new DatePicker();
        p.setPromptText(prompt);
        p.setAccessibleText(accessible);
        p.setPrefWidth(130);
        p.setMinWidth(Region.USE_PREF_SIZE);
        p.setShowWeekNumbers(false);
        return p;
    }

    private Region conversationList() {
        ListView<ConversationItem> list = new ListView<>(vm.conversations());
        conversations = list;
        list.getStyleClass().addAll("history-conversations", Tweaks.EDGE_TO_EDGE);
        list.setAccessibleText("Conversations");
        list.setCellFactory(v -> new ConversationCell());
        list.setPlaceholder(placeholder("No conversations"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
                list.scrollTo(now);
            }
        });
        list.setOnMouseClicked(e -> {
            ConversationItem c = list.getSelectionModel().getSelectedItem();
            if (c != null && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openConversation.accept(c.peer());
            }
        });
        list.setOnKeyPressed(e -> {
            ConversationItem c = list.getSelectionModel().getSelectedItem();
            if (c != null && e.getCode() == KeyCode.ENTER) {
                openConversation.accept(c.peer());
            }
        });
        list.setMinWidth(240);
        return list;
    }

    private Region messagePane() {
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? "Choose a conversation" : vm.selectedProperty().get().name(), vm.selectedProperty()));
        Label peer = new Label();
        peer.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        peer.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : vm.selectedProperty().get().peer().replaceFirst("^sips?:", ""), vm.selectedProperty()));
        VBox titles = new VBox(2, title, peer);
        HBox.setHgrow(titles, Priority.ALWAYS);
        Button open = new Button("_Open conversation", new FontIcon(Feather.MESSAGE_SQUARE));
        open.disableProperty().bind(vm.selectedProperty().isNull());
        open.setOnAction(e -> openConversation.accept(vm.selectedProperty().get().peer()));
        HBox header = new HBox(12, titles, open);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 10, 12));
        header.getStyleClass().add("history-header");

        TableView<MessageItem> table = new TableView<>(vm.messages());
        table.getStyleClass().addAll("history-messages", Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setAccessibleText("Messages");
        // the message column takes what the others leave; the time and sender columns grow to fit their text
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(placeholder("No messages to show"));
        TableColumn<MessageItem, MessageItem> kind = column("", 44);
        kind.setCellFactory(c -> new KindCell());
        kind.setSortable(false);
        TableColumn<MessageItem, MessageItem> when = column("Time", 130);
        when.setCellFactory(c -> textCell(m -> shortTime(m.at()), false, false));
        TableColumn<MessageItem, MessageItem> from = column("From", 110);
        from.setCellFactory(c -> textCell(MessageItem::fromName, false, true));
        TableColumn<MessageItem, MessageItem> message = column("Message", 300);
        message.setCellFactory(c -> textCell(MessageItem::text, true, false));
        table.getColumns().add(kind);
        table.getColumns().add(when);
        table.getColumns().add(from);
        table.getColumns().add(message);
        message.prefWidthProperty().bind(Bindings.max(200, table.widthProperty().subtract(kind.widthProperty())
                .subtract(when.widthProperty()).subtract(from.widthProperty()).subtract(16)));
        VBox pane = new VBox(header, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return pane;
    }

    private static TableColumn<MessageItem, MessageItem> column(String title, double width) {
        TableColumn<MessageItem, MessageItem> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new javafx.beans.property.SimpleObjectProperty<>(f.getValue()));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 44));
        c.setReorderable(false);
        return c;
    }

    /** Wrapping cells show the whole text; the others widen their column to fit it at the current font size. */
    private static TableCell<MessageItem, MessageItem> textCell(java.util.function.Function<MessageItem, String> text,
                                                                boolean wrap, boolean boldWhenOutgoing) {
        return new TableCell<>() {
            private final Text t = new Text();

            {
                t.getStyleClass().add("history-cell-text");
                if (wrap) {
                    t.wrappingWidthProperty().bind(widthProperty().subtract(16));
                } else {
                    fontProperty().addListener((obs, old, now) -> fitColumn());
                }
            }

            @Override
            protected void updateItem(MessageItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("history-outgoing");
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                } else if (wrap) {
                    t.setText(text.apply(item));
                    setGraphic(t);
                    setText(null);
                } else {
                    setText(text.apply(item));
                    setGraphic(null);
                    if (boldWhenOutgoing && item.outgoing()) {
                        getStyleClass().add("history-outgoing");
                    }
                    fitColumn();
                }
            }

            private void fitColumn() {
                if (getText() == null || getTableColumn() == null) {
                    return;
                }
                Text measure = new Text(getText());
                measure.setFont(getFont());
                double need = Math.ceil(measure.getLayoutBounds().getWidth() * (boldWhenOutgoing ? 1.1 : 1.0))
                        + snappedLeftInset() + snappedRightInset() + 12;
                if (getTableColumn().getPrefWidth() < need) {
                    getTableColumn().setPrefWidth(need);
                }
            }
        };
    }

    private static final class KindCell extends TableCell<MessageItem, MessageItem> {
        @Override
        protected void updateItem(MessageItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
            } else {
                FontIcon icon = new FontIcon(item.outgoing() ? Feather.ARROW_UP_RIGHT : Feather.ARROW_DOWN_LEFT);
                icon.getStyleClass().add(item.outgoing() ? "history-kind-out" : "history-kind-in");
                setGraphic(icon);
                setAlignment(Pos.CENTER);
                String what = item.kind().label() + (item.outgoing() ? " sent" : " received");
                setTooltip(new Tooltip(what + deliveryNote(item)));
                setAccessibleText(what);
            }
        }

        private static String deliveryNote(MessageItem m) {
            return switch (m.delivery()) {
                case FAILED -> " (not delivered)";
                case STORED -> " (stored for later delivery)";
                case RECEIVED_OFFLINE -> " (while you were offline)";
                case MISSED -> " (missed)";
                default -> "";
            };
        }
    }

    private final class ConversationCell extends ListCell<ConversationItem> {
        private final Avatar avatar = new Avatar(34);
        private final Label name = new Label();
        private final Label when = new Label();
        private final Label last = new Label();
        private final Label count = new Label();
        private final HBox box;

        ConversationCell() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(0);
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            when.setMinWidth(Region.USE_PREF_SIZE);
            last.getStyleClass().addAll(Styles.TEXT_MUTED);
            last.setMinWidth(0);
            count.getStyleClass().addAll("history-count", Styles.TEXT_SMALL);
            count.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox top = new HBox(6, name, gap, when);
            top.setAlignment(Pos.BASELINE_LEFT);
            Region gap2 = new Region();
            HBox.setHgrow(gap2, Priority.ALWAYS);
            HBox bottom = new HBox(6, last, gap2, count);
            bottom.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(2, top, bottom);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(10, avatar, text);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(6, 10, 6, 10));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ConversationItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            avatar.setName(item.name());
            name.setText(item.name());
            when.setText(listTime(item.lastAt()));
            last.setText(item.lastText());
            count.setText(Integer.toString(item.count()));
            setText(null);
            setGraphic(box);
            setAccessibleText(item.name() + ", " + item.count() + " messages, last " + listTime(item.lastAt()));
        }
    }

    private String listTime(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return day.equals(LocalDate.now(zone)) ? TIME.format(at.atZone(zone)) : DAY.format(at.atZone(zone));
    }

    private String shortTime(Instant at) {
        return DAY_TIME.format(at.atZone(zone));
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
