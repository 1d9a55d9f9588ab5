import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/presence load driver: N signed-in watchers, each with a resource-list subscription to its own contact list
 * ({@code sip:wNNNNN~contacts@D}, docs/protocol.md), and one publisher whose state every watcher has in its list.
 * Measures the time from sending the publisher's PUBLISH to each watcher receiving the NOTIFY that carries the new
 * state (a marker in the note), over several rounds, and prints p50/p99.
 *
 * <p>Raw SIP over TCP on 127.0.0.1 (the NOTIFYs of a 100-resource list do not fit a UDP datagram): watchers share a
 * few connections, each bound to its own local port, which is also the port of the watchers' Contact; servers send
 * the NOTIFYs back over the same connection. Digest (MD5 or SHA-256) for REGISTER (401) and the rest (407); a
 * nonce is reused with a growing nonce count. No dependencies: {@code java PresenceLoad.java --help}.
 * Every wait is bounded; the program exits with status 1 when a phase fails.
 */
public final class PresenceLoad {
    static final String UA = "parley-bench-presence";

    final String host;
    final int port;
    final String domain;
    final String wPrefix;
    final String passPrefix;
    final String publisher;
    final String publisherPassword;
    final int watchers;
    final int contacts;
    final int rounds;
    final boolean seedContacts;
    final boolean direct;
    final int parallel;
    final int subscribeRate;
    final long roundTimeoutMs;
    final long settleMaxMs;
    final long quietMs;
    final long txTimeoutMs = 32_000;
    final int imUsers;
    final String imPrefix;
    final int imStart;
    final int imMax;
    final int imStep;
    final int imBisections;
    final long imBudgetMs;
    volatile ImStep imStepNow;

    final List<Conn> conns = new ArrayList<>();
    final Map<String, CompletableFuture<Msg>> pending = new ConcurrentHashMap<>();
    final Map<String, Watcher> dialogs = new ConcurrentHashMap<>();
    final Map<String, Digest> auth = new ConcurrentHashMap<>();
    final AtomicLong lastNotifyNanos = new AtomicLong(System.nanoTime());
    final AtomicLong notifies = new AtomicLong();
    final AtomicInteger ids = new AtomicInteger();
    Watcher[] ws;
    volatile Round round;
    volatile boolean closing;

    PresenceLoad(Map<String, String> o) {
        String[] server = o.getOrDefault("server", "127.0.0.1:5060").split(":");
        host = server[0];
        port = Integer.parseInt(server[1]);
        domain = o.getOrDefault("domain", "bench.test");
        wPrefix = o.getOrDefault("watcher-prefix", "w");
        passPrefix = o.getOrDefault("pass-prefix", "pw");
        publisher = o.getOrDefault("publisher", "pub");
        publisherPassword = o.getOrDefault("publisher-password", passPrefix + publisher);
        watchers = Integer.parseInt(o.getOrDefault("watchers", "1000"));
        contacts = Integer.parseInt(o.getOrDefault("contacts", "100"));
        rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        seedContacts = o.containsKey("seed-contacts");
        direct = o.containsKey("direct");
        parallel = Integer.parseInt(o.getOrDefault("parallel", "64"));
        subscribeRate = Integer.parseInt(o.getOrDefault("subscribe-rate", "100"));
        roundTimeoutMs = Long.parseLong(o.getOrDefault("round-timeout", "15")) * 1000;
        settleMaxMs = Long.parseLong(o.getOrDefault("settle-max", "120")) * 1000;
        quietMs = Long.parseLong(o.getOrDefault("quiet-ms", "3000"));
        imUsers = Integer.parseInt(o.getOrDefault("im-users", "0"));
        imPrefix = o.getOrDefault("im-prefix", "m");
        imStart = Integer.parseInt(o.getOrDefault("im-start", "500"));
        imMax = Integer.parseInt(o.getOrDefault("im-max", "32000"));
        imStep = Integer.parseInt(o.getOrDefault("im-step", "10"));
        imBisections = Integer.parseInt(o.getOrDefault("im-bisections", "3"));
        imBudgetMs = Long.parseLong(o.getOrDefault("im-budget", "170")) * 1000;
        if (contacts < 1 || contacts > watchers) {
            throw new IllegalArgumentException("--contacts must be between 1 and --watchers");
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            String k = args[i].substring(2);
            if (k.equals("help")) {
                usage(null);
            } else if (k.equals("seed-contacts") || k.equals("direct")) {
                o.put(k, "true");
            } else if (i + 1 < args.length) {
                o.put(k, args[++i]);
            } else {
                usage("--" + k + " needs a value");
            }
        }
        PresenceLoad load = new PresenceLoad(o);
        int rc = load.imUsers > 0 ? load.runIm() : load.run();
        System.exit(rc);
    }

    static void usage(String error) {
        System.err.println((error != null ? error + "\n" : "")
                + "usage: java PresenceLoad.java --server 127.0.0.1:PORT [--domain D] [--watchers N] [--contacts K]\n"
                + "  [--rounds R] [--publisher USER] [--publisher-password P] [--watcher-prefix w] [--pass-prefix pw]\n"
                + "  [--seed-contacts] [--direct] [--parallel P] [--subscribe-rate PER_SECOND] [--quiet-ms MS] [--round-timeout S] [--settle-max S]\n"
                + "Watcher i is PREFIX + i (5 digits), password PASS_PREFIX + the same digits (the publisher's: by\n"
                + "default PASS_PREFIX + its name). Contacts of watcher i: the publisher, then the K-1 watchers after i.\n"
                + "--seed-contacts: add the contacts first with SERVICE contacts.add (Parley).\n"
                + "--direct: each watcher subscribes to the publisher alone (no resource list; no contacts needed).\n"
                + "IM relay instead: --im-users N [--im-prefix m] [--im-start RATE] [--im-max RATE] [--im-step SECONDS]\n"
                + "  [--im-bisections B] [--im-budget SECONDS]: user i sends to user i + N/2, all online here; rates\n"
                + "  double from the start rate until a step fails, then bisect; prints the highest passing rate.");
        System.exit(error == null ? 0 : 2);
    }

    static List<String> contactsOf(int i, int watchers, int contacts, String prefix, String publisher, String domain) {
        List<String> out = new ArrayList<>();
        out.add("sip:" + publisher + "@" + domain);
        for (int k = 1; k < contacts; k++) {
            out.add(String.format("sip:%s%05d@%s", prefix, (i + k) % watchers, domain));
        }
        return out;
    }

    int run() throws Exception {
        long t0 = System.nanoTime();
        int nconn = Math.max(1, Math.min(20, watchers / 50 + 1));
        for (int c = 0; c < nconn + 1; c++) {
            conns.add(new Conn(this, host, port));
        }
        ws = new Watcher[watchers];
        for (int i = 0; i < watchers; i++) {
            ws[i] = new Watcher(String.format("%s%05d", wPrefix, i), passPrefix + String.format("%05d", i),
                    conns.get(i % nconn));
        }
        Watcher pub = new Watcher(publisher, publisherPassword, conns.get(nconn));
        warmConnections();
        log("%d watchers%s, server %s:%d, %d TCP connections", watchers,
                direct ? ", each subscribed to the publisher" : " x " + contacts + " contacts", host, port, nconn + 1);

        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            // 1. sign in
            long t = System.nanoTime();
            int failed = forAll(pool, i -> register(i < watchers ? ws[i] : pub), watchers + 1);
            log("registered %d users in %.1f s (%d failed)", watchers + 1, secs(t), failed);
            if (failed > 0) {
                return fail("registration failed");
            }
            // 2. contact lists (Parley: over SIP)
            if (seedContacts) {
                t = System.nanoTime();
                AtomicInteger ops = new AtomicInteger();
                failed = forAll(pool, i -> {
                    for (String uri : contactsOf(i, watchers, contacts, wPrefix, publisher, domain)) {
                        Msg r = request(ws[i], "SERVICE", "sip:" + ws[i].user + "@" + domain, null,
                                "Content-Type: application/vnd.parley.service+json\r\n",
                                "{\"op\":\"contacts.add\",\"uri\":\"" + uri + "\"}");
                        ops.incrementAndGet();
                        if (r.code != 200 && r.code != 409) {
                            throw new IllegalStateException("contacts.add " + uri + " for " + ws[i].user + ": "
                                    + r.startLine + " " + new String(r.body, StandardCharsets.UTF_8));
                        }
                    }
                    return true;
                }, watchers);
                log("contacts.add: %d operations in %.1f s (%.0f/s), %d watchers failed", ops.get(), secs(t),
                        ops.get() / secs(t), failed);
                if (failed > 0) {
                    return fail("seeding contact lists failed");
                }
            }
            // 3. one resource-list subscription per watcher
            t = System.nanoTime();
            // paced (default 100 lists a second, as users signing in over ten seconds), not one burst
            long start = System.nanoTime();
            failed = forAll(pool, i -> {
                long due = start + i * 1_000_000_000L / subscribeRate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                return subscribe(ws[i]);
            }, watchers);
            log("subscribed %d %s in %.1f s (%d failed)", watchers, direct ? "watchers to the publisher" : "resource lists",
                    secs(t), failed);
            if (failed > 0) {
                return fail("subscriptions failed");
            }
            // 4. wait for the first NOTIFY of each, then for the initial back-end traffic to settle
            t = System.nanoTime();
            long end = System.nanoTime() + settleMaxMs * 1_000_000;
            while (System.nanoTime() < end) {
                boolean all = Arrays.stream(ws).allMatch(w -> w.notifies.get() > 0);
                if (all && System.nanoTime() - lastNotifyNanos.get() > quietMs * 1_000_000) {
                    break;
                }
                Thread.sleep(200);
            }
            long without = Arrays.stream(ws).filter(w -> w.notifies.get() == 0).count();
            int minRes = Arrays.stream(ws).mapToInt(w -> w.maxResources).min().orElse(0);
            int maxRes = Arrays.stream(ws).mapToInt(w -> w.maxResources).max().orElse(0);
            log("initial NOTIFYs: %d in %.1f s; watchers without a NOTIFY: %d; resources per NOTIFY (largest seen"
                    + " per watcher): min %d max %d", notifies.get(), secs(t), without, minRes, maxRes);
            if (without > 0) {
                return fail(without + " watchers got no NOTIFY");
            }
            // 5. rounds: PUBLISH, then every watcher's NOTIFY with the new state
            List<Double> samples = new ArrayList<>();
            long missing = 0;
            String etag = null;
            for (int r = 0; r <= rounds; r++) {
                String marker = "bench-r" + r + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
                Round cur = new Round(marker, watchers);
                round = cur;
                String[] headers = publishHeaders(etag);
                cur.t0 = System.nanoTime();
                Msg resp = request(pub, "PUBLISH", "sip:" + publisher + "@" + domain, null, headers[0],
                        pidf(r % 2 == 0 ? "busy" : "away", marker));
                long publishMs = (System.nanoTime() - cur.t0) / 1_000_000;
                if (resp.code / 100 != 2) {
                    return fail("PUBLISH answered " + resp.startLine);
                }
                etag = resp.header("SIP-ETag");
                cur.done.await(roundTimeoutMs, TimeUnit.MILLISECONDS);
                round = null;
                double[] lat = cur.latencies();
                long got = Arrays.stream(lat).filter(x -> x >= 0).count();
                double[] sorted = Arrays.stream(lat).filter(x -> x >= 0).sorted().toArray();
                log("round %d%s: PUBLISH %s in %d ms; NOTIFY with the new state at %d/%d watchers; p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms", r, r == 0 ? " (warm-up, not counted)" : "", resp.code,
                        publishMs, got, watchers, pct(sorted, 50), pct(sorted, 99),
                        sorted.length > 0 ? sorted[sorted.length - 1] : Double.NaN);
                if (r > 0) {
                    for (double x : sorted) {
                        samples.add(x);
                    }
                    missing += watchers - got;
                }
                // let late NOTIFYs and their answers pass before the next change
                long q = System.nanoTime() + 10_000_000_000L;
                while (System.nanoTime() < q && System.nanoTime() - lastNotifyNanos.get() < quietMs * 333_333) {
                    Thread.sleep(100);
                }
            }
            round = null;
            t = System.nanoTime();
            failed = forAll(pool, i -> unsubscribe(ws[i]), watchers);
            log("ended %d subscriptions in %.1f s (%d failed)", watchers, secs(t), failed);
            double[] all = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "RESULT mode=%s watchers=%d contacts=%d rounds=%d samples=%d missing=%d p50_ms=%.1f"
                    + " p99_ms=%.1f max_ms=%.1f total_s=%.0f%n", direct ? "direct" : "list", watchers, direct ? 1 : contacts, rounds, all.length, missing,
                    pct(all, 50), pct(all, 99), all.length > 0 ? all[all.length - 1] : Double.NaN, secs(t0));
            return missing == 0 ? 0 : 1;
        } finally {
            closing = true;
            pool.shutdownNow();
            for (Conn c : conns) {
                c.close();
            }
        }
    }

    /**
     * IM relay throughput at zero loss: N/2 senders, N/2 recipients, all registered from this program (the recipients'
     * bindings point at its connections, which answer every MESSAGE 200). Each MESSAGE carries credentials computed
     * from its sender's last challenge (one transaction per message once each sender has been challenged once).
     * A step at RATE passes when every MESSAGE got 200, reached its recipient, no answer took 500 ms or more and
     * the last answer came within the step plus 3 s.
     */
    int runIm() throws Exception {
        int nconn = Math.max(1, Math.min(20, imUsers / 50 + 1));
        for (int c = 0; c < nconn; c++) {
            conns.add(new Conn(this, host, port));
        }
        warmConnections();
        Watcher[] us = new Watcher[imUsers];
        for (int i = 0; i < imUsers; i++) {
            us[i] = new Watcher(String.format("%s%05d", imPrefix, i), passPrefix + String.format("%05d", i),
                    conns.get(i % nconn));
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            long t = System.nanoTime();
            int failed = forAll(pool, i -> register(us[i]), imUsers);
            log("registered %d IM users in %.1f s (%d failed)", imUsers, secs(t), failed);
            if (failed > 0) {
                return fail("registration failed");
            }
            int half = imUsers / 2;
            // one challenged MESSAGE per sender, so that the measured ones carry credentials
            failed = forAll(pool, i -> {
                Msg r = request(us[i], "MESSAGE", "sip:" + us[i + half].user + "@" + domain, null,
                        "Content-Type: text/plain\r\n", "warm-up");
                if (r.code != 200) {
                    throw new IllegalStateException("warm-up MESSAGE from " + us[i].user + ": " + r.startLine);
                }
                return true;
            }, half);
            if (failed > 0) {
                return fail("warm-up MESSAGEs failed");
            }
            long deadline = System.currentTimeMillis() + imBudgetMs;
            int r = imStart;
            int pass = 0;
            int failRate = 0;
            while (System.currentTimeMillis() < deadline) {
                if (imRun(us, r)) {
                    pass = r;
                    if (r >= imMax) {
                        break;
                    }
                    r = Math.min(imMax, r * 2);
                } else {
                    failRate = r;
                    break;
                }
            }
            for (int k = 0; pass == 0 && failRate > 0 && k < 4 && failRate / 2 >= 1; k++) {
                r = failRate / 2;
                if (imRun(us, r)) {
                    pass = r;
                } else {
                    failRate = r;
                }
            }
            for (int b = 0; b < imBisections && pass > 0 && failRate > 0
                    && System.currentTimeMillis() < deadline; b++) {
                int mid = niceRate((pass + failRate) / 2);
                if (mid <= pass || mid >= failRate) {
                    break;
                }
                if (imRun(us, mid)) {
                    pass = mid;
                } else {
                    failRate = mid;
                }
            }
            System.out.printf(Locale.ROOT, "RESULT im_users=%d im_best=%d im_first_fail=%d%n", imUsers, pass,
                    failRate);
            return 0;
        } finally {
            closing = true;
            pool.shutdownNow();
            for (Conn c : conns) {
                c.close();
            }
        }
    }

    static int niceRate(int r) {
        int m = 1;
        while (r >= 100) {
            r = (r + 5) / 10;
            m *= 10;
        }
        return r * m;
    }

    /** One step: RATE messages a second for imStep seconds, open loop. */
    boolean imRun(Watcher[] us, int rate) throws InterruptedException {
        int half = us.length / 2;
        int count = rate * imStep;
        ImStep st = new ImStep("im" + ids.incrementAndGet() + "-", count);
        imStepNow = st;
        long t0 = System.nanoTime();
        for (int k = 0; k < count; k++) {
            long due = t0 + (long) k * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                Thread.sleep(wait / 1_000_000);
            }
            Watcher from = us[k % half];
            Watcher to = us[k % half + half];
            sendMessage(from, "sip:" + to.user + "@" + domain, st.id + k, st);
        }
        long sendEnd = System.nanoTime();
        st.answered.await(imStep + 10L, TimeUnit.SECONDS);
        long lastAnswer = st.lastAnswerNanos.get();
        // the deliveries: each recipient answered 200 before the server did, so they are in by now or lost
        Thread.sleep(200);
        imStepNow = null;
        double wall = ((lastAnswer > 0 ? lastAnswer : System.nanoTime()) - t0) / 1e9;
        boolean ok = st.ok.get() == count && st.delivered.get() == count && st.slow.get() == 0
                && wall <= imStep + 3;
        log("  im %6d/s  sent=%d in %.1f s, 200=%d other=%d no-answer=%d delivered=%d slow(>=500ms)=%d"
                        + " stale-retries=%d avg=%.1f ms max=%.0f ms last-answer=%.1f s  %s", rate, count,
                (sendEnd - t0) / 1e9, st.ok.get(), st.other.get(), count - st.ok.get() - st.other.get(),
                st.delivered.get(), st.slow.get(), st.retries.get(),
                st.ok.get() > 0 ? st.sumMicros.get() / 1000.0 / st.ok.get() : Double.NaN, st.maxMicros.get() / 1000.0,
                wall, ok ? "PASS" : "FAIL");
        // let the server settle (retransmissions, timers) before the next step
        Thread.sleep(Math.min(2000, quietMs));
        return ok;
    }

    /** Sends one MESSAGE with the sender's current proxy credentials, without waiting; a stale nonce is retried once. */
    void sendMessage(Watcher w, String to, String text, ImStep st) {
        long sent = System.nanoTime();
        String branch = "z9hG4bK-m" + Integer.toHexString(ids.incrementAndGet());
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Digest d = auth.get(w.user);
        String head = "MESSAGE " + to + " SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + w.conn.localPort + ";branch="
                + branch + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:" + w.user + "@" + domain + ">;tag=m"
                + Integer.toHexString(ids.incrementAndGet()) + "\r\nTo: <" + to + ">\r\nCall-ID: m"
                + branch.substring(9) + "-" + w.user + "\r\nCSeq: 1 MESSAGE\r\nContent-Type: text/plain\r\n"
                + (d != null ? d.header(w.user, w.password, "MESSAGE", to) + "\r\n" : "")
                + "Content-Length: " + body.length + "\r\n\r\n";
        CompletableFuture<Msg> f = new CompletableFuture<>();
        pending.put(branch, f);
        f.orTimeout(txTimeoutMs, TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
            pending.remove(branch);
            if (r != null && (r.code == 407 || r.code == 401) && st.retries.incrementAndGet() < 1_000_000) {
                Digest fresh = Digest.choose(r.headers(r.code == 407 ? "Proxy-Authenticate" : "WWW-Authenticate"),
                        r.code == 407);
                if (fresh != null) {
                    auth.put(w.user, fresh);
                    sendMessage(w, to, text, st);
                    return;
                }
            }
            st.answer(r, sent);
        });
        w.conn.send(head.getBytes(StandardCharsets.UTF_8), body);
    }

    /**
     * Sends one OPTIONS on each connection, one connection at a time, before the load: with many new connections
     * at once, a server was seen answering a connection's first request by dialling the client's port instead of
     * using the connection (JAIN-SIP), then dropping it.
     */
    void warmConnections() throws InterruptedException {
        for (Conn c : conns) {
            String branch = "z9hG4bK-o" + Integer.toHexString(ids.incrementAndGet());
            String head = "OPTIONS sip:" + domain + " SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + c.localPort
                    + ";branch=" + branch + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:warm@" + domain + ">;tag=o"
                    + branch.substring(9) + "\r\nTo: <sip:" + domain + ">\r\nCall-ID: o" + branch.substring(9)
                    + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            CompletableFuture<Msg> f = new CompletableFuture<>();
            pending.put(branch, f);
            c.send(head.getBytes(StandardCharsets.UTF_8), new byte[0]);
            try {
                f.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log("connection %d: no answer to OPTIONS (%s)", c.localPort, e);
            } finally {
                pending.remove(branch);
            }
        }
    }

    String[] publishHeaders(String etag) {
        return new String[] {"Event: presence\r\nExpires: 3600\r\nContent-Type: application/pidf+xml\r\n"
                + (etag != null ? "SIP-If-Match: " + etag + "\r\n" : "")};
    }

    String pidf(String state, String marker) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" xmlns:pp=\"urn:parley:params:xml:ns:pidf\""
                + " entity=\"sip:" + publisher + "@" + domain + "\">\r\n"
                + "<tuple id=\"t-bench\"><status><basic>open</basic></status><dm:deviceID>bench</dm:deviceID></tuple>\r\n"
                + "<dm:person id=\"p\"><rpid:activities><rpid:" + state + "/></rpid:activities>"
                + "<pp:state manual=\"true\">" + state + "</pp:state><dm:note>" + marker + "</dm:note></dm:person>\r\n"
                + "<dm:device id=\"d-bench\"><dm:deviceID>bench</dm:deviceID><pp:kind>desktop</pp:kind></dm:device>\r\n"
                + "</presence>\r\n";
    }

    boolean register(Watcher w) throws Exception {
        Msg r = request(w, "REGISTER", "sip:" + domain, null, "Expires: 3600\r\n", "");
        if (r.code != 200) {
            throw new IllegalStateException("REGISTER " + w.user + ": " + r.startLine);
        }
        return true;
    }

    boolean subscribe(Watcher w) throws Exception {
        String list = direct ? "sip:" + publisher + "@" + domain : "sip:" + w.user + "~contacts@" + domain;
        w.callId = "s-" + w.user + "-" + Long.toHexString(System.nanoTime());
        dialogs.put(w.callId, w);
        w.fromTag = "f" + Integer.toHexString(ids.incrementAndGet());
        Msg r = request(w, "SUBSCRIBE", list, w.callId, w.fromTag,
                direct ? "Event: presence\r\nAccept: application/pidf+xml\r\nExpires: 3600\r\n"
                        : "Event: presence\r\nSupported: eventlist\r\nAccept: application/pidf+xml,"
                        + " application/rlmi+xml, multipart/related\r\nExpires: 3600\r\n", "");
        if (r.code / 100 != 2) {
            throw new IllegalStateException("SUBSCRIBE " + list + ": " + r.startLine);
        }
        w.toUri = list;
        w.toHeader = r.header("To");
        String contact = r.header("Contact");
        Matcher m = Pattern.compile("<([^>]+)>").matcher(contact == null ? "" : contact);
        w.target = m.find() ? m.group(1) : contact;
        return true;
    }

    /** Ends a subscription (in-dialog SUBSCRIBE, Expires: 0), so that a server does not keep notifying a closed connection. */
    boolean unsubscribe(Watcher w) throws Exception {
        if (w.target == null) {
            return true;
        }
        String branch = "z9hG4bK-u" + Integer.toHexString(ids.incrementAndGet());
        String head = "SUBSCRIBE " + w.target + " SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:" + w.conn.localPort
                + ";branch=" + branch + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:" + w.user + "@" + domain
                + ">;tag=" + w.fromTag + "\r\nTo: " + w.toHeader + "\r\nCall-ID: " + w.callId + "\r\nCSeq: "
                + w.cseq.incrementAndGet() + " SUBSCRIBE\r\nContact: <sip:" + w.user + "@127.0.0.1:"
                + w.conn.localPort + ";transport=tcp>\r\nEvent: presence\r\n"
                + (direct ? "" : "Supported: eventlist\r\n") + "Expires: 0\r\nContent-Length: 0\r\n\r\n";
        CompletableFuture<Msg> f = new CompletableFuture<>();
        pending.put(branch, f);
        try {
            w.conn.send(head.getBytes(StandardCharsets.UTF_8), new byte[0]);
            Msg r = f.get(txTimeoutMs, TimeUnit.MILLISECONDS);
            if (r.code / 100 != 2) {
                throw new IllegalStateException("un-SUBSCRIBE " + w.user + ": " + r.startLine);
            }
        } finally {
            pending.remove(branch);
        }
        return true;
    }

    interface Job {
        boolean run(int i) throws Exception;
    }

    /** Runs job(0..n-1) on the pool; returns how many failed (each failure is printed once, at most 5). */
    int forAll(ExecutorService pool, Job job, int n) throws InterruptedException {
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                try {
                    job.run(k);
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 5) {
                        log("  failed: %s", e.getMessage());
                    }
                }
            }));
        }
        for (Future<?> f : fs) {
            try {
                f.get(10, TimeUnit.MINUTES);
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
        return failed.get();
    }

    /** Sends an out-of-dialog request (or the initial one of a dialog) and returns its final response, answering digest challenges. */
    Msg request(Watcher w, String method, String ruri, String callId, String headers, String body) throws Exception {
        return request(w, method, ruri, callId, "f" + Integer.toHexString(ids.incrementAndGet()), headers, body);
    }

    Msg request(Watcher w, String method, String ruri, String callId, String fromTag, String headers, String body)
            throws Exception {
        String cid = callId != null ? callId : "c" + ids.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        boolean register = method.equals("REGISTER");
        String toUri = register ? "sip:" + w.user + "@" + domain : ruri;
        Msg last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            int cseq = w.cseq.incrementAndGet();
            String branch = "z9hG4bK-" + Integer.toHexString(ids.incrementAndGet()) + "-" + attempt;
            StringBuilder sb = new StringBuilder();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            sb.append(method).append(' ').append(ruri).append(" SIP/2.0\r\n")
                    .append("Via: SIP/2.0/TCP 127.0.0.1:").append(w.conn.localPort).append(";branch=").append(branch)
                    .append(";rport\r\n")
                    .append("Max-Forwards: 70\r\n")
                    .append("From: <sip:").append(w.user).append('@').append(domain).append(">;tag=").append(fromTag)
                    .append("\r\n")
                    .append("To: <").append(toUri).append(">\r\n")
                    .append("Call-ID: ").append(cid).append("\r\n")
                    .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n")
                    .append("Contact: <sip:").append(w.user).append("@127.0.0.1:").append(w.conn.localPort)
                    .append(";transport=tcp>\r\n")
                    .append("User-Agent: ").append(UA).append("\r\n")
                    .append(headers);
            Digest d = auth.get(w.user);
            if (d != null) {
                sb.append(d.header(w.user, w.password, method, ruri)).append("\r\n");
            }
            sb.append("Content-Length: ").append(b.length).append("\r\n\r\n");
            CompletableFuture<Msg> f = new CompletableFuture<>();
            pending.put(branch, f);
            try {
                w.conn.send(sb.toString().getBytes(StandardCharsets.UTF_8), b);
                last = f.get(txTimeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(method + " " + ruri + " from " + w.user + ": no final response in "
                        + txTimeoutMs / 1000 + " s");
            } finally {
                pending.remove(branch);
            }
            if (last.code == 401 || last.code == 407) {
                String h = last.code == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
                Digest fresh = Digest.choose(last.headers(h), last.code == 407);
                if (fresh == null) {
                    throw new IllegalStateException(method + ": no usable challenge in " + last.headers(h));
                }
                auth.put(w.user, fresh);
                continue;
            }
            return last;
        }
        return last;
    }

    /** A request from the server on one of our connections: NOTIFY (counted, checked for the round's marker) or other. */
    void onRequest(Conn c, Msg m) {
        if (m.method.equals("MESSAGE")) {
            ImStep st = imStepNow;
            if (st != null) {
                st.delivered(new String(m.body, StandardCharsets.UTF_8));
            }
        }
        if (m.method.equals("NOTIFY")) {
            long now = System.nanoTime();
            lastNotifyNanos.set(now);
            notifies.incrementAndGet();
            Watcher w = dialogs.get(m.header("Call-ID"));
            String body = new String(m.body, StandardCharsets.UTF_8);
            if (w != null) {
                w.notifies.incrementAndGet();
                int res = count(body, "<resource ");
                if (res > w.maxResources) {
                    w.maxResources = res;
                }
                Round r = round;
                if (r != null && body.contains(r.marker)) {
                    r.arrived(w.index(this), now);
                }
            }
        }
        c.send(response(m, "200 OK").getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    static String response(Msg req, String status) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String[] h : req.headerList) {
            String n = Msg.canonical(h[0]);
            if (n.equals("Via") || n.equals("From") || n.equals("To") || n.equals("Call-ID") || n.equals("CSeq")) {
                sb.append(n).append(": ").append(h[1]).append("\r\n");
            }
        }
        return sb.append("User-Agent: ").append(UA).append("\r\nContent-Length: 0\r\n\r\n").toString();
    }

    void onResponse(Msg m) {
        String via = m.header("Via");
        Matcher b = Pattern.compile(";\\s*branch=([^;,\\s]+)").matcher(via == null ? "" : via);
        if (m.code >= 200 && b.find()) {
            CompletableFuture<Msg> f = pending.get(b.group(1));
            if (f != null) {
                f.complete(m);
            }
        }
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static int fail(String why) {
        log("FAILED: %s", why);
        return 1;
    }

    static void log(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }
}

final class Watcher {
    final String user;
    final String password;
    final Conn conn;
    final AtomicInteger cseq = new AtomicInteger();
    final AtomicInteger notifies = new AtomicInteger();
    volatile int maxResources;
    volatile String callId;
    volatile String fromTag;
    volatile String toUri;
    volatile String toHeader;
    volatile String target;
    int index = -1;

    Watcher(String user, String password, Conn conn) {
        this.user = user;
        this.password = password;
        this.conn = conn;
    }

    int index(PresenceLoad load) {
        if (index < 0) {
            index = Integer.parseInt(user.substring(load.wPrefix.length()));
        }
        return index;
    }
}

/** One publication: when each watcher first saw its marker. */
final class Round {
    final String marker;
    final long[] arrivals;
    final AtomicInteger seen = new AtomicInteger();
    final java.util.concurrent.CountDownLatch done;
    volatile long t0;

    Round(String marker, int watchers) {
        this.marker = marker;
        this.arrivals = new long[watchers];
        this.done = new java.util.concurrent.CountDownLatch(watchers);
    }

    synchronized void arrived(int watcher, long nanos) {
        if (arrivals[watcher] == 0) {
            arrivals[watcher] = nanos;
            done.countDown();
        }
    }

    synchronized double[] latencies() {
        double[] out = new double[arrivals.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = arrivals[i] == 0 ? -1 : (arrivals[i] - t0) / 1e6;
        }
        return out;
    }
}

/** Digest credentials from one challenge, reused with a growing nonce count. */
final class Digest {
    final boolean proxy;
    final String realm;
    final String nonce;
    final String opaque;
    final String algorithm;
    final boolean qop;
    final AtomicInteger nc = new AtomicInteger();

    private Digest(boolean proxy, Map<String, String> p) {
        this.proxy = proxy;
        this.realm = p.get("realm");
        this.nonce = p.get("nonce");
        this.opaque = p.get("opaque");
        this.algorithm = p.getOrDefault("algorithm", "MD5");
        this.qop = p.containsKey("qop") && p.get("qop").toLowerCase(Locale.ROOT).contains("auth");
    }

    static Digest choose(List<String> challenges, boolean proxy) {
        Digest sha = null;
        for (String c : challenges) {
            Map<String, String> p = params(c);
            String alg = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
            if (alg.equals("MD5")) {
                return new Digest(proxy, p);
            }
            if (alg.equals("SHA-256")) {
                sha = new Digest(proxy, p);
            }
        }
        return sha;
    }

    static Map<String, String> params(String challenge) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(\"([^\"]*)\"|[^,\\s]+)").matcher(challenge);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return out;
    }

    String header(String user, String password, String method, String uri) {
        String ha1 = h(user + ":" + realm + ":" + password);
        String ha2 = h(method + ":" + uri);
        StringBuilder sb = new StringBuilder(proxy ? "Proxy-Authorization" : "Authorization")
                .append(": Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", algorithm=")
                .append(algorithm);
        if (qop) {
            String count = String.format("%08x", nc.incrementAndGet());
            String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
            sb.append(", qop=auth, nc=").append(count).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(h(ha1 + ":" + nonce + ":" + count + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            sb.append(", response=\"").append(h(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (opaque != null) {
            sb.append(", opaque=\"").append(opaque).append('"');
        }
        return sb.toString();
    }

    String h(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5");
            StringBuilder hex = new StringBuilder();
            for (byte x : md.digest(s.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", x));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

/** One TCP connection to the server with a reader thread that parses SIP messages (Content-Length framing). */
final class Conn {
    final PresenceLoad load;
    final Socket socket;
    final OutputStream out;
    final int localPort;
    final Thread reader;

    Conn(PresenceLoad load, String host, int port) throws IOException {
        this.load = load;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setReceiveBufferSize(1 << 20);
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        socket.connect(new InetSocketAddress(host, port), 5000);
        out = socket.getOutputStream();
        localPort = socket.getLocalPort();
        reader = new Thread(this::readLoop, "conn-" + localPort);
        reader.setDaemon(true);
        reader.start();
    }

    synchronized void send(byte[] head, byte[] body) {
        try {
            out.write(head);
            out.write(body);
            out.flush();
        } catch (IOException e) {
            if (!load.closing) {
                PresenceLoad.log("send on %d failed: %s", localPort, e.getMessage());
            }
        }
    }

    void readLoop() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16)) {
            while (true) {
                Msg m = Msg.read(in);
                if (m == null) {
                    PresenceLoad.log("connection %d closed by the server", localPort);
                    break;
                }
                try {
                    if (m.method != null) {
                        load.onRequest(this, m);
                    } else {
                        load.onResponse(m);
                    }
                } catch (RuntimeException e) {
                    PresenceLoad.log("connection %d: could not handle '%s': %s", localPort, m.startLine, e);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!socket.isClosed()) {
                PresenceLoad.log("connection %d: %s", localPort, e);
            }
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

/** A parsed SIP message. */
final class Msg {
    String startLine;
    String method;
    int code;
    final List<String[]> headerList = new ArrayList<>();
    byte[] body = new byte[0];

    static final Map<String, String> COMPACT = Map.of("i", "Call-ID", "f", "From", "t", "To", "v", "Via", "l",
            "Content-Length", "c", "Content-Type", "m", "Contact", "o", "Event", "k", "Supported");

    static String canonical(String name) {
        String n = COMPACT.get(name.toLowerCase(Locale.ROOT));
        if (n != null) {
            return n;
        }
        for (String known : new String[] {"Call-ID", "From", "To", "Via", "Content-Length", "CSeq", "SIP-ETag",
                "WWW-Authenticate", "Proxy-Authenticate", "Content-Type"}) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }

    String header(String name) {
        for (String[] h : headerList) {
            if (canonical(h[0]).equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    List<String> headers(String name) {
        List<String> out = new ArrayList<>();
        for (String[] h : headerList) {
            if (canonical(h[0]).equalsIgnoreCase(name)) {
                out.add(h[1]);
            }
        }
        return out;
    }

    static Msg read(InputStream in) throws IOException {
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        Msg m = new Msg();
        m.startLine = line;
        if (line.startsWith("SIP/2.0 ") && line.length() >= 11) {
            m.code = Integer.parseInt(line.substring(8, 11));
        } else if (line.indexOf(' ') > 0) {
            m.method = line.substring(0, line.indexOf(' '));
        } else {
            throw new IOException("not a SIP start line: '" + line + "'");
        }
        int length = 0;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                m.headerList.add(new String[] {name, value});
                if (canonical(name).equals("Content-Length")) {
                    length = Integer.parseInt(value);
                }
            }
        }
        m.body = in.readNBytes(length);
        return m;
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] a = b.toByteArray();
                int n = a.length > 0 && a[a.length - 1] == '\r' ? a.length - 1 : a.length;
                return new String(a, 0, n, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }
}

/** Counters of one IM step. */
final class ImStep {
    final String id;
    final java.util.concurrent.CountDownLatch answered;
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger other = new AtomicInteger();
    final AtomicInteger delivered = new AtomicInteger();
    final AtomicInteger slow = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicLong sumMicros = new AtomicLong();
    final AtomicLong maxMicros = new AtomicLong();
    final AtomicLong lastAnswerNanos = new AtomicLong();

    ImStep(String id, int count) {
        this.id = id;
        this.answered = new java.util.concurrent.CountDownLatch(count);
    }

    void answer(Msg r, long sentNanos) {
        long now = System.nanoTime();
        long us = (now - sentNanos) / 1000;
        if (r != null && r.code == 200) {
            ok.incrementAndGet();
        } else {
            other.incrementAndGet();
            if (other.get() <= 3) {
                PresenceLoad.log("    MESSAGE answered %s", r == null ? "nothing (timeout)" : r.startLine);
            }
        }
        sumMicros.addAndGet(us);
        maxMicros.accumulateAndGet(us, Math::max);
        if (us >= 500_000) {
            slow.incrementAndGet();
        }
        lastAnswerNanos.accumulateAndGet(now, Math::max);
        answered.countDown();
    }

    void delivered(String body) {
        if (body.startsWith(id)) {
            delivered.incrementAndGet();
        }
    }
}
