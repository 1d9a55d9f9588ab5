package org.parley.core.sip;

import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops a JAIN-SIP stack completely, including the event scanner thread its {@code stop()} leaves blocked. */
public final class StackShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(StackShutdown.class);

    private StackShutdown() {
    }

    public static void stop(SipStack stack, SipProvider provider) {
        gov.nist.javax.sip.EventScanner scanner = stack instanceof gov.nist.javax.sip.SipStackImpl impl
                ? impl.getEventScanner() : null;
        if (provider != null) {
            for (ListeningPoint lp : provider.getListeningPoints()) {
                try {
                    provider.removeListeningPoint(lp);
                    stack.deleteListeningPoint(lp);
                } catch (ObjectInUseException | RuntimeException e) {
                    // JAIN-SIP's UDP processor can throw ConcurrentModificationException while its threads end;
                    // stop() below stops whatever is left
                    LOG.debug("closing listening point {}: {}", lp, e.toString());
                }
            }
            try {
                stack.deleteSipProvider(provider);
            } catch (ObjectInUseException | RuntimeException e) {
                LOG.debug("closing SIP provider: {}", e.toString());
            }
        }
        stack.stop();
        if (scanner != null) {
            // the scanner waits on its queue: mark it stopped and wake it with an event no listener handles
            scanner.forceStop();
            scanner.addEvent(new gov.nist.javax.sip.EventWrapper(new java.util.EventObject(stack), null));
        }
    }
}
