package org.parley.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Embedded SQLite: WAL journal so readers never block the writer, and a kill loses no committed data. */
public final class SqliteDialect implements SqlDialect {
    public static final String FILE_NAME = "parley.db";

    @Override
    public String jdbcUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public void configure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // NORMAL in WAL mode: a committed transaction survives a process kill; only a power loss
            // may roll back the last commits.
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=10000");
        }
    }

    @Override
    public String beginWrite() {
        return "BEGIN IMMEDIATE";
    }
}
