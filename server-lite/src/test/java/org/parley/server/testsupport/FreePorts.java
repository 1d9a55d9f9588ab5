package org.parley.server.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports for tests: never fixed ones, since other SIP software may listen on 5060 here. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port free for both UDP and TCP on 127.0.0.1 at the time of the call. */
    public static int udpAndTcp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(false);
                tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException taken) {
                    // UDP side busy: try another
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot probe for a free port", e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP after 50 attempts");
    }

    /** A free TCP port on 127.0.0.1. */
    public static int tcp() {
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return tcp.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot probe for a free port", e);
        }
    }
}
