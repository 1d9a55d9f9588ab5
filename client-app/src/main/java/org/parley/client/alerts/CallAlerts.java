package org.parley.client.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.util.Duration;
import org.parley.client.call.PeerNames;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Navigator;
import org.parley.client.shell.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incoming-call toasts (built by the shell): one toast window per ringing call, stacked from the top-right
 * corner (message toasts use the bottom-right), and the chime repeated every two seconds while a call rings and
 * sounds are on. Call on the JavaFX application thread.
 */
public final class CallAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(CallAlerts.class);
    static final Duration RING_EVERY = Duration.seconds(2);
    private static final double GAP = 8;
    private static final double MARGIN = 16;

    private final CallToastViewModel vm;
    private final Appearance appearance;
    private final List<CallToastView> shown = new ArrayList<>();
    private final AlertSound sound = new AlertSound();
    private final Timeline ringer;
    private boolean closed;

    public CallAlerts(Session session, Navigator navigator, SettingsStore settings, Appearance appearance,
                      PeerNames names, Executor fx) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(settings, "settings");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.vm = new CallToastViewModel(session.client().telephony(), names, navigator::openConversation,
                () -> settings.load().sounds(), fx);
        ringer = new Timeline(new KeyFrame(Duration.ZERO, e -> ring()), new KeyFrame(RING_EVERY));
        ringer.setCycleCount(Animation.INDEFINITE);
        vm.errorProperty().addListener((o, a, now) -> {
            if (now != null) {
                LOG.warn("{}", now);
            }
        });
        vm.ringing().addListener((ListChangeListener<CallToastViewModel.Ringing>) c -> sync());
        session.client().telephony().addCallListener(c -> {
            if (!closed) {
                vm.onCall(c);
            }
        });
    }

    CallToastViewModel viewModel() {
        return vm;
    }

    private void ring() {
        if (!closed && vm.ringsAloud()) {
            sound.play();
        }
    }

    private void sync() {
        if (closed) {
            return;
        }
        for (CallToastView t : List.copyOf(shown)) {
            if (vm.ringing().stream().noneMatch(r -> r.id().equals(t.call().id()))) {
                shown.remove(t);
                t.stage().hide();
            }
        }
        for (CallToastViewModel.Ringing r : vm.ringing()) {
            Optional<CallToastView> same = shown.stream().filter(t -> t.call().id().equals(r.id())).findFirst();
            if (same.isPresent()) {
                same.get().update(r); // a directory answer: the better name and the title
            } else {
                CallToastView t = new CallToastView(vm, r, appearance);
                shown.add(t);
                t.stage().show();
            }
        }
        layout();
        if (vm.ringing().isEmpty()) {
            ringer.stop();
        } else if (ringer.getStatus() != Animation.Status.RUNNING) {
            ringer.playFromStart();
        }
    }

    private void layout() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double top = screen.getMinY() + MARGIN;
        for (CallToastView t : shown) {
            t.stage().sizeToScene();
            t.stage().setX(screen.getMaxX() - MARGIN - t.stage().getWidth());
            t.stage().setY(top);
            top += t.stage().getHeight() + GAP;
        }
    }

    /** Gives the newest ringing call's toast the keyboard focus (on Answer). */
    public void focusNewest() {
        if (!shown.isEmpty()) {
            CallToastView t = shown.get(shown.size() - 1);
            t.stage().requestFocus();
            t.focus();
        }
    }

    /** Hides the toasts and stops ringing (sign-out). */
    public void close() {
        closed = true;
        ringer.stop();
        shown.forEach(t -> t.stage().hide());
        shown.clear();
        sound.close();
    }
}
