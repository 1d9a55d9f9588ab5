package org.parley.client.testing;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.parley.core.client.ContactsService;
import org.parley.core.client.Credentials;
import org.parley.core.client.DirectoryService;
import org.parley.core.client.HistoryService;
import org.parley.core.client.MessagingService;
import org.parley.core.client.PresenceService;
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
    public org.parley.core.client.TelephonyService telephony() {
        return proxy(org.parley.core.client.TelephonyService.class, (name, args) -> null);
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

    /** Records "method arg0" and answers; futures complete with null unless the answer says otherwise. */
    private <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> type.getSimpleName();
                };
            }
            calls.add(m.getName() + (args != null && args.length > 0 ? " " + args[0] : ""));
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
