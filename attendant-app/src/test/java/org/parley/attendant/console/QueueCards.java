package org.parley.attendant.console;

import org.parley.attendant.AttendantApp;
import org.parley.server.testsupport.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Finds the queue card that shows a call (cards follow the item of their cell, so look them up when needed). */
final class QueueCards {
    private QueueCards() {
    }

    static QueueCard of(FxRobot robot, String callId) {
        return robot.lookup(".queue-card").match(n -> n instanceof QueueCard c && callId.equals(c.callId()))
                .queryAs(QueueCard.class);
    }

    /** The id of the console's queued call from {@code user} of the test domain (read on the JavaFX thread). */
    static String callIdFrom(AttendantApp.Console console, String user) throws Exception {
        String peer = "sip:" + user + "@" + TestServer.DOMAIN;
        return WaitForAsyncUtils.asyncFx(() -> console.queue().items().stream()
                .filter(i -> peer.equalsIgnoreCase(i.call().peer())).findFirst().orElseThrow().id()).get();
    }

    /** The card that shows the call from {@code user} now. */
    static QueueCard ofCallFrom(FxRobot robot, AttendantApp.Console console, String user) throws Exception {
        return of(robot, callIdFrom(console, user));
    }
}
