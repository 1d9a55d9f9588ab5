package org.parley.attendant;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the Attendant console ({@code ./parley attendant}). A plain class on purpose: on the class path a
 * main class that extends {@link Application} fails with "JavaFX runtime components are missing". It parses the
 * command line (reading the password from stdin once) before JavaFX starts and hands the options over.
 */
public final class AttendantMain {
    private AttendantMain() {
    }

    public static void main(String[] args) {
        AttendantOptions options;
        try {
            options = AttendantOptions.parse(List.of(args),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (AttendantOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        AttendantApplication.handOver(options);
        Application.launch(AttendantApplication.class, args);
    }
}
