package org.parley.core.msrp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The receiving (passive) end of a one-file MSRP session: accepts the sender's one connection, writes each SEND
 * chunk at its byte range into a file, answers every chunk with 200, and once every byte is in asks
 * {@link Events#received()} for a verdict, which goes back to the sender as a REPORT. Runs on its own daemon thread;
 * exactly one final event.
 */
public final class MsrpFileReceiver {

    /** What happens to the transfer, called on the receiver's I/O thread. */
    public interface Events {
        void progress(long received);

        /** Every byte is in the file: returns null to keep it (REPORT 200), or why it is refused (REPORT 400). */
        String received();

        /** The sender aborted the message ({@code #}). */
        void aborted();

        void failed(String why);
    }

    /**
     * How long a stopped receiver keeps reading (and dropping) the chunks already in flight after its 413, so that
     * closing does not reset the connection before the sender has read the 413.
     */
    private static final int STOP_DRAIN_MILLIS = 2000;

    private final MsrpUri local;
    private final ServerSocket listener;
    private final Path target;
    private final long size;
    private final int maxChunk;
    private final int timeoutMillis;
    private final Events events;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Socket socket;

    /**
     * @param listener      from {@link MsrpSockets#listen}; closed once the sender connected
     * @param target        an existing file to write into (never created here: a file deleted meanwhile stays deleted)
     * @param timeoutMillis how long to wait for the sender to connect, and the longest silence during the transfer
     */
    public MsrpFileReceiver(MsrpUri local, ServerSocket listener, Path target, long size, int maxChunk,
                            int timeoutMillis, Events events) {
        this.local = local;
        this.listener = listener;
        this.target = target;
        this.size = size;
        this.maxChunk = maxChunk;
        this.timeoutMillis = timeoutMillis;
        this.events = events;
    }

    public void start() {
        Thread t = new Thread(this::run, "msrp-receive-" + local.sessionId());
        t.setDaemon(true);
        t.start();
    }

    /**
     * Stops receiving: the next chunk is answered 413 (stop sending) and the connection closes once the sender has
     * hung up (or after a short grace). No more events.
     */
    public void stop() {
        finished.set(true);
        stopping = true;
        MsrpSockets.closeQuietly(listener);
        CompletableFuture.delayedExecutor(STOP_DRAIN_MILLIS + 1000L, TimeUnit.MILLISECONDS)
                .execute(() -> MsrpSockets.closeQuietly(socket));
    }

    /** Closes everything at once without further events. */
    public void close() {
        finished.set(true);
        MsrpSockets.closeQuietly(listener);
        MsrpSockets.closeQuietly(socket);
    }

    private void run() {
        Socket s;
        try {
            s = MsrpSockets.accept(listener, timeoutMillis);
            socket = s;
        } catch (java.net.SocketTimeoutException e) {
            fail("the sender did not connect within " + timeoutMillis / 1000 + " s");
            return;
        } catch (IOException e) {
            fail("MSRP connection from the sender failed: " + MsrpSockets.rootMessage(e));
            return;
        } finally {
            MsrpSockets.closeQuietly(listener);
        }
        try (s; FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            s.setSoTimeout(timeoutMillis);
            MsrpReader reader = new MsrpReader(s.getInputStream(), maxChunk);
            OutputStream wire = s.getOutputStream();
            long received = 0;
            while (true) {
                MsrpMessage m = reader.read();
                if (m == null) {
                    fail("the sender closed the MSRP connection after " + received + " of " + size + " bytes");
                    return;
                }
                if (!m.isRequest()) {
                    continue;
                }
                if (!sessionMatches(m)) {
                    wire.write(response(m, 481, "Session Does Not Exist").encode());
                    continue;
                }
                if (!"SEND".equals(m.method())) {
                    if (!"REPORT".equals(m.method())) {
                        wire.write(response(m, 501, "Not Implemented").encode());
                    }
                    continue;
                }
                if (stopping) {
                    wire.write(response(m, 413, "Stop Sending").encode());
                    wire.flush();
                    MsrpSockets.drain(s, STOP_DRAIN_MILLIS);
                    return;
                }
                byte[] body = m.body() == null ? new byte[0] : m.body();
                if (body.length > 0 || m.header("Byte-Range") != null) {
                    ByteRange range = ByteRange.parse(m.header("Byte-Range") == null ? "" : m.header("Byte-Range"));
                    if (range.total() != size || range.start() - 1 + body.length > size) {
                        wire.write(response(m, 400, "Bad Request").encode());
                        fail("the sender's byte range " + range + " does not fit the offered size " + size);
                        return;
                    }
                    out.write(ByteBuffer.wrap(body), range.start() - 1);
                    received += body.length;
                }
                if (!"no".equalsIgnoreCase(m.header("Failure-Report"))) {
                    wire.write(response(m, 200, "OK").encode());
                }
                if (m.flag() == MsrpMessage.ABORTED) {
                    wire.flush();
                    if (finished.compareAndSet(false, true)) {
                        events.aborted();
                    }
                    return;
                }
                if (!finished.get()) {
                    events.progress(received);
                }
                if (m.flag() == MsrpMessage.COMPLETE && received >= size) {
                    wire.flush();
                    out.force(false);
                    out.close();
                    finish(m, wire);
                    return;
                }
                if (received > size) {
                    fail("the sender sent more than the offered " + size + " bytes");
                    return;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            fail("the sender sent nothing for " + timeoutMillis / 1000 + " s");
        } catch (IOException e) {
            fail("MSRP transfer failed: " + MsrpSockets.rootMessage(e));
        }
    }

    private void finish(MsrpMessage last, OutputStream wire) throws IOException {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        String refusal = events.received();
        if (!"yes".equalsIgnoreCase(last.header("Success-Report")) && refusal == null) {
            return;
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("To-Path", last.header("From-Path"));
        h.put("From-Path", local.toString());
        h.put("Message-ID", last.header("Message-ID") == null ? "-" : last.header("Message-ID"));
        h.put("Byte-Range", new ByteRange(1, size, size).toString());
        h.put("Status", refusal == null ? "000 200 OK" : "000 400 " + refusal.replaceAll("[\\r\\n]", " "));
        wire.write(MsrpMessage.request(MsrpSockets.randomId(12), "REPORT", h, null, MsrpMessage.COMPLETE).encode());
        wire.flush();
    }

    private boolean sessionMatches(MsrpMessage m) {
        String to = m.header("To-Path");
        if (to == null) {
            return false;
        }
        try {
            String[] hops = to.trim().split("\\s+");
            return MsrpUri.parse(hops[hops.length - 1]).sessionId().equals(local.sessionId());
        } catch (MsrpException e) {
            return false;
        }
    }

    private MsrpMessage response(MsrpMessage request, int status, String reason) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("To-Path", request.header("From-Path") == null ? "" : request.header("From-Path"));
        h.put("From-Path", local.toString());
        return MsrpMessage.response(request.transactionId(), status, reason, h);
    }

    private void fail(String why) {
        if (finished.compareAndSet(false, true)) {
            events.failed(why);
        }
    }
}
