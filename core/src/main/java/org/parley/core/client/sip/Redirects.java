package org.parley.core.client.sip;

import java.text.ParseException;
import java.util.Locale;
import javax.sip.SipException;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Response;
import org.parley.core.client.CallTarget;
import org.parley.core.sip.UserAgent.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redirection of calls (RFC 3261 §8.1.3.4, §21.3): the Contact a callee puts in its 302 for a {@link CallTarget},
 * sending that 302, and the Contact a caller follows when it gets one.
 */
final class Redirects {
    private static final Logger LOG = LoggerFactory.getLogger(Redirects.class);
    /** How many 3xx one call follows before it gives up (a loop of redirects ends). */
    static final int MAX = 5;

    private Redirects() {
    }

    /**
     * Where {@code target} points: a user's AOR, a number as {@code sip:DIGITS@domain;user=phone} (the server's
     * gateway routing decides where it goes), or {@code sip:voicemail@domain;mailbox=USER} for this user's voicemail.
     */
    static String contactFor(CallTarget target, String domain, String ownUser) {
        return switch (target.kind()) {
            case USER -> Uris.normalize(target.value(), domain);
            case NUMBER -> "sip:" + target.value().replaceAll("[ ().-]", "") + "@" + domain + ";user=phone";
            case VOICEMAIL -> "sip:voicemail@" + domain + ";mailbox=" + ownUser;
            case NONE -> throw new IllegalArgumentException("redirect to where?");
        };
    }

    /** The user part of an AOR ({@code sip:bob@example.org} gives {@code bob}). */
    static String user(String aor) {
        String s = aor.toLowerCase(Locale.ROOT).startsWith("sips:") ? aor.substring(5)
                : aor.toLowerCase(Locale.ROOT).startsWith("sip:") ? aor.substring(4) : aor;
        int at = s.indexOf('@');
        return at < 0 ? s : s.substring(0, at);
    }

    /** Answers {@code invite} 302 Moved Temporarily with {@code contact}. */
    static void moved(CallSession.Context ctx, Incoming invite, String localTag, String contact) {
        try {
            Response r = ctx.ua().endpoint().messages().createResponse(Response.MOVED_TEMPORARILY, invite.request());
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(localTag);
            }
            r.addHeader(ctx.requests().parseHeader(ContactHeader.NAME, "<" + contact + ">"));
            invite.transaction().sendResponse(r);
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not redirect a call to {}: {}", contact, e.toString());
        }
    }

    /** The first Contact of a 3xx (where to try next), or null. */
    static String contact(Response r) {
        ContactHeader c = (ContactHeader) r.getHeader(ContactHeader.NAME);
        return c == null || c.getAddress() == null ? null : c.getAddress().getURI().toString();
    }
}
