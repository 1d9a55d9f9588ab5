package org.parley.server.registrar;

/**
 * Told when a user's devices come and go (e.g. to deliver stored messages when a user signs in).
 * Called on the thread that changed the table, after the change; must be quick and must not throw.
 */
public interface RegistrationListener {
    /** A contact was registered that was not registered before (not called for refreshes). */
    void onRegistered(String aor, Binding binding);

    /** A contact was removed or expired. */
    default void onUnregistered(String aor, Binding binding) {
    }
}
