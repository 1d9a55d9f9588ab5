package org.parley.server.transport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** Host addresses and port probing for the listeners. */
public final class Addresses {
    private Addresses() {
    }

    public static boolean isWildcard(String bind) {
        return "0.0.0.0".equals(bind) || "::".equals(bind) || "[::]".equals(bind);
    }

    /** Every address of this host's interfaces (for recognising requests addressed to us). */
    public static Set<String> interfaceAddresses() {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String text = a.getHostAddress();
                    int zone = text.indexOf('%');
                    out.add(zone < 0 ? text : text.substring(0, zone));
                }
            }
        } catch (SocketException e) {
            // no interface list: loopback only
        }
        out.add("127.0.0.1");
        return out;
    }

    /** The address to advertise when bound to all interfaces: the first up, non-loopback IPv4, else loopback. */
    public static String primaryAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through
        }
        return "127.0.0.1";
    }

    /** A port free for both UDP and TCP on {@code bind}. */
    public static int freeUdpAndTcpPort(String bind) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(bind, 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(bind, port))) {
                    return port;
                } catch (IOException taken) {
                    // UDP side busy: try another
                }
            } catch (IOException e) {
                throw new ParleyException(ErrorCode.NETWORK_FAILURE, "cannot bind to " + bind + ": " + e.getMessage(), e);
            }
        }
        throw new ParleyException(ErrorCode.NETWORK_FAILURE, "no port free for both UDP and TCP on " + bind);
    }

    /** A free TCP port on {@code bind}. */
    public static int freeTcpPort(String bind) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(bind, 0));
            return tcp.getLocalPort();
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.NETWORK_FAILURE, "cannot bind to " + bind + ": " + e.getMessage(), e);
        }
    }
}
