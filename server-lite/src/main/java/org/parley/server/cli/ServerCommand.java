package org.parley.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.server.ParleyServer;
import org.slf4j.LoggerFactory;
import org.parley.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley server}: runs server-lite in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run server-lite in the foreground; prints one line when ready; stops cleanly on SIGTERM/Ctrl-C.")
public final class ServerCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DataDirOption data = new DataDirOption();

    @Mixin
    ServerFlags flags = new ServerFlags();

    @Override
    public Integer call() throws InterruptedException {
        return run(resolve(), spec.commandLine().getOut());
    }

    /** Starts the server, prints the ready line, and blocks until the JVM is asked to stop. */
    static int run(ServerConfig config, java.io.PrintWriter out) throws InterruptedException {
        return run(config, out, running -> { });
    }

    /** As {@link #run(ServerConfig, java.io.PrintWriter)}, calling {@code onReady} after the ready line. */
    static int run(ServerConfig config, java.io.PrintWriter out, java.util.function.Consumer<ParleyServer> onReady)
            throws InterruptedException {
        ParleyServer server = ParleyServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            LoggerFactory.getLogger(ServerCommand.class).info("parley server stopped");
            stopped.countDown();
        }, "parley-shutdown"));
        out.printf("parley server ready: domain %s, SIP udp+tcp %s:%d%s, data %s%n",
                server.domain(), server.host(), server.sipPort(),
                config.tlsEnabled() ? ", tls " + server.host() + ":" + server.tlsPort() : "",
                config.dataDir().toAbsolutePath());
        out.flush();
        onReady.accept(server);
        stopped.await();
        return 0;
    }

    ServerConfig resolve() {
        return flags.resolve(data.dataDir, spec);
    }

    static Properties readProperties(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new ParleyException(ErrorCode.CONFIGURATION, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }
}
