package dev.partnerapps.company;

import dev.partnerapps.paging.PageQuery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only look-ups of companies for other modules (publisher names, company domains). */
@Service
public class CompanyDirectory {

    private final CompanyRepository companies;

    CompanyDirectory(CompanyRepository companies) {
        this.companies = companies;
    }

    @Transactional(readOnly = true)
    public Optional<CompanyInfo> find(long id) {
        return companies.findById(id).map(Company::toInfo);
    }

    @Transactional(readOnly = true)
    public Map<Long, CompanyInfo> findAll(Collection<Long> ids) {
        return companies.findAllById(ids).stream().map(Company::toInfo)
                .collect(Collectors.toMap(CompanyInfo::id, Function.identity()));
    }

    /** Ids of at most {@code limit} companies whose name or domain contains the text, case-insensitively. */
    @Transactional(readOnly = true)
    public List<Long> idsMatching(String text, int limit) {
        return companies.findIdsMatching(PageQuery.contains(text.strip()), Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public Optional<CompanyInfo> findByDomain(String domain) {
        return companies.findByDomain(Emails.normalize(domain)).map(Company::toInfo);
    }
}
