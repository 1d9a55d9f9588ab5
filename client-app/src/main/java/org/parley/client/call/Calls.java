package org.parley.client.call;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.parley.client.contacts.OpenConversations;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Session;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the calls (built by the shell): follows the client's calls, opens a window per call once it is
 * placed or answered (a ringing incoming call is the alerts' toast until then), keeps the contact list's "Current
 * Conversations" told of every call and its state, and opens the dial pad. Call on the JavaFX application thread.
 */
public final class Calls {
    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private final Session session;
    private final Appearance appearance;
    private final OpenConversations open;
    private final PeerNames names;
    private final Executor fx;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CallWindow> windows = new LinkedHashMap<>();
    private DialPadWindow dialPad;
    private boolean closed;

    public Calls(Session session, Appearance appearance, OpenConversations open, PeerNames names, Executor fx) {
        this.session = Objects.requireNonNull(session, "session");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.open = Objects.requireNonNull(open, "open");
        this.names = Objects.requireNonNull(names, "names");
        this.fx = Objects.requireNonNull(fx, "fx");
        telephony().addCallListener(this::onCall);
        telephony().calls().forEach(this::onCall);
    }

    private TelephonyService telephony() {
        return session.client().telephony();
    }

    void onCall(Call c) {
        if (closed) {
            return;
        }
        open.setCall(c.peer(), c.state().isFinal() || c.state() == State.INCOMING ? null : listState(c));
        CallWindow w = windows.get(c.id());
        if (w != null) {
            w.viewModel().update(c);
            if (c.state().isFinal()) {
                windows.remove(c.id());
            }
            return;
        }
        if (!c.state().isFinal() && (c.direction() == Direction.OUTGOING || c.state() != State.INCOMING)) {
            window(c).show();
        }
    }

    private CallWindow window(Call c) {
        CallWindow w = new CallWindow(new CallViewModel(c, telephony(), names, fx), appearance, clock);
        windows.put(c.id(), w);
        w.stage().setOnHidden(e -> {
            if (windows.get(c.id()) == w) {
                windows.remove(c.id());
            }
        });
        return w;
    }

    /** The contact list's words for a call: "Calling…", "On a call", "On hold". */
    static String listState(Call c) {
        return switch (c.state()) {
            case DIALING, RINGING -> "Calling…";
            case INCOMING -> "Incoming call";
            case CONNECTED -> "On a call";
            case HELD -> "On hold";
            case REMOTE_HELD -> "On a call (held by them)";
            case ENDED -> null;
        };
    }

    /** Calls a user, address or number and opens the call's window. */
    public void call(String target) {
        String to = target.startsWith("tel:") ? target.substring(4) : target;
        try {
            onCall(telephony().call(to, org.parley.core.client.CallOptions.NONE));
        } catch (RuntimeException e) {
            LOG.warn("cannot call {}: {}", to, e.getMessage());
        }
    }

    /** Brings up the window of my call with {@code peer} (the newest, if several). */
    public void show(String peer) {
        windows.values().stream().filter(w -> w.viewModel().call().peer().equalsIgnoreCase(peer))
                .reduce((a, b) -> b).ifPresent(CallWindow::show);
    }

    public void showDialPad() {
        if (dialPad == null) {
            dialPad = new DialPadWindow(dialPadModel(), appearance);
        }
        dialPad.show();
    }

    private DialPadViewModel dialPadModel() {
        try {
            return new DialPadViewModel(telephony(), session.client().delegation(), this::onCall, fx);
        } catch (RuntimeException e) {
            LOG.warn("no delegation on this client: {}", e.getMessage());
            return new DialPadViewModel(telephony(), this::onCall);
        }
    }

    /** The window of a call (tests). */
    public Optional<CallWindow> window(String callId) {
        return Optional.ofNullable(windows.get(callId));
    }

    public List<CallWindow> windows() {
        return List.copyOf(windows.values());
    }

    /** Closes every call window (sign-out); the client ends the calls themselves. */
    public void close() {
        closed = true;
        List.copyOf(windows.values()).forEach(w -> w.stage().close());
        windows.clear();
        if (dialPad != null) {
            dialPad.stage().close();
        }
    }
}
