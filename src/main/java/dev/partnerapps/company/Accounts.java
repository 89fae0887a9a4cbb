package dev.partnerapps.company;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates user accounts with the rules every path shares: unique email, a hashable password. */
@Component
class Accounts {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Accounts(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    UserAccount create(Company company, String rawEmail, String rawPassword, String emailField) {
        String email = Emails.normalize(rawEmail);
        if (rawPassword.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_LENGTH) {
            throw new RejectedFieldException("password", "validation.password.size");
        }
        if (users.existsByEmail(email)) {
            throw new RejectedFieldException(emailField, "validation.email.taken");
        }
        return users.save(new UserAccount(company, email, passwordEncoder.encode(rawPassword), Instant.now(clock)));
    }
}
