package dev.partnerapps.audit;

import dev.partnerapps.company.CompanyDirectory;
import dev.partnerapps.company.CompanyInfo;
import dev.partnerapps.company.PartnerUser;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log. Platform Staff see everything; a company's administrators see what their
 * people did, what was done for their company, and what was done to their applications.
 */
@Service
class AuditLog {

    static final int PAGE_SIZE = 25;

    private final AuditEventRepository events;
    private final CompanyDirectory companies;

    AuditLog(AuditEventRepository events, CompanyDirectory companies) {
        this.events = events;
        this.companies = companies;
    }

    record Filter(String application, AuditAction action, int page) {
    }

    record Line(Instant occurredAt, String actorEmail, String action, String applicationName, String company,
            String detail) {
    }

    record Result(List<Line> lines, Page<AuditEvent> page) {
    }

    @Transactional(readOnly = true)
    Result read(PartnerUser reader, Filter filter) {
        if (!reader.isPlatformStaff() && !reader.isWebServicesAdministrator()) {
            throw new AccessDeniedException("Administrators and staff only");
        }
        Specification<AuditEvent> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!reader.isPlatformStaff()) {
                long company = reader.getCompanyId();
                where.add(cb.or(cb.equal(root.get("actorCompanyId"), company),
                        cb.equal(root.get("ownerCompanyId"), company),
                        cb.equal(root.get("companyId"), company)));
            }
            if (filter.application() != null && !filter.application().isBlank()) {
                String pattern = "%" + escapeLike(filter.application().strip().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.like(cb.lower(root.get("applicationName")), pattern, '\\'));
            }
            if (filter.action() != null) {
                where.add(cb.equal(root.get("action"), filter.action()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<AuditEvent> page = events.findAll(spec,
                PageRequest.of(Math.max(filter.page(), 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id")));
        Set<Long> companyIds = new HashSet<>();
        page.forEach(e -> {
            if (e.getCompanyId() != null) {
                companyIds.add(e.getCompanyId());
            }
        });
        Map<Long, CompanyInfo> names = companies.findAll(companyIds);
        List<Line> lines = page.stream()
                .map(e -> new Line(e.getOccurredAt(), e.getActorEmail(), e.getAction().label(), e.getApplicationName(),
                        e.getCompanyId() == null || !names.containsKey(e.getCompanyId()) ? null
                                : names.get(e.getCompanyId()).name(),
                        e.getDetail()))
                .toList();
        return new Result(lines, page);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
