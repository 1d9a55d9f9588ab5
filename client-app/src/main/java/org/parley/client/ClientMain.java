package org.parley.client;

import javafx.application.Application;

/**
 * Entry point of the Communicator ({@code ./parley client}). A plain class on purpose: on the class path a main class
 * that extends {@link Application} fails with "JavaFX runtime components are missing".
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        Application.launch(ClientApplication.class, args);
    }
}
