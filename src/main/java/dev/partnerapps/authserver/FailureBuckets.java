package dev.partnerapps.authserver;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets (Bucket4j) counting failed client authentications, one per client address and
 * one per Key (docs/throttling.md). On PostgreSQL the buckets live in the database, so every
 * instance spends the same allowance; on the embedded H2 profile, which runs as one instance, in
 * memory.
 */
abstract class FailureBuckets {

    /** Spends one failure from the bucket; zero if there was one left, else how long until there is. */
    abstract Duration spend(String id, Bandwidth limit);

    /** Deletes buckets that have refilled completely. */
    abstract void forgetFull();

    /** {@code unreachable}: whether the database is known to be away right now, so not worth a 2 s wait. */
    static FailureBuckets inDatabase(DataSource dataSource, BooleanSupplier unreachable, TimeMeter time) {
        return new InDatabase(dataSource, unreachable, time);
    }

    static FailureBuckets inMemory(TimeMeter time) {
        return new InMemory(time);
    }

    /**
     * Bucket4j's time, from the {@code Clock} bean: at the millisecond, as Bucket4j's own default,
     * which is what refills and waits are measured in.
     */
    static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    static Duration waitOf(ConsumptionProbe probe) {
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    private static final class InDatabase extends FailureBuckets {

        private static final Logger log = LoggerFactory.getLogger(InDatabase.class);

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
        /** Used only while the database cannot be reached: failures are still counted, here. */
        private final FailureBuckets fallback;
        private final BooleanSupplier unreachable;

        InDatabase(DataSource dataSource, BooleanSupplier unreachable, TimeMeter time) {
            this.unreachable = unreachable;
            this.fallback = new InMemory(time);
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("client_authentication_buckets")
                    .clientClock(time)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                    .build();
        }

        @Override
        Duration spend(String id, Bandwidth limit) {
            if (unreachable.getAsBoolean()) {
                // Waiting for a connection would hold a request thread for the pool's timeout, and
                // through an outage the threads are needed for the tokens still being issued.
                return fallback.spend(id, limit);
            }
            try {
                // A bucket keeps the limits it was created with; a changed setting replaces them.
                return waitOf(buckets.builder()
                        .withImplicitConfigurationReplacement(version(limit), TokensInheritanceStrategy.PROPORTIONALLY)
                        .build(id, () -> configuration(limit)).tryConsumeAndReturnRemaining(1));
            } catch (RuntimeException e) {
                log.warn("Failure buckets unavailable, counting in memory: {}", e.toString());
                return fallback.spend(id, limit);
            }
        }

        @Override
        void forgetFull() {
            try {
                while (buckets.removeExpired(1000) == 1000) {
                    // next batch
                }
            } catch (RuntimeException e) {
                log.debug("Could not remove full failure buckets: {}", e.toString());
            }
            fallback.forgetFull();
        }
    }

    private static final class InMemory extends FailureBuckets {

        private record Entry(Bucket bucket, Bandwidth limit) {
        }

        private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
        private final TimeMeter time;

        InMemory(TimeMeter time) {
            this.time = time;
        }

        @Override
        Duration spend(String id, Bandwidth limit) {
            Entry entry = buckets.computeIfAbsent(id,
                    key -> new Entry(Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build(), limit));
            return waitOf(entry.bucket().tryConsumeAndReturnRemaining(1));
        }

        @Override
        void forgetFull() {
            buckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.limit().getCapacity());
        }
    }

    /** Changes whenever the capacity or refill of the limit changes. */
    static long version(Bandwidth limit) {
        return Math.abs(31L * limit.getCapacity() + limit.getRefillPeriodNanos() / 1_000_000 + limit.getRefillTokens());
    }

    static BucketConfiguration configuration(Bandwidth limit) {
        return BucketConfiguration.builder().addLimit(limit).build();
    }
}
