package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.parley.core.cli.CliRunner;
import org.parley.core.client.sip.SipUcClient;

/**
 * Drives one {@code parley cli} session in this JVM through its stdin and stdout, exactly as a script would: writes
 * command lines, reads the JSON events it prints.
 */
final class CliDriver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipedOutputStream stdin = new PipedOutputStream();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final List<JsonNode> untaken = new ArrayList<>();
    private final CompletableFuture<Integer> exit;
    private final StringBuilder err = new StringBuilder();

    CliDriver(String... args) throws IOException {
        PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
        PrintStream out = new PrintStream(new LineSink(line -> {
            try {
                events.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("cli printed a line that is not JSON: " + line, e);
            }
        }), true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(new LineSink(line -> {
            synchronized (err) {
                err.append(line).append('\n');
            }
        }), true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> CliRunner.run(args, SipUcClient::create, in, out, errStream));
    }

    static CliDriver signIn(int port, String transport, String user, String password, Path data) throws IOException {
        CliDriver d = new CliDriver("--server", "127.0.0.1:" + port, "--user", user + "@parley.test", "--password-stdin",
                "--transport", transport, "--data", data.toString());
        d.send(password);
        d.expect(e -> "signed-in".equals(e.path("event").asText()), Duration.ofSeconds(20));
        return d;
    }

    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Runs a command and returns its result event (the one whose "command" is this line). */
    JsonNode run(String line) throws IOException {
        send(line);
        JsonNode r = expect(e -> line.equals(e.path("command").asText()), Duration.ofSeconds(35));
        return r;
    }

    /** Runs a command and asserts it did not fail. */
    JsonNode ok(String line) throws IOException {
        JsonNode r = run(line);
        assertThat(r.path("event").asText()).as("result of '%s': %s", line, r).isNotEqualTo("error");
        return r;
    }

    /**
     * The first event, in printing order, that satisfies {@code wanted}: one printed earlier that no expectation took
     * yet (e.g. while a command's result was awaited), or the next ones printed within {@code timeout}.
     */
    JsonNode expect(Predicate<JsonNode> wanted, Duration timeout) {
        for (java.util.Iterator<JsonNode> it = untaken.iterator(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (wanted.test(e)) {
                it.remove();
                return e;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no matching event within " + timeout + "; saw " + seen + "; stderr: " + err);
                }
                seen.add(e);
                if (wanted.test(e)) {
                    return e;
                }
                untaken.add(e);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /**
     * The next presence event about {@code uri} that satisfies {@code wanted}: states passed by earlier are stale
     * (the caller waits for the effect of what it just did), so those not taken are dropped first.
     */
    JsonNode presence(String uri, Predicate<JsonNode> wanted) {
        untaken.removeIf(e -> "presence".equals(e.path("event").asText()) && uri.equals(e.path("uri").asText()));
        return expect(e -> "presence".equals(e.path("event").asText()) && uri.equals(e.path("uri").asText()) && wanted.test(e),
                Duration.ofSeconds(15));
    }

    int quit() throws Exception {
        send("quit");
        stdin.close();
        return exit.get(30, TimeUnit.SECONDS);
    }

    int exitCode() throws Exception {
        return exit.get(30, TimeUnit.SECONDS);
    }

    String stderr() {
        synchronized (err) {
            return err.toString();
        }
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            try {
                stdin.close();
            } catch (IOException e) {
                // already closed
            }
            exit.get(30, TimeUnit.SECONDS);
        }
    }

    /** Splits what is written into lines. */
    private static final class LineSink extends OutputStream {
        private final java.util.function.Consumer<String> onLine;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

        LineSink(java.util.function.Consumer<String> onLine) {
            this.onLine = onLine;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = buf.toString(StandardCharsets.UTF_8);
                buf.reset();
                if (!line.isBlank()) {
                    onLine.accept(line);
                }
            } else {
                buf.write(b);
            }
        }
    }
}
