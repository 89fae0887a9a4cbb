package dev.partnerapps.company;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Ends every session of a user whose access changed, on whichever instance it was created. */
@Component
class UserSessions {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(UserAccessChanged event) {
        var ids = sessions.findByPrincipalName(event.email()).keySet();
        ids.forEach(sessions::deleteById);
        log.info("Ended {} session(s) of user {} after an access change", ids.size(), event.userId());
    }
}
