package org.parley.client.alerts;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.util.Duration;
import org.parley.client.settings.Appearance;

/**
 * Shows the view model's visible alerts as toasts stacked upwards from the bottom-right corner of the primary
 * screen; each fades in, stays about six seconds (longer while the pointer is on it) and fades out.
 */
final class ToastStack {
    static final Duration SHOWN = Duration.seconds(6);
    private static final double GAP = 8;
    private static final double MARGIN = 16;

    private final AlertsViewModel vm;
    private final Appearance appearance;
    private final java.util.function.Consumer<Alert> open;
    private final List<ToastView> shown = new ArrayList<>();

    ToastStack(AlertsViewModel vm, Appearance appearance, java.util.function.Consumer<Alert> open) {
        this.vm = vm;
        this.appearance = appearance;
        this.open = open;
        vm.visible().addListener((ListChangeListener<Alert>) c -> sync());
    }

    List<ToastView> shown() {
        return shown;
    }

    private void sync() {
        for (ToastView t : List.copyOf(shown)) {
            if (!vm.visible().contains(t.alert())) {
                shown.remove(t);
                t.stage().hide();
            }
        }
        for (Alert a : vm.visible()) {
            if (shown.stream().noneMatch(t -> t.alert() == a)) {
                shown.add(show(a));
            }
        }
        layout();
    }

    private ToastView show(Alert a) {
        ToastView t = new ToastView(a, appearance, () -> {
            vm.dismiss(a);
            open.accept(a);
        }, () -> vm.dismiss(a));
        t.stage().setOpacity(0);
        t.stage().show();
        FadeTransition in = new FadeTransition(Duration.millis(180), t.stage().getScene().getRoot());
        in.setFromValue(0);
        in.setToValue(1);
        t.stage().setOpacity(1);
        in.play();
        PauseTransition life = new PauseTransition(SHOWN);
        life.setOnFinished(e -> {
            if (t.stage().getScene().getRoot().isHover()) {
                life.playFromStart();
                return;
            }
            FadeTransition out = new FadeTransition(Duration.millis(250), t.stage().getScene().getRoot());
            out.setToValue(0);
            out.setOnFinished(x -> vm.dismiss(a));
            out.play();
        });
        life.play();
        return t;
    }

    private void layout() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double bottom = screen.getMaxY() - MARGIN;
        for (int i = shown.size() - 1; i >= 0; i--) {
            ToastView t = shown.get(i);
            t.stage().sizeToScene();
            double w = t.stage().getWidth();
            double h = t.stage().getHeight();
            t.stage().setX(screen.getMaxX() - MARGIN - w);
            t.stage().setY(bottom - h);
            bottom -= h + GAP;
        }
    }

    void close() {
        shown.forEach(t -> t.stage().hide());
        shown.clear();
    }
}
