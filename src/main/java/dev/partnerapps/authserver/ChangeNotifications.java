package dev.partnerapps.authserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, hears the notification every change sends at commit (see {@link ChangeEpoch})
 * and starts a new cache generation at once, so a disable on one instance holds on every
 * instance within milliseconds instead of one poll interval (README, "Every instance hears at once").
 *
 * <p>It listens on a connection of its own, opened outside the pool: a pooled connection would be
 * handed to requests, and a pool may close or replace it at will. When the connection is lost it
 * reconnects with back-off; notifications sent meanwhile are lost, so every reconnect counts as
 * "everything may have changed". The poll of {@link ChangeEpoch} keeps working throughout.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerapps.oauth.change-notifications", matchIfMissing = true)
class ChangeNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    /** How long one wait for notifications blocks: bounds how long stopping takes. */
    private static final int WAIT_MILLIS = 500;
    /** Quiet for this long, the connection is checked, so a silently dead one is noticed. */
    private static final Duration CHECK_AFTER = Duration.ofSeconds(15);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final ChangeEpoch epoch;
    private final DataSourceProperties dataSource;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    private final Map<String, String> driverProperties;

    ChangeNotifications(ChangeEpoch epoch, DataSourceProperties dataSource, Environment environment) {
        this.epoch = epoch;
        this.dataSource = dataSource;
        // The pool's driver settings (TLS: sslmode, sslrootcert...; timeouts) apply to this connection too.
        this.driverProperties = Binder.get(environment)
                .bind("spring.datasource.hikari.data-source-properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    @Override
    public synchronized void start() {
        if (running || !epoch.notifies()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "change-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        listening = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether notifications are being heard right now (else only the poll keeps caches honest). */
    boolean isListening() {
        return listening;
    }

    private void listen() {
        Duration retry = FIRST_RETRY;
        boolean connectedBefore = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + ChangeEpoch.CHANNEL);
                }
                // Whatever was announced while we were not listening is lost.
                epoch.somethingChanged();
                if (connectedBefore) {
                    log.info("Listening for changes again");
                } else {
                    log.info("Listening for changes on PostgreSQL channel {}", ChangeEpoch.CHANNEL);
                }
                connectedBefore = true;
                retry = FIRST_RETRY;
                listening = true;
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                // No resync here: the poll keeps caches honest meanwhile (and keeps them through a
                // database outage, see ChangeEpoch#poll); the reconnect above resyncs.
                // Never the message: a driver's message may repeat the connection URL and its parameters.
                log.warn("Change notifications unavailable ({}, SQL state {}); retrying in {} ms, polling meanwhile",
                        e.getClass().getSimpleName(), e instanceof SQLException sql ? sql.getSQLState() : "-",
                        retry.toMillis());
                if (!pause(retry)) {
                    return;
                }
                Duration doubled = retry.multipliedBy(2);
                retry = doubled.compareTo(LAST_RETRY) < 0 ? doubled : LAST_RETRY;
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                epoch.notified();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK_AFTER.toNanos()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("The listening connection is no longer valid", "08006");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        String user = dataSource.determineUsername();
        String password = dataSource.determinePassword();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "partnerapps-change-notifications");
        properties.setProperty("tcpKeepAlive", "true");
        properties.putIfAbsent("connectTimeout", "5");
        return DriverManager.getConnection(dataSource.determineUrl(), properties);
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
