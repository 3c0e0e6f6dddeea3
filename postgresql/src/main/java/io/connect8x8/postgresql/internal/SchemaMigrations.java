package io.connect8x8.postgresql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Brings one component's tables up to date, once, however many processes start at the same time: each component has
 * an ordered list of statements, and {@code connect8x8_schema} remembers how many of them ran. Every store of this
 * module (the campaign journal, the rate limit, and later ones) declares its list and calls {@link #apply}.
 */
public final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /**
     * Runs the statements of {@code component} not run yet, in one transaction under an advisory lock.
     *
     * @param dataSource where
     * @param component the component's name, e.g. {@code "campaign-journal"}
     * @param statements every statement the component ever needed, in order; only ever appended to
     * @throws SQLException when the database refuses
     */
    public static void apply(DataSource dataSource, String component, List<String> statements) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    // One lock for every migration of connect8x8: two processes starting together run them once.
                    statement.execute("SELECT pg_advisory_xact_lock(7208836571048812800)");
                    statement.execute("CREATE TABLE IF NOT EXISTS connect8x8_schema ("
                            + "component text PRIMARY KEY, version integer NOT NULL)");
                }
                int done = 0;
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT version FROM connect8x8_schema WHERE component = ?")) {
                    query.setString(1, component);
                    try (ResultSet row = query.executeQuery()) {
                        if (row.next()) {
                            done = row.getInt(1);
                        }
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    for (int i = done; i < statements.size(); i++) {
                        statement.execute(statements.get(i));
                    }
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "INSERT INTO connect8x8_schema (component, version) VALUES (?, ?) "
                                + "ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version")) {
                    update.setString(1, component);
                    update.setInt(2, statements.size());
                    update.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
