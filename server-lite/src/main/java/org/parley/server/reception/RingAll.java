package org.parley.server.reception;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.address.SipURI;
import org.parley.server.proxy.RingGroups;
import org.parley.server.transport.LocalDomain;

/**
 * Distribution {@code all}: the caller at the head of the queue is referred to {@code sip:ADDRESS@D;ring=TICKET}, a
 * target made for that caller alone. The proxy asks {@link #resolve} and forks the INVITE to every attendant who was
 * free when the ticket was made (never back into the queue: the line does not accept a Request-URI with
 * {@code ring}). A ticket lives while its referral is pending and only the queued caller may use it.
 */
final class RingAll implements RingGroups {
    static final String PARAM = "ring";

    private final LocalDomain domain;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, QueuedCall> tickets = new ConcurrentHashMap<>();

    RingAll(LocalDomain domain) {
        this.domain = domain;
    }

    /**
     * Makes the caller's ticket for {@code free} attendants, who ring for {@code ringSeconds} before the proxy cancels
     * them (the caller then goes back to the queue); returns the Refer-To target. Under the line's lock.
     */
    String start(QueuedCall call, List<String> free, int ringSeconds) {
        byte[] b = new byte[12];
        random.nextBytes(b);
        String ticket = HexFormat.of().formatHex(b);
        call.ringing = List.copyOf(free);
        call.ringSeconds = ringSeconds;
        call.ringTicket = ticket;
        call.answeredBy = null;
        tickets.put(ticket, call);
        return "sip:" + call.user + "@" + domain.domain() + ";" + PARAM + "=" + ticket;
    }

    /**
     * The referral ended ({@code connected}: the caller reached an attendant): the ticket is no longer valid and the
     * attendants rung are free again, the one who answered marked connected. Returns who answered (null if unknown).
     * Under the line's lock.
     */
    String ended(QueuedCall call, boolean connected, Attendants attendants) {
        String answered = call.answeredBy;
        if (call.ringTicket != null) {
            tickets.remove(call.ringTicket);
        }
        for (String rung : call.ringing) {
            attendants.released(rung, connected && rung.equals(answered));
        }
        call.ringTicket = null;
        call.ringing = List.of();
        return answered;
    }

    static boolean isRingTarget(SipURI uri) {
        return uri.getParameter(PARAM) != null;
    }

    @Override
    public Optional<Group> resolve(SipURI target, String callerAor) {
        String ticket = target.getParameter(PARAM);
        if (ticket == null || target.getUser() == null || !domain.isLocalHost(target.getHost())) {
            return Optional.empty();
        }
        QueuedCall call = tickets.get(ticket);
        if (call == null || !call.user.equalsIgnoreCase(target.getUser()) || !call.caller.equals(callerAor)) {
            return Optional.empty();
        }
        List<String> members = call.ringing;
        return members.isEmpty() ? Optional.empty()
                : Optional.of(new Group(members, call.ringSeconds, member -> call.answeredBy = member));
    }
}
