package dev.partnerapps.company;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** docs/product.md section 1: anyone may create a developer sandbox. */
@Service
class SandboxSignup {

    private final CompanyRepository companies;
    private final UserAccountRepository users;
    private final Accounts accounts;
    private final Clock clock;

    SandboxSignup(CompanyRepository companies, UserAccountRepository users, Accounts accounts, Clock clock) {
        this.companies = companies;
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean isDomainTaken(String domain) {
        return companies.existsByDomain(Emails.normalize(domain));
    }

    @Transactional(readOnly = true)
    boolean isEmailTaken(String email) {
        return users.existsByEmail(Emails.normalize(email));
    }

    /**
     * Creates a Development Partner company whose creator is its Web Services Administrator.
     * Both rows are written in one transaction: a refused field leaves nothing behind.
     */
    @Transactional
    PartnerUser createSandbox(SignupForm form) {
        String domain = Emails.normalize(form.getCompanyDomain());
        if (companies.existsByDomain(domain)) {
            throw new RejectedFieldException("companyDomain", "validation.domain.taken");
        }
        Company company = companies.save(new Company(form.getCompanyName().strip(), domain, true, Instant.now(clock)));
        UserAccount creator = accounts.create(company, form.getEmail(), form.getPassword(), "email");
        creator.grant(Permission.WEB_SERVICES_ADMINISTRATOR);
        companies.flush();
        return creator.toPrincipal();
    }
}
