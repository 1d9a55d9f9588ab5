package org.parley.server.testsupport;

import org.parley.server.transport.Addresses;

/** Ports for tests: never fixed ones, since other SIP software may listen on 5060 here. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port free for both UDP and TCP on 127.0.0.1 at the time of the call. */
    public static int udpAndTcp() {
        return Addresses.freeUdpAndTcpPort("127.0.0.1");
    }

    /** A free TCP port on 127.0.0.1. */
    public static int tcp() {
        return Addresses.freeTcpPort("127.0.0.1");
    }
}
