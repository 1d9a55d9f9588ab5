package org.parley.attendant;

/** Placeholder entry point; the real application arrives with its issue. */
public final class AttendantMain {
    private AttendantMain() {
    }

    public static void main(String[] args) {
        System.out.println("parley attendant: not built yet");
    }
}
