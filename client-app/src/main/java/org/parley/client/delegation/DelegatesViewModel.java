package org.parley.client.delegation;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.parley.client.forwarding.Failures;
import org.parley.client.members.MemberList;
import org.parley.client.members.MemberPicker;
import org.parley.core.client.DelegationService;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;

/**
 * State of the "Delegates" dialog (opened from Call forwarding): the people who may answer and place calls for me,
 * and how my calls reach them (with me, after N seconds, or only them). Reads and saves {@link Settings} through
 * {@link DelegationService}; validation and server errors go to {@link #errorProperty()}. Call on the JavaFX
 * application thread; {@code fx} runs core's answers.
 */
public final class DelegatesViewModel {
    public static final int MIN_DELAY = 1;
    public static final int MAX_DELAY = 120;
    static final int DEFAULT_DELAY = 10;

    private final DelegationService delegation;
    private final Executor fx;
    private final MemberList members;
    private final ObservableList<String> delegates;
    private final ObjectProperty<RingMode> mode = new SimpleObjectProperty<>(this, "mode", RingMode.WITH_MANAGER);
    private final IntegerProperty delaySeconds = new SimpleIntegerProperty(this, "delaySeconds", DEFAULT_DELAY);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /**
     * @param ownAor the signed-in user (typed names are completed to this domain; one's own address is refused)
     * @param names  display name for an address, or null when unknown
     */
    public DelegatesViewModel(DelegationService delegation, String ownAor, Function<String, String> names,
                              Executor fx) {
        this.delegation = Objects.requireNonNull(delegation, "delegation");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.members = new MemberList(ownAor, names, new MemberList.Messages(
                "Type a name or address to add as a delegate.",
                "Delegates are people of this service, not numbers.",
                "You cannot be your own delegate.",
                "%s is already your delegate."));
        this.delegates = members.members();
    }

    /** Reads my delegation from the server into the fields. */
    public CompletableFuture<Void> load() {
        busy.set(true);
        error.set(null);
        return call(delegation::settings).handleAsync((s, e) -> {
            busy.set(false);
            if (e != null) {
                error.set("Cannot read your delegates: " + Failures.message(e));
            } else {
                show(s == null ? Settings.NONE : s);
            }
            return null;
        }, fx);
    }

    void show(Settings s) {
        delegates.setAll(s.delegates());
        mode.set(s.mode());
        delaySeconds.set(s.mode() == RingMode.AFTER_DELAY ? s.delaySeconds() : DEFAULT_DELAY);
    }

    /** Adds what {@link #newDelegateProperty()} holds (a user name, address or SIP URI); false with the reason. */
    public boolean addDelegate() {
        String refused = members.add();
        error.set(refused);
        return refused == null;
    }

    public void removeDelegate(String aor) {
        members.remove(aor);
        error.set(null);
    }

    /** My delegates being edited (list and add field), for the view's {@link MemberPicker}. */
    public MemberList delegateMembers() {
        return members;
    }

    /** The settings the fields describe; throws IllegalArgumentException with a sentence for the user. */
    public Settings settings() {
        RingMode m = mode.get() == null ? RingMode.WITH_MANAGER : mode.get();
        if (m == RingMode.AFTER_DELAY && (delaySeconds.get() < MIN_DELAY || delaySeconds.get() > MAX_DELAY)) {
            throw new IllegalArgumentException("Delegates ring after " + MIN_DELAY + " to " + MAX_DELAY + " seconds.");
        }
        if (m == RingMode.DELEGATES_ONLY && delegates.isEmpty()) {
            throw new IllegalArgumentException("Add a delegate first: with nobody to ring, your calls would be lost.");
        }
        return new Settings(delegates, m, m == RingMode.AFTER_DELAY ? delaySeconds.get() : 0);
    }

    /** Saves the fields on the server; completes with true once stored, false (error shown) otherwise. */
    public CompletableFuture<Boolean> save() {
        Settings s;
        try {
            s = settings();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        error.set(null);
        return call(() -> delegation.setSettings(s)).handleAsync((v, e) -> {
            busy.set(false);
            if (e != null) {
                error.set("Cannot save your delegates: " + Failures.message(e));
                return false;
            }
            return true;
        }, fx);
    }

    private static <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> f) {
        try {
            CompletableFuture<T> r = f.get();
            return r == null ? CompletableFuture.completedFuture(null) : r;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    String aorOf(String typed) {
        return members.aorOf(typed);
    }

    /** The name to show for a delegate: display name, else the bare address. */
    public String nameOf(String aor) {
        return members.nameOf(aor);
    }

    public ObservableList<String> delegates() {
        return delegates;
    }

    public StringProperty newDelegateProperty() {
        return members.newMemberProperty();
    }

    public ObjectProperty<RingMode> modeProperty() {
        return mode;
    }

    public IntegerProperty delaySecondsProperty() {
        return delaySeconds;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
