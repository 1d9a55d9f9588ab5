package org.parley.client.voicemail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.client.forwarding.Failures;
import org.parley.core.client.VoicemailService;
import org.parley.core.client.VoicemailService.Voicemail;

/**
 * State of the voicemail window: the messages in the box (newest first), playing one (downloaded to a temporary WAV
 * file, then handed to the player), marking heard, deleting, calling the caller back, and the greeting (a WAV file
 * the user chose, or the default). When the core client or server has no voicemail, {@link #availableProperty()} is
 * false and the error says so. Call on the JavaFX application thread.
 */
public final class VoicemailViewModel {
    private final VoicemailService box;
    private final Function<String, String> names;
    private final Path tempDir;
    private final Consumer<Path> player;
    private final Consumer<String> callBack;

    private final ObservableList<Voicemail> messages = FXCollections.observableArrayList();
    private final ObjectProperty<Voicemail> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /**
     * @param box      the voicemail box; asking for it may throw when the client has none
     * @param names    display name for an address (the contact list's), or null
     * @param tempDir  where played messages are downloaded
     * @param player   plays a downloaded WAV file
     * @param callBack places a call to an address
     */
    public VoicemailViewModel(Supplier<VoicemailService> box, Function<String, String> names, Path tempDir,
                              Consumer<Path> player, Consumer<String> callBack) {
        this.names = Objects.requireNonNull(names, "names");
        this.tempDir = Objects.requireNonNull(tempDir, "tempDir");
        this.player = Objects.requireNonNull(player, "player");
        this.callBack = Objects.requireNonNull(callBack, "callBack");
        VoicemailService b;
        try {
            b = box.get();
        } catch (RuntimeException e) {
            b = null;
            error.set("Voicemail unavailable: " + Failures.message(e));
        }
        this.box = b;
        available.set(b != null);
        if (b != null) {
            b.addMessageWaitingListener(state -> refresh());
        }
    }

    /** Reads the messages again, keeping the selection when the message is still there. */
    public CompletableFuture<Void> refresh() {
        if (box == null) {
            return CompletableFuture.completedFuture(null);
        }
        String keep = selected.get() == null ? null : selected.get().id();
        return box.list().handle((list, e) -> {
            if (e != null) {
                error.set("Cannot read your voicemail: " + Failures.message(e));
                return null;
            }
            List<Voicemail> found = list == null ? List.of() : list;
            messages.setAll(found);
            selected.set(found.stream().filter(v -> v.id().equals(keep)).findFirst().orElse(null));
            long fresh = found.stream().filter(v -> !v.heard()).count();
            status.set(found.isEmpty() ? "No messages" : found.size() + (found.size() == 1 ? " message" : " messages")
                    + (fresh > 0 ? " · " + fresh + " new" : ""));
            error.set(null);
            return null;
        });
    }

    /** Downloads the message and plays it; it is marked heard once it plays. */
    public CompletableFuture<Void> play(Voicemail v) {
        if (box == null || v == null) {
            return CompletableFuture.completedFuture(null);
        }
        Path target = tempDir.resolve("voicemail-" + v.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".wav");
        status.set("Fetching the message from " + callerText(v) + "…");
        String playing = "Playing the message from " + callerText(v);
        return box.fetch(v.id(), target).thenCompose(file -> {
            player.accept(file == null ? target : file);
            status.set(playing);
            return v.heard() ? CompletableFuture.<Void>completedFuture(null) : box.markHeard(v.id(), true)
                    .thenCompose(x -> refresh()).thenRun(() -> status.set(playing));
        }).exceptionally(e -> {
            status.set("");
            error.set("Cannot play the message: " + Failures.message(e));
            return null;
        });
    }

    public CompletableFuture<Void> markHeard(Voicemail v, boolean heard) {
        if (box == null || v == null) {
            return CompletableFuture.completedFuture(null);
        }
        return then(box.markHeard(v.id(), heard), "Cannot mark the message", null);
    }

    public CompletableFuture<Void> delete(Voicemail v) {
        if (box == null || v == null) {
            return CompletableFuture.completedFuture(null);
        }
        return then(box.delete(v.id()), "Cannot delete the message", "Message deleted");
    }

    /** Calls the caller of a message. */
    public void callBack(Voicemail v) {
        if (v == null || v.caller() == null || v.caller().isBlank()) {
            return;
        }
        try {
            callBack.accept(v.caller());
        } catch (RuntimeException e) {
            error.set("Cannot call " + callerText(v) + ": " + Failures.message(e));
        }
    }

    /** Uploads a WAV greeting the user chose. */
    public CompletableFuture<Void> setGreeting(Path wav) {
        if (box == null || wav == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (!wav.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav")) {
            error.set("The greeting must be a WAV file.");
            return CompletableFuture.completedFuture(null);
        }
        return then(box.setGreeting(wav), "Cannot set the greeting", "Your greeting is " + wav.getFileName());
    }

    /** Goes back to the server's default greeting. */
    public CompletableFuture<Void> resetGreeting() {
        if (box == null) {
            return CompletableFuture.completedFuture(null);
        }
        return then(box.setGreeting(null), "Cannot reset the greeting", "Callers hear the default greeting");
    }

    private CompletableFuture<Void> then(CompletableFuture<Void> f, String failure, String done) {
        error.set(null);
        return f.handle((v, e) -> {
            if (e != null) {
                error.set(failure + ": " + Failures.message(e));
                return CompletableFuture.<Void>completedFuture(null);
            }
            CompletableFuture<Void> r = refresh();
            if (done != null) {
                r = r.thenRun(() -> status.set(done));
            }
            return r;
        }).thenCompose(x -> x);
    }

    /** Who left the message, in words. */
    public String callerText(Voicemail v) {
        if (v.callerName() != null && !v.callerName().isBlank()) {
            return v.callerName();
        }
        String n = v.caller() == null ? null : names.apply(v.caller());
        return n != null && !n.isBlank() ? n : v.caller() == null ? "Unknown caller"
                : v.caller().replaceFirst("^(sips?|tel):", "");
    }

    /** Why the call went to voicemail, in words. */
    public static String reasonText(String reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case "no-answer" -> "Not answered";
            case "busy" -> "Busy";
            case "dnd" -> "Do not disturb";
            case "unavailable" -> "Signed out";
            case "forward-all" -> "All calls forwarded";
            case "direct" -> "Left directly";
            case "redirect" -> "Sent to voicemail";
            default -> reason;
        };
    }

    /** A message's length as m:ss. */
    public static String lengthText(Duration d) {
        long s = d == null ? 0 : Math.max(0, d.toSeconds());
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    public ObservableList<Voicemail> messages() {
        return messages;
    }

    public ObjectProperty<Voicemail> selectedProperty() {
        return selected;
    }

    /** Whether the client has a voicemail box at all. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
