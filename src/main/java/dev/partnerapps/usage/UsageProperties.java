package dev.partnerapps.usage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Usage counting (docs/operations.md).
 *
 * @param flushInterval how often an instance adds its counts to the database; also how late the
 *                      pages may be, and at most what a crash (not a shutdown) loses
 * @param retentionDays days of usage kept; older days are deleted once a day
 */
@ConfigurationProperties("partnerapps.usage")
record UsageProperties(@DefaultValue("5s") Duration flushInterval, @DefaultValue("400") int retentionDays) {
}
