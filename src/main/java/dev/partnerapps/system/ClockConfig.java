package dev.partnerapps.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** One clock for every "when": tests can replace it to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
