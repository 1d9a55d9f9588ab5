package org.parley.client.alerts;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.settings.Appearance;
import org.parley.client.widgets.Avatar;

/**
 * One toast window: undecorated, always on top, with the sender's avatar, name, title, subject and first line (or a
 * single line in mini mode). A click opens the conversation; Esc or the close button dismisses it.
 */
final class ToastView {
    static final double WIDTH = 340;
    static final double MINI_WIDTH = 300;

    private final Stage stage = new Stage();
    private final Alert alert;

    ToastView(Alert alert, Appearance appearance, Runnable open, Runnable dismiss) {
        this.alert = alert;
        stage.initStyle(StageStyle.TRANSPARENT);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        stage.setTitle("Parley: " + alert.name());
        HBox root = alert.mini() ? mini() : full();
        root.getStyleClass().addAll("toast", alert.mini() ? "toast-mini" : "toast-full");
        if (alert.highPriority()) {
            root.getStyleClass().add("toast-urgent");
        }
        root.setAccessibleRole(AccessibleRole.BUTTON);
        root.setAccessibleText(describe());
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll("flat", "button-icon", "toast-close");
        close.setAccessibleText("Dismiss");
        close.setOnAction(e -> dismiss.run());
        close.setFocusTraversable(false);
        root.getChildren().add(close);
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!e.isConsumed()) {
                open.run();
            }
        });
        close.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        javafx.scene.layout.StackPane shadowRoom = new javafx.scene.layout.StackPane(root);
        shadowRoom.getStyleClass().add("toast-shadow-room");
        Scene scene = new Scene(shadowRoom);
        scene.setFill(Color.TRANSPARENT);
        appearance.attach(scene);
        scene.getStylesheets().add(ToastView.class.getResource("alerts.css").toExternalForm());
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                dismiss.run();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                open.run();
            }
        });
        stage.setScene(scene);
    }

    Stage stage() {
        return stage;
    }

    Alert alert() {
        return alert;
    }

    private String describe() {
        return alert.name() + (alert.subject() == null ? "" : ", subject " + alert.subject()) + ": " + alert.text();
    }

    private HBox full() {
        Avatar avatar = new Avatar(40);
        avatar.setName(alert.name());
        Label name = new Label(alert.name());
        name.getStyleClass().add("toast-name");
        VBox text = new VBox(2, name);
        if (alert.title() != null && !alert.title().isBlank()) {
            Label title = new Label(alert.title());
            title.getStyleClass().add("toast-title");
            text.getChildren().add(title);
        }
        if (alert.subject() != null) {
            Label subject = new Label((alert.highPriority() ? "! " : "") + alert.subject());
            subject.getStyleClass().add("toast-subject");
            text.getChildren().add(subject);
        }
        Label body = new Label((alert.highPriority() && alert.subject() == null ? "! " : "") + alert.text());
        body.getStyleClass().add("toast-text");
        body.setWrapText(true);
        body.setMaxHeight(Region.USE_PREF_SIZE);
        text.getChildren().add(body);
        text.setFillWidth(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox root = new HBox(12, avatar, text);
        root.setAlignment(Pos.TOP_LEFT);
        root.setPrefWidth(WIDTH);
        root.setMaxWidth(WIDTH);
        return root;
    }

    private HBox mini() {
        Label line = new Label(alert.name() + (alert.kind() == Alert.Kind.MESSAGE ? ": " : " ") + alert.text());
        line.getStyleClass().add("toast-text");
        line.setMaxWidth(MINI_WIDTH - 60);
        HBox.setHgrow(line, Priority.ALWAYS);
        FontIcon icon = new FontIcon(alert.kind() == Alert.Kind.FILE ? Feather.FILE
                : alert.kind() == Alert.Kind.PRESENCE ? Feather.USER
                : alert.kind() == Alert.Kind.ANSWERED_BY ? Feather.PHONE_FORWARDED : Feather.MESSAGE_SQUARE);
        icon.getStyleClass().add("toast-icon");
        HBox root = new HBox(8, icon, line);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPrefWidth(MINI_WIDTH);
        return root;
    }
}
