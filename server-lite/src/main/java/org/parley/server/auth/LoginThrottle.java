package org.parley.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed-authentication throttling per (user, source address): {@code maxFailures} failures within
 * {@code window} lock that pair for {@code lockout}; while locked every attempt gets 403.
 * The lock is logged once, when it starts.
 */
public final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int maxFailures;
    private final long windowMillis;
    private final long lockoutMillis;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final Deque<Long> failures = new ArrayDeque<>();
        long lockedUntil;
    }

    public LoginThrottle(Clock clock, int maxFailures, Duration window, Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.lockoutMillis = lockout.toMillis();
    }

    private static String key(String user, String address) {
        return user + '|' + address;
    }

    public boolean isLocked(String user, String address) {
        Entry e = entries.get(key(user, address));
        if (e == null) {
            return false;
        }
        synchronized (e) {
            return e.lockedUntil > clock.millis();
        }
    }

    /** Records a failure; returns true when this failure locked the pair. */
    public boolean recordFailure(String user, String address) {
        if (entries.size() > MAX_TRACKED) {
            sweep();
        }
        long now = clock.millis();
        Entry e = entries.computeIfAbsent(key(user, address), k -> new Entry());
        synchronized (e) {
            e.failures.addLast(now);
            while (!e.failures.isEmpty() && e.failures.peekFirst() <= now - windowMillis) {
                e.failures.removeFirst();
            }
            if (e.failures.size() >= maxFailures && e.lockedUntil <= now) {
                e.lockedUntil = now + lockoutMillis;
                e.failures.clear();
                LOG.warn("authentication locked for user '{}' from {} for {} s after {} failures",
                        user, address, lockoutMillis / 1000, maxFailures);
                return true;
            }
            return false;
        }
    }

    public void recordSuccess(String user, String address) {
        entries.remove(key(user, address));
    }

    /** Drops entries with neither a lock nor a failure inside the window. */
    public void sweep() {
        long now = clock.millis();
        entries.entrySet().removeIf(en -> {
            Entry e = en.getValue();
            synchronized (e) {
                return e.lockedUntil <= now && (e.failures.isEmpty() || e.failures.peekLast() <= now - windowMillis);
            }
        });
    }
}
