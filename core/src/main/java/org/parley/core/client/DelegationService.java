package org.parley.core.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Call delegation (issue 6): a manager names delegates who may answer and place calls on the manager's behalf. The
 * server stores the delegation, routes the manager's calls to the delegates as the manager chose, and authorizes
 * every on-behalf-of call against the current delegation. Only calls are delegated, never IMs.
 */
public interface DelegationService {

    /** How a manager's incoming calls reach the delegates. */
    enum RingMode {
        /** Delegates ring together with the manager. */
        WITH_MANAGER,
        /** Delegates ring after {@link Settings#delaySeconds()} of the manager ringing alone. */
        AFTER_DELAY,
        /** Only the delegates ring. */
        DELEGATES_ONLY
    }

    /** A manager's delegation: delegate AORs and how calls reach them. */
    record Settings(List<String> delegates, RingMode mode, int delaySeconds) {
        public static final Settings NONE = new Settings(List.of(), RingMode.WITH_MANAGER, 0);

        public Settings {
            delegates = delegates == null ? List.of() : List.copyOf(delegates);
            mode = mode == null ? RingMode.WITH_MANAGER : mode;
            if (mode == RingMode.AFTER_DELAY && (delaySeconds < 1 || delaySeconds > 120)) {
                throw new IllegalArgumentException("delegates ring after 1 to 120 seconds, not " + delaySeconds);
            }
        }
    }

    /** This user's delegation as a manager. */
    CompletableFuture<Settings> settings();

    /** Replaces this user's delegates and ring mode; removed delegates lose their rights at once. */
    CompletableFuture<Void> setSettings(Settings settings);

    /** The managers this user is a delegate of (AORs). */
    CompletableFuture<List<String>> managers();

    /**
     * Places a call on behalf of {@code manager} (this user must be one of their delegates; the server refuses it
     * otherwise with 403). When {@code asManager} the callee sees the manager as the caller ("Delegate on behalf of
     * Manager"); otherwise the delegate's own identity with the manager named.
     */
    TelephonyService.Call callOnBehalfOf(String manager, String target, boolean asManager, CallOptions options);

    /** Told when a delegate answered one of this manager's calls ("Call from X answered by Y"). */
    void addAnsweredByListener(AnsweredByListener listener);

    interface AnsweredByListener {
        void onAnsweredBy(String caller, String delegate);
    }

    /**
     * Told when a manager added this user as a delegate or removed them (the server's notice, sent as the manager
     * saves the delegation): {@link #managers()} has changed.
     */
    void addManagersListener(ManagersListener listener);

    interface ManagersListener {
        /** {@code delegate}: whether this user now is (true) or no longer is (false) a delegate of {@code manager}. */
        void onManagersChanged(String manager, boolean delegate);
    }
}
