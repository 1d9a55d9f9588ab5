package org.parley.server.transport.malformed;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}: every message the stack reads goes through a
 * {@link StrictMessageParser}. JAIN-SIP creates this class by reflection (public no-argument constructor).
 */
public final class StrictMessageParserFactory implements MessageParserFactory {
    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new StrictMessageParser();
    }
}
