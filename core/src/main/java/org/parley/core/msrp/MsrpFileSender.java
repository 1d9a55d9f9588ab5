package org.parley.core.msrp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * The sending (active) end of a one-file MSRP session: connects to the receiver's path, sends the file as one
 * message in SEND chunks with byte ranges, counts the 200 responses as progress and waits for the receiver's
 * Success-Report (REPORT) before calling it delivered. Runs on its own daemon threads; exactly one final event.
 */
public final class MsrpFileSender {

    /** What happens to the transfer, called on the sender's I/O threads. */
    public interface Events {
        /** Bytes the receiver confirmed so far. */
        void progress(long confirmed);

        /** The receiver's REPORT said 200: every byte arrived and it kept the file. */
        void delivered();

        /** The receiver refused or stopped the message (413 means it cancelled). */
        void refused(int status, String reason);

        /** The connection failed or the peer broke the protocol. */
        void failed(String why);
    }

    /** How long a failed write waits for the receiver's answer already on its way (a 413 after a stop). */
    private static final long WRITE_FAILURE_GRACE_MILLIS = 2000;

    private final MsrpUri local;
    private final MsrpUri remote;
    private final Path file;
    private final long size;
    private final String contentType;
    private final int chunkSize;
    private final SSLContext tls;
    private final int timeoutMillis;
    private final Events events;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private volatile boolean aborted;
    private volatile Socket socket;
    private volatile long confirmed;

    /**
     * @param tls           the pinned context for an msrps path, null for plain TCP
     * @param timeoutMillis connect/handshake limit, and the longest silence from the receiver while waiting
     */
    public MsrpFileSender(MsrpUri local, MsrpUri remote, Path file, long size, String contentType, int chunkSize,
                          SSLContext tls, int timeoutMillis, Events events) {
        this.local = local;
        this.remote = remote;
        this.file = file;
        this.size = size;
        this.contentType = contentType;
        this.chunkSize = chunkSize;
        this.tls = tls;
        this.timeoutMillis = timeoutMillis;
        this.events = events;
    }

    public void start() {
        Thread t = new Thread(this::run, "msrp-send-" + local.sessionId());
        t.setDaemon(true);
        t.start();
    }

    /** Stops sending: the message is ended with the abort flag ({@code #}) and the connection closed. */
    public void abort() {
        aborted = true;
        finished.set(true);
        java.util.concurrent.CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS)
                .execute(() -> MsrpSockets.closeQuietly(socket));
    }

    /** Closes the connection without further events. */
    public void close() {
        finished.set(true);
        MsrpSockets.closeQuietly(socket);
    }

    private void run() {
        try {
            Socket s = MsrpSockets.connect(remote, tls, timeoutMillis);
            socket = s;
            if (finished.get() && !aborted) {
                MsrpSockets.closeQuietly(s);
                return;
            }
            Thread reader = new Thread(() -> read(s), "msrp-send-reader-" + local.sessionId());
            reader.setDaemon(true);
            reader.start();
            try {
                send(s.getOutputStream());
            } catch (IOException writeFailed) {
                // a receiver that stops answers 413 and closes: give the reader the chance to report that answer
                // (the real outcome) before calling the broken write a failure
                awaitQuietly(reader, WRITE_FAILURE_GRACE_MILLIS);
                fail("MSRP connection to " + remote.host() + ":" + remote.port() + " failed: "
                        + MsrpSockets.rootMessage(writeFailed));
                MsrpSockets.closeQuietly(s);
            }
        } catch (IOException e) {
            fail("MSRP connection to " + remote.host() + ":" + remote.port() + " failed: " + MsrpSockets.rootMessage(e));
        }
    }

    private static void awaitQuietly(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(OutputStream out) throws IOException {
        String messageId = MsrpSockets.randomId(16);
        byte[] buf = new byte[chunkSize];
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            do {
                if (aborted) {
                    out.write(chunk(messageId, offset, new byte[0], MsrpMessage.ABORTED).encode());
                    out.flush();
                    MsrpSockets.closeQuietly(socket);
                    return;
                }
                int n = in.readNBytes(buf, 0, (int) Math.min(chunkSize, size - offset));
                if (n < Math.min(chunkSize, size - offset)) {
                    fail("the file " + file.getFileName() + " became shorter while it was being sent");
                    MsrpSockets.closeQuietly(socket);
                    return;
                }
                byte[] body = n == buf.length ? buf.clone() : java.util.Arrays.copyOf(buf, n);
                boolean last = offset + n >= size;
                MsrpMessage m = chunk(messageId, offset, body, last ? MsrpMessage.COMPLETE : MsrpMessage.CONTINUED);
                pending.put(m.transactionId(), offset + n);
                out.write(m.encode());
                offset += n;
            } while (offset < size);
            out.flush();
        }
    }

    private MsrpMessage chunk(String messageId, long offset, byte[] body, char flag) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("To-Path", remote.toString());
        h.put("From-Path", local.toString());
        h.put("Message-ID", messageId);
        h.put("Byte-Range", new ByteRange(offset + 1, offset + body.length, size).toString());
        h.put("Success-Report", "yes");
        h.put("Failure-Report", "yes");
        h.put("Content-Type", contentType);
        return MsrpMessage.request(MsrpSockets.randomId(12), "SEND", h, body, flag);
    }

    private void read(Socket s) {
        try {
            s.setSoTimeout(timeoutMillis);
            MsrpReader reader = new MsrpReader(s.getInputStream(), 65536);
            while (true) {
                MsrpMessage m;
                try {
                    m = reader.read();
                } catch (java.net.SocketTimeoutException idle) {
                    fail("the MSRP receiver sent nothing for " + timeoutMillis / 1000 + " s");
                    MsrpSockets.closeQuietly(s);
                    return;
                }
                if (m == null) {
                    fail("the MSRP receiver closed the connection before confirming the file");
                    return;
                }
                if (!m.isRequest()) {
                    onResponse(m);
                } else if ("REPORT".equals(m.method())) {
                    onReport(m);
                }
                if (finished.get()) {
                    MsrpSockets.closeQuietly(s);
                    return;
                }
            }
        } catch (IOException e) {
            fail("MSRP connection lost: " + MsrpSockets.rootMessage(e));
        }
    }

    private void onResponse(MsrpMessage m) {
        Long end = pending.remove(m.transactionId());
        if (m.status() / 100 == 2) {
            if (end != null && end > confirmed) {
                confirmed = end;
                if (!finished.get()) {
                    events.progress(end);
                }
            }
        } else if (finished.compareAndSet(false, true)) {
            events.refused(m.status(), m.reason());
        }
    }

    private void onReport(MsrpMessage m) {
        String status = m.header("Status");
        String[] parts = status == null ? new String[0] : status.trim().split(" ", 3);
        int code = parts.length >= 2 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
        if (code == 200) {
            ByteRange range = null;
            try {
                range = m.header("Byte-Range") == null ? null : ByteRange.parse(m.header("Byte-Range"));
            } catch (MsrpException ignored) {
                // a report without a usable range confirms the whole message
            }
            if (range != null && range.end() >= 0 && range.end() < size) {
                return;
            }
            if (confirmed < size) {
                confirmed = size;
                if (!finished.get()) {
                    events.progress(size);
                }
            }
            if (finished.compareAndSet(false, true)) {
                events.delivered();
            }
        } else if (finished.compareAndSet(false, true)) {
            events.refused(code, parts.length >= 3 ? parts[2] : "failure report");
        }
    }

    private void fail(String why) {
        if (finished.compareAndSet(false, true)) {
            events.failed(why);
        }
    }
}
