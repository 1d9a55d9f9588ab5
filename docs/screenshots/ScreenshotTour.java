package org.parley.client;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.PasswordField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.AppWindows;
import org.parley.client.shell.ClientFactory;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.MessageOptions;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.model.Availability;
import org.parley.ui.BuildInfo;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;

/**
 * docs/screenshots/render.sh's driver (compiled by it against client-app's classes and test class path; in the
 * package of {@code ClientApp} for its identity): runs the REAL Communicator (its windows, wired as the composition root wires
 * them) against {@code ./parley demo}, signs in through the sign-in form, opens each screen through the app's own
 * {@link org.parley.client.shell.Navigator} and saves {@code scene.snapshot} as PNG. A second party (the peer, e.g.
 * bob) runs in this JVM on the core engine: it sends rich-text messages and accepts a file, so the conversation has
 * something to show; other demo users change presence through {@code ./parley cli} (render.sh).
 * <p>Arguments: {@code --server H --port N --domain D --user NAME --peer NAME --data DIR --out DIR [--font PX]}
 * (font size: the settings' default unless given); stdin: the
 * user's password, then the peer's. Exits 0 when every screen was saved, 1 otherwise (after 180 s at most).
 */
public final class ScreenshotTour {
    private static final Map<String, String> OPTS = new HashMap<>();
    private static char[] password;
    private static char[] peerPassword;

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws IOException {
        for (int i = 0; i + 1 < args.length; i += 2) {
            OPTS.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        password = in.readLine().toCharArray();
        peerPassword = in.readLine().toCharArray();
        Application.launch(Tour.class);
    }

    static String opt(String name) {
        String v = OPTS.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    /** The tour: steps polled on each pulse; a step returns true when done. */
    public static final class Tour extends Application {
        private final List<BooleanSupplier> steps = new ArrayList<>();
        private final ExecutorService peerEvents = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tour-peer");
            t.setDaemon(true);
            return t;
        });
        private AppWindows windows;
        private Appearance appearance;
        private UcClient peer;
        private Path out;
        private String domain;
        private long waitStarted;
        private int saved;

        @Override
        public void start(Stage primary) throws Exception {
            domain = opt("domain");
            out = Path.of(opt("out"));
            Files.createDirectories(out);
            String user = opt("user");
            String peerName = opt("peer");
            String me = "sip:" + user + "@" + domain;
            String bob = "sip:" + peerName + "@" + domain;
            Path data = Path.of(opt("data"));
            int port = Integer.parseInt(opt("port"));

            // as ClientApp.show: settings, appearance, one UI executor, the engine factory, the windows
            SettingsStore settings = new SettingsStore(data);
            ClientSettings defaults = ClientSettings.defaults();
            int font = Integer.parseInt(OPTS.getOrDefault("font", Integer.toString(defaults.fontSize())));
            settings.save(defaults.withAccount(opt("server"), port, "TLS", user + "@" + domain, false, false)
                    .withAppearance(Theme.LIGHT, font));
            ClientSettings s = settings.load();
            appearance = new Appearance(new ThemeSwitcher(), s.theme(), s.fontSize());
            UiExecutor ui = new UiExecutor();
            ClientFactory factory = cfg -> SipUcClient.create(cfg.withIdle(Duration.ofMinutes(s.inactiveMinutes()),
                    Duration.ofMinutes(s.awayMinutes())), ui);
            windows = new AppWindows(primary, ClientApp.IDENTITY, BuildInfo.load().version(), factory, settings,
                    appearance, uri -> { }, Platform::exit);
            windows.showSignIn(new LaunchOptions(data, opt("server"), port, "TLS", user + "@" + domain, null));

            Path file = Files.createTempDirectory("tour-files").resolve("Q3 offer notes.pdf");
            Files.write(file, new byte[180_000]);

            step(() -> lookup(primary, "#signInPassword") != null);
            step(() -> {
                ((PasswordField) lookup(primary, "#signInPassword")).setText(new String(password));
                return true;
            });
            pause(600);
            step(() -> save(primary.getScene(), "sign-in"));
            step(() -> {
                ((ButtonBase) lookup(primary, "#signInButton")).fire();
                return true;
            });
            await("main window with presence", 60, () -> lookup(primary, "#mainView") != null
                    && windows.mainWindow().map(m -> m.contacts().list().contacts().size() >= 8).orElse(false)
                    && windows.mainWindow().get().contacts().item("sip:carol@" + domain)
                    .map(i -> i.availability() != Availability.UNKNOWN && i.availability() != Availability.OFFLINE)
                    .orElse(false));
            step(() -> {
                peerSignIn(peerName, data.resolve("peer-downloads"));
                return true;
            });
            await("the peer signed in", 30, () -> peer != null && peer.connectionState() == UcClient.ConnectionState.SIGNED_IN);
            step(() -> {
                peer.messaging().send(me, "text/html", "<b>Morning!</b> The <i>Q3 offer</i> is ready for review "
                        + "<span style=\"color:#0969da\">in the shared folder</span> :)", MessageOptions.NONE);
                return true;
            });
            pause(1500);
            step(() -> {
                peer.messaging().send(me, "text/plain", "Can you check the numbers before the 3 pm call? "
                        + "The figures are on https://intranet.example/q3", new MessageOptions("Q3 offer", true));
                return true;
            });
            await("the conversation window", 30, () -> window(".conversation") != null);
            pause(1000);
            step(() -> {
                Stage conv = window(".conversation");
                // the compose box is a rich-text area (RichTextFX): typed into through its replaceText(String)
                Node compose = conv.getScene().lookup(".compose-area");
                try {
                    compose.getClass().getMethod("replaceText", String.class)
                            .invoke(compose, "Looks good. Sending you my notes on the discount now.");
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot type into the compose box: " + e, e);
                }
                ButtonBase send = (ButtonBase) find(conv.getScene().getRoot(),
                        n -> n instanceof ButtonBase && "Send the message".equals(n.getAccessibleText()));
                send.fire();
                windows.session().orElseThrow().client().files().send(bob, file);
                return true;
            });
            pause(4000);
            step(() -> save(window(".conversation").getScene(), "conversation-light"));
            step(() -> save(primary.getScene(), "main-light"));
            step(() -> {
                windows.showContactCard("sip:carol@" + domain);
                return true;
            });
            await("the contact card", 10, () -> window("#contactCard") != null);
            pause(800);
            step(() -> save(window("#contactCard").getScene(), "contact-card"));
            // carol's message (render.sh's parley cli) makes a second conversation; go on without it after 20 s
            awaitOrGoOn(20, () -> windows.session().orElseThrow().client().history().conversations(10).size() >= 2);
            step(() -> {
                window("#contactCard").close();
                windows.showHistory(null);
                return true;
            });
            await("the history window", 10, () -> window(".history") != null);
            step(() -> {
                Stage h = window(".history");
                @SuppressWarnings("unchecked")
                var list = (javafx.scene.control.ListView<org.parley.client.history.HistoryViewModel.ConversationItem>)
                        h.getScene().lookup(".history-conversations");
                list.getItems().stream().filter(c -> c.peer().equals(bob)).findFirst()
                        .ifPresent(c -> list.getSelectionModel().select(c));
                return true;
            });
            pause(800);
            step(() -> save(window(".history").getScene(), "history"));
            step(() -> {
                windows.showOptions();
                return true;
            });
            await("the options dialog", 10, () -> window(".options") != null);
            pause(800);
            step(() -> save(window(".options").getScene(), "options"));
            step(() -> {
                window(".options").close();
                appearance.themeProperty().set(Theme.DARK);
                return true;
            });
            pause(1200);
            step(() -> save(primary.getScene(), "main-dark"));
            step(() -> save(window(".conversation").getScene(), "conversation-dark"));
            step(() -> save(window(".history").getScene(), "history-dark"));
            step(() -> {
                System.out.println("tour: saved " + saved + " screenshots in " + out);
                finish(0);
                return true;
            });

            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    try {
                        while (!steps.isEmpty() && steps.get(0).getAsBoolean()) {
                            steps.remove(0);
                            waitStarted = 0;
                        }
                    } catch (RuntimeException e) {
                        e.printStackTrace();
                        finish(1);
                    }
                }
            }.start();
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(180_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("tour: timed out");
                System.exit(1);
            }, "tour-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }

        private void peerSignIn(String name, Path downloads) {
            ClientConfig cfg = ClientConfig.of(opt("server"), Integer.parseInt(opt("port")), ClientConfig.Transport.TLS,
                    name, domain, Path.of(opt("data")).resolve("peer-" + name));
            try {
                Files.createDirectories(downloads);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            peer = SipUcClient.create(cfg, peerEvents);
            peer.files().addListener(t -> {
                if (t.direction() == FileTransferService.Direction.INCOMING
                        && t.state() == FileTransferService.State.OFFERED) {
                    peer.files().accept(t.id(), downloads);
                }
            });
            peer.signIn(peerPassword);
        }

        private void step(BooleanSupplier s) {
            steps.add(s);
        }

        private void pause(long millis) {
            steps.add(() -> {
                long now = System.nanoTime();
                if (waitStarted == 0) {
                    waitStarted = now;
                }
                return now - waitStarted >= millis * 1_000_000L;
            });
        }

        private void await(String what, int seconds, BooleanSupplier condition) {
            steps.add(() -> {
                long now = System.nanoTime();
                if (waitStarted == 0) {
                    waitStarted = now;
                }
                if (condition.getAsBoolean()) {
                    return true;
                }
                if (now - waitStarted > seconds * 1_000_000_000L) {
                    throw new IllegalStateException("tour: no " + what + " after " + seconds + " s");
                }
                return false;
            });
        }

        private void awaitOrGoOn(int seconds, BooleanSupplier condition) {
            steps.add(() -> {
                long now = System.nanoTime();
                if (waitStarted == 0) {
                    waitStarted = now;
                }
                return condition.getAsBoolean() || now - waitStarted > seconds * 1_000_000_000L;
            });
        }

        private boolean save(Scene scene, String name) {
            WritableImage img = scene.snapshot(null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            b.setRGB(0, 0, w, h, argb, 0, w);
            try {
                ImageIO.write(b, "png", out.resolve(name + ".png").toFile());
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + name + ".png: " + e.getMessage(), e);
            }
            saved++;
            System.out.println("tour: " + name + ".png " + w + "x" + h);
            return true;
        }

        private static Node lookup(Stage stage, String selector) {
            return stage.getScene() == null ? null : stage.getScene().lookup(selector);
        }

        /** The showing window whose scene holds {@code selector}. */
        private static Stage window(String selector) {
            for (Window w : Window.getWindows()) {
                if (w instanceof Stage st && st.isShowing() && st.getScene() != null
                        && st.getScene().lookup(selector) != null) {
                    return st;
                }
            }
            return null;
        }

        private static Node find(Node root, Predicate<Node> test) {
            if (test.test(root)) {
                return root;
            }
            if (root instanceof Parent p) {
                for (Node child : p.getChildrenUnmodifiable()) {
                    Node found = find(child, test);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        private void finish(int code) {
            Thread t = new Thread(() -> {
                try {
                    if (peer != null) {
                        peer.close();
                    }
                } finally {
                    System.exit(code);
                }
            }, "tour-exit");
            t.setDaemon(true);
            t.start();
            windows.close(); // called from a step: on the JavaFX thread
        }
    }
}
