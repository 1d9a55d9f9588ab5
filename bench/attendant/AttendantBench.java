import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.parley.attendant.AttendantApp;
import org.parley.attendant.AttendantOptions;
import org.parley.attendant.queue.QueueItem;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.SipUcClient;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;

/**
 * bench/attendant's measuring side: the REAL Attendant console ({@link AttendantApp}) signed in as BenchServer's
 * user with 500 contacts. When the contacts show, it writes the GO file (Callers.java then places the calls); once
 * CALLS calls are queued it asks BenchServer for a presence storm and meanwhile, every 500 ms, does one attendant
 * action in turn: answer (the call waiting longest), hold (the active call), select (a held call: resumed, the active
 * one held). Each is timed from the request to the end of the first layout pulse after the console's queue shows
 * the new state ({@code _model}: until core's new call state reached the queue model; {@code _screen}: from there to
 * the end of the layout pass; {@code _shown}: until the end of the first layout pass after which the queue shows the
 * action acknowledged, its "Answering…"/"Holding…"/"Resuming…" mark or already the new state); an AnimationTimer
 * records every FX pulse. From the storm's start to the end it also
 * counts the CPU time of the FX thread and of the whole JVM and the time spent collecting garbage, per second (less
 * dependent on what else runs on the machine than the wall-clock times). Prints {@code RESULT name value} lines for
 * run.sh.
 */
public final class AttendantBench {
    static final Map<String, String> OPTS = new HashMap<>();

    private AttendantBench() {
    }

    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            OPTS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Application.launch(App.class);
    }

    static void result(String name, Object value) {
        System.out.println("RESULT " + name + " " + value);
        System.out.flush();
    }

    public static final class App extends Application {
        private AttendantApp app;
        private final Map<String, List<Long>> times = new HashMap<>();
        private final List<Long> pulses = new ArrayList<>();
        private String pendingAction;
        private String pendingId;
        private State pendingState;
        private long pendingSince;
        /** When core's call state reached the queue model (before any layout pass). */
        private long stateSeenAt;
        /** When a layout pass first showed the action acknowledged (its pending mark or already its new state). */
        private long shownAt;
        /** Every measured action's start (System.nanoTime) and kind, to place the long pulse gaps. */
        private final List<Object[]> actionStarts = new ArrayList<>();
        private boolean shown;
        private volatile String stormAnswer;
        private int phase;
        private long phaseSince;
        private long lastAction;
        private int actions;
        /** FX thread CPU, process CPU and GC time when the storm started (ns, ns, ms). */
        private long fxCpuAtStorm;
        private long processCpuAtStorm;
        private long gcMsAtStorm;
        /** CPU time of each Java thread when the storm started (ns by thread id). */
        private java.util.Map<Long, Long> threadCpuAtStorm = java.util.Map.of();
        /** Linux: "name ticks" of every OS thread of this JVM (VM threads too) when the storm started, by tid. */
        private java.util.Map<String, String> osThreadTicksAtStorm = java.util.Map.of();
        private long stormStartedAt;

        @Override
        public void start(Stage stage) throws Exception {
            String user = OPTS.get("user");
            int calls = Integer.parseInt(OPTS.get("calls"));
            int contacts = Integer.parseInt(OPTS.get("contacts"));
            int maxActions = Integer.parseInt(OPTS.getOrDefault("actions", "60"));
            AttendantOptions options = new AttendantOptions(Path.of(OPTS.get("data")), "127.0.0.1",
                    Integer.parseInt(OPTS.get("port")), "TCP", user + "@" + OPTS.get("domain"),
                    ("pw-" + user).toCharArray());
            app = new AttendantApp(BuildInfo.load(), new ThemeSwitcher(), options,
                    cfg -> SipUcClient.create(cfg, new UiExecutor()));
            app.show(stage);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    step(now, stage, calls, contacts, maxActions, this);
                }
            }.start();
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(Long.parseLong(OPTS.getOrDefault("timeout-s", "240")) * 1000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("RESULT error timeout in phase " + phase);
                System.exit(3);
            }, "bench-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        private void step(long now, Stage stage, int calls, int contacts, int maxActions, AnimationTimer timer) {
            if (phase == 0 && app.console().isPresent()
                    && app.console().get().contacts().rows().size() >= contacts) {
                stage.getScene().addPostLayoutPulseListener(this::afterLayout);
                int warmup = Integer.parseInt(OPTS.getOrDefault("warmup-s", "0"));
                if (warmup > 0) {
                    // a storm before the measured one, with no calls yet: lets the JIT compile the presence path
                    startStorm(warmup);
                    phase = 9;
                } else {
                    touch(Path.of(OPTS.get("go")));
                    phase = 1;
                }
                phaseSince = now;
            } else if (phase == 9 && stormAnswer != null) {
                result("warmup_storm_server", stormAnswer.replace(' ', '_'));
                stormAnswer = null;
                touch(Path.of(OPTS.get("go")));
                phase = 1;
                phaseSince = now;
            } else if (phase == 1 && app.console().get().queue().items().size() >= calls) {
                result("queued", app.console().get().queue().items().size());
                result("queue_fill_ms", (now - phaseSince) / 1_000_000);
                startStorm(Integer.parseInt(OPTS.get("seconds")));
                fxCpuAtStorm = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                processCpuAtStorm = processCpu();
                gcMsAtStorm = gcMillis();
                stormStartedAt = System.nanoTime();
                threadCpuAtStorm = threadCpu();
                osThreadTicksAtStorm = osThreadTicks();
                // JVM uptime: run.sh picks the stop-the-world pauses of this window out of the -Xlog:safepoint file
                result("storm_start_uptime_ms", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                result("storm_start_epoch_ms", System.currentTimeMillis());
                phase = 2;
                phaseSince = now;
            } else if (phase == 2) {
                pulses.add(now);
                if (pendingAction == null && now - lastAction >= 500_000_000L && actions < maxActions) {
                    act(now);
                }
                if (stormAnswer != null && (actions >= maxActions || now - phaseSince > 120_000_000_000L)
                        && pendingAction == null) {
                    long fxCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                            - fxCpuAtStorm;
                    double seconds = (System.nanoTime() - stormStartedAt) / 1e9;
                    result("fx_thread_cpu_ms_per_s", String.format("%.1f", fxCpu / 1e6 / seconds));
                    result("process_cpu_ms_per_s", String.format("%.1f", (processCpu() - processCpuAtStorm) / 1e6 / seconds));
                    result("gc_ms_per_s", String.format("%.1f", (gcMillis() - gcMsAtStorm) / seconds));
                    reportThreadCpu(threadCpuAtStorm, threadCpu(), seconds,
                            (processCpu() - processCpuAtStorm) / 1e6 / seconds);
                    reportOsThreads(osThreadTicksAtStorm, osThreadTicks(), seconds);
                    result("storm_end_uptime_ms", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                    result("jvm_gc", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(java.lang.management.GarbageCollectorMXBean::getName)
                            .collect(java.util.stream.Collectors.joining("+")).replace(' ', '_'));
                    result("jvm_cpus", Runtime.getRuntime().availableProcessors());
                    report();
                    timer.stop();
                    Platform.exit();
                    System.exit(0);
                }
            }
        }

        /** One action in turn; the state the queue must show afterwards is remembered. */
        private void act(long now) {
            var queue = app.console().get().queue();
            String kind = List.of("answer", "hold", "select").get(actions % 3);
            QueueItem target = switch (kind) {
                case "answer" -> queue.items().stream().filter(i -> i.state() == State.INCOMING).findFirst().orElse(null);
                case "hold" -> queue.active().orElse(null);
                default -> queue.items().stream().filter(i -> i.state() == State.HELD).findFirst().orElse(null);
            };
            actions++;
            lastAction = now;
            if (target == null) {
                return;
            }
            pendingAction = kind;
            pendingId = target.id();
            pendingState = kind.equals("hold") ? State.HELD : State.CONNECTED;
            pendingSince = System.nanoTime();
            actionStarts.add(new Object[] {pendingSince, kind});
            stateSeenAt = 0;
            shownAt = 0;
            State wanted = pendingState;
            target.callProperty().addListener((o, was, call) -> {
                if (stateSeenAt == 0 && call.state() == wanted && target.id().equals(pendingId)) {
                    stateSeenAt = System.nanoTime();
                }
            });
            switch (kind) {
                case "hold" -> queue.hold(target.id());
                default -> queue.activate(target.id());
            }
        }

        /** After each layout pass: the pending action is done when the queue shows its state. */
        private void afterLayout() {
            if (pendingAction == null) {
                return;
            }
            var item = app.console().get().queue().item(pendingId);
            if (shownAt == 0 && item.isPresent() && (item.get().pending() != null || item.get().state() == pendingState)) {
                shownAt = System.nanoTime();
                times.computeIfAbsent(pendingAction + "_shown", k -> new ArrayList<>()).add(shownAt - pendingSince);
            }
            if (item.isPresent() && item.get().state() == pendingState) {
                long end = System.nanoTime();
                result("action " + pendingAction, String.format("%.1f_ms_shown %.1f_ms_total %.1f_ms_model",
                        (shownAt - pendingSince) / 1e6, (end - pendingSince) / 1e6,
                        stateSeenAt == 0 ? -1 : (stateSeenAt - pendingSince) / 1e6));
                times.computeIfAbsent(pendingAction, k -> new ArrayList<>()).add(end - pendingSince);
                if (stateSeenAt != 0) {
                    times.computeIfAbsent(pendingAction + "_model", k -> new ArrayList<>()).add(stateSeenAt - pendingSince);
                    times.computeIfAbsent(pendingAction + "_screen", k -> new ArrayList<>()).add(end - stateSeenAt);
                }
                pendingAction = null;
            } else if (System.nanoTime() - pendingSince > 10_000_000_000L) {
                times.computeIfAbsent(pendingAction + "_timeout", k -> new ArrayList<>()).add(0L);
                pendingAction = null;
            }
        }

        private void startStorm(int seconds) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket("127.0.0.1", Integer.parseInt(OPTS.get("control")));
                     PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                             StandardCharsets.UTF_8))) {
                    out.println("storm " + OPTS.get("rate") + " " + seconds + " " + OPTS.get("contacts"));
                    stormAnswer = in.readLine();
                } catch (IOException e) {
                    stormAnswer = "error " + e;
                }
            }, "bench-storm");
            t.setDaemon(true);
            t.start();
        }

        private void report() {
            result("storm_server", String.valueOf(stormAnswer).replace(' ', '_'));
            for (var e : times.entrySet()) {
                List<Long> v = new ArrayList<>(e.getValue());
                v.sort(null);
                result(e.getKey() + "_count", v.size());
                result(e.getKey() + "_p50_ms", String.format("%.1f", pct(v, 50) / 1e6));
                result(e.getKey() + "_max_ms", String.format("%.1f", v.get(v.size() - 1) / 1e6));
            }
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < pulses.size(); i++) {
                long gap = pulses.get(i) - pulses.get(i - 1);
                gaps.add(gap);
                if (gap > 50_000_000L) {
                    long end = pulses.get(i);
                    Object[] last = actionStarts.stream().filter(a -> (long) a[0] <= end).reduce((a, b) -> b).orElse(null);
                    result("gap_over_50ms", String.format("%.1f_ms at_%.2f_s %s", gap / 1e6,
                            (end - stormStartedAt) / 1e9, last == null ? "before_any_action"
                                    : String.format("%.0f_ms_after_%s_%d", (end - (long) last[0]) / 1e6, last[1],
                                    actionStarts.indexOf(last))));
                }
            }
            gaps.sort(null);
            result("pulses", pulses.size());
            result("pulse_gap_p50_ms", String.format("%.1f", pct(gaps, 50) / 1e6));
            result("pulse_gap_p99_ms", String.format("%.1f", pct(gaps, 99) / 1e6));
            result("pulse_gap_max_ms", String.format("%.1f", gaps.get(gaps.size() - 1) / 1e6));
        }

        /** CPU time (ns) of every live Java thread, by id. */
        private static java.util.Map<Long, Long> threadCpu() {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            var cpu = new java.util.HashMap<Long, Long>();
            for (long id : mx.getAllThreadIds()) {
                long t = mx.getThreadCpuTime(id);
                if (t >= 0) {
                    cpu.put(id, t);
                }
            }
            return cpu;
        }

        /**
         * Where the JVM's CPU went during the storm: the busiest Java threads (name with digits folded, so pools add
         * up), and the rest of the process (collector, JIT compiler and VM threads, which ThreadMXBean does not list).
         */
        private static void reportThreadCpu(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after,
                double seconds, double processMsPerS) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            var byName = new java.util.TreeMap<String, Double>();
            double javaThreads = 0;
            for (var e : after.entrySet()) {
                var info = mx.getThreadInfo(e.getKey());
                String name = info == null ? "gone" : info.getThreadName().replaceAll("[0-9]+", "N").replaceAll("\\s+", "_");
                double ms = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / seconds;
                byName.merge(name, ms, Double::sum);
                javaThreads += ms;
            }
            byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                    .forEach(e -> result("thread_cpu_ms_per_s " + e.getKey(), String.format("%.1f", e.getValue())));
            result("thread_cpu_ms_per_s (not_java_threads:_gc,_jit,_vm)",
                    String.format("%.1f", processMsPerS - javaThreads));
        }

        /** Linux only (else empty): name and utime+stime ticks of each thread of this process, from /proc. */
        private static java.util.Map<String, String> osThreadTicks() {
            var ticks = new java.util.HashMap<String, String>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.put(t.getFileName().toString(), name + "\t" + (Long.parseLong(f[11]) + Long.parseLong(f[12])));
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException | RuntimeException noProc) {
                return java.util.Map.of();
            }
            return ticks;
        }

        /** The JVM's busiest OS threads during the storm (ms per s; 100 ticks a second assumed, Linux's usual). */
        private static void reportOsThreads(java.util.Map<String, String> before, java.util.Map<String, String> after,
                double seconds) {
            var byName = new java.util.TreeMap<String, Double>();
            for (var e : after.entrySet()) {
                String[] now = e.getValue().split("\t");
                String[] then = before.getOrDefault(e.getKey(), now[0] + "\t0").split("\t");
                byName.merge(now[0].replaceAll("[0-9]+", "N").replaceAll("\\s+", "_"),
                        (Long.parseLong(now[1]) - Long.parseLong(then[1])) * 10.0 / seconds, Double::sum);
            }
            byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                    .forEach(e -> result("os_thread_cpu_ms_per_s " + e.getKey(), String.format("%.0f", e.getValue())));
        }

        /** CPU time of the whole attendant JVM (ns), or 0 where the JVM does not tell. */
        private static long processCpu() {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
        }

        /**
         * Time all collectors report (ms): with the serial collector every millisecond stops the FX thread too; G1
         * counts its pauses; ZGC counts its concurrent cycles (not pauses), see the safepoint figures of run.sh.
         */
        private static long gcMillis() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        }

        private static void touch(Path p) {
            try {
                Files.writeString(p, "go\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static double pct(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }
    }
}
