package org.parley.client.alerts;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.client.call.PeerNames;
import org.parley.core.client.CallTarget;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;

/**
 * The incoming-call toasts: one per call ringing here, with the caller's name and title (contact list or directory),
 * the subject and high priority the caller set, and what the user can do: answer, decline, redirect (to voicemail
 * or a typed number or user) or reply with an IM (declines and opens the conversation). A toast goes as soon as its
 * call stops ringing, whoever ended it. Call on the JavaFX application thread.
 */
public final class CallToastViewModel {

    /** One ringing call as its toast shows it. */
    public record Ringing(String id, String peer, String name, String title, String subject, boolean highPriority,
                          String referredBy, boolean forwarded, String onBehalfOf) {

        /** "for Manager" on a delegated call, else null. */
        public String forManager() {
            return onBehalfOf == null ? null : "for " + onBehalfOf;
        }
    }

    private final TelephonyService telephony;
    private final PeerNames names;
    private final Consumer<String> openConversation;
    private final BooleanSupplier soundsOn;
    private final Executor fx;
    private final ObservableList<Ringing> ringing = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanBinding anyRinging = Bindings.isNotEmpty(ringing);

    public CallToastViewModel(TelephonyService telephony, PeerNames names, Consumer<String> openConversation,
                              BooleanSupplier soundsOn, Executor fx) {
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.names = Objects.requireNonNull(names, "names");
        this.openConversation = Objects.requireNonNull(openConversation, "openConversation");
        this.soundsOn = Objects.requireNonNull(soundsOn, "soundsOn");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /** A call snapshot: a new incoming call raises a toast, any other state of it removes the toast. */
    public void onCall(Call c) {
        boolean rings = c.direction() == Direction.INCOMING && c.state() == State.INCOMING;
        Optional<Ringing> shown = find(c.id());
        if (!rings) {
            shown.ifPresent(ringing::remove);
            return;
        }
        if (shown.isPresent()) {
            return;
        }
        ringing.add(of(c));
        names.lookup(c.peer()).thenRunAsync(() -> find(c.id()).ifPresent(r -> ringing.set(ringing.indexOf(r), of(c))),
                fx);
    }

    private Ringing of(Call c) {
        return new Ringing(c.id(), c.peer(), names.name(c), names.title(c), c.subject(), c.highPriority(),
                c.referredBy(), c.forwarded(), names.nameOf(c.onBehalfOf()));
    }

    private Optional<Ringing> find(String id) {
        return ringing.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public void answer(Ringing r) {
        act(r, () -> telephony.answer(r.id()), "Cannot answer the call");
    }

    public void decline(Ringing r) {
        act(r, () -> telephony.decline(r.id()), "Cannot decline the call");
    }

    public void toVoicemail(Ringing r) {
        act(r, () -> telephony.redirect(r.id(), CallTarget.voicemail()), "Cannot send the call to voicemail");
    }

    /**
     * Redirects to a typed number (digits, optionally +, spaces and dashes) or user; false (the call keeps ringing
     * and {@link #errorProperty()} says why) when the target is blank or not a number nor a user.
     */
    public boolean redirect(Ringing r, String typed) {
        CallTarget target;
        try {
            target = target(typed);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        act(r, () -> telephony.redirect(r.id(), target), "Cannot redirect the call");
        return true;
    }

    /** Declines the call and opens the conversation with the caller, to answer in writing. */
    public void replyWithIm(Ringing r) {
        act(r, () -> telephony.decline(r.id()), "Cannot decline the call");
        openConversation.accept(r.peer());
    }

    static CallTarget target(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type a number or a user to send the call to.");
        }
        if (t.matches("\\+?[0-9][0-9 ().-]*")) {
            return CallTarget.number(t);
        }
        if (t.matches("(?i)(sips?:)?[^\\s@:]+(@[^\\s@]+)?")) {
            return CallTarget.user(t);
        }
        throw new IllegalArgumentException("Not a number or a user: " + t);
    }

    private void act(Ringing r, java.util.function.Supplier<CompletableFuture<Void>> action, String failure) {
        error.set(null);
        ringing.removeIf(x -> x.id().equals(r.id()));
        CompletableFuture<Void> f;
        try {
            f = action.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (f != null) {
            f.whenCompleteAsync((v, e) -> {
                if (e != null) {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    error.set(failure + ": " + cause.getMessage());
                }
            }, fx);
        }
    }

    /** The ringing calls, oldest first. */
    public ObservableList<Ringing> ringing() {
        return ringing;
    }

    /** True while a call rings here and the user has sounds on: the chime repeats. */
    public boolean ringsAloud() {
        return !ringing.isEmpty() && soundsOn.getAsBoolean();
    }

    public BooleanBinding anyRingingProperty() {
        return anyRinging;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
