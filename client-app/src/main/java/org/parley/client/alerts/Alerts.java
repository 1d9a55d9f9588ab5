package org.parley.client.alerts;

import java.util.Objects;
import java.util.Optional;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.parley.client.conversation.CorePort;
import org.parley.client.conversation.FocusedConversation;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Navigator;
import org.parley.client.shell.Session;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.MessagingService;
import org.parley.core.client.PresenceService;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactCard;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceInfo;

/**
 * Entry point of the alerts (built by the composition root): listens to messages, file offers and tagged contacts of
 * the signed-in client and raises toasts as {@link AlertsViewModel} decides; a click opens the conversation through
 * the {@link Navigator}. Whether another application is full screen cannot be known portably from Java, so
 * mini-alerts follow our own full-screen windows and the user's own "In a meeting" state.
 */
public final class Alerts {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Alerts.class);
    private final Session session;
    private final SettingsStore settings;
    private final CorePort names;
    private final AlertsViewModel vm;
    private final ToastStack toasts;
    private final AlertSound sound = new AlertSound();
    private boolean closed;

    public Alerts(Session session, Navigator navigator, SettingsStore settings, Appearance appearance) {
        this.session = Objects.requireNonNull(session, "session");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(navigator, "navigator");
        this.names = new CorePort(session, settings);
        this.vm = new AlertsViewModel(new Port(), Alerts::conversationFocused, Alerts::ourWindowFullScreen);
        this.toasts = new ToastStack(vm, appearance, a -> navigator.openConversation(a.conversation()));
        session.client().presence().addListener(new PresenceService.PresenceListener() {
            @Override
            public void onPresence(String uri, PresenceInfo presence, ContactCard card) {
                names.onPresence(uri, presence, card);
            }

            @Override
            public void onTaggedContactChanged(String uri, PresenceInfo presence) {
                raised(vm.onTaggedContactChanged(uri, presence));
            }
        });
        session.client().messaging().addListener(new MessagingService.MessageListener() {
            @Override
            public void onMessage(InstantMessage message) {
                raised(vm.onMessage(message));
            }
        });
        try {
            session.client().delegation().addAnsweredByListener((caller, delegate) ->
                    raised(vm.onAnsweredBy(caller, delegate)));
        } catch (RuntimeException e) {
            LOG.debug("no delegation notices on this client: {}", e.getMessage());
        }
        FileTransferService files = names.files();
        if (files != null) {
            files.addListener(t -> raised(vm.onTransfer(t)));
        }
    }

    AlertsViewModel viewModel() {
        return vm;
    }

    ToastStack toasts() {
        return toasts;
    }

    /** Hides every toast and stops raising new ones (sign-out). */
    public void close() {
        closed = true;
        vm.dismissAll();
        toasts.close();
        sound.close();
    }

    private void raised(Optional<Alert> alert) {
        if (closed) {
            alert.ifPresent(vm::dismiss);
            return;
        }
        alert.filter(vm::withSound).ifPresent(a -> sound.play());
    }

    static boolean conversationFocused(String key) {
        return Window.getWindows().stream().anyMatch(w -> w.getUserData() instanceof FocusedConversation f
                && f.isFocused(key));
    }

    static boolean ourWindowFullScreen() {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing() && s.isFullScreen());
    }

    private final class Port implements AlertsPort {
        @Override
        public String self() {
            return session.aor();
        }

        @Override
        public PresenceInfo own() {
            return session.client().presence().own();
        }

        @Override
        public AccessLevel levelOf(String uri) {
            return session.client().contacts().current().contact(uri).map(c -> c.effectiveLevel()).orElse(null);
        }

        @Override
        public String name(String uri) {
            return names.name(uri);
        }

        @Override
        public String title(String uri) {
            return names.title(uri);
        }

        @Override
        public boolean soundsEnabled() {
            return settings.load().sounds();
        }
    }
}
