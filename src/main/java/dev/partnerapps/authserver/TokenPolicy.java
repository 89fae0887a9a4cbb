package dev.partnerapps.authserver;

import dev.partnerapps.company.CompanyDirectory;
import dev.partnerapps.company.CompanyInfo;
import dev.partnerapps.enablement.Enablements;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * "Is this token's application still allowed for this company?" — the one answer the token
 * endpoint, introspection and the platform APIs share, with the enablement generation a token
 * is issued under and must still match. Backed by {@link Enablements#allowance} and cached per
 * instance until any change to applications or enablements (see {@link ChangeEpoch}).
 */
@Service
class TokenPolicy {

    private record Pair(long applicationId, long companyId) {
    }

    private final GenerationCache<Pair, Long> allowances;
    private final GenerationCache<String, CompanyInfo> companiesByDomain;
    private final GenerationCache<Long, CompanyInfo> companiesById;

    TokenPolicy(Enablements enablements, CompanyDirectory companies, ChangeEpoch epoch) {
        this.allowances = new GenerationCache<>(epoch, pair -> {
            OptionalLong generation = enablements.allowance(pair.applicationId(), pair.companyId());
            return generation.isPresent() ? Optional.of(generation.getAsLong()) : Optional.empty();
        });
        this.companiesByDomain = new GenerationCache<>(epoch, companies::findByDomain);
        this.companiesById = new GenerationCache<>(epoch, companies::find);
    }

    /** Active, enabled by the company, and the company's own or Public: right now. */
    public boolean isAllowed(long applicationId, long companyId) {
        return allowance(applicationId, companyId).isPresent();
    }

    /** The enablement generation under which the application may act for the company now; empty if it may not. */
    OptionalLong allowance(long applicationId, long companyId) {
        Optional<Long> generation = allowances.get(new Pair(applicationId, companyId));
        return generation.isPresent() ? OptionalLong.of(generation.get()) : OptionalLong.empty();
    }

    Optional<CompanyInfo> companyByDomain(String domain) {
        if (domain == null || domain.isBlank() || domain.length() > 253) {
            return Optional.empty();
        }
        return companiesByDomain.get(domain.strip().toLowerCase(Locale.ROOT));
    }

    Optional<CompanyInfo> company(long id) {
        return companiesById.get(id);
    }
}
