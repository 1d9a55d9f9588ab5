package org.parley.core.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Audio conferences hosted by the server's focus (docs/decisions/0024-conference-focus.md). A conference is a room
 * {@code sip:conf-<id>@domain}; this client's voice part in it is an ordinary {@link TelephonyService} call to that
 * URI ({@link Conference#callId()}: hold, mute and hang up work on it as on any call). People are brought in by this
 * client, not by the server: one of this client's calls is blind-transferred to the room (REFER); a user or number is
 * called first (subject "Conference") and transferred in once connected. The roster comes from a subscription to the
 * room's {@code conference} event (RFC 4575). Every change of a conference is reported to the listeners on the
 * client's executor; a conference that ended is reported once more and is no longer in {@link #conferences()}.
 */
public interface ConferencingService {

    /**
     * Starts an ad-hoc conference with a fresh random room, then brings the participants in one after the other.
     * {@code participants} are ids of this client's calls (connected, held, or ringing: a ringing one is answered
     * first) or users, addresses or numbers to call. With {@code onBehalfOf} (a manager's user or AOR) a delegate
     * starts it for that manager, who becomes the organizer (the server authorizes it against the delegation).
     * Completes with the conference once every participant was brought in and this side's voice leg is active again.
     * Every participant is tried even if one fails; the future then fails with the first failure (the conference
     * goes on with the people who made it in). Fails at once if the room cannot be entered (403 for a delegate who
     * is not the manager's).
     */
    CompletableFuture<Conference> start(List<String> participants, String onBehalfOf);

    default CompletableFuture<Conference> start(List<String> participants) {
        return start(participants, null);
    }

    /** Brings one more participant (a call id of this client, or a user/number to call) into a conference. */
    CompletableFuture<Void> add(String conferenceId, String participant);

    /** Joins an existing conference by its URI ({@code sip:conf-<id>@domain}); completes once connected. */
    CompletableFuture<Conference> join(String conferenceUri);

    /** Leaves a conference: hangs up this side's voice leg and ends the roster subscription. */
    CompletableFuture<Void> leave(String conferenceId);

    /** The conferences this client is in (started, joining or joined, not ended), oldest first. */
    List<Conference> conferences();

    void addListener(Consumer<Conference> listener);

    /** A member's state in the room, from the roster's endpoint status. */
    enum Status {
        /** In the room and mixed ({@code connected}, also {@code muted-via-focus}). */
        CONNECTED,
        /** In the room, holding its call: not mixed in. */
        ON_HOLD,
        /** Left, or being disconnected. */
        DISCONNECTED,
        /** On its way in (dialing, alerting, pending) or not stated. */
        PENDING
    }

    /** One person in the room: the AOR, the display name the focus gave (null if none), the status. */
    record Member(String aor, String name, Status status) {
    }

    /**
     * A conference as this client knows it now: {@code id} is the room id (the {@code <id>} of
     * {@code sip:conf-<id>@domain}), {@code uri} the room, {@code callId} this client's voice leg (a
     * {@link TelephonyService} call id), {@code organizer} who created the room (AOR; the manager when a delegate
     * started it), {@code onBehalfOf} the manager this client started it for (null otherwise), {@code roster} the
     * members from the last roster notification (empty before the first one).
     */
    record Conference(String id, String uri, String callId, String organizer, String onBehalfOf, List<Member> roster) {
        public Conference {
            roster = roster == null ? List.of() : List.copyOf(roster);
        }
    }
}
