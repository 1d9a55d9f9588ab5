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
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.parley.client.ClientApp;
import org.parley.client.LaunchOptions;
import org.parley.client.contacts.ContactRow;
import org.parley.core.model.Availability;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;

/**
 * bench/client's measuring side: the REAL Communicator (its composition root, {@link ClientApp}) in this JVM, signed
 * in from the command line the way {@code ./parley client --password-stdin} does, watched from outside through its
 * scene ({@code #contactList}, {@code #searchField}). Prints {@code RESULT name value} lines for run.sh.
 * <ul>
 * <li>{@code start}: wall time from T0 (when run.sh started this JVM) until the list shows EXPECT contacts, then
 * until all of them show a presence; resident memory (VmRSS) after sign-in.</li>
 * <li>{@code list}: typing into the search box, one keystroke every 120 ms: time from the key to the end of the
 * next layout pulse; then a presence storm asked of BenchServer (RATE/s for SECONDS) while an AnimationTimer records
 * every FX pulse: the gaps between pulses.</li>
 * </ul>
 * Compiled by run.sh against client-app's jar and libraries.
 */
public final class ClientBench {
    static Map<String, String> opts = new HashMap<>();

    private ClientBench() {
    }

    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Application.launch(App.class);
    }

    static String opt(String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    static void result(String name, Object value) {
        System.out.println("RESULT " + name + " " + value);
        System.out.flush();
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** The app under test plus a per-pulse driver: each step runs on a pulse until it says it is done. */
    public static final class App extends Application {
        private Stage stage;
        private final List<Step> steps = new ArrayList<>();
        private long stepStarted;
        private AnimationTimer driver;

        interface Step {
            /** Called on each pulse; returns true when finished. */
            boolean tick(long nowNanos);
        }

        @Override
        public void start(Stage primary) {
            stage = primary;
            long t0 = Long.parseLong(opt("t0-ms"));
            String user = opt("user");
            LaunchOptions options = new LaunchOptions(Path.of(opt("data")), "127.0.0.1",
                    Integer.parseInt(opt("tls-port")), "TLS", user + "@" + opt("domain"), ("pw-" + user).toCharArray());
            result("fx_started_ms", System.currentTimeMillis() - t0);
            new ClientApp(BuildInfo.load(), new ThemeSwitcher(), options, uri -> { }).show(primary);
            int expect = Integer.parseInt(opt("expect"));
            steps.add(now -> {
                result("first_pulse_ms", System.currentTimeMillis() - t0);
                return true;
            });
            steps.add(now -> {
                if (primary.getScene() == null || primary.getScene().lookup("#mainView") == null) {
                    return false;
                }
                result("signed_in_ms", System.currentTimeMillis() - t0);
                return true;
            });
            steps.add(now -> {
                if (entries() < expect) {
                    return false;
                }
                result("list_shown_ms", System.currentTimeMillis() - t0);
                return true;
            });
            steps.add(now -> {
                if (withPresence() < expect) {
                    return false;
                }
                result("presence_shown_ms", System.currentTimeMillis() - t0);
                return true;
            });
            if (opt("mode").equals("start")) {
                steps.add(pause(Long.parseLong(opts.getOrDefault("settle-ms", "2000"))));
                steps.add(now -> {
                    result("rss_kb", rssKb());
                    Runtime rt = Runtime.getRuntime();
                    result("heap_used_kb", (rt.totalMemory() - rt.freeMemory()) / 1024);
                    return true;
                });
            } else {
                steps.add(pause(1500));
                typing();
                steps.add(pause(1500));
                storm();
            }
            steps.add(now -> {
                Platform.exit();
                // the app signs out as it stops; the JVM is then ended whatever threads the SIP stack leaves
                Thread end = new Thread(() -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.exit(0);
                }, "bench-exit");
                end.setDaemon(true);
                end.start();
                return true;
            });
            driver = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    while (!steps.isEmpty()) {
                        if (stepStarted == 0) {
                            stepStarted = now;
                        }
                        if (!steps.get(0).tick(now)) {
                            return;
                        }
                        steps.remove(0);
                        stepStarted = 0;
                    }
                    stop();
                }
            };
            driver.start();
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(Long.parseLong(opts.getOrDefault("timeout-s", "300")) * 1000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.println("RESULT error timeout (entries shown: " + lastEntries + ")");
                System.exit(3);
            }, "bench-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        private Step pause(long millis) {
            return now -> (now - stepStarted) >= millis * 1_000_000L;
        }

        static volatile int lastEntries;

        @SuppressWarnings("unchecked")
        private ListView<ContactRow> list() {
            Scene s = stage.getScene();
            return s == null ? null : (ListView<ContactRow>) s.lookup("#contactList");
        }

        private int entries() {
            ListView<ContactRow> l = list();
            if (l == null) {
                return 0;
            }
            int n = 0;
            for (ContactRow r : l.getItems()) {
                if (r instanceof ContactRow.Entry) {
                    n++;
                }
            }
            lastEntries = n;
            return n;
        }

        private int withPresence() {
            ListView<ContactRow> l = list();
            int n = 0;
            for (ContactRow r : l.getItems()) {
                if (r instanceof ContactRow.Entry e && e.item().availability() != Availability.UNKNOWN
                        && e.item().availability() != Availability.OFFLINE) {
                    n++;
                }
            }
            return n;
        }

        /** Keystrokes into the real search box; each timed to the end of the layout pulse that follows it. */
        private void typing() {
            String[] words = opts.getOrDefault("words", "mar,ten,ada b,olsen,zo").split(",");
            List<Long> times = new ArrayList<>();
            long[] pendingSince = {0};
            Runnable[] listener = new Runnable[1];
            steps.add(now -> {
                listener[0] = () -> {
                    if (pendingSince[0] != 0) {
                        times.add(System.nanoTime() - pendingSince[0]);
                        pendingSince[0] = 0;
                    }
                };
                stage.getScene().addPostLayoutPulseListener(listener[0]);
                return true;
            });
            for (String word : words) {
                for (int i = 0; i < word.length(); i++) {
                    char c = word.charAt(i);
                    steps.add(key(pendingSince, f -> f.appendText(String.valueOf(c))));
                }
                for (int i = 0; i < word.length(); i++) {
                    steps.add(key(pendingSince, f -> f.deletePreviousChar()));
                }
            }
            steps.add(now -> {
                if (pendingSince[0] != 0) {
                    return false;
                }
                stage.getScene().removePostLayoutPulseListener(listener[0]);
                StringBuilder each = new StringBuilder();
                for (long t : times) {
                    each.append(each.length() == 0 ? "" : ",").append(Math.round(t / 1e5) / 10.0);
                }
                result("keystroke_each_ms", each);
                times.sort(null);
                result("keystrokes", times.size());
                result("keystroke_p50_ms", String.format("%.1f", pct(times, 50) / 1e6));
                result("keystroke_p99_ms", String.format("%.1f", pct(times, 99) / 1e6));
                result("keystroke_max_ms", String.format("%.1f", times.get(times.size() - 1) / 1e6));
                return true;
            });
        }

        private Step key(long[] pendingSince, java.util.function.Consumer<TextField> edit) {
            return now -> {
                if (pendingSince[0] != 0 || now - stepStarted < 120_000_000L) {
                    return false; // the previous key's pulse has not ended, or it is not time to type yet
                }
                TextField f = (TextField) stage.getScene().lookup("#searchField");
                f.requestFocus();
                f.end();
                pendingSince[0] = System.nanoTime();
                edit.accept(f);
                Platform.requestNextPulse();
                return true;
            };
        }

        /** Asks BenchServer for a presence storm and records the FX pulses meanwhile. */
        private void storm() {
            List<Long> pulses = new ArrayList<>();
            AtomicLong changes = new AtomicLong();
            String[] answer = {null};
            steps.add(now -> {
                InvalidationListener count = o -> changes.incrementAndGet();
                for (ContactRow r : list().getItems()) {
                    if (r instanceof ContactRow.Entry e) {
                        e.item().presenceProperty().addListener(count);
                    }
                }
                Thread t = new Thread(() -> {
                    try (Socket s = new Socket("127.0.0.1", Integer.parseInt(opt("control")));
                         PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                         BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                 StandardCharsets.UTF_8))) {
                        out.println("storm " + opt("rate") + " " + opt("seconds") + " " + opt("expect"));
                        answer[0] = in.readLine();
                    } catch (IOException e) {
                        answer[0] = "error " + e;
                    }
                }, "bench-storm");
                t.setDaemon(true);
                t.start();
                return true;
            });
            steps.add(now -> {
                pulses.add(now);
                return answer[0] != null;
            });
            steps.add(now -> {
                pulses.add(now); // a second more: the tail of the storm still arriving
                return now - stepStarted >= 1_000_000_000L;
            });
            steps.add(now -> {
                List<Long> gaps = new ArrayList<>();
                for (int i = 1; i < pulses.size(); i++) {
                    gaps.add(pulses.get(i) - pulses.get(i - 1));
                }
                gaps.sort(null);
                result("storm_server", answer[0].replace(' ', '_'));
                result("storm_changes_seen", changes.get());
                result("pulses", pulses.size());
                result("pulse_gap_p50_ms", String.format("%.1f", pct(gaps, 50) / 1e6));
                result("pulse_gap_p99_ms", String.format("%.1f", pct(gaps, 99) / 1e6));
                result("pulse_gap_max_ms", String.format("%.1f", gaps.get(gaps.size() - 1) / 1e6));
                result("rss_after_storm_kb", rssKb());
                return true;
            });
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
