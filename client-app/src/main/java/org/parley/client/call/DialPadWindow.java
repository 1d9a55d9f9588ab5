package org.parley.client.call;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.parley.client.settings.Appearance;

/** The dial pad's own small window; Esc closes it, and so does placing a call. */
public final class DialPadWindow {
    private final Stage stage = new Stage();
    private final DialPadView view;

    DialPadWindow(DialPadViewModel vm, Appearance appearance) {
        view = new DialPadView(vm, () -> {
            vm.targetProperty().set("");
            vm.subjectProperty().set("");
            vm.highPriorityProperty().set(false);
            stage.close();
        });
        Scene scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 280, -1);
        appearance.attach(scene);
        scene.getStylesheets().add(DialPadWindow.class.getResource("call.css").toExternalForm());
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Dial pad");
        stage.setResizable(false);
    }

    public Stage stage() {
        return stage;
    }

    void show() {
        stage.show();
        stage.toFront();
        view.focus();
    }
}
