package org.parley.client.shell;

import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;

/**
 * Makes the core client for an account. In the app: {@code SipUcClient.create(config, uiExecutor)}, so every engine
 * event arrives on the JavaFX thread through the one {@code UiExecutor}. Tests pass the same with their own executor.
 */
@FunctionalInterface
public interface ClientFactory {
    UcClient create(ClientConfig config);
}
