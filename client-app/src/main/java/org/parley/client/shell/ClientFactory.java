package org.parley.client.shell;

import java.util.concurrent.CompletableFuture;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;

/**
 * Makes the core client for an account. In the app: {@code SipUcClient.create(config, uiExecutor)}, so every engine
 * event arrives on the JavaFX thread through the one {@code UiExecutor}. Tests pass the same with their own executor.
 */
@FunctionalInterface
public interface ClientFactory {
    UcClient create(ClientConfig config);

    /**
     * Creates the client the way the caller should wait for it: the app's factory opens the local store and starts
     * the SIP stack (about a second at a cold start) on a worker thread and completes on the JavaFX thread, so the
     * window is built meanwhile. This default creates it on the calling thread.
     */
    default CompletableFuture<UcClient> start(ClientConfig config) {
        try {
            return CompletableFuture.completedFuture(create(config));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
