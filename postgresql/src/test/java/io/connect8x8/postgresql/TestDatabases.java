package io.connect8x8.postgresql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server for every test class of this JVM (starting one takes seconds), and a database of its
 * own for each test class, so that no class sees another's tables or rows. The server stops when the JVM exits.
 */
final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    /**
     * A new, empty database on the shared server.
     *
     * @return its name, for {@link #dataSource(String)} and {@link #jdbcUrl(String)}
     */
    static synchronized String create() {
        String name = "test_" + NEXT.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    /**
     * A data source for a database made by {@link #create()}.
     *
     * @param database the database's name
     * @return the data source
     */
    static DataSource dataSource(String database) {
        return server().getDatabase("postgres", database);
    }

    /**
     * The JDBC URL of a database made by {@link #create()}, for another process.
     *
     * @param database the database's name
     * @return the URL, with the user
     */
    static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /**
     * The shared server's port, for a test that connects with credentials of its own.
     *
     * @return the port on 127.0.0.1
     */
    static int port() {
        return server().getPort();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting: the server's directory is removed with it either way.
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
