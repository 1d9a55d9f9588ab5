package org.parley.attendant.consult;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.model.InstantMessage;
import org.parley.core.client.MessagingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consulting by IM before a transfer: the selected call is held, the person it is for gets an IM ("Alice is on the
 * line for you — take it?"), their replies show next to the call; Complete transfers the call to them (blind
 * transfer), Cancel leaves the call held with the attendant. One consultation at a time. Call on the UI thread (the
 * messaging listener must deliver there too).
 */
public final class ImConsultViewModel {
    /** The IM that tells the person asked the consultation is off. */
    static final String CANCELLED_TEXT = "Never mind, no need to take that call. Thanks!";

    private static final Logger LOG = LoggerFactory.getLogger(ImConsultViewModel.class);

    /** What the consultation does with the call (the queue in the app). */
    public interface Calls {
        CompletableFuture<Void> hold(String callId);

        CompletableFuture<Void> transfer(String callId, String target);
    }

    private final MessagingService messaging;
    private final Calls calls;
    private final Function<String, String> names;
    private final String domain;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private String callId;
    private String target;
    private String targetName;

    /**
     * @param names  display name for a SIP URI (contacts, directory), the URI itself when unknown
     * @param domain the attendant's domain: a bare user name or number is a user of it
     */
    public ImConsultViewModel(MessagingService messaging, Calls calls, Function<String, String> names, String domain) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.names = Objects.requireNonNull(names, "names");
        this.domain = Objects.requireNonNull(domain, "domain");
        messaging.addListener(this::onMessage);
    }

    /** "sip:user@domain" for a user name, number, "user@domain" or SIP URI (lower case, no parameters). */
    String uriOf(String who) {
        String t = who.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("sips:")) {
            t = "sip:" + t.substring(5);
        }
        if (!t.startsWith("sip:")) {
            t = "sip:" + t;
        }
        int semi = t.indexOf(';');
        if (semi > 0) {
            t = t.substring(0, semi);
        }
        return t.contains("@") ? t : t + "@" + domain;
    }

    /**
     * Starts consulting {@code who} about the call {@code callId} from {@code caller} (a name or number): holds the
     * call and sends the IM. False (with a status saying why) when another consultation is under way or input is
     * missing.
     */
    public boolean start(String callId, String caller, String who) {
        if (callId == null || who == null || who.isBlank()) {
            status.set("IM consult: pick a call, then a contact");
            return false;
        }
        if (active.get()) {
            status.set("Finish the IM consultation with " + targetName + " first (Complete or Cancel)");
            return false;
        }
        this.callId = callId;
        this.target = uriOf(who);
        this.targetName = names.apply(target);
        lines.clear();
        title.set("IM consult with " + targetName + " about " + caller);
        active.set(true);
        String text = caller + " is on the line for you — take it?";
        lines.add("You: " + text);
        status.set("Asking " + targetName + " by IM…");
        calls.hold(callId).exceptionally(e -> {
            LOG.info("IM consult: cannot hold {}: {}", callId, e.toString());
            return null;
        });
        String asked = target;
        messaging.send(asked, "text/plain", text).whenComplete((m, e) -> {
            if (!asked.equals(target)) {
                return; // a later consultation
            }
            if (e != null) {
                status.set("The IM to " + targetName + " failed: " + message(e));
            } else if (m.delivery() == InstantMessage.Delivery.STORED) {
                status.set(targetName + " is not signed in: the IM waits on the server");
            } else {
                status.set("Asked " + targetName + ": Complete transfers the call, Cancel keeps it held");
            }
        });
        return true;
    }

    private void onMessage(InstantMessage m) {
        if (!active.get() || m.session() != null || m.from() == null || !uriOf(m.from()).equals(target)) {
            return;
        }
        lines.add(targetName + ": " + m.text());
        status.set(targetName + " replied");
    }

    /** Transfers the consulted call to the person asked (blind transfer) and ends the consultation. */
    public CompletableFuture<Void> complete() {
        if (!active.get()) {
            status.set("No IM consultation to complete");
            return CompletableFuture.completedFuture(null);
        }
        String id = callId;
        String to = target;
        String name = targetName;
        end();
        status.set("Transferring to " + name + "…");
        return calls.transfer(id, to).whenComplete((v, e) ->
                status.set(e == null ? "Transferred to " + name : "Transfer to " + name + " failed: " + message(e)));
    }

    /**
     * Ends the consultation without transferring: the call stays held with the attendant, and the person asked is
     * told by IM that nothing more is needed (so they do not wait for a call that will not come).
     */
    public void cancel() {
        if (!active.get()) {
            return;
        }
        String name = targetName;
        String asked = target;
        end();
        status.set("IM consult with " + name + " cancelled: the call stays on hold");
        messaging.send(asked, "text/plain", CANCELLED_TEXT).exceptionally(e -> {
            LOG.info("IM consult: could not tell {} it is cancelled: {}", asked, e.toString());
            return null;
        });
    }

    private void end() {
        active.set(false);
        title.set("");
        lines.clear();
        callId = null;
        target = null;
        targetName = null;
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** "IM consult with Dave about Alice", "" when none. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The conversation: "You: …" then the target's replies ("Dave: …"). */
    public ObservableList<String> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    /** The call being consulted about, or null. */
    public String callId() {
        return callId;
    }
}
