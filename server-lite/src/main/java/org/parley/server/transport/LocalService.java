package org.parley.server.transport;

import javax.sip.RequestEvent;
import javax.sip.message.Request;

/**
 * A service the server answers itself (presence agent, contact lists, IM relay...) instead of proxying.
 * The dispatcher offers each request, after the mandatory-header checks, to the services in order; the first
 * that {@link #accepts} it handles it; requests nobody accepts go to the proxy.
 */
public interface LocalService {
    /** Cheap test on the request alone (method, Event header, Request-URI); no I/O. */
    boolean accepts(Request request);

    /**
     * Whether this service takes an ACK (offered apart: the dispatcher hands ACKs to no service otherwise, since
     * ACKs for 2xx are end-to-end and belong to the proxy); for services that answer INVITEs as a user agent
     * (voicemail) and so receive the ACKs of their own dialogs.
     */
    default boolean acceptsAck(Request ack) {
        return false;
    }

    /** Handles and answers the request (create the server transaction if needed). Must not throw for bad input. */
    void handle(RequestEvent event);
}
