package org.parley.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between database back ends. Repositories write portable SQL (standard DML plus
 * {@code INSERT ... ON CONFLICT ... DO UPDATE}, which SQLite and PostgreSQL both accept); anything
 * else that differs lives behind this interface. SQLite is the only implementation today.
 */
public interface SqlDialect {
    String jdbcUrl(Path dataDir);

    /** Flyway location holding this dialect's migrations. */
    String migrationLocation();

    /** Per-connection settings (pragmas, session parameters). */
    void configure(Connection connection) throws SQLException;

    /** Statement that starts a write transaction which takes the write lock at once. */
    String beginWrite();
}
