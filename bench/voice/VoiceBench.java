import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.core.media.AudioCodec;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSource;
import org.parley.core.media.AudioStats;
import org.parley.core.media.Goertzel;
import org.parley.core.media.MediaDirection;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.MediaSettings;
import org.parley.core.media.PcmRecorder;

/**
 * bench/voice helper: the client's media pipeline (core MediaEngine/AudioSession: Opus 48 kHz + SRTP-SDES by
 * default, libjitsi) on 127.0.0.1, in one JVM. Run by run.sh as a single-file source program:
 * <pre>
 *   java -cp "server-lite.jar:lib/*" VoiceBench.java cpu CALLS SECONDS DATA_DIR [opus|pcmu] [srtp|rtp]
 *   java -cp ... VoiceBench.java latency BURSTS DATA_DIR [opus|pcmu] [srtp|rtp]
 * </pre>
 * cpu: process CPU time (all threads) over SECONDS with the engine idle, then with CALLS loopback calls (each call
 * is two sessions, i.e. two clients' worth of encode + decode + SRTP), reported per session = per client call.
 * latency: one call; alice's capture source is silence with a 1 kHz burst each second; each burst's "mouth" time is
 * when its first sample entered the capture device (the frame read time minus the rest of the frame, as a sound
 * card delivers whole frames), its "ear" time when that sample reached bob's playback device (the renderer);
 * the difference is the pipeline's mouth-to-ear latency without the sound card buffers and the network.
 */
public final class VoiceBench {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int RATE = AudioSource.SAMPLE_RATE;
    private static final double TONE_A = 440;
    private static final double TONE_B = 1000;

    private VoiceBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            usage();
        }
        switch (args[0]) {
            case "cpu" -> {
                if (args.length < 4) {
                    usage();
                }
                int calls = bounded(args[1], 1, 100, "CALLS");
                int seconds = bounded(args[2], 2, 120, "SECONDS");
                cpu(calls, seconds, Path.of(args[3]), codec(args, 4), srtp(args, 5));
            }
            case "latency" -> latency(bounded(args[1], 3, 60, "BURSTS"), Path.of(args[2]), codec(args, 3), srtp(args, 4));
            default -> usage();
        }
        System.exit(0); // libjitsi leaves non-daemon threads behind
    }

    private static void usage() {
        System.err.println("usage: VoiceBench cpu CALLS SECONDS DATA_DIR [opus|pcmu] [srtp|rtp]"
                + " | VoiceBench latency BURSTS DATA_DIR [opus|pcmu] [srtp|rtp]");
        System.exit(2);
    }

    private static int bounded(String word, int min, int max, String what) {
        int n = Integer.parseInt(word);
        if (n < min || n > max) {
            System.err.println(what + " must be " + min + "-" + max);
            System.exit(2);
        }
        return n;
    }

    private static AudioCodec codec(String[] args, int i) {
        return args.length > i && args[i].equalsIgnoreCase("pcmu") ? AudioCodec.PCMU : AudioCodec.OPUS;
    }

    private static boolean srtp(String[] args, int i) {
        return !(args.length > i && args[i].equalsIgnoreCase("rtp"));
    }

    /** Two sessions wired to each other; alice offers the SDES keys, bob answers. */
    private record Call(AudioSession alice, AudioSession bob, PcmRecorder aliceHears, PcmRecorder bobHears) {
        static Call open(MediaEngine engine, AudioSource aliceSays, AudioSource bobSays, boolean srtp, AudioCodec codec,
                         int maxSeconds) throws IOException {
            PcmRecorder aliceHears = new PcmRecorder(maxSeconds);
            PcmRecorder bobHears = new PcmRecorder(maxSeconds);
            AudioSession a = engine.openAudio(LOOPBACK, 0, aliceSays, aliceHears, srtp);
            AudioSession b = engine.openAudio(LOOPBACK, 0, bobSays, bobHears, srtp);
            if (srtp) {
                a.acceptCryptoAnswer(b.answerCrypto(a.offerCrypto()));
            }
            a.start(new InetSocketAddress(LOOPBACK, b.localRtpPort()), new InetSocketAddress(LOOPBACK, b.localRtcpPort()),
                    codec, codec.defaultPayloadType(), MediaDirection.SENDRECV);
            b.start(new InetSocketAddress(LOOPBACK, a.localRtpPort()), new InetSocketAddress(LOOPBACK, a.localRtcpPort()),
                    codec, codec.defaultPayloadType(), MediaDirection.SENDRECV);
            return new Call(a, b, aliceHears, bobHears);
        }

        void close() {
            alice.close();
            bob.close();
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void cpu(int calls, int seconds, Path dir, AudioCodec codec, boolean srtp) throws Exception {
        try (MediaEngine engine = new MediaEngine(MediaSettings.headless(Files.createDirectories(dir)))) {
            // warm-up: one short call loads the codec and SRTP classes and JIT-compiles the hot paths
            Call warm = Call.open(engine, AudioSource.tone(TONE_A, 0.3), AudioSource.tone(TONE_B, 0.3), srtp, codec, 5);
            Thread.sleep(3000);
            warm.close();
            Thread.sleep(500);

            long idle = measure(seconds);
            List<Call> open = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                open.add(Call.open(engine, AudioSource.tone(TONE_A, 0.3), AudioSource.tone(TONE_B, 0.3), srtp, codec,
                        seconds + 10));
            }
            Thread.sleep(2000);
            long[] before = packets(open);
            long busy = measure(seconds);
            long[] after = packets(open);
            int heard = 0;
            for (Call c : open) {
                c.close();
                short[] s = c.bobHears.samples();
                if (s.length > RATE && Goertzel.power(s, RATE, TONE_A) > 20 * Goertzel.power(s, RATE, TONE_B)) {
                    heard++;
                }
            }
            int sessions = 2 * calls;
            double idleCore = idle / 1e9 / seconds;
            double busyCore = busy / 1e9 / seconds;
            double perSession = (busyCore - idleCore) / sessions;
            System.out.printf("cpu codec=%s srtp=%s calls=%d sessions=%d seconds=%d idle_core=%.4f busy_core=%.4f"
                            + " per_session_core=%.5f per_session_ms_per_s=%.2f packets_sent_per_session_per_s=%.1f"
                            + " packets_received_per_session_per_s=%.1f calls_with_audio=%d/%d cores=%d%n",
                    codec, srtp, calls, sessions, seconds, idleCore, busyCore, perSession, perSession * 1000,
                    (after[0] - before[0]) / (double) sessions / seconds, (after[1] - before[1]) / (double) sessions / seconds,
                    heard, calls, Runtime.getRuntime().availableProcessors());
        }
    }

    private static long measure(int seconds) throws InterruptedException {
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long wall = System.nanoTime() - t0;
        // normalised to exactly SECONDS of wall time
        return (long) ((cpuNanos() - c0) * (seconds * 1e9 / wall));
    }

    private static long[] packets(List<Call> calls) {
        long sent = 0;
        long received = 0;
        for (Call c : calls) {
            for (AudioSession s : List.of(c.alice, c.bob)) {
                AudioStats st = s.stats();
                sent += st.packetsSent();
                received += st.packetsReceived();
            }
        }
        return new long[] {sent, received};
    }

    /** Silence with a {@code burstMs} 1 kHz burst every second; records when each burst's first sample was captured. */
    private static final class BurstSource implements AudioSource {
        static final int PERIOD = RATE;
        static final int BURST = RATE / 10;
        final List<long[]> mouths = new CopyOnWriteArrayList<>(); // {burst index, nanoTime of its first sample}
        final int bursts;

        BurstSource(int bursts) {
            this.bursts = bursts;
        }

        @Override
        public Reader open() {
            return frame -> {
                long now = System.nanoTime();
                for (int i = 0; i < frame.length; i++) {
                    long n = position++;
                    long inPeriod = n % PERIOD;
                    long index = n / PERIOD;
                    // the first period is silence: the stream settles first
                    boolean on = index >= 1 && index <= bursts && inPeriod < BURST;
                    frame[i] = on ? (short) Math.round(Math.sin(2 * Math.PI * TONE_B * inPeriod / RATE) * 0.5 * Short.MAX_VALUE) : 0;
                    if (on && inPeriod == 0) {
                        // a sound card hands over a frame when its last sample is in: this sample was spoken
                        // (frame.length - i) samples before the frame was read
                        mouths.add(new long[] {index, now - (frame.length - i) * 1_000_000_000L / RATE});
                    }
                }
            };
        }

        private long position;
    }

    private static void latency(int bursts, Path dir, AudioCodec codec, boolean srtp) throws Exception {
        try (MediaEngine engine = new MediaEngine(MediaSettings.headless(Files.createDirectories(dir)))) {
            BurstSource source = new BurstSource(bursts);
            Call call = Call.open(engine, source, AudioSource.silence(), srtp, codec, bursts + 10);
            // (recorded length, nanoTime) each time bob's playback grew: the time a chunk was handed to the device
            List<long[]> growth = new ArrayList<>();
            long end = System.nanoTime() + (bursts + 2L) * 1_000_000_000L;
            int last = 0;
            while (System.nanoTime() < end) {
                int len = call.bobHears.length();
                if (len != last) {
                    growth.add(new long[] {last, len, System.nanoTime()});
                    last = len;
                }
                Thread.onSpinWait();
                Thread.sleep(0, 200_000);
            }
            call.close();
            short[] heard = call.bobHears.samples();
            // ear time of every onset heard, then each burst's first ear time after its mouth time (within 0.5 s)
            List<Long> ears = new ArrayList<>();
            for (int onset = onset(heard, 0); onset >= 0; onset = onset(heard, onset + RATE / 2)) {
                final int at = onset;
                growth.stream().filter(g -> g[0] <= at && at < g[1]).findFirst()
                        .ifPresent(g -> ears.add(g[2] + (at - g[0]) * 1_000_000_000L / RATE));
            }
            List<Double> latencies = new ArrayList<>();
            for (long[] mouth : source.mouths) {
                ears.stream().filter(e -> e > mouth[1] && e - mouth[1] < 500_000_000L).findFirst()
                        .ifPresent(e -> latencies.add((e - mouth[1]) / 1e6));
            }
            if (latencies.isEmpty()) {
                System.out.println("latency codec=" + codec + " srtp=" + srtp + " no burst was heard (recorded "
                        + heard.length + " samples)");
                System.exit(1);
            }
            double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("latency codec=%s srtp=%s bursts=%d detected=%d min_ms=%.1f median_ms=%.1f max_ms=%.1f all_ms=%s%n",
                    codec, srtp, source.mouths.size(), ms.length, ms[0], ms[ms.length / 2], ms[ms.length - 1],
                    Arrays.toString(latencies.stream().map(d -> Math.round(d * 10) / 10.0).toArray()));
        }
    }

    /** The first sample at or after {@code from} louder than a quarter of the burst, after at least 200 ms of quiet. */
    private static int onset(short[] s, int from) {
        int quiet = 0;
        int threshold = (int) (0.5 * Short.MAX_VALUE / 4);
        for (int i = Math.max(0, from); i < s.length; i++) {
            if (Math.abs(s[i]) > threshold) {
                if (quiet >= RATE / 5) {
                    return i;
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return -1;
    }
}
