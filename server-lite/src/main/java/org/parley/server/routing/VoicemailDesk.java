package org.parley.server.routing;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * What call routing needs of voicemail (implemented by {@code org.parley.server.voicemail}): whether a user has a
 * mailbox, and taking over an INVITE's server transaction as the user agent server that records a message.
 */
public interface VoicemailDesk {

    /** Whether calls for {@code user} (a local user name) can go to voicemail (voicemail on, the user exists). */
    boolean hasMailbox(String user);

    /**
     * Answers {@code invite} (its server transaction is {@code transaction}; nothing has been sent on it but 100/18x)
     * as the voicemail of {@code user}: 200 with an SDP answer (SRTP or plain RTP G.711/Opus), greeting, tone,
     * recording. {@code reason} is one of no-answer, busy, dnd, unavailable, forward-all, direct, redirect.
     */
    void takeCall(ServerTransaction transaction, Request invite, String user, String reason);
}
