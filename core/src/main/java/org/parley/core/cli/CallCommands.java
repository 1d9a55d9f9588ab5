package org.parley.core.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * The call commands of {@code parley cli} (call, answer, decline, hangup, hold, resume, mute, dtmf, transfer, calls,
 * await) and the {@code call} events that report every change of a call. A command without a call id acts on the
 * obvious call (the only incoming one for answer, the connected one for hold...) and says so when there is none or
 * several; an id may be shortened to any unique prefix.
 */
final class CallCommands {
    private static final Pattern DTMF = Pattern.compile("[0-9*#A-Da-d]+");
    /** Ended calls kept so that "await ended" and late commands can still name them. */
    private static final int KEPT_ENDED = 20;
    private static final int AWAIT_SECONDS = 25;

    private final TelephonyService telephony;
    private final JsonOut out;
    private final UnaryOperator<String> uris;
    /** The newest snapshot of each call seen, oldest call first (guarded by this). */
    private final Map<String, Call> calls = new LinkedHashMap<>();
    /** The last line printed per call, to print changes only (guarded by this). */
    private final Map<String, String> printed = new LinkedHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(State state, String id, CompletableFuture<ObjectNode> done) {
    }

    CallCommands(TelephonyService telephony, JsonOut out, UnaryOperator<String> uris) {
        this.telephony = telephony;
        this.out = out;
        this.uris = uris;
    }

    /** Prints call events from now on; call before signing in. */
    void listen() {
        telephony.addCallListener(this::onCall);
    }

    private void onCall(Call call) {
        ObjectNode event = callEvent("call", call);
        String line = event.toString();
        List<Waiter> ready = new ArrayList<>();
        synchronized (this) {
            calls.remove(call.id());
            calls.put(call.id(), call); // re-inserted: LinkedHashMap keeps first-insertion order otherwise
            if (line.equals(printed.get(call.id()))) {
                return;
            }
            printed.put(call.id(), line);
            trimEnded();
            for (var it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (matches(w)) {
                    it.remove();
                    ready.add(w);
                }
            }
        }
        out.print(event);
        ready.forEach(w -> w.done.complete(callEvent("call", find(w))));
    }

    private void trimEnded() {
        List<String> ended = calls.values().stream().filter(c -> c.state().isFinal()).map(Call::id).toList();
        for (int i = 0; i < ended.size() - KEPT_ENDED; i++) {
            calls.remove(ended.get(i));
            printed.remove(ended.get(i));
        }
    }

    CompletableFuture<ObjectNode> run(String verb, List<String> words) {
        List<String> w = new ArrayList<>(words);
        switch (verb) {
            case "call":
                return call(w);
            case "answer":
                return telephony.answer(pick(w, 1, "answer [ID]", "incoming", c -> c.state() == State.INCOMING)).thenApply(v -> null);
            case "decline": {
                boolean busy = w.remove("--busy");
                return telephony.decline(pick(w, 1, "decline [ID] [--busy]", "incoming", c -> c.state() == State.INCOMING), busy)
                        .thenApply(v -> null);
            }
            case "hangup":
                return telephony.hangup(pick(w, 1, "hangup [ID]", "active", CallCommands::active)).thenApply(v -> null);
            case "hold":
                return telephony.hold(pick(w, 1, "hold [ID]", "connected", CallCommands::talking)).thenApply(v -> null);
            case "resume":
                return telephony.resume(pick(w, 1, "resume [ID]", "held", c -> c.state() == State.HELD)).thenApply(v -> null);
            case "mute":
                return mute(w);
            case "dtmf":
                return dtmf(w);
            case "transfer":
                return transfer(w);
            case "calls": {
                ObjectNode n = out.event("calls");
                n.set("calls", out.mapper().valueToTree(telephony.calls().stream()
                        .map(c -> callEvent("call", c).without("event")).toList()));
                return CompletableFuture.completedFuture(n);
            }
            case "await":
                return await(w);
            default:
                throw new IllegalArgumentException(verb);
        }
    }

    static boolean handles(String verb) {
        return List.of("call", "answer", "decline", "hangup", "hold", "resume", "mute", "dtmf", "transfer", "calls", "await")
                .contains(verb);
    }

    private CompletableFuture<ObjectNode> call(List<String> w) {
        String usage = "call TARGET [--subject TEXT] [--urgent]";
        String target = null;
        String subject = null;
        boolean urgent = false;
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            if ("--subject".equals(word)) {
                if (i + 1 >= w.size()) {
                    throw usage(usage + " (--subject needs a text; quote it if it has blanks)");
                }
                subject = w.get(++i);
            } else if ("--urgent".equals(word)) {
                urgent = true;
            } else if (word.startsWith("--")) {
                throw usage(usage + " (unknown option " + word + ")");
            } else if (target == null) {
                target = word;
            } else {
                throw usage(usage + " (one target only; quote a subject with blanks)");
            }
        }
        if (target == null) {
            throw usage(usage);
        }
        CallOptions options;
        try {
            options = new CallOptions(subject, urgent);
        } catch (IllegalArgumentException e) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
        }
        Call placed = telephony.call(uris.apply(target), options);
        synchronized (this) {
            calls.putIfAbsent(placed.id(), placed);
        }
        return CompletableFuture.completedFuture(callEvent("call-placed", placed));
    }

    private CompletableFuture<ObjectNode> mute(List<String> w) {
        String usage = "mute on|off [ID]";
        if (w.size() < 2) {
            throw usage(usage);
        }
        boolean on = Commands.onOff(w.get(1));
        w.remove(1);
        return telephony.mute(pick(w, 1, usage, "connected", CallCommands::talking), on).thenApply(v -> null);
    }

    private CompletableFuture<ObjectNode> dtmf(List<String> w) {
        String usage = "dtmf DIGITS [ID] (digits 0-9 * # A-D)";
        if (w.size() < 2) {
            throw usage(usage);
        }
        String digits = w.get(1);
        if (!DTMF.matcher(digits).matches()) {
            throw usage(usage + ": '" + digits + "' has other characters");
        }
        w.remove(1);
        return telephony.sendDtmf(pick(w, 1, usage, "connected", CallCommands::talking), digits.toUpperCase(Locale.ROOT))
                .thenApply(v -> null);
    }

    private CompletableFuture<ObjectNode> transfer(List<String> w) {
        String usage = "transfer TARGET [ID] | transfer --consult OTHER-ID [ID]";
        if (w.size() < 2) {
            throw usage(usage);
        }
        if ("--consult".equals(w.get(1))) {
            if (w.size() < 3) {
                throw usage(usage + " (--consult needs the id of the consultation call)");
            }
            String consult = resolve(w.get(2));
            w.remove(1);
            w.remove(1);
            String transferred = pick(w, 1, usage, "other live",
                    c -> !c.id().equals(consult) && !c.state().isFinal() && c.state() != State.INCOMING);
            if (transferred.equals(consult)) {
                throw usage("a call cannot be transferred to itself");
            }
            return telephony.transferToCall(transferred, consult).thenApply(v -> null);
        }
        if (w.get(1).startsWith("--")) {
            throw usage(usage + " (unknown option " + w.get(1) + ")");
        }
        String target = uris.apply(w.get(1));
        w.remove(1);
        // the call being talked on; if none, the one held call (e.g. after a consultation call ended)
        boolean anyTalking = telephony.calls().stream().anyMatch(CallCommands::talking);
        return telephony.transfer(pick(w, 1, usage, anyTalking ? "connected" : "connected or held",
                c -> anyTalking ? talking(c) : c.state() == State.HELD), target).thenApply(v -> null);
    }

    private CompletableFuture<ObjectNode> await(List<String> w) {
        String usage = "await STATE [ID] (STATE: dialing, incoming, ringing, connected, held, remote-held, ended)";
        if (w.size() < 2 || w.size() > 3) {
            throw usage(usage);
        }
        State state;
        try {
            state = State.valueOf(w.get(1).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw usage(usage);
        }
        String id = w.size() == 3 ? resolve(w.get(2)) : null;
        Waiter waiter = new Waiter(state, id, new CompletableFuture<>());
        synchronized (this) {
            if (matches(waiter)) {
                return CompletableFuture.completedFuture(callEvent("call", find(waiter)));
            }
            waiters.add(waiter);
        }
        // below the session's command timeout, so that the answer says what was awaited
        return waiter.done.orTimeout(AWAIT_SECONDS, TimeUnit.SECONDS).whenComplete((r, e) -> {
            synchronized (this) {
                waiters.remove(waiter);
            }
        }).exceptionally(e -> {
            throw new ParleyException(ErrorCode.TIMEOUT, "no call became " + wire(state) + " within " + AWAIT_SECONDS + " s");
        });
    }

    /** Guarded by this: the awaited call (or the newest one) is in the awaited state. */
    private boolean matches(Waiter w) {
        Call c = find(w);
        return c != null && c.state() == w.state;
    }

    private synchronized Call find(Waiter w) {
        if (w.id != null) {
            return calls.get(w.id);
        }
        Call newest = null;
        for (Call c : calls.values()) {
            newest = c;
        }
        return newest;
    }

    /**
     * The call a command acts on: the id in {@code w.get(index)} (a unique prefix is enough), else the only live call
     * that satisfies {@code obvious}. Any word after the id is refused.
     */
    private String pick(List<String> w, int index, String usage, String what, Predicate<Call> obvious) {
        if (w.size() > index + 1) {
            throw usage(usage + " (unexpected '" + w.get(index + 1) + "')");
        }
        if (w.size() > index) {
            return resolve(w.get(index));
        }
        List<Call> live = telephony.calls();
        List<Call> fits = live.stream().filter(obvious).toList();
        if (fits.size() == 1) {
            return fits.get(0).id();
        }
        if (fits.isEmpty()) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "no " + what + " call" + (live.isEmpty() ? ""
                    : " (calls: " + describe(live) + ")"));
        }
        throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "several " + what + " calls: give an id ("
                + describe(fits) + ")");
    }

    /** A full id, or the one live or recent call whose id starts with {@code prefix}. */
    private String resolve(String prefix) {
        List<String> known = new ArrayList<>();
        telephony.calls().forEach(c -> known.add(c.id()));
        synchronized (this) {
            calls.keySet().stream().filter(id -> !known.contains(id)).forEach(known::add);
        }
        if (known.contains(prefix)) {
            return prefix;
        }
        List<String> found = known.stream().filter(id -> id.startsWith(prefix)).toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "no call " + prefix);
        }
        throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "call id " + prefix + " is ambiguous: " + found);
    }

    private static String describe(List<Call> calls) {
        return String.join(", ", calls.stream().map(c -> c.id() + " " + wire(c.state()) + " " + c.peer()).toList());
    }

    /** A connected call: this side talks or only the peer holds it. */
    private static boolean talking(Call c) {
        return c.state() == State.CONNECTED || c.state() == State.REMOTE_HELD;
    }

    /** The call hangup acts on: anything live that this side has not put aside (held) or not taken (incoming). */
    private static boolean active(Call c) {
        return talking(c) || c.state() == State.DIALING || c.state() == State.RINGING;
    }

    private static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    ObjectNode callEvent(String name, Call c) {
        ObjectNode n = out.event(name);
        if (c == null) {
            return n;
        }
        n.put("id", c.id());
        n.put("state", wire(c.state()));
        n.put("direction", wire(c.direction()));
        n.put("peer", c.peer());
        putIf(n, "peerName", c.peerName());
        putIf(n, "subject", c.subject());
        if (c.highPriority()) {
            n.put("urgent", true);
        }
        putIf(n, "codec", c.codec());
        putIf(n, "media", c.mediaDirection());
        if (c.muted()) {
            n.put("muted", true);
        }
        putIf(n, "referredBy", c.referredBy());
        if (c.forwarded()) {
            n.put("forwarded", true);
        }
        if (c.endReason() != null) {
            n.put("endReason", wire(c.endReason()));
        }
        putIf(n, "detail", c.detail());
        return n;
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null && !value.isEmpty()) {
            n.put(field, value);
        }
    }

    private static ParleyException usage(String usage) {
        return new ParleyException(ErrorCode.INVALID_ARGUMENT, "usage: " + Objects.requireNonNull(usage));
    }
}
