package dev.partnerapps.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerapps.support.IntegrationTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * docs/architecture.md, "Usage": while the database is away the counts wait in memory, and a batch
 * whose commit went through but whose answer was lost is not added a second time. The real
 * database of the test context, behind a data source that can fail on demand.
 */
@IntegrationTest
class UsageFlushTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private final Outage outage = new Outage();
    private final UsageRecorder recorder = new UsageRecorder(Clock.systemUTC());
    private final long application = 700_000_000L + (long) (Math.random() * 1_000_000);

    private UsageFlush flush() {
        Outage database = outage;
        database.setTargetDataSource(dataSource);
        return new UsageFlush(recorder, new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)), new ConcurrentTaskScheduler(),
                new UsageProperties(Duration.ofSeconds(5), 400), Clock.systemUTC());
    }

    @Test
    void countsMadeWhileTheDatabaseIsAwayAreWrittenWhenItIsBack() {
        UsageFlush flush = flush();
        issue(3);
        outage.away = true;
        assertThat(flush.flush()).isFalse();
        issue(2);
        assertThat(flush.flush()).isFalse();
        assertThat(issued()).isZero();
        outage.away = false;
        assertThat(flush.flush()).isTrue();
        assertThat(issued()).isEqualTo(5);
        assertThat(flush.flush()).isTrue();
        assertThat(issued()).isEqualTo(5);
    }

    @Test
    void aBatchWhoseCommitAnswerWasLostIsNotAddedTwice() {
        UsageFlush flush = flush();
        issue(3);
        outage.loseNextCommitAnswer = true;
        assertThat(flush.flush()).as("the commit looked failed").isFalse();
        assertThat(issued()).as("but it went through").isEqualTo(3);
        issue(1);
        assertThat(flush.flush()).isTrue();
        assertThat(issued()).isEqualTo(4);
    }

    private void issue(int tokens) {
        for (int i = 0; i < tokens; i++) {
            recorder.tokenIssued(application, 1, "client_credentials", null);
        }
    }

    private long issued() {
        return jdbc.queryForObject("select coalesce(sum(count), 0) from usage_daily where application_id = ?",
                Long.class, application);
    }

    /** A data source that refuses connections, or loses the answer to one commit, when told to. */
    private static final class Outage extends DelegatingDataSource {

        volatile boolean away;
        volatile boolean loseNextCommitAnswer;

        @Override
        public Connection getConnection() throws SQLException {
            if (away) {
                throw new SQLException("Connection refused (test outage)", "08001");
            }
            Connection real = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(real, args);
                            if (method.getName().equals("commit") && loseNextCommitAnswer) {
                                loseNextCommitAnswer = false;
                                throw new SQLException("Connection reset (test: answer lost)", "08006");
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
