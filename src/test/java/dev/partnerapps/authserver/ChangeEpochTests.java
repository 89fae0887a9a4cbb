package dev.partnerapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

class ChangeEpochTests {

    private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true).build();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    @AfterEach
    void shutDown() {
        database.shutdown();
    }

    private Duration pollIntervalFor(Duration configured) {
        jdbc.execute("create table if not exists change_epoch (id int primary key, epoch bigint not null)");
        jdbc.update("merge into change_epoch key (id) values (1, 0)");
        OAuthProperties properties = new OAuthProperties(null, null, null, null, null, null, configured, false);
        ChangeEpoch epoch = new ChangeEpoch(jdbc, new SimpleMeterRegistry(), properties, Duration.ofSeconds(60));
        ScheduledTaskRegistrar tasks = new ScheduledTaskRegistrar();
        epoch.configureTasks(tasks);
        assertThat(tasks.getFixedDelayTaskList()).hasSize(1);
        return tasks.getFixedDelayTaskList().stream().map(IntervalTask::getIntervalDuration).findFirst().orElseThrow();
    }

    @Test
    void pollsAtTheConfiguredCachePollInterval() {
        assertThat(pollIntervalFor(Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void pollsEvery250MillisecondsByDefault() {
        assertThat(pollIntervalFor(null)).isEqualTo(Duration.ofMillis(250));
    }
}
