package org.parley.server.transport;

import java.text.ParseException;
import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Answers OPTIONS addressed to the server itself (keep-alives, capability queries, monitoring): 200 with Allow. */
public final class ServerOptions {
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, MESSAGE, SUBSCRIBE, NOTIFY, REFER, INFO, UPDATE, PRACK, PUBLISH, SERVICE";
    /** Names this run of the server: a client that sees it change knows its subscriptions and publications are gone. */
    public static final String BOOT_HEADER = "X-Parley-Boot";

    private final Responses responses;
    private final SipFactories factories;
    private final String bootId;

    public ServerOptions(Responses responses, SipFactories factories) {
        this.responses = responses;
        this.factories = factories;
        this.bootId = Long.toHexString(new java.security.SecureRandom().nextLong());
    }

    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        Response ok = responses.create(request, Response.OK, null);
        try {
            for (String method : ALLOW.split(", ")) {
                ok.addHeader(factories.headers().createAllowHeader(method));
            }
            ok.addHeader(factories.headers().createAcceptHeader("application", "sdp"));
            ok.addHeader(factories.headers().createHeader(BOOT_HEADER, bootId));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        responses.send(event.getServerTransaction(), ok);
    }
}
