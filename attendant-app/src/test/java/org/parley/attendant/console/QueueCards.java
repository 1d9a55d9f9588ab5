package org.parley.attendant.console;

import org.testfx.api.FxRobot;

/** Finds the queue card that shows a call (cards follow the item of their cell, so look them up when needed). */
final class QueueCards {
    private QueueCards() {
    }

    static QueueCard of(FxRobot robot, String callId) {
        return robot.lookup(".queue-card").match(n -> n instanceof QueueCard c && callId.equals(c.callId()))
                .queryAs(QueueCard.class);
    }
}
