package org.parley.client.call;

import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.parley.client.settings.Appearance;

/**
 * The window of one call (its own window, beside the conversation windows: a call to a phone number has no
 * conversation, and a held call stays visible next to the active one). Ticks its view model every second; closing
 * it hangs up a call that is still up; a few seconds after the call ends it closes by itself.
 */
public final class CallWindow {
    static final Duration LINGER = Duration.seconds(4);
    private final Stage stage = new Stage();
    private final CallViewModel vm;
    private final CallView view;
    private final Timeline ticker;

    CallWindow(CallViewModel vm, Appearance appearance, Clock clock) {
        this.vm = vm;
        this.view = new CallView(vm);
        Scene scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 380, -1);
        appearance.attach(scene);
        scene.getStylesheets().add(CallWindow.class.getResource("call.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (view.typed(e.getCharacter(), scene.getFocusOwner())) {
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.titleProperty().bind(vm.nameProperty().concat(" – ").concat(vm.stateTextProperty()));
        stage.setMinWidth(340);
        stage.setUserData(this);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick(clock.instant())));
        ticker.setCycleCount(Animation.INDEFINITE);
        vm.tick(clock.instant());
        ticker.play();
        stage.setOnCloseRequest(e -> vm.hangUp());
        stage.setOnHidden(e -> ticker.stop());
        vm.endedProperty().addListener((o, was, now) -> {
            if (now) {
                ticker.stop();
                vm.tick(clock.instant());
                PauseTransition linger = new PauseTransition(LINGER);
                linger.setOnFinished(x -> stage.close());
                linger.play();
            }
        });
        vm.stateProperty().addListener((o, a, b) -> stage.sizeToScene());
    }

    public Stage stage() {
        return stage;
    }

    public CallViewModel viewModel() {
        return vm;
    }

    void show() {
        if (!stage.isShowing()) {
            stage.show();
            view.focus();
        }
        stage.toFront();
        stage.requestFocus();
    }
}
