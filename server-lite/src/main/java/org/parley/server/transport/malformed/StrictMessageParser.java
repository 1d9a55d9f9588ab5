package org.parley.server.transport.malformed;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;

/**
 * JAIN-SIP's own parser, preceded by {@link RawRequestRules} for requests. JAIN-SIP's parser is liberal: it accepts
 * extra spaces in the Request-Line, repeated single-valued header fields (keeping one), spaces inside {@code <>} and
 * unquoted non-token display names. A request breaking those rules fails here with a {@link ParseException}, which
 * the UDP channel answers itself with an automatic 400 (when Via, CSeq, Call-ID, From and To can be copied) and
 * the stream channels drop; either way the application never sees it.
 */
public final class StrictMessageParser extends StringMsgParser {
    @Override
    public SIPMessage parseSIPMessage(byte[] message, boolean readBody, boolean strict, ParseExceptionListener handler)
            throws ParseException {
        String violation = RawRequestRules.violation(message);
        if (violation != null) {
            throw new ParseException(violation, 0);
        }
        SIPMessage parsed = super.parseSIPMessage(message, readBody, strict, handler);
        if (parsed instanceof SIPRequest request && request.getRequestLine() != null) {
            String version = RawRequestRules.requestVersion(message);
            if (version != null && !version.equalsIgnoreCase("SIP/2.0")) {
                // JAIN-SIP reports every version as SIP/2.0: keep the real one so the dispatcher can answer 505
                request.getRequestLine().setSipVersion(version);
            }
        }
        return parsed;
    }
}
