package org.parley.attendant.notes;

import java.net.URI;

/**
 * Opens the desktop's mail client with a {@code mailto:} URI. The app passes JavaFX {@code HostServices}; tests pass a
 * recording fake.
 */
@FunctionalInterface
public interface MailClient {
    /** Opens a new message for {@code mailto}; throws when no mail client can be started. */
    void compose(URI mailto);
}
