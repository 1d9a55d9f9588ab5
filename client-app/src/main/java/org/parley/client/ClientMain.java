package org.parley.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the Communicator ({@code ./parley client}). A plain class on purpose: on the class path a main class
 * that extends {@link Application} fails with "JavaFX runtime components are missing".
 *
 * <p>It parses the command line before JavaFX starts, so wrong arguments print what is wrong and exit 2 without
 * opening a window; {@code --password-stdin} is read here, once, and the resulting options are handed to
 * {@link ClientApplication} (see {@link ClientApplication#handOver}) rather than parsed again there.
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = ClientCommandLine.parse(List.of(args),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (ClientCommandLine.Exit exit) {
            (exit.exitCode() == 0 ? System.out : System.err).print(exit.text());
            System.exit(exit.exitCode());
            return;
        }
        ClientApplication.handOver(options);
        Application.launch(ClientApplication.class, args);
    }
}
