package org.parley.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * The server's store: one database file in the data directory, migrated by Flyway at open.
 * A small fixed pool of connections; every unit of work is one transaction.
 */
public final class Database implements AutoCloseable {
    private static final int POOL_SIZE = 4;

    private final SqlDialect dialect;
    private final String url;
    private final BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(POOL_SIZE);

    private Database(SqlDialect dialect, String url) {
        this.dialect = dialect;
        this.url = url;
    }

    /** Opens (creating if needed) the store in {@code dataDir} and applies pending migrations. */
    public static Database open(Path dataDir, SqlDialect dialect) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Database db = new Database(dialect, dialect.jdbcUrl(dataDir));
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(db.url, null, null)
                    .locations(dialect.migrationLocation())
                    .loggers("slf4j")
                    .load()
                    .migrate();
            for (int i = 0; i < POOL_SIZE; i++) {
                db.pool.add(db.newConnection());
            }
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot open the store at " + dataDir + ": " + e.getMessage(), e);
        }
        return db;
    }

    private Connection newConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        dialect.configure(c);
        return c;
    }

    /** A unit of work against one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs read-only work. */
    public <T> T read(Work<T> work) {
        Connection c = take();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw storageFailure(e);
        } finally {
            pool.add(c);
        }
    }

    /** Runs work in one write transaction: all of it is committed, or none. */
    public <T> T write(Work<T> work) {
        Connection c = take();
        try (Statement s = c.createStatement()) {
            s.execute(dialect.beginWrite());
            try {
                T result = work.run(c);
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw storageFailure(e);
        } finally {
            pool.add(c);
        }
    }

    private Connection take() {
        try {
            Connection c = pool.poll(30, TimeUnit.SECONDS);
            if (c == null) {
                throw new ParleyException(ErrorCode.STORAGE_FAILURE, "the store is busy (no free connection after 30 s)");
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "interrupted while waiting for the store", e);
        }
    }

    private static ParleyException storageFailure(SQLException e) {
        return new ParleyException(ErrorCode.STORAGE_FAILURE, "store error: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        Connection c;
        while ((c = pool.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
