package org.parley.client.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.core.client.CallQuality;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;

/**
 * One call as its window shows it: who, the state in words, the running timer, hold/mute, the quality line, and
 * the actions (hold or resume, mute, keypad, blind and consultative transfer, hang up). Fed with the call's
 * snapshots ({@link #update}) and a one-second {@link #tick} while the window is open; failures of an action land
 * in {@link #errorProperty()}. Call on the JavaFX application thread.
 */
public final class CallViewModel {
    /** How the quality line is judged (the indicator's colour). */
    public enum Quality { UNKNOWN, GOOD, FAIR, POOR }

    /** Another call of mine a consultative transfer can join this one with. */
    public record Other(String id, String label) {
    }

    private final TelephonyService telephony;
    private final PeerNames names;
    private final Executor fx;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty stateText = new SimpleStringProperty("");
    private final StringProperty timer = new SimpleStringProperty("");
    private final StringProperty qualityText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty digits = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>();
    private final ObjectProperty<Quality> quality = new SimpleObjectProperty<>(Quality.UNKNOWN);
    private final BooleanProperty held = new SimpleBooleanProperty();
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final BooleanProperty established = new SimpleBooleanProperty();
    private final BooleanProperty ended = new SimpleBooleanProperty();
    private final BooleanProperty encrypted = new SimpleBooleanProperty();
    private Call call;

    /** {@code fx} runs the answers of core's futures (the UI executor; tests pass a direct one). */
    public CallViewModel(Call first, TelephonyService telephony, PeerNames names, Executor fx) {
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.names = Objects.requireNonNull(names, "names");
        this.fx = Objects.requireNonNull(fx, "fx");
        update(first);
        names.lookup(first.peer()).thenRunAsync(() -> {
            name.set(names.name(call));
            title.set(names.title(call));
        }, fx);
    }

    public String id() {
        return call.id();
    }

    public Call call() {
        return call;
    }

    /** "for Manager" when this call was placed or is answered on a manager's behalf (delegation), else null. */
    public String forManager() {
        return call.onBehalfOf() == null ? null : "for " + names.nameOf(call.onBehalfOf());
    }

    /** A new snapshot of this call. */
    public void update(Call c) {
        if (call != null && !call.id().equals(c.id())) {
            throw new IllegalArgumentException("snapshot of another call: " + c.id());
        }
        call = c;
        name.set(names.name(c));
        title.set(names.title(c));
        state.set(c.state());
        held.set(c.state() == State.HELD);
        muted.set(c.muted());
        established.set(c.state() == State.CONNECTED || c.state() == State.HELD || c.state() == State.REMOTE_HELD);
        ended.set(c.state().isFinal());
        stateText.set(describe(c, name.get()));
        if (c.state().isFinal()) {
            quality.set(Quality.UNKNOWN);
        }
    }

    /** Once a second: the call timer and the quality line (polled from core while the call has media). */
    public void tick(Instant now) {
        timer.set(call.connected() == null ? "" : clock(Duration.between(call.connected(), now)));
        if (!established.get()) {
            return;
        }
        CallQuality q;
        try {
            q = telephony.quality(call.id());
        } catch (RuntimeException e) {
            q = null; // no media statistics (yet): the codec alone
        }
        if (q == null) {
            qualityText.set(call.codec() == null ? "" : codecName(call.codec()));
            quality.set(Quality.UNKNOWN);
            return;
        }
        encrypted.set(q.encrypted());
        quality.set(judge(q));
        qualityText.set(String.format(Locale.ROOT, "%s · jitter %.0f ms · loss %.1f %% · round trip %s",
                codecName(q.codec() != null ? q.codec() : call.codec()), q.jitterMillis(), q.lossPercent(),
                q.roundTripMillis() < 0 ? "…" : q.roundTripMillis() + " ms"));
    }

    public void holdOrResume() {
        if (call.state() == State.HELD) {
            run("Cannot resume the call", () -> telephony.resume(call.id()));
        } else if (established.get()) {
            run("Cannot put the call on hold", () -> telephony.hold(call.id()));
        }
    }

    public void toggleMute() {
        if (established.get()) {
            boolean now = !muted.get();
            CompletableFuture<Void> f = run(now ? "Cannot mute" : "Cannot unmute",
                    () -> telephony.mute(call.id(), now));
            if (f != null) {
                f.thenRunAsync(() -> muted.set(now), fx);
            }
        }
    }

    /** One keypad key (0-9, *, #) sent as DTMF; remembered in {@link #digitsProperty()}. */
    public void dtmf(char key) {
        if (!established.get() || "0123456789*#".indexOf(key) < 0) {
            return;
        }
        digits.set(digits.get() + key);
        run("Cannot send the keypad tone", () -> telephony.sendDtmf(call.id(), String.valueOf(key)));
    }

    /** Blind transfer to a typed user, address or number; false (and nothing sent) when the target is blank. */
    public boolean transfer(String target) {
        String t = target == null ? "" : target.strip();
        if (t.isEmpty() || !established.get()) {
            return false;
        }
        run("Transfer to " + t + " failed", () -> telephony.transfer(call.id(), t));
        return true;
    }

    /**
     * A call I handle for a manager (delegation) goes to that manager's voicemail: a blind transfer to
     * {@code sip:voicemail@D;mailbox=<manager>} (D the manager's domain). False (nothing sent) for a call of my own
     * or one not established.
     */
    public boolean toManagersVoicemail() {
        String uri = managersVoicemail(call.onBehalfOf());
        if (uri == null || !established.get()) {
            return false;
        }
        run("Cannot send the call to " + names.nameOf(call.onBehalfOf()) + "'s voicemail",
                () -> telephony.transfer(call.id(), uri));
        return true;
    }

    /** {@code sip:voicemail@D;mailbox=user} for a manager's AOR {@code sip:user@D}, else null. */
    static String managersVoicemail(String manager) {
        if (manager == null || manager.isBlank()) {
            return null;
        }
        String aor = manager.strip().replaceFirst("^sips?:", "");
        int at = aor.indexOf('@');
        if (at <= 0 || at == aor.length() - 1) {
            return null;
        }
        String host = aor.substring(at + 1);
        int params = host.indexOf(';');
        return "sip:voicemail@" + (params < 0 ? host : host.substring(0, params)) + ";mailbox=" + aor.substring(0, at);
    }

    /** Consultative transfer: joins this call's peer with the peer of another of my calls. */
    public void transferTo(String otherCallId) {
        if (established.get() && otherCallId != null) {
            run("Transfer failed", () -> telephony.transferToCall(call.id(), otherCallId));
        }
    }

    /** My other calls that are connected or on hold (the candidates for a consultative transfer). */
    public List<Other> others() {
        return telephony.calls().stream()
                .filter(c -> !c.id().equals(call.id()))
                .filter(c -> c.state() == State.CONNECTED || c.state() == State.HELD || c.state() == State.REMOTE_HELD)
                .map(c -> new Other(c.id(), names.name(c) + " (" + describe(c, names.name(c)).toLowerCase(Locale.ROOT)
                        + ")"))
                .toList();
    }

    public void hangUp() {
        if (!ended.get()) {
            run("Cannot hang up", () -> telephony.hangup(call.id()));
        }
    }

    public void clearError() {
        error.set(null);
    }

    private CompletableFuture<Void> run(String failure, java.util.function.Supplier<CompletableFuture<Void>> action) {
        CompletableFuture<Void> f;
        try {
            f = action.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        run(failure, f);
        return f;
    }

    private void run(String failure, CompletableFuture<Void> f) {
        error.set(null);
        if (f == null) {
            return;
        }
        f.whenCompleteAsync((v, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                error.set(failure + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            }
        }, fx);
    }

    static Quality judge(CallQuality q) {
        if (q.lossPercent() > 5 || q.jitterMillis() > 60 || q.roundTripMillis() > 400) {
            return Quality.POOR;
        }
        if (q.lossPercent() > 1 || q.jitterMillis() > 30 || q.roundTripMillis() > 250) {
            return Quality.FAIR;
        }
        return Quality.GOOD;
    }

    /** "opus/48000/2" → "Opus", "PCMU/8000" → "G.711 µ-law". */
    static String codecName(String codec) {
        if (codec == null) {
            return "";
        }
        String n = codec.split("/")[0].toUpperCase(Locale.ROOT);
        return switch (n) {
            case "OPUS" -> "Opus";
            case "PCMU" -> "G.711 µ-law";
            case "PCMA" -> "G.711 A-law";
            default -> codec.split("/")[0];
        };
    }

    /** The state in words, e.g. "Ringing…", "On hold", "Bob put you on hold", "Call ended: busy". */
    static String describe(Call c, String peer) {
        return switch (c.state()) {
            case DIALING -> "Calling…";
            case INCOMING -> "Incoming call";
            case RINGING -> "Ringing…";
            case CONNECTED -> "Connected";
            case HELD -> "On hold";
            case REMOTE_HELD -> peer + " put you on hold";
            case ENDED -> "Call ended" + (c.endReason() == null ? "" : ": " + ending(c.endReason()));
        };
    }

    private static String ending(EndReason r) {
        return switch (r) {
            case LOCAL_HANGUP -> "you hung up";
            case REMOTE_HANGUP -> "the other side hung up";
            case CANCELLED -> "cancelled";
            case DECLINED -> "declined";
            case BUSY -> "busy";
            case NOT_FOUND -> "no such user or number";
            case UNAVAILABLE -> "nobody answered";
            case MEDIA_REFUSED -> "no common audio format";
            case TRANSFERRED -> "transferred";
            case REPLACED -> "replaced by a transferred call";
            case FAILED -> "failed";
        };
    }

    /** "0:07", "12:34", "1:02:03". */
    static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty timerProperty() {
        return timer;
    }

    public ReadOnlyStringProperty qualityTextProperty() {
        return qualityText;
    }

    public ReadOnlyObjectProperty<Quality> qualityProperty() {
        return quality;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty digitsProperty() {
        return digits;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyBooleanProperty heldProperty() {
        return held;
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted;
    }

    /** Connected, on hold or held by the peer: the in-call actions apply. */
    public ReadOnlyBooleanProperty establishedProperty() {
        return established;
    }

    public ReadOnlyBooleanProperty endedProperty() {
        return ended;
    }

    public ReadOnlyBooleanProperty encryptedProperty() {
        return encrypted;
    }
}
