package org.parley.server.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.cdr.CallDetails;
import org.parley.server.policy.Aors;
import org.parley.server.registrar.Binding;
import org.parley.server.registrar.BindingTable;
import org.parley.server.routing.RoutePlan;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings a {@link RingGroups.Group}: one branch per registered device of every member, all at once, no forwarding
 * rules. The first 2xx wins (the others are cancelled, the call record names the member as routed-to and the group
 * is told who answered (under the fork's lock: it must only note it)); a member's 6xx does not stop the others; after the group's ring time the branches still
 * ringing are cancelled, and the caller gets the best failure (a decline when everyone declined, else 487/480).
 */
final class GroupRing {
    private static final Logger LOG = LoggerFactory.getLogger(GroupRing.class);

    private final LocalDomain domain;
    private final BindingTable bindings;
    private final Responses responses;
    private final ScheduledExecutorService timers;

    GroupRing(LocalDomain domain, BindingTable bindings, Responses responses, ScheduledExecutorService timers) {
        this.domain = domain;
        this.bindings = bindings;
        this.responses = responses;
        this.timers = timers;
    }

    void ring(ServerTransaction server, Request request, RingGroups.Group group, CallDetails.Call record, CallFlow.Legs out) {
        List<RoutePlan.Leg> legs = new ArrayList<>();
        for (String member : group.members()) {
            String aor = Aors.of(member, domain.domain());
            for (Binding b : bindings.lookup(member)) {
                legs.add(new RoutePlan.Leg(b.contactUri(), member, List.of(new RoutePlan.Step(aor, 0))));
            }
        }
        if (legs.isEmpty()) {
            responses.reply(server, request, Response.TEMPORARILY_UNAVAILABLE, "Nobody of the group is reachable");
            record.finished(Response.TEMPORARILY_UNAVAILABLE, false);
            return;
        }
        ForkContext.Listener listener = new CallRecorder(record) {
            @Override
            public void answered(int index) {
                if (index >= 0 && index < legs.size()) {
                    String member = legs.get(index).user();
                    record.routed(Aors.of(member, domain.domain()), null);
                    // before the caller's NOTIFY can tell the group the transfer succeeded
                    group.answered().accept(member);
                }
            }

            @Override
            public boolean declineEndsFork() {
                return false;
            }
        };
        try {
            ForkContext fork = out.start(server, request, legs, listener);
            fork.setRingTimer(timers.schedule(fork::cancelAll, group.ringSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            LOG.debug("cannot ring a group: {}", e.getMessage());
            responses.reply(server, request, Response.SERVER_INTERNAL_ERROR, "Cannot ring the group");
            record.finished(Response.SERVER_INTERNAL_ERROR, false);
        }
    }
}
