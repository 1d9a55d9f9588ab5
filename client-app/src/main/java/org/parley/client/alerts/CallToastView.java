package org.parley.client.alerts;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.client.settings.Appearance;
import org.parley.client.widgets.Avatar;

/**
 * The toast of one ringing call: caller, title, subject (high priority marked), and Answer, Decline, Redirect (to
 * voicemail, or to a typed number or user) and Reply with IM, each a button with a mnemonic; Enter answers and Esc
 * declines once it has focus (Ctrl+Shift+A in the main window gives it focus). It stays until the call stops
 * ringing.
 */
final class CallToastView {
    static final double WIDTH = 360;

    private final Stage stage = new Stage();
    private CallToastViewModel.Ringing call;
    private final Avatar avatar = new Avatar(40);
    private final Label name = new Label();
    private final Label title = new Label();
    private final Button answer = new Button("_Answer", new FontIcon(Feather.PHONE_CALL));

    CallToastView(CallToastViewModel vm, CallToastViewModel.Ringing call, Appearance appearance) {
        this.call = call;
        stage.initStyle(StageStyle.TRANSPARENT);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);

        name.getStyleClass().add("toast-name");
        name.setId("callToastName");
        title.setId("callToastTitle");
        title.getStyleClass().add("toast-title");
        title.visibleProperty().bind(title.textProperty().isNotEmpty());
        title.managedProperty().bind(title.visibleProperty());
        Label what = new Label(call.highPriority() ? "! Urgent call" : "Incoming call");
        what.getStyleClass().add("call-toast-what");
        VBox text = new VBox(2, what, name, title);
        show(call);
        if (call.subject() != null) {
            Label subject = new Label((call.highPriority() ? "! " : "") + call.subject());
            subject.setId("callToastSubject");
            subject.getStyleClass().add("toast-subject");
            subject.setWrapText(true);
            text.getChildren().add(subject);
        }
        if (call.forManager() != null) {
            Label manager = new Label(call.forManager());
            manager.setId("callToastForManager");
            manager.getStyleClass().add("toast-subject");
            text.getChildren().add(manager);
        }
        if (call.referredBy() != null || call.forwarded()) {
            Label via = new Label(call.referredBy() != null ? "Transferred by "
                    + org.parley.client.call.PeerNames.address(call.referredBy()) : "Forwarded call");
            via.getStyleClass().add("toast-title");
            text.getChildren().add(via);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox who = new HBox(12, avatar, text);
        who.setAlignment(Pos.TOP_LEFT);

        answer.setId("callAnswer");
        answer.getStyleClass().add("success");
        answer.setDefaultButton(true);
        answer.setOnAction(e -> vm.answer(this.call));
        Button decline = new Button("_Decline", new FontIcon(Feather.PHONE_OFF));
        decline.setId("callDecline");
        decline.getStyleClass().add("danger");
        decline.setCancelButton(true);
        decline.setOnAction(e -> vm.decline(this.call));
        TextField elsewhere = new TextField();
        elsewhere.setId("redirectTarget");
        elsewhere.setPromptText("Number or user");
        elsewhere.setAccessibleText("Redirect to number or user");
        HBox.setHgrow(elsewhere, Priority.ALWAYS);
        Button send = new Button("Send");
        send.setId("redirectSend");
        send.setOnAction(e -> vm.redirect(this.call, elsewhere.getText()));
        elsewhere.setOnAction(e -> vm.redirect(this.call, elsewhere.getText()));
        Label error = new Label();
        error.getStyleClass().add("call-toast-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        HBox redirectLine = new HBox(6, elsewhere, send);
        redirectLine.setVisible(false);
        redirectLine.managedProperty().bind(redirectLine.visibleProperty());
        MenuButton redirect = new MenuButton("_Redirect", new FontIcon(Feather.CORNER_UP_RIGHT));
        redirect.setId("callRedirect");
        MenuItem voicemail = new MenuItem("To my _voicemail");
        voicemail.setId("redirectVoicemail");
        voicemail.setOnAction(e -> vm.toVoicemail(this.call));
        MenuItem other = new MenuItem("To a _number or user…");
        other.setId("redirectOther");
        other.setOnAction(e -> {
            redirectLine.setVisible(true);
            stage.sizeToScene();
            elsewhere.requestFocus();
        });
        redirect.getItems().addAll(voicemail, other);
        Button reply = new Button("Reply with _IM", new FontIcon(Feather.MESSAGE_SQUARE));
        reply.setId("callReplyIm");
        reply.setOnAction(e -> vm.replyWithIm(this.call));
        FlowPane buttons = new FlowPane(6, 6, answer, decline, redirect, reply);

        VBox root = new VBox(10, who, buttons, redirectLine, error);
        root.getStyleClass().addAll("toast", "toast-full", "call-toast");
        if (call.highPriority()) {
            root.getStyleClass().add("toast-urgent");
        }
        root.setPrefWidth(WIDTH);
        root.setMaxWidth(WIDTH);
        root.setAccessibleRole(AccessibleRole.DIALOG);
        root.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("Incoming call from ",
                name.textProperty(), call.subject() == null ? "" : ", subject " + call.subject()));
        StackPane shadowRoom = new StackPane(root);
        shadowRoom.getStyleClass().add("toast-shadow-room");
        Scene scene = new Scene(shadowRoom);
        scene.setFill(Color.TRANSPARENT);
        appearance.attach(scene);
        scene.getStylesheets().add(CallToastView.class.getResource("alerts.css").toExternalForm());
        stage.setScene(scene);
    }

    Stage stage() {
        return stage;
    }

    CallToastViewModel.Ringing call() {
        return call;
    }

    /** The same call with a better name or a title (from the directory). */
    void update(CallToastViewModel.Ringing newer) {
        call = newer;
        show(newer);
        stage.sizeToScene();
    }

    private void show(CallToastViewModel.Ringing r) {
        avatar.setName(r.name());
        name.setText(r.name());
        title.setText(r.title() == null ? "" : r.title());
        stage.setTitle("Parley: call from " + r.name());
    }

    /** Keyboard users reach the toast's buttons once it has focus; Answer is the first. */
    void focus() {
        answer.requestFocus();
    }
}
