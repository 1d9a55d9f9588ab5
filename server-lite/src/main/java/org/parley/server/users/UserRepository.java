package org.parley.server.users;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.server.store.Database;

/** Users of the local domain, in the store. */
public final class UserRepository {
    private static final String PROFILE_COLUMNS =
            "username, display_name, title, department, email, work_phone, mobile_phone, home_phone";

    private final Database db;
    private final Clock clock;

    public UserRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void add(UserProfile p, UserCredentials c) {
        db.write(conn -> {
            try (PreparedStatement exists = conn.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                exists.setString(1, p.username());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        throw new ParleyException(ErrorCode.ALREADY_EXISTS, "user '" + p.username() + "' already exists");
                    }
                }
            }
            long now = clock.millis();
            try (PreparedStatement s = conn.prepareStatement("INSERT INTO users (" + PROFILE_COLUMNS
                    + ", realm, ha1_md5, ha1_sha256, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                bindProfile(s, p);
                s.setString(9, c.realm());
                s.setString(10, c.ha1Md5());
                s.setString(11, c.ha1Sha256());
                s.setLong(12, now);
                s.setLong(13, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    public List<UserProfile> list() {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT " + PROFILE_COLUMNS + " FROM users ORDER BY username");
                 ResultSet rs = s.executeQuery()) {
                List<UserProfile> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(profile(rs));
                }
                return out;
            }
        });
    }

    public Optional<UserProfile> find(String username) {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT " + PROFILE_COLUMNS + " FROM users WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(profile(rs)) : Optional.empty();
                }
            }
        });
    }

    public Optional<UserCredentials> credentials(String username) {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement(
                    "SELECT username, realm, ha1_md5, ha1_sha256 FROM users WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new UserCredentials(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                            : Optional.empty();
                }
            }
        });
    }

    public boolean exists(String username) {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public void setCredentials(UserCredentials c) {
        int n = db.write(conn -> {
            try (PreparedStatement s = conn.prepareStatement(
                    "UPDATE users SET realm = ?, ha1_md5 = ?, ha1_sha256 = ?, updated_at = ? WHERE username = ?")) {
                s.setString(1, c.realm());
                s.setString(2, c.ha1Md5());
                s.setString(3, c.ha1Sha256());
                s.setLong(4, clock.millis());
                s.setString(5, c.username());
                return s.executeUpdate();
            }
        });
        if (n == 0) {
            throw notFound(c.username());
        }
    }

    public void remove(String username) {
        int n = db.write(conn -> {
            try (PreparedStatement reg = conn.prepareStatement("DELETE FROM registrations WHERE aor = ?");
                 PreparedStatement s = conn.prepareStatement("DELETE FROM users WHERE username = ?")) {
                reg.setString(1, username);
                reg.executeUpdate();
                s.setString(1, username);
                return s.executeUpdate();
            }
        });
        if (n == 0) {
            throw notFound(username);
        }
    }

    private static ParleyException notFound(String username) {
        return new ParleyException(ErrorCode.NOT_FOUND, "no user '" + username + "'");
    }

    private static void bindProfile(PreparedStatement s, UserProfile p) throws SQLException {
        s.setString(1, p.username());
        s.setString(2, p.displayName());
        s.setString(3, p.title());
        s.setString(4, p.department());
        s.setString(5, p.email());
        s.setString(6, p.workPhone());
        s.setString(7, p.mobilePhone());
        s.setString(8, p.homePhone());
    }

    private static UserProfile profile(ResultSet rs) throws SQLException {
        return new UserProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
