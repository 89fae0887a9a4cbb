package dev.partnerapps.company;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells whoever ran {@code ./mvnw spring-boot:run} where to go and how to sign in.
 *
 * <p>The demo accounts are looked up on the application task executor, after readiness: they are the
 * first JPA queries of a start, and they took 0.8 s of the main thread before readiness on two cores
 * (docs/performance.md, "What a start no longer does"). A failed look-up is one line in the log, never a failed
 * start.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    /** The accounts of docs/product.md section 8, loaded by db/demo. */
    private static final List<String> DEMO_ACCOUNTS = List.of("staff@platform.example", "dev@acme-sandbox.example",
            "employee@acme-sandbox.example", "admin@globex.example", "employee@globex.example");

    private final UserAccountRepository users;
    private final Environment environment;
    private final boolean demoData;
    private final MessageSource messages;
    private final Executor executor;
    private final TransactionTemplate readOnly;

    StartupReport(UserAccountRepository users, Environment environment,
            @Value("${partnerapps.demo-data:false}") boolean demoData, MessageSource messages,
            @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor executor,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.environment = environment;
        this.demoData = demoData;
        this.messages = messages;
        this.executor = executor;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        log.info("Partner Apps is listening on http://localhost:{}{}/", port, contextPath);
        if (demoData) {
            executor.execute(this::reportDemoAccounts);
        }
    }

    private void reportDemoAccounts() {
        try {
            log.info(readOnly.execute(status -> demoAccounts()));
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not list the demo accounts: {}", e.getMessage());
        }
    }

    private String demoAccounts() {
        StringBuilder accounts = new StringBuilder("Demo accounts (password demo-password-1):");
        for (String email : DEMO_ACCOUNTS) {
            users.findByEmail(email).ifPresent(user -> accounts.append(System.lineSeparator()).append("  ")
                    .append(String.format("%-32s %-22s %s", email, user.getCompany().getName(),
                            messages.getMessage(user.toPrincipal().getRoleKey(), null, Locale.ROOT))));
        }
        return accounts.toString();
    }
}
