package org.parley.client.call;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.client.DelegationService;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;

/**
 * The dial pad: a number or user typed or keyed in, an optional subject and high priority, and Call. A number
 * loses its spaces, dots, dashes and brackets before it is dialled; anything else goes to core as typed (a user
 * name of this domain, user@domain, or a SIP URI). A delegate may pick one of their managers ("On behalf of") and
 * whether the callee sees the manager as the caller; the call then goes through {@link DelegationService}. Call on
 * the JavaFX application thread.
 */
public final class DialPadViewModel {
    private final TelephonyService telephony;
    private final Consumer<Call> placed;
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final BooleanProperty highPriority = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ObservableList<String> managers = FXCollections.observableArrayList();
    private final StringProperty onBehalfOf = new SimpleStringProperty();
    private final BooleanProperty asManager = new SimpleBooleanProperty();
    private final DelegationService delegation;
    private final BooleanBinding canCall = Bindings.createBooleanBinding(() -> !dialled(target.get()).isEmpty(), target);

    /** {@code placed} gets each call placed (the shell opens its window). */
    public DialPadViewModel(TelephonyService telephony, Consumer<Call> placed) {
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.placed = Objects.requireNonNull(placed, "placed");
        this.delegation = null;
    }

    /**
     * With delegation: the managers I am a delegate of are loaded now ({@code fx} runs core's answer) and offered in
     * {@link #managers()}; no managers (or an error) leaves the choice empty.
     */
    public DialPadViewModel(TelephonyService telephony, DelegationService delegation, Consumer<Call> placed,
                            Executor fx) {
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.placed = Objects.requireNonNull(placed, "placed");
        this.delegation = Objects.requireNonNull(delegation, "delegation");
        Objects.requireNonNull(fx, "fx");
        CompletableFuture<List<String>> f;
        try {
            f = delegation.managers();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (f != null) {
            f.whenCompleteAsync((list, e) -> {
                if (e == null && list != null) {
                    managers.setAll(list);
                }
                if (onBehalfOf.get() != null && !managers.contains(onBehalfOf.get())) {
                    onBehalfOf.set(null);
                }
            }, fx);
        }
    }

    /** A key of the pad (0-9, *, #) appended to the target. */
    public void press(char key) {
        if ("0123456789*#+".indexOf(key) >= 0) {
            target.set(target.get() + key);
        }
    }

    public void backspace() {
        String t = target.get();
        if (!t.isEmpty()) {
            target.set(t.substring(0, t.length() - 1));
        }
    }

    /** Places the call; false (with {@link #errorProperty()} set) when there is nothing to call or core refused. */
    public boolean call() {
        String to = dialled(target.get());
        if (to.isEmpty()) {
            error.set("Type a number or a user to call.");
            return false;
        }
        String manager = onBehalfOf.get();
        if (manager != null && delegation != null && !managers.contains(manager)) {
            error.set("You are not a delegate of " + manager + ".");
            return false;
        }
        try {
            CallOptions options = new CallOptions(subject.get(), highPriority.get());
            Call c = manager != null && delegation != null
                    ? delegation.callOnBehalfOf(manager, to, asManager.get(), options)
                    : telephony.call(to, options);
            error.set(null);
            placed.accept(c);
            return true;
        } catch (RuntimeException e) {
            error.set("Cannot call " + to + ": " + e.getMessage());
            return false;
        }
    }

    /** What is dialled for a typed target: a telephone number without its punctuation, anything else stripped. */
    static String dialled(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.matches("\\+?[0-9*#][0-9*# ().-]*")) {
            return t.replaceAll("[ ().-]", "");
        }
        return t;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public BooleanProperty highPriorityProperty() {
        return highPriority;
    }

    /** The managers I may call for (AORs); empty when I am nobody's delegate. */
    public ObservableList<String> managers() {
        return managers;
    }

    /** The manager this call is placed for, or null for my own call. */
    public StringProperty onBehalfOfProperty() {
        return onBehalfOf;
    }

    /** With a manager chosen: the callee sees the manager as the caller. */
    public BooleanProperty asManagerProperty() {
        return asManager;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canCallProperty() {
        return canCall;
    }
}
