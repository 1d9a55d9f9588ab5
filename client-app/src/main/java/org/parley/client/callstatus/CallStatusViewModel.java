package org.parley.client.callstatus;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.parley.client.forwarding.Failures;
import org.parley.client.forwarding.ForwardingText;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.UcClient;
import org.parley.core.client.VoicemailService;
import org.parley.core.client.VoicemailService.MessageWaiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window header's call line: the forwarding rule in words, how many calls were missed since the user last
 * looked at the call log, and the voicemail box's message-waiting state. A missed call is an INCOMING call that
 * ended without ever being connected because the caller gave up (CANCELLED) or nobody took it (UNAVAILABLE).
 * Voicemail may be missing from the core client or the server: then the indicator says so and the rest works.
 * Call on the JavaFX application thread.
 */
public final class CallStatusViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CallStatusViewModel.class);

    private final UcClient client;
    private final Function<String, String> names;
    private final Set<String> counted = new HashSet<>();
    private final ReadOnlyStringWrapper forwarding = new ReadOnlyStringWrapper(this, "forwarding", "Call forwarding");
    private final ReadOnlyStringWrapper forwardingProblem = new ReadOnlyStringWrapper(this, "forwardingProblem");
    private final ReadOnlyIntegerWrapper missed = new ReadOnlyIntegerWrapper(this, "missed");
    private final ReadOnlyBooleanWrapper voicemailAvailable = new ReadOnlyBooleanWrapper(this, "voicemailAvailable");
    private final ReadOnlyIntegerWrapper newVoicemails = new ReadOnlyIntegerWrapper(this, "newVoicemails");
    private final ReadOnlyStringWrapper voicemail = new ReadOnlyStringWrapper(this, "voicemail", "Voicemail");
    private VoicemailService box;

    /** @param names display name for an address (the contact list's), or null */
    public CallStatusViewModel(UcClient client, Function<String, String> names) {
        this.client = Objects.requireNonNull(client, "client");
        this.names = Objects.requireNonNull(names, "names");
    }

    /** Starts listening to calls and message waiting, and reads the forwarding rule. */
    public void start() {
        client.telephony().addCallListener(this::onCall);
        try {
            box = client.voicemail();
            box.addMessageWaitingListener(this::onMessageWaiting);
            onMessageWaiting(box.messageWaiting());
            voicemailAvailable.set(true);
        } catch (RuntimeException e) {
            LOG.info("voicemail unavailable: {}", e.getMessage());
            box = null;
            voicemailAvailable.set(false);
            newVoicemails.set(0);
            voicemail.set("Voicemail unavailable");
        }
        refreshForwarding();
    }

    /** Reads the forwarding rule from the server again; a failure leaves a neutral line and says why in a tooltip. */
    public void refreshForwarding() {
        client.telephony().forwarding().whenComplete((rules, e) -> {
            if (e != null) {
                forwarding.set("Call forwarding");
                forwardingProblem.set("Cannot read your forwarding rules: " + Failures.message(e));
            } else {
                forwardingSaved(rules == null ? CallForwarding.DEFAULT : rules);
            }
        });
    }

    /** A rule the forwarding dialog stored. */
    public void forwardingSaved(CallForwarding rules) {
        forwarding.set(ForwardingText.describe(rules, names));
        forwardingProblem.set(null);
    }

    void onCall(Call call) {
        if (call.state() == TelephonyService.State.ENDED && call.direction() == TelephonyService.Direction.INCOMING
                && call.connected() == null && (call.endReason() == TelephonyService.EndReason.CANCELLED
                || call.endReason() == TelephonyService.EndReason.UNAVAILABLE) && counted.add(call.id())) {
            missed.set(missed.get() + 1);
        }
    }

    void onMessageWaiting(MessageWaiting state) {
        MessageWaiting s = state == null ? MessageWaiting.NONE : state;
        int fresh = s.waiting() ? Math.max(1, s.newMessages()) : 0;
        newVoicemails.set(fresh);
        voicemail.set(fresh == 0 ? "No new voicemail" : fresh == 1 ? "1 new voicemail" : fresh + " new voicemails");
    }

    /** The user looked at the call log: the missed-call count starts again from zero. */
    public void clearMissed() {
        missed.set(0);
    }

    /** The forwarding rule in one line, e.g. "Calls forwarded to voicemail". */
    public ReadOnlyStringProperty forwardingProperty() {
        return forwarding.getReadOnlyProperty();
    }

    /** Why the rule could not be read, or null. */
    public ReadOnlyStringProperty forwardingProblemProperty() {
        return forwardingProblem.getReadOnlyProperty();
    }

    /** Calls missed since the call log was last opened. */
    public ReadOnlyIntegerProperty missedProperty() {
        return missed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty voicemailAvailableProperty() {
        return voicemailAvailable.getReadOnlyProperty();
    }

    /** New (unheard) messages waiting, 0 when none or unknown. */
    public ReadOnlyIntegerProperty newVoicemailsProperty() {
        return newVoicemails.getReadOnlyProperty();
    }

    /** The voicemail indicator's words: "2 new voicemails", "No new voicemail", "Voicemail unavailable". */
    public ReadOnlyStringProperty voicemailProperty() {
        return voicemail.getReadOnlyProperty();
    }
}
