package org.parley.attendant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.attendant.AttendantApp;
import org.parley.attendant.testsupport.Parties;
import org.parley.attendant.AttendantOptions;
import org.parley.attendant.interop.SippPhone;
import org.parley.attendant.queue.QueueItem;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.parley.server.interop.BaresipAgent;
import org.parley.server.interop.ToneFile;
import org.parley.server.reception.ReceptionStore;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console signed in as "frontdesk" on a real server-lite, called by real phones: a SIPp phone offering plain
 * RTP/AVP PCMU (as carol) and a baresip phone with SRTP (as bob, sending a 1 kHz tone). Both queue; Space answers
 * the SIPp call, clicking baresip's card answers it and holds the SIPp phone (which checks the sendonly/inactive
 * re-INVITE); Transfer blind-transfers baresip to dave, a core client that answers and hears baresip's tone. And
 * baresip calling the reception line's main number is referred to the free console, which answers and hears it.
 */
@Tag("interop")
@ExtendWith(ApplicationExtension.class)
class ConsoleInteropScreenTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleInteropScreenTest.class);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final double BARESIP_HZ = 1000;
    private static final double DAVE_HZ = 440;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("frontdesk", "bob", "carol", "dave");
    @TempDir
    Path data;
    @TempDir
    Path work;
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final List<Call> daveSaw = new CopyOnWriteArrayList<>();
    private SipUcClient dave;
    private BaresipAgent baresip;
    private SippPhone sipp;
    private AttendantApp app;

    @BeforeEach
    void requirePhones() {
        SippPhone.requireSipp();
        BaresipAgent.requireBaresip();
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (app != null) {
                FxToolkit.setupFixture(app::stop);
            }
        } finally {
            if (sipp != null) {
                sipp.close();
            }
            if (baresip != null) {
                baresip.close();
            }
            if (dave != null) {
                dave.close();
            }
            events.shutdownNow();
            FxToolkit.cleanupStages();
        }
    }

    private AttendantApp.Console console() {
        return app.console().orElseThrow();
    }

    private List<QueueItem> queue() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> List.copyOf(console().queue().items())).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the console's queue", e);
        }
    }

    private QueueItem itemFrom(String user) throws Exception {
        String peer = "sip:" + user + "@" + TestServer.DOMAIN;
        return queue().stream().filter(i -> peer.equalsIgnoreCase(i.call().peer())).findFirst()
                .orElseThrow(() -> new AssertionError("no call from " + user + " in the queue"));
    }

    /** Waits for {@code condition}, failing with what the console, the phones and dave show. */
    private void waitFor(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, () -> {
                try {
                    return condition.getAsBoolean();
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s\nconsole queue: "
                    + queue().stream().map(i -> i.call().peer() + "=" + i.state()).toList()
                    + "\ndave's calls: " + daveSaw
                    + (baresip != null ? "\n" + baresip.describe() : "")
                    + (sipp != null ? "\n" + sipp.describe() : ""), e);
        }
    }

    private boolean stateOf(String user, State state) {
        try {
            return itemFrom(user).state() == state;
        } catch (Exception | AssertionError notThere) {
            return false;
        }
    }

    private Call daveCall(Predicate<Call> p) {
        return daveSaw.stream().filter(p).reduce((a, b) -> b).orElse(null);
    }

    /** bob's baresip phone, which requires SRTP-SDES (mediaenc=srtp-mand) and sends a 1 kHz tone. */
    private void startBaresip(int sipPort) throws Exception {
        baresip = BaresipAgent.start(work.resolve("bob"), "bob", TestServer.password("bob"), TestServer.DOMAIN,
                sipPort, BARESIP_HZ, new BaresipAgent.Extras(List.of(), ";mediaenc=srtp-mand", List.of(),
                        List.of("srtp")));
    }

    /** The console signed in as frontdesk, its client tuned as {@code tuning}. */
    private void openConsole(int sipPort, ClientTuning tuning) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AttendantOptions options = new AttendantOptions(data, "127.0.0.1", sipPort, "TCP",
                "frontdesk@" + TestServer.DOMAIN, TestServer.password("frontdesk").toCharArray());
        FxToolkit.setupFixture(() -> {
            app = new AttendantApp(BuildInfo.load(), new ThemeSwitcher(), options,
                    cfg -> SipUcClient.create(cfg, new UiExecutor(), tuning, Clock.systemUTC()));
            app.show(stage);
        });
        waitFor("signed-in console", () -> app.console().isPresent());
    }

    @Test
    void sippAndBaresipCallersQueueAreAnsweredAndHeldAndBaresipIsBlindTransferredToDave(FxRobot robot)
            throws Exception {
        int sipPort = parley.server().sipPort();
        // dave: a core client that answers every call and records what it hears
        Path daveHeard = work.resolve("dave-heard.wav");
        dave = SipUcClient.create(ClientConfig.of("127.0.0.1", sipPort, Transport.TCP, "dave", TestServer.DOMAIN,
                Files.createDirectories(work.resolve("dave"))), events, Parties.FAST, Clock.systemUTC());
        dave.telephony().useDevices(new AudioDevices("tone:" + (int) DAVE_HZ, "file:" + daveHeard, "none"));
        dave.telephony().addCallListener(call -> {
            daveSaw.add(call);
            if (call.state() == State.INCOMING) {
                dave.telephony().answer(call.id());
            }
        });
        dave.signIn(TestServer.password("dave").toCharArray()).get(10, TimeUnit.SECONDS);
        startBaresip(sipPort);
        // The console allows plain RTP, as a reception desk taking calls from gateways and desk phones must.
        openConsole(sipPort, Parties.FAST.withPlainRtp(true));
        baresip.await("registration", "bob@parley\\.test: \\{0/UDP/v4\\} 200 OK", WAIT);

        // The SIPp phone calls first, then baresip: both queue, in that order.
        Files.write(work.resolve("caller-tone.ulaw"), ToneFile.ulawSine(600, 1));
        sipp = SippPhone.start(work, "uac-console-rtp.xml", FreePorts.udpAndTcp(), sipPort, "carol",
                TestServer.password("carol"), "frontdesk@" + TestServer.DOMAIN,
                Map.of("caller", "carol", "callee", "frontdesk", "domain", TestServer.DOMAIN), Duration.ofSeconds(40));
        waitFor("SIPp call in the queue", () -> stateOf("carol", State.INCOMING));
        baresip.command("/dial sip:frontdesk@" + TestServer.DOMAIN);
        waitFor("both calls in the queue", () -> stateOf("bob", State.INCOMING));
        assertThat(queue()).extracting(i -> i.call().peer())
                .containsExactly("sip:carol@parley.test", "sip:bob@parley.test");

        // Space answers the call waiting longest (SIPp's), with plain RTP PCMU.
        robot.interact(() -> robot.lookup("#queue").query().requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        waitFor("SIPp call answered", () -> stateOf("carol", State.CONNECTED));
        assertThat(itemFrom("carol").call().codec()).isEqualTo("PCMU/8000");

        // Clicking baresip's card answers it and holds the SIPp phone.
        robot.clickOn(QueueCards.of(robot, itemFrom("bob").id()));
        waitFor("baresip call answered", () -> stateOf("bob", State.CONNECTED));
        baresip.await("established call", "Call established: sip:frontdesk@parley\\.test", WAIT);
        waitFor("SIPp call held", () -> stateOf("carol", State.HELD));
        assertThat(sipp.messages()).as("the SIPp phone received the hold re-INVITE")
                .containsPattern("a=(sendonly|inactive)");

        // Blind transfer of baresip to dave: baresip follows the REFER and dave answers.
        robot.clickOn("#target").write("dave");
        robot.clickOn("#transferButton");
        waitFor("dave connected with baresip", () -> daveCall(c -> c.state() == State.CONNECTED) != null);
        Call atDave = daveCall(c -> c.state() == State.CONNECTED);
        assertThat(atDave.direction()).isEqualTo(Direction.INCOMING);
        assertThat(atDave.peer()).contains("bob@parley.test");
        assertThat(baresip.output()).as("baresip was sent a REFER naming dave\n" + baresip.describe())
                .containsPattern("(?m)^REFER sip:").containsPattern("(?mi)^Refer-To: *<?sip:dave@parley\\.test");
        waitFor("baresip's call gone from the queue", () -> queue().stream()
                .noneMatch(i -> i.call().peer().equals("sip:bob@parley.test")));
        assertThat(itemFrom("carol").state()).as("the SIPp phone stays held in the queue").isEqualTo(State.HELD);

        // dave hears baresip's tone, not his own.
        Thread.sleep(2000);
        dave.telephony().hangup(atDave.id()).get(10, TimeUnit.SECONDS);
        waitFor("dave's recording", () -> Files.exists(daveHeard)
                && daveCall(c -> c.id().equals(atDave.id()) && c.state() == State.ENDED) != null);
        ToneFile.Recording heard = ToneFile.read(daveHeard);
        String measured = "dave heard " + heard.summary(BARESIP_HZ, DAVE_HZ);
        LOG.info(measured);
        assertThat(heard.seconds()).as(measured).isGreaterThanOrEqualTo(1.0);
        assertThat(heard.powerAt(BARESIP_HZ)).as("dave hears baresip's tone: " + measured)
                .isGreaterThan(20 * heard.powerAt(DAVE_HZ)).isGreaterThan(1.0);

        // The attendant hangs up the held SIPp call: the phone's scenario ends cleanly.
        String carolCall = itemFrom("carol").call().id();
        WaitForAsyncUtils.asyncFx(() -> console().client().telephony().hangup(carolCall)).get();
        int exit = sipp.awaitExit(WAIT);
        assertThat(exit).as("SIPp phone: answer, hold, BYE\n" + sipp.describe()).isZero();
    }

    @Test
    void baresipCallingTheReceptionLineIsReferredToTheConsoleWhichAnswersAndHearsIt(FxRobot robot) throws Exception {
        int sipPort = parley.server().sipPort();
        try (Database db = Database.open(parley.dataDir(), new SqliteDialect())) {
            new ReceptionStore(db).setAttendants(List.of("frontdesk"));
        }
        startBaresip(sipPort);
        openConsole(sipPort, Parties.FAST);
        // the console's headset: a 440 Hz "voice", and what it hears recorded
        Path consoleHeard = work.resolve("console-heard.wav");
        WaitForAsyncUtils.asyncFx(() -> console().client().telephony().useDevices(
                new AudioDevices("tone:" + (int) DAVE_HZ, "file:" + consoleHeard, "none"))).get();
        baresip.await("registration", "bob@parley\\.test: \\{0/UDP/v4\\} 200 OK", WAIT);

        // baresip calls the main number; the line answers, then refers it to the free attendant's console.
        baresip.command("/dial sip:reception@" + TestServer.DOMAIN);
        waitFor("the caller offered to the console", () -> stateOf("bob", State.INCOMING));
        // The line's REFER names the console and itself (Referred-By). baresip 1.0 follows it but does not copy
        // Referred-By into its new INVITE (RFC 3892 says it SHOULD), so the console sees a plain call from bob;
        // core clients copy it and the queue then marks the call as the line's (ReceptionLineTest).
        assertThat(baresip.output()).as("baresip followed the line's REFER\n" + baresip.describe())
                .containsPattern("(?m)^REFER sip:").containsPattern("(?mi)^Refer-To: *<?sip:frontdesk@parley\\.test")
                .containsPattern("(?mi)^Referred-By: *<?sip:reception@parley\\.test")
                .containsPattern("(?m)^INVITE sip:frontdesk@parley\\.test");

        // Space answers it: the console hears baresip's tone.
        robot.interact(() -> robot.lookup("#queue").query().requestFocus());
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        waitFor("the console connected with baresip", () -> stateOf("bob", State.CONNECTED));
        Thread.sleep(2000);
        String id = itemFrom("bob").call().id();
        WaitForAsyncUtils.asyncFx(() -> console().client().telephony().hangup(id)).get();
        waitFor("the console's recording", () -> Files.exists(consoleHeard) && queue().isEmpty());
        ToneFile.Recording heard = ToneFile.read(consoleHeard);
        String measured = "the console heard " + heard.summary(BARESIP_HZ, DAVE_HZ);
        LOG.info(measured);
        assertThat(heard.seconds()).as(measured).isGreaterThanOrEqualTo(1.0);
        assertThat(heard.powerAt(BARESIP_HZ)).as("the console hears baresip's tone: " + measured)
                .isGreaterThan(20 * heard.powerAt(DAVE_HZ)).isGreaterThan(1.0);
    }
}
