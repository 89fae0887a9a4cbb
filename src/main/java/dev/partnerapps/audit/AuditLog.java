package dev.partnerapps.audit;

import dev.partnerapps.company.CompanyDirectory;
import dev.partnerapps.company.CompanyInfo;
import dev.partnerapps.company.PartnerUser;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.paging.PageQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log, newest first, with keyset paging (docs/lists.md): a page is "the 25 lines
 * before (or after) this id", so the millionth line costs what the first does and nothing ever
 * counts the whole table. Platform Staff see everything; a company's administrators see what
 * their people did, what was done for their company, and what was done to their applications.
 */
@Service
class AuditLog {

    static final int PAGE_SIZE = 25;
    /** A company filter names at most this many companies; a broader text asks to be narrowed. */
    static final int MAX_COMPANIES = 200;

    private final JdbcTemplate jdbc;
    private final CompanyDirectory companies;

    AuditLog(JdbcTemplate jdbc, CompanyDirectory companies) {
        this.jdbc = jdbc;
        this.companies = companies;
    }

    /**
     * What to show. Text filters match case-insensitively anywhere; dates are whole UTC days,
     * both inclusive. {@code before}/{@code after} are the keyset cursors (line ids).
     */
    record Filter(String application, AuditAction action, String actor, String company, LocalDate from,
            LocalDate to, Long before, Long after) {

        boolean narrows() {
            return present(application) || action != null || present(actor) || present(company) || from != null
                    || to != null;
        }

        private static boolean present(String text) {
            return text != null && !text.isBlank();
        }
    }

    record Line(long id, Instant occurredAt, String actorEmail, AuditAction action, String applicationName, String company,
            String detail) {
    }

    /**
     * One page of lines, newest first, and the cursors of the pages around it (null where there
     * is none). {@code tooManyCompanies}: the company filter matched more companies than it can use.
     */
    record Result(List<Line> lines, Long olderThan, Long newerThan, boolean filtered, boolean tooManyCompanies) {
    }

    private record Event(long id, Instant occurredAt, String actorEmail, AuditAction action, String applicationName,
            Long companyId, String detail) {
    }

    private static final RowMapper<Event> EVENT = (rs, i) -> new Event(rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_email"),
            AuditAction.valueOf(rs.getString("action")), rs.getString("application_name"),
            (Long) rs.getObject("company_id", Long.class), rs.getString("detail"));

    @Transactional(readOnly = true)
    Result read(PartnerUser reader, Filter filter) {
        if (!reader.isPlatformStaff() && !reader.isWebServicesAdministrator()) {
            throw new NotAllowedException("Administrators and staff only");
        }
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (Filter.present(filter.application())) {
            where.append(" and lower(application_name) like ? escape '\\'");
            args.add(PageQuery.contains(filter.application().strip()));
        }
        if (filter.action() != null) {
            where.append(" and action = ?");
            args.add(filter.action().name());
        }
        if (Filter.present(filter.actor())) {
            where.append(" and lower(actor_email) like ? escape '\\'");
            args.add(PageQuery.contains(filter.actor().strip()));
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        boolean tooManyCompanies = false;
        if (Filter.present(filter.company())) {
            List<Long> ids = companies.idsMatching(filter.company(), MAX_COMPANIES + 1);
            tooManyCompanies = ids.size() > MAX_COMPANIES;
            if (ids.isEmpty() || tooManyCompanies) {
                return new Result(List.of(), null, null, true, tooManyCompanies);
            }
            String in = String.join(",", ids.stream().map(String::valueOf).toList());
            where.append(" and (actor_company_id in (").append(in).append(") or owner_company_id in (").append(in)
                    .append(") or company_id in (").append(in).append("))");
        }
        boolean newer = filter.after() != null && filter.before() == null;
        List<Event> page = fetch(reader, where.toString(), args, filter.before(), filter.after(), newer);
        boolean more = page.size() > PAGE_SIZE;
        if (newer && !more) {
            // Coming forward reached the newest lines: show the newest page, full, as the first one.
            return read(reader, new Filter(filter.application(), filter.action(), filter.actor(), filter.company(),
                    filter.from(), filter.to(), null, null));
        }
        if (more) {
            page = page.subList(0, PAGE_SIZE);
        }
        if (newer) {
            page = new ArrayList<>(page);
            page.sort(Comparator.comparingLong(Event::id).reversed());
        }
        Long olderThan = null;
        Long newerThan = null;
        if (!page.isEmpty()) {
            long newest = page.get(0).id();
            long oldest = page.get(page.size() - 1).id();
            // Going back in time there is more when the query found more; coming forward, the
            // page we came from is older still. And vice versa.
            olderThan = (newer || more) ? oldest : null;
            newerThan = (newer ? more : filter.before() != null) ? newest : null;
        }
        return new Result(lines(page), olderThan, newerThan, filter.narrows(), tooManyCompanies);
    }

    /**
     * PAGE_SIZE + 1 lines next to the cursor. A company's view is three ranges — what its people
     * did, what was done to its applications, what was done for it — read each through its own
     * index and merged, which stays fast where one query with an OR would sort them all.
     */
    private List<Event> fetch(PartnerUser reader, String where, List<Object> args, Long before, Long after,
            boolean newer) {
        String keyset = newer ? " and id > ?" : before != null ? " and id < ?" : "";
        String order = newer ? " order by id asc" : " order by id desc";
        List<String> scopes = reader.isPlatformStaff() ? List.of("1 = 1")
                : List.of("actor_company_id = ?", "owner_company_id = ?", "company_id = ?");
        Map<Long, Event> merged = new LinkedHashMap<>();
        for (String scope : scopes) {
            List<Object> all = new ArrayList<>();
            if (!reader.isPlatformStaff()) {
                all.add(reader.getCompanyId());
            }
            all.addAll(args);
            if (!keyset.isEmpty()) {
                all.add(newer ? after : before);
            }
            all.add(PAGE_SIZE + 1);
            jdbc.query("select id, occurred_at, actor_email, action, application_name, company_id, detail"
                    + " from audit_events where " + scope + where + keyset + order + " limit ?", EVENT, all.toArray())
                    .forEach(e -> merged.putIfAbsent(e.id(), e));
        }
        Comparator<Event> byId = Comparator.comparingLong(Event::id);
        return merged.values().stream()
                .sorted(newer ? byId : byId.reversed())
                .limit(PAGE_SIZE + 1)
                .toList();
    }

    private List<Line> lines(List<Event> page) {
        Set<Long> companyIds = new HashSet<>();
        page.stream().map(Event::companyId).filter(Objects::nonNull).forEach(companyIds::add);
        Map<Long, CompanyInfo> names = companies.findAll(companyIds);
        return page.stream()
                .map(e -> new Line(e.id(), e.occurredAt(), e.actorEmail(), e.action(), e.applicationName(),
                        e.companyId() == null || !names.containsKey(e.companyId()) ? null
                                : names.get(e.companyId()).name(),
                        e.detail()))
                .toList();
    }
}
