package org.parley.core.client.sip;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.SipMessages;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;

/** SERVICE requests to the user's own AOR (docs/protocol.md): one JSON op in, one JSON object out. Engine thread. */
final class ServiceClient {
    static final String METHOD = "SERVICE";

    private final UserAgent ua;
    private final SipRequests requests;

    ServiceClient(UserAgent ua, SipRequests requests) {
        this.ua = ua;
        this.requests = requests;
    }

    CompletableFuture<ObjectNode> call(String json) {
        return call(ServiceCodec.parseObject(json));
    }

    CompletableFuture<ObjectNode> call(ObjectNode op) {
        Request r = requests.outOfDialog(METHOD, requests.aor());
        requests.body(r, ServiceCodec.SERVICE_CONTENT_TYPE, ServiceCodec.writeBytes(op));
        String name = op.path("op").asText();
        return ua.send(r).thenApply(resp -> {
            int s = resp.getStatusCode();
            String body = SipMessages.text(resp);
            if (s / 100 == 2) {
                return body.isBlank() ? ServiceCodec.object() : ServiceCodec.parseObject(body);
            }
            String msg = ServiceCodec.errorMessage(body, name + ": " + s + " " + resp.getReasonPhrase());
            throw new ParleyException(code(s), msg);
        });
    }

    private static ErrorCode code(int status) {
        switch (status) {
            case Response.BAD_REQUEST:
            case Response.REQUEST_ENTITY_TOO_LARGE:
                return ErrorCode.INVALID_ARGUMENT;
            case Response.NOT_FOUND:
                return ErrorCode.NOT_FOUND;
            case 409:
                return ErrorCode.ALREADY_EXISTS;
            case Response.UNAUTHORIZED:
            case Response.PROXY_AUTHENTICATION_REQUIRED:
                return ErrorCode.AUTHENTICATION_FAILED;
            case Response.REQUEST_TIMEOUT:
                return ErrorCode.TIMEOUT;
            default:
                return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.REFUSED;
        }
    }
}
