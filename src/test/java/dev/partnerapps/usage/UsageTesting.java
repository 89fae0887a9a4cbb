package dev.partnerapps.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.context.ApplicationContext;

/** For tests of other packages: writes what an instance counted now, instead of waiting for the next flush. */
public final class UsageTesting {

    private UsageTesting() {
    }

    public static void flush(ApplicationContext context) {
        assertThat(context.getBean(UsageFlush.class).flush()).as("usage flushed").isTrue();
    }
}
