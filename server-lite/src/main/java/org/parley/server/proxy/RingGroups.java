package org.parley.server.proxy;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sip.address.SipURI;

/**
 * Targets the proxy rings as a group (the reception line's ring-all, docs/protocol.md "Reception line"): an INVITE
 * whose Request-URI a service made for one caller (e.g. {@code sip:reception@D;ring=TICKET}) is forked at once to
 * every registered device of the group's members, without their forwarding rules; the first to answer gets the call
 * and the other branches are cancelled, a member's decline does not stop the others ringing, and after the group's
 * ring time the remaining branches are cancelled.
 */
public interface RingGroups {
    /** No ring groups: every such INVITE is routed as usual. */
    RingGroups NONE = (target, callerAor) -> Optional.empty();

    /**
     * One group to ring: {@code members} (local user names), {@code ringSeconds} before the unanswered branches are
     * cancelled, {@code answered} told which member took the call.
     */
    record Group(List<String> members, int ringSeconds, Consumer<String> answered) {
        public Group {
            members = List.copyOf(members);
        }
    }

    /** The group {@code target} names for a call from {@code callerAor}; empty when it names none (or not for them). */
    Optional<Group> resolve(SipURI target, String callerAor);
}
