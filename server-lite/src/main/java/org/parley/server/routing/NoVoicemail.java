package org.parley.server.routing;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** The desk when voicemail is off: nobody has a mailbox, so routing never hands a call over. */
public final class NoVoicemail implements VoicemailDesk {
    @Override
    public boolean hasMailbox(String user) {
        return false;
    }

    @Override
    public void takeCall(ServerTransaction transaction, Request invite, String user, String reason) {
        throw new IllegalStateException("voicemail is off: no mailbox for " + user);
    }
}
