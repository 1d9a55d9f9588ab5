package org.parley.client.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.history.CallLogViewModel.CallItem;
import org.parley.core.client.HistoryService.CallRecord.Outcome;
import org.parley.core.client.TelephonyService.Direction;

/** The call log's table and its "Call back" action, bound to a {@link CallLogViewModel}. */
final class CallLogView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);

    private final VBox root;

    CallLogView(CallLogViewModel vm, ZoneId zone) {
        Objects.requireNonNull(vm, "vm");
        TableView<CallItem> table = new TableView<>(vm.calls());
        table.setId("callLog");
        table.getStyleClass().addAll("history-calls", Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setAccessibleText("Calls");
        Label empty = new Label("No calls to show");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        TableColumn<CallItem, CallItem> kind = column("", 44, null);
        kind.setCellFactory(c -> new KindCell());
        kind.setSortable(false);
        table.getColumns().add(kind);
        table.getColumns().add(column("Who", 220, CallItem::name));
        table.getColumns().add(column("What", 110, CallItem::what));
        table.getColumns().add(column("Time", 150, c -> c.started() == null ? "" : WHEN.format(c.started().atZone(zone))));
        table.getColumns().add(column("Duration", 90, CallItem::durationText));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.callBack(vm.selectedProperty().get());
            }
        });

        Label title = new Label("Calls");
        title.getStyleClass().add(Styles.TITLE_4);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        Button call = new Button("_Call back", new FontIcon(Feather.PHONE_CALL));
        call.setId("callBack");
        call.disableProperty().bind(vm.selectedProperty().isNull());
        call.setOnAction(e -> vm.callBack(vm.selectedProperty().get()));
        HBox header = new HBox(12, title, call);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 10, 12));
        header.getStyleClass().add("history-header");
        root = new VBox(header, table);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    Parent root() {
        return root;
    }

    private static TableColumn<CallItem, CallItem> column(String title, double width, Function<CallItem, String> text) {
        TableColumn<CallItem, CallItem> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new SimpleObjectProperty<>(f.getValue()));
        c.setPrefWidth(width);
        c.setReorderable(false);
        if (text != null) {
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(CallItem item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : text.apply(item));
                }
            });
        }
        return c;
    }

    private static final class KindCell extends TableCell<CallItem, CallItem> {
        @Override
        protected void updateItem(CallItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Feather glyph = switch (item.outcome()) {
                case MISSED -> Feather.PHONE_MISSED;
                case FORWARDED -> Feather.PHONE_FORWARDED;
                case DECLINED, FAILED -> Feather.PHONE_OFF;
                default -> item.direction() == Direction.INCOMING ? Feather.PHONE_INCOMING : Feather.PHONE_OUTGOING;
            };
            FontIcon icon = new FontIcon(glyph);
            icon.getStyleClass().add(item.outcome() == Outcome.MISSED ? "history-call-missed"
                    : item.direction() == Direction.INCOMING ? "history-kind-in" : "history-kind-out");
            setGraphic(icon);
            setAlignment(Pos.CENTER);
            String what = item.what() + (item.detail() == null || item.detail().isBlank() ? "" : " (" + item.detail() + ")");
            setTooltip(new Tooltip(what));
            setAccessibleText(what);
        }
    }
}
