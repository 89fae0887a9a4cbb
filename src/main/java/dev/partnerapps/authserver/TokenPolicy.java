package dev.partnerapps.authserver;

import dev.partnerapps.company.CompanyDirectory;
import dev.partnerapps.company.CompanyInfo;
import dev.partnerapps.enablement.Enablements;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "Is this token's application still allowed for this company?" — the one answer the token
 * endpoint, introspection and the platform APIs share. Backed by {@link Enablements#isAllowed}
 * and cached per instance until any change to applications or enablements (see {@link ChangeEpoch}).
 */
@Service
public class TokenPolicy {

    private record Pair(long applicationId, long companyId) {
    }

    private final GenerationCache<Pair, Boolean> allowed;
    private final GenerationCache<String, CompanyInfo> companiesByDomain;
    private final GenerationCache<Long, CompanyInfo> companiesById;

    TokenPolicy(Enablements enablements, CompanyDirectory companies, ChangeEpoch epoch) {
        this.allowed = new GenerationCache<>(epoch,
                pair -> Optional.of(enablements.isAllowed(pair.applicationId(), pair.companyId())));
        this.companiesByDomain = new GenerationCache<>(epoch, companies::findByDomain);
        this.companiesById = new GenerationCache<>(epoch, companies::find);
    }

    /** Active, enabled by the company, and the company's own or Public: right now. */
    public boolean isAllowed(long applicationId, long companyId) {
        return allowed.get(new Pair(applicationId, companyId)).orElse(false);
    }

    Optional<CompanyInfo> companyByDomain(String domain) {
        if (domain == null || domain.isBlank() || domain.length() > 253) {
            return Optional.empty();
        }
        return companiesByDomain.get(domain.strip().toLowerCase(java.util.Locale.ROOT));
    }

    Optional<CompanyInfo> company(long id) {
        return companiesById.get(id);
    }
}
