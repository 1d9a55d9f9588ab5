package org.parley.core.client.sip;

import java.util.HashMap;
import java.util.Map;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Response;
import org.parley.core.sip.UserAgent;

/** Routes NOTIFYs to their subscription by Call-ID; 481 for one we do not know. Engine thread only. */
final class SubscriptionRouter implements UserAgent.RequestProcessor {
    private final Map<String, SipSubscription> byCallId = new HashMap<>();
    private final UserAgent ua;

    SubscriptionRouter(UserAgent ua) {
        this.ua = ua;
    }

    void add(String callId, SipSubscription s) {
        byCallId.put(callId, s);
    }

    void remove(String callId) {
        byCallId.remove(callId);
    }

    @Override
    public void process(UserAgent.Incoming in) {
        String callId = ((CallIdHeader) in.request().getHeader(CallIdHeader.NAME)).getCallId();
        SipSubscription s = byCallId.get(callId);
        if (s == null) {
            ua.reply(in, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else {
            s.onNotify(in);
        }
    }
}
