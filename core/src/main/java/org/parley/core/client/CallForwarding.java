package org.parley.core.client;

import java.util.List;

/**
 * A user's call-routing rules, stored on the server so they apply while the user's clients are off.
 *
 * @param mode              what happens to a call first: ring my endpoints only, forward everything to
 *                          {@code forwardTo}, or ring my endpoints together with {@code simRingNumber} and (if
 *                          {@code simRingTeam}) the members of my Team-Call group
 * @param forwardTo         FORWARD_ALL's target (NONE otherwise)
 * @param simRingNumber     SIMULTANEOUS_RING's extra number or user AOR (null for none)
 * @param simRingTeam       SIMULTANEOUS_RING also rings {@code team}
 * @param team              my Team-Call group: user AORs
 * @param unansweredSeconds after this many seconds of ringing unanswered, the call goes to {@code unansweredTarget}
 * @param unansweredTarget  NONE means keep ringing until the caller gives up (or the server's ring limit)
 */
public record CallForwarding(Mode mode, CallTarget forwardTo, String simRingNumber, boolean simRingTeam,
                             List<String> team, int unansweredSeconds, CallTarget unansweredTarget) {
    public enum Mode {
        OFF, FORWARD_ALL, SIMULTANEOUS_RING
    }

    public static final int DEFAULT_UNANSWERED_SECONDS = 20;

    /** The default: ring my endpoints, voicemail after 20 s. */
    public static final CallForwarding DEFAULT = new CallForwarding(Mode.OFF, CallTarget.NONE, null, false, List.of(),
            DEFAULT_UNANSWERED_SECONDS, CallTarget.voicemail());

    public CallForwarding {
        if (mode == null) {
            throw new IllegalArgumentException("a forwarding mode is required");
        }
        forwardTo = forwardTo == null ? CallTarget.NONE : forwardTo;
        unansweredTarget = unansweredTarget == null ? CallTarget.NONE : unansweredTarget;
        team = team == null ? List.of() : List.copyOf(team);
        if (mode == Mode.FORWARD_ALL && forwardTo.kind() == CallTarget.Kind.NONE) {
            throw new IllegalArgumentException("forward all calls to where?");
        }
        if (unansweredSeconds < 5 || unansweredSeconds > 120) {
            throw new IllegalArgumentException("unanswered calls wait between 5 and 120 seconds, not " + unansweredSeconds);
        }
        if (simRingNumber != null && simRingNumber.isBlank()) {
            simRingNumber = null;
        }
    }
}
