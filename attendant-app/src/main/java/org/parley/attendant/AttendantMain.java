package org.parley.attendant;

import javafx.application.Application;

/**
 * Entry point of the Attendant console ({@code ./parley attendant}). A plain class on purpose: on the class path a
 * main class that extends {@link Application} fails with "JavaFX runtime components are missing".
 */
public final class AttendantMain {
    private AttendantMain() {
    }

    public static void main(String[] args) {
        Application.launch(AttendantApplication.class, args);
    }
}
