package org.parley.attendant.conference;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.attendant.conference.ConferenceTemplates.Template;
import org.parley.attendant.queue.QueueItem;
import org.parley.attendant.queue.QueueViewModel;
import org.parley.core.client.ConferencingService;
import org.parley.core.client.ConferencingService.Conference;

/**
 * Conferences in the console: calls and contacts dropped onto one another (or onto the conference set) start a
 * conference with them, or join the conference they were dropped on; "merge" conferences the selected call with the
 * previously active one; conversation templates (named sets of contacts, kept in {@link ConferenceTemplates}) start
 * one with a click. A conference appears in the queue as its voice leg's item, with its roster
 * ({@link QueueViewModel#onConference}). No UI here: the console view binds to it.
 */
public final class ConferenceViewModel {
    /** Something to bring into a conference: one of the queue's calls, or a contact (an address). */
    public record Pick(boolean call, String value, String label) {
        /** Drag payload: {@code call:ID} or {@code contact:URI}. */
        public String key() {
            return (call ? "call:" : "contact:") + value;
        }
    }

    private final ConferencingService conferencing;
    private final QueueViewModel queue;
    private final ConferenceTemplates store;
    private final Function<String, String> contactName;
    private final Clock clock;
    private final ObservableList<Pick> picked = FXCollections.observableArrayList();
    private final ObservableList<Template> templates = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    /** @param contactName the name to show for a contact's address (the address itself when unknown) */
    public ConferenceViewModel(ConferencingService conferencing, QueueViewModel queue, ConferenceTemplates store,
                               Function<String, String> contactName, Clock clock) {
        this.conferencing = conferencing;
        this.queue = queue;
        this.store = store;
        this.contactName = contactName;
        this.clock = clock;
        conferencing.conferences().forEach(queue::onConference);
        conferencing.addListener(queue::onConference);
        templates.setAll(store.all());
    }

    /** The conference set: what "Start conference" brings together. */
    public ObservableList<Pick> picked() {
        return picked;
    }

    public ObservableList<Template> templates() {
        return templates;
    }

    /** The outcome of the last conference action. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The pick a drag payload stands for, or empty for anything else. */
    public Optional<Pick> pickOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.startsWith("call:")) {
            String id = key.substring(5);
            return queue.item(id).map(i -> new Pick(true, id, i.name() == null ? i.call().peer() : i.name()));
        }
        if (key.startsWith("contact:") && key.length() > 8) {
            String uri = key.substring(8);
            return Optional.of(new Pick(false, uri, Objects.requireNonNullElse(contactName.apply(uri), uri)));
        }
        return Optional.empty();
    }

    /** Adds a call or contact to the conference set (once). */
    public void pick(String key) {
        pickOf(key).filter(p -> picked.stream().noneMatch(x -> x.key().equals(p.key()))).ifPresent(picked::add);
    }

    public void unpick(String key) {
        picked.removeIf(p -> p.key().equals(key));
    }

    /** Starts a conference with the conference set (which is then emptied). */
    public CompletableFuture<Void> startPicked() {
        if (picked.isEmpty()) {
            status.set("Pick calls or contacts for the conference first (drag them onto the conference set)");
            return CompletableFuture.completedFuture(null);
        }
        List<Pick> with = List.copyOf(picked);
        picked.clear();
        return start(with);
    }

    /**
     * {@code dragged} (a drag payload) was dropped on the queue item {@code targetCallId}: into that conference if it
     * is one, else a new conference with both.
     */
    public CompletableFuture<Void> drop(String targetCallId, String dragged) {
        Optional<QueueItem> target = queue.item(targetCallId);
        Optional<Pick> what = pickOf(dragged);
        if (target.isEmpty() || what.isEmpty() || what.get().key().equals("call:" + targetCallId)) {
            return CompletableFuture.completedFuture(null);
        }
        Conference c = target.get().conference();
        if (c != null) {
            Pick p = what.get();
            status.set("Adding " + p.label() + " to the conference…");
            return report(conferencing.add(c.id(), p.value()), "Adding " + p.label())
                    .thenRun(() -> status.set(p.label() + " joined the conference"));
        }
        return start(List.of(pickOf("call:" + targetCallId).orElseThrow(), what.get()));
    }

    /**
     * Conferences the call {@code callId} with the call that was active with it (the active one, or the one active
     * before), plus the conference set. Into an existing conference when one of the two is a conference.
     */
    public CompletableFuture<Void> merge(String callId) {
        Optional<QueueItem> partner = callId == null ? Optional.empty() : queue.partnerOf(callId);
        if (partner.isEmpty()) {
            status.set("Merge needs two calls: talk to one, then pick up the other");
            return CompletableFuture.completedFuture(null);
        }
        if (queue.item(callId).map(QueueItem::conference).isPresent()) {
            return drop(callId, "call:" + partner.get().id());
        }
        if (partner.get().conference() != null) {
            return drop(partner.get().id(), "call:" + callId);
        }
        List<Pick> with = new ArrayList<>();
        pickOf("call:" + partner.get().id()).ifPresent(with::add);
        pickOf("call:" + callId).ifPresent(with::add);
        picked.stream().filter(p -> with.stream().noneMatch(w -> w.key().equals(p.key()))).forEach(with::add);
        picked.clear();
        return start(with);
    }

    /** Starts a conference with these calls and contacts (the picked contacts of a dialog, say). */
    public CompletableFuture<Void> start(List<Pick> with) {
        if (with.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String names = String.join(", ", with.stream().map(Pick::label).toList());
        status.set("Starting a conference with " + names + "…");
        return report(conferencing.start(with.stream().map(Pick::value).toList(), managerOf(with)), "Conference")
                .thenRun(() -> status.set("Conference with " + names));
    }

    /** The manager every call of the set is for, when they are all delegated calls of one manager (else null). */
    private String managerOf(List<Pick> with) {
        List<String> managers = with.stream().filter(Pick::call)
                .map(p -> queue.item(p.value()).map(QueueItem::onBehalfOf).orElse(null)).distinct().toList();
        return managers.size() == 1 ? managers.get(0) : null;
    }

    /** Saves the contacts of the conference set as a template of that name (calls are not kept). */
    public void saveTemplate(String name) {
        List<String> members = picked.stream().filter(p -> !p.call()).map(Pick::value).toList();
        if (name == null || name.isBlank()) {
            status.set("Name the template");
            return;
        }
        if (members.isEmpty()) {
            status.set("Pick contacts for the template first");
            return;
        }
        store.save(new Template(name.strip(), members, clock.instant()));
        templates.setAll(store.all());
        status.set("Template " + name.strip() + " saved with " + members.size() + " contacts");
    }

    public void deleteTemplate(String name) {
        store.delete(name);
        templates.setAll(store.all());
    }

    /** Starts a conference with a template's contacts. */
    public CompletableFuture<Void> startTemplate(String name) {
        Optional<Template> t = templates.stream().filter(x -> x.name().equals(name)).findFirst();
        if (t.isEmpty()) {
            status.set("No template " + name);
            return CompletableFuture.completedFuture(null);
        }
        return start(t.get().members().stream().map(uri -> pickOf("contact:" + uri).orElseThrow()).toList());
    }

    /** Starts the template at {@code index} (0-based, as listed), if there is one. */
    public CompletableFuture<Void> startTemplate(int index) {
        return index >= 0 && index < templates.size() ? startTemplate(templates.get(index).name())
                : CompletableFuture.completedFuture(null);
    }

    private <T> CompletableFuture<T> report(CompletableFuture<T> action, String what) {
        return action.whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                status.set(what + " failed: " + cause.getMessage());
            }
        });
    }
}
