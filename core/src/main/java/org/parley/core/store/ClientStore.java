package org.parley.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * The client's local SQLite database ({@code client.db} in its data directory), migrated by Flyway from
 * {@code db/migration/client} at open; WAL journal. One connection: the client's writes are few and small.
 */
public final class ClientStore implements AutoCloseable {
    public static final String FILE_NAME = "client.db";

    private final Connection connection;

    private ClientStore(Connection connection) {
        this.connection = connection;
    }

    public static ClientStore open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Flyway.configure(ClientStore.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration/client")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            Connection c = DriverManager.getConnection(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            return new ClientStore(c);
        } catch (SQLException | RuntimeException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot open the local store in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Work against the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public synchronized <T> T run(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "local store error: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
