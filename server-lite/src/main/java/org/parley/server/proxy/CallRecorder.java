package org.parley.server.proxy;

import org.parley.server.cdr.CallDetails;

/** A fork listener that only writes the caller's final status into the call's detail record. */
class CallRecorder implements ForkContext.Listener {
    private final CallDetails.Call record;

    CallRecorder(CallDetails.Call record) {
        this.record = record;
    }

    @Override
    public void finalSent(int status) {
        record.finished(status, false);
    }

    @Override
    public Runnable fallback(boolean timedOut) {
        return null;
    }
}
