package dev.partnerapps.enablement;

import dev.partnerapps.application.ApplicationRegistered;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which companies have which applications enabled: the one place that state is kept. */
@Service
public class Enablements {

    private final EnablementRepository enablements;
    private final Clock clock;

    Enablements(EnablementRepository enablements, Clock clock) {
        this.enablements = enablements;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(long applicationId, long companyId) {
        return enablements.findById(new Enablement.Id(applicationId, companyId))
                .map(Enablement::isEnabled)
                .orElse(false);
    }

    /** A new application is enabled for its owner, in the same transaction that registers it. */
    @EventListener
    void on(ApplicationRegistered event) {
        enablements.save(new Enablement(event.applicationId(), event.ownerCompanyId(), true, Instant.now(clock),
                event.actor().email()));
    }
}
