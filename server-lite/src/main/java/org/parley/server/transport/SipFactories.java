package org.parley.server.transport;

import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** The JAIN-SIP factories every handler needs to build messages. */
public record SipFactories(AddressFactory addresses, HeaderFactory headers, MessageFactory messages) {
}
