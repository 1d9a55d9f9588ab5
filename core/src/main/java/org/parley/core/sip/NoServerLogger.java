package org.parley.core.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message log, sent to SLF4J at TRACE (logger {@code org.parley.sip.messages}) and otherwise silent.
 * Set as {@code gov.nist.javax.sip.SERVER_LOGGER}.
 */
public final class NoServerLogger implements ServerLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.parley.sip.messages");

    @Override
    public void closeLogFile() {
        // nothing open
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message);
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        logMessage(message, from, to, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, sender, 0L);
    }

    @Override
    public void logException(Exception ex) {
        LOG.debug("SIP stack exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // configured through SLF4J
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
