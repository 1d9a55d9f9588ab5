package org.parley.core.client;

import java.util.concurrent.CompletableFuture;

/**
 * The one facade the apps and {@code parley cli} use: sign-in plus the capabilities. Implemented over SIP.
 * Every listener is called on the executor the client was created with, never on a stack thread.
 * Failures complete futures exceptionally with a {@link org.parley.core.error.ParleyException} whose code says
 * what went wrong (AUTHENTICATION_FAILED, NOT_FOUND for an unknown user, NETWORK_FAILURE for an unreachable
 * server, CERTIFICATE_MISMATCH when the pinned certificate changed, TIMEOUT).
 */
public interface UcClient extends AutoCloseable {

    /** Registers, publishes Available, subscribes to the contact list and its presence; completes when signed in. */
    default CompletableFuture<Void> signIn(char[] password) {
        return signIn(Credentials.password(password));
    }

    /**
     * Signs in with a password or with the digest hashes "remember me" kept ({@link Credentials.Hashed}, see
     * {@link org.parley.core.store.CredentialStore}). Hashes for another realm than the server's fail
     * AUTHENTICATION_FAILED. A password given here is wiped once the client copied it.
     */
    CompletableFuture<Void> signIn(Credentials credentials);

    /** Publishes Offline, ends subscriptions and the registration. */
    CompletableFuture<Void> signOut();

    ConnectionState connectionState();

    void addConnectionListener(ConnectionListener listener);

    PresenceService presence();

    ContactsService contacts();

    DirectoryService directory();

    MessagingService messaging();

    HistoryService history();

    /** File transfer to and from other users (RFC 5547 over MSRP). */
    FileTransferService files();

    /** Audio calls: place, answer, hold, transfer, hang up; forwarding rules; audio devices. */
    TelephonyService telephony();

    /** The user's voicemail box on the server and message-waiting indication. */
    VoicemailService voicemail();

    /** Call delegation: this user's delegates as a manager, and calls on behalf of the managers this user serves. */
    DelegationService delegation();

    /** Audio conferences on the server's focus: start, add people, join, leave, and the live roster. */
    ConferencingService conferencing();

    /** Signs out if needed and releases the SIP stack and the local store. */
    @Override
    void close();

    /**
     * {@link #close} on a new daemon thread named {@code threadName}, for a UI thread that must not wait for the stack
     * to stop (a client dropped after a failed sign-in). A failure to close is logged at debug level and dropped.
     */
    default void closeInBackground(String threadName) {
        Thread t = new Thread(() -> {
            try {
                close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(UcClient.class).debug("closing a dropped client: {}", e.toString());
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    enum ConnectionState {
        SIGNED_OUT, SIGNING_IN, SIGNED_IN, RECONNECTING
    }

    interface ConnectionListener {
        /** {@code error} is set when the state change was caused by a failure (e.g. lost server). */
        void onConnectionState(ConnectionState state, org.parley.core.error.ParleyException error);
    }
}
