package org.parley.client.testing;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.parley.core.client.CallOptions;
import org.parley.core.client.CallQuality;
import org.parley.core.client.ContactsService;
import org.parley.core.client.Credentials;
import org.parley.core.client.DirectoryService;
import org.parley.core.client.HistoryService;
import org.parley.core.client.MessagingService;
import org.parley.core.client.PresenceService;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.UcClient;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryPage;
import org.parley.core.model.PresenceInfo;

/**
 * A UcClient for view-model tests without a server: sign-in completes with {@link #signInResult}, the contact list
 * is {@link #list}, directory searches are recorded and answered by {@link #directory}; every other call succeeds
 * with nothing. Records the calls it got in {@link #calls}.
 */
public final class FakeClient implements UcClient {
    public CompletableFuture<Void> signInResult = CompletableFuture.completedFuture(null);
    public ContactList list = ContactList.EMPTY;
    public final Map<String, PresenceInfo> presence = new HashMap<>();
    public final List<String> customStates = new ArrayList<>();
    /** Members of distribution groups by group URI, for {@code contacts().expand}. */
    public final Map<String, List<org.parley.core.model.ContactCard>> members = new HashMap<>();
    public Function<String, CompletableFuture<DirectoryPage>> directory =
            q -> CompletableFuture.completedFuture(new DirectoryPage(q, 0, 20, 0, List.of()));
    public final List<String> calls = new ArrayList<>();
    public final List<ConnectionListener> connectionListeners = new ArrayList<>();
    /** Calls {@code telephony().calls()} reports; {@code telephony().call(...)} adds a DIALING one. */
    public final List<TelephonyService.Call> callList = new ArrayList<>();
    public final List<TelephonyService.CallListener> callListeners = new ArrayList<>();
    /** What {@code telephony().quality(id)} answers, by call id. */
    public final Map<String, CallQuality> quality = new HashMap<>();
    /** Telephony methods whose futures fail, by method name ("transfer" → the cause). */
    public final Map<String, Throwable> telephonyFailures = new HashMap<>();
    private int nextCall = 1;
    public boolean closed;
    /**
     * Answers by "Service.method" (e.g. {@code "TelephonyService.forwarding"}), asked before the defaults above; the
     * function gets the call's arguments (tests capture them there).
     */
    public final Map<String, Function<Object[], Object>> answers = new HashMap<>();
    /** When set, {@link #voicemail()} throws it (a client without voicemail). */
    public RuntimeException voicemailFailure;

    @Override
    public CompletableFuture<Void> signIn(Credentials credentials) {
        calls.add("signIn " + (credentials instanceof Credentials.Hashed ? "hashed" : "password"));
        return signInResult;
    }

    @Override
    public CompletableFuture<Void> signOut() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public ConnectionState connectionState() {
        return ConnectionState.SIGNED_IN;
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
    }

    @Override
    public PresenceService presence() {
        return proxy(PresenceService.class, (name, args) -> switch (name) {
            case "of" -> Optional.ofNullable(presence.get(((String) args[0]).toLowerCase()));
            case "customStates" -> List.copyOf(customStates);
            case "own" -> PresenceInfo.of(org.parley.core.model.PresenceState.AVAILABLE);
            default -> null;
        });
    }

    @Override
    public ContactsService contacts() {
        return proxy(ContactsService.class, (name, args) -> switch (name) {
            case "current" -> list;
            case "recent" -> List.of();
            case "expand" -> CompletableFuture.completedFuture(members.getOrDefault((String) args[0], List.of()));
            default -> null;
        });
    }

    @Override
    public DirectoryService directory() {
        return (q, page, size) -> {
            calls.add("search " + q);
            return directory.apply(q);
        };
    }

    @Override
    public MessagingService messaging() {
        return proxy(MessagingService.class, (name, args) -> null);
    }

    @Override
    public HistoryService history() {
        return proxy(HistoryService.class, (name, args) -> null);
    }

    @Override
    public TelephonyService telephony() {
        return proxy(TelephonyService.class, (name, args) -> switch (name) {
            case "calls" -> List.copyOf(callList);
            case "addCallListener" -> {
                callListeners.add((TelephonyService.CallListener) args[0]);
                yield null;
            }
            case "quality" -> quality.get((String) args[0]);
            case "transfer", "transferToCall", "hold", "resume", "mute", "sendDtmf", "answer", "decline", "redirect",
                    "hangup" -> telephonyFailures.containsKey(name)
                    ? CompletableFuture.failedFuture(telephonyFailures.get(name)) : null;
            case "call" -> {
                CallOptions o = (CallOptions) args[1];
                TelephonyService.Call c = call("c" + nextCall++, (String) args[0], TelephonyService.Direction.OUTGOING,
                        TelephonyService.State.DIALING);
                c = new TelephonyService.Call(c.id(), c.peer(), null, c.direction(), c.state(), o.subject(),
                        o.highPriority(), null, null, 0, null, 0, c.started(), null, false, null, null, false, null, null);
                callList.add(c);
                yield c;
            }
            default -> null;
        });
    }

    /** A call snapshot with the given state (connected calls connected a minute ago, started 70 s ago). */
    public static TelephonyService.Call call(String id, String peer, TelephonyService.Direction direction,
                                             TelephonyService.State state) {
        java.time.Instant started = java.time.Instant.parse("2026-01-01T10:00:00Z");
        boolean up = state == TelephonyService.State.CONNECTED || state == TelephonyService.State.HELD
                || state == TelephonyService.State.REMOTE_HELD;
        return new TelephonyService.Call(id, peer, null, direction, state, null, false, up ? "opus/48000/2" : null,
                null, 0, null, 0, started, up ? started.plusSeconds(10) : null, false, null, null, false, null, null);
    }

    /** Reports {@code c} to the call listeners (and keeps it in {@link #callList} until it ends). */
    public void fire(TelephonyService.Call c) {
        callList.removeIf(x -> x.id().equals(c.id()));
        if (!c.state().isFinal()) {
            callList.add(c);
        }
        List.copyOf(callListeners).forEach(l -> l.onCall(c));
    }

    @Override
    public org.parley.core.client.DelegationService delegation() {
        return proxy(org.parley.core.client.DelegationService.class, (name, args) -> null);
    }

    @Override
    public org.parley.core.client.ConferencingService conferencing() {
        return proxy(org.parley.core.client.ConferencingService.class, (name, args) -> null);
    }

    @Override
    public org.parley.core.client.VoicemailService voicemail() {
        if (voicemailFailure != null) {
            throw voicemailFailure;
        }
        return proxy(org.parley.core.client.VoicemailService.class, (name, args) -> null);
    }

    @Override
    public org.parley.core.client.FileTransferService files() {
        return proxy(org.parley.core.client.FileTransferService.class, (name, args) -> null);
    }

    @Override
    public void close() {
        closed = true;
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    /** Records "method arg0" (telephony: every argument) and answers; futures complete with null unless the answer says otherwise. */
    private <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> type.getSimpleName();
                };
            }
            int shown = args == null ? 0 : type == TelephonyService.class ? args.length : Math.min(1, args.length);
            StringBuilder call = new StringBuilder(m.getName());
            for (int i = 0; i < shown; i++) {
                call.append(' ').append(args[i]);
            }
            calls.add(call.toString());
            Function<Object[], Object> custom = answers.get(type.getSimpleName() + "." + m.getName());
            Object a = custom != null ? custom.apply(args == null ? new Object[0] : args) : answer.answer(m.getName(), args);
            if (a != null) {
                return a;
            }
            if (m.getReturnType() == CompletableFuture.class) {
                return CompletableFuture.completedFuture(null);
            }
            if (m.getReturnType() == Optional.class) {
                return Optional.empty();
            }
            if (m.getReturnType() == List.class) {
                return List.of();
            }
            return null;
        }));
    }
}
