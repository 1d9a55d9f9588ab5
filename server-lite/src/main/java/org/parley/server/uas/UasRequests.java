package org.parley.server.uas;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.transport.Responses;

/**
 * The request handling every server-side media endpoint shares: an ACK marks its dialog acknowledged; a request with
 * a To tag goes to its dialog (481 when there is none); a new INVITE to the endpoint; OPTIONS gets 200; anything
 * else the endpoint does not take gets 405. Also sends the 200 of an INVITE, again and again over UDP until its ACK
 * (RFC 3261 13.3.1.4).
 *
 * @param <D> the endpoint's dialog type
 */
public final class UasRequests<D extends UasDialog> {
    /** The timer a UDP 200 is retransmitted for at most (64 × T1). */
    private static final long RETRANSMIT_FOR_MS = 32_000;
    private static final long T1_MS = 500;
    private static final long T2_MS = 4000;

    /** What an endpoint does with the requests that are its own. */
    public interface Endpoint<D> {
        /** A new INVITE (no To tag); the endpoint answers it on {@code tx}. */
        void invite(ServerTransaction tx, Request invite);

        /** A request in one of the endpoint's dialogs (never null); answered on {@code tx}. */
        void inDialog(ServerTransaction tx, Request request, D dialog);

        /**
         * Another request outside a dialog (not INVITE, ACK or OPTIONS): true when the endpoint answered it; false
         * answers 405 with {@link #takes()}.
         */
        default boolean other(ServerTransaction tx, Request request) {
            return false;
        }

        /** The reason phrase of a 405, e.g. "Voicemail takes calls only". */
        String takes();
    }

    private final Responses responses;
    private final Map<String, D> dialogs;
    private final ScheduledExecutorService scheduler;
    private final Endpoint<D> endpoint;

    /** @param dialogs the endpoint's live dialogs by {@link UasDialog#key()} */
    public UasRequests(Responses responses, Map<String, D> dialogs, ScheduledExecutorService scheduler,
                       Endpoint<D> endpoint) {
        this.responses = responses;
        this.dialogs = dialogs;
        this.scheduler = scheduler;
        this.endpoint = endpoint;
    }

    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        D dialog = toTag == null ? null : dialogs.get(UasDialog.key(callId, toTag));
        if (Request.ACK.equals(request.getMethod())) {
            if (dialog != null) {
                dialog.acked = true;
            }
            return;
        }
        ServerTransaction tx = responses.serverTransaction(event);
        if (tx == null) {
            return;
        }
        if (toTag != null) {
            if (dialog == null) {
                responses.reply(tx, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            } else {
                endpoint.inDialog(tx, request, dialog);
            }
        } else if (Request.INVITE.equals(request.getMethod())) {
            endpoint.invite(tx, request);
        } else if (Request.OPTIONS.equals(request.getMethod())) {
            responses.reply(tx, request, Response.OK, null);
        } else if (!endpoint.other(tx, request)) {
            responses.reply(tx, request, Response.METHOD_NOT_ALLOWED, endpoint.takes());
        }
    }

    /** Sends {@code dialog.ok} on {@code tx}; over UDP again (T1 doubling up to T2) until the ACK or the end. */
    public void sendOk(ServerTransaction tx, D dialog) {
        responses.send(tx, dialog.ok);
        if ("UDP".equalsIgnoreCase(((ViaHeader) dialog.invite.getHeader(ViaHeader.NAME)).getTransport())) {
            retransmit(dialog, T1_MS, T1_MS);
        }
    }

    private void retransmit(D dialog, long interval, long elapsed) {
        scheduler.schedule(() -> {
            if (dialog.acked || dialog.ended.get() || elapsed > RETRANSMIT_FOR_MS) {
                return;
            }
            responses.send(null, dialog.ok);
            long next = Math.min(interval * 2, T2_MS);
            retransmit(dialog, next, elapsed + next);
        }, interval, TimeUnit.MILLISECONDS);
    }
}
