package org.parley.client;

/** Placeholder entry point; the real application arrives with its issue. */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        System.out.println("parley client: not built yet");
    }
}
