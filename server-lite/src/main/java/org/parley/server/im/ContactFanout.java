package org.parley.server.im;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sip.message.Request;
import org.parley.server.registrar.Binding;
import org.parley.server.transport.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message to every registered device of a user at once and reports one outcome: delivered at the first
 * 2xx, or failed when every device answered otherwise (408 for a timeout or an unreachable device) or none answered
 * 2xx within the deadline. Outcomes and late successes are reported on the executor, never on a stack thread.
 */
final class ContactFanout {
    private static final Logger LOG = LoggerFactory.getLogger(ContactFanout.class);

    /** What became of one fan-out. */
    interface Listener {
        /** Called once: true when a device answered 2xx before the deadline. */
        void onOutcome(boolean delivered);

        /** A 2xx that came after a failure had been reported (the deadline passed first). */
        default void onLateSuccess() {
        }
    }

    private final Outbound outbound;
    private final ScheduledExecutorService executor;
    private final Duration deadline;

    ContactFanout(Outbound outbound, ScheduledExecutorService executor, Duration deadline) {
        this.outbound = outbound;
        this.executor = executor;
        this.deadline = deadline;
    }

    /** @param requestFor builds the request for one contact URI */
    void send(List<Binding> contacts, Function<String, Request> requestFor, Listener listener) {
        if (contacts.isEmpty()) {
            executor.execute(() -> listener.onOutcome(false));
            return;
        }
        Fan fan = new Fan(contacts.size(), listener);
        fan.timer = executor.schedule(() -> {
            if (fan.state.compareAndSet(PENDING, FAILED)) {
                LOG.debug("no device accepted the message within {}", deadline);
                fan.listener.onOutcome(false);
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        for (Binding b : contacts) {
            Request r;
            try {
                r = requestFor.apply(b.contactUri());
            } catch (RuntimeException e) {
                LOG.debug("cannot address {}: {}", b.contactUri(), e.getMessage());
                finished(false, fan);
                continue;
            }
            outbound.send(r, response -> finished(response.getStatusCode() / 100 == 2, fan));
        }
    }

    private static final int PENDING = 0;
    private static final int DELIVERED = 1;
    private static final int FAILED = 2;

    /** The state of one fan-out. */
    private static final class Fan {
        final AtomicInteger pending;
        final AtomicInteger state = new AtomicInteger(PENDING);
        final AtomicBoolean lateReported = new AtomicBoolean();
        final Listener listener;
        volatile ScheduledFuture<?> timer;

        Fan(int devices, Listener listener) {
            this.pending = new AtomicInteger(devices);
            this.listener = listener;
        }

        void cancelTimer() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    private void finished(boolean ok, Fan fan) {
        int left = fan.pending.decrementAndGet();
        if (ok) {
            if (fan.state.compareAndSet(PENDING, DELIVERED)) {
                fan.cancelTimer();
                executor.execute(() -> fan.listener.onOutcome(true));
            } else if (fan.state.get() == FAILED && fan.lateReported.compareAndSet(false, true)) {
                executor.execute(fan.listener::onLateSuccess);
            }
        } else if (left == 0 && fan.state.compareAndSet(PENDING, FAILED)) {
            fan.cancelTimer();
            executor.execute(() -> fan.listener.onOutcome(false));
        }
    }
}
