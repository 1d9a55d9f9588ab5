package org.parley.client.testing;

import java.util.ArrayList;
import java.util.List;
import org.parley.client.contacts.Later;

/** A {@link Later} whose tasks run when the test says so. */
public final class ManualLater implements Later {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public void run(Runnable task) {
        pending.add(task);
    }

    public int pending() {
        return pending.size();
    }

    /** Runs what is waiting (and nothing scheduled meanwhile). */
    public void elapse() {
        List<Runnable> now = List.copyOf(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }
}
