package org.parley.client.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.client.settings.Appearance;
import org.parley.client.testing.Snapshots;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Full and mini toasts laid out: nothing clipped, Esc dismisses. */
@ExtendWith(ApplicationExtension.class)
class ToastViewTest {
    private final boolean[] dismissed = new boolean[1];
    private ToastView full;
    private ToastView mini;

    @Start
    void start(Stage stage) {
        Appearance appearance = new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13);
        full = new ToastView(new Alert(Alert.Kind.MESSAGE, "sip:bob@parley.test", "sip:bob@parley.test",
                "Bob Baker", "Senior Engineer, Platform", "Quarterly numbers",
                "Can you look at the draft before the call this afternoon?", true, false), appearance,
                () -> { }, () -> dismissed[0] = true);
        mini = new ToastView(new Alert(Alert.Kind.PRESENCE, "sip:carol@parley.test", "sip:carol@parley.test",
                "Carol Cole", null, null, "is now Available", false, true), appearance, () -> { }, () -> { });
        full.stage().show();
        mini.stage().show();
        mini.stage().setY(full.stage().getY() + full.stage().getHeight() + 8);
    }

    @Test
    void textFitsAndEscapeDismisses(FxRobot robot) throws Exception {
        for (Label l : robot.lookup(".toast .label").queryAllAs(Label.class)) {
            if (!l.isWrapText()) {
                assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
            }
        }
        Snapshots.save(full.stage().getScene(), "toast-light-13px");
        Snapshots.save(mini.stage().getScene(), "toast-mini-light-13px");
        robot.interact(() -> full.stage().requestFocus());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(dismissed[0]).isTrue();
    }
}
