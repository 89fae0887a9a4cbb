package dev.partnerapps.usage;

import dev.partnerapps.usage.UsageChart.ApiLine;
import dev.partnerapps.usage.UsageChart.Bar;
import dev.partnerapps.usage.UsageChart.CompanyLine;
import dev.partnerapps.usage.UsageChart.Day;
import dev.partnerapps.usage.UsageChart.Line;
import dev.partnerapps.usage.UsageChart.Series;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pages show of usage (docs/product.md, "Usage and last used"): the last {@value #DAYS}
 * days of an application, of one company's use of it, and when things were last used. Reads
 * what was flushed, so a page is at most one flush interval behind. Days are UTC days.
 */
@Service
public class UsageReports {

    public static final int DAYS = 30;
    private static final int TOP_COMPANIES = 10;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    UsageReports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every company's use of the application: for its owner and for platform staff. */
    @Transactional(readOnly = true)
    public UsageChart application(long applicationId) {
        return chart(applicationId, null);
    }

    /** One company's use of the application: for that company's administrators. */
    @Transactional(readOnly = true)
    public UsageChart enablement(long applicationId, long companyId) {
        return chart(applicationId, companyId);
    }

    /** When each application last got a token; absent if never (since usage is counted). */
    @Transactional(readOnly = true)
    public Map<Long, Instant> applicationsLastUsed(Collection<Long> applicationIds) {
        return lastUsed(UsageRecorder.APPLICATION, applicationIds, String::valueOf);
    }

    /** When each application last got a token for the company. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> enablementsLastUsed(long companyId, Collection<Long> applicationIds) {
        return lastUsed(UsageRecorder.ENABLEMENT, applicationIds, id -> id + ":" + companyId);
    }

    /** When each application last got a token under the user's consent. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> consentsLastUsed(String user, Collection<Long> applicationIds) {
        return lastUsed(UsageRecorder.CONSENT, applicationIds, id -> id + ":" + user);
    }

    /** When each secret last authenticated its application. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> secretsLastUsed(Collection<Long> secretIds) {
        return lastUsed(UsageRecorder.SECRET, secretIds, String::valueOf);
    }

    @Transactional(readOnly = true)
    public Optional<Instant> secretLastUsed(long secretId) {
        return Optional.ofNullable(secretsLastUsed(List.of(secretId)).get(secretId));
    }

    private Map<Long, Instant> lastUsed(String kind, Collection<Long> ids, Function<Long, String> ref) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> byRef = new HashMap<>();
        ids.forEach(id -> byRef.put(ref.apply(id), id));
        List<Object> args = new ArrayList<>();
        args.add(kind);
        args.addAll(byRef.keySet());
        Map<Long, Instant> result = new HashMap<>();
        jdbc.query("select ref, last_used_at from last_used where kind = ? and ref in ("
                + String.join(",", Collections.nCopies(byRef.size(), "?")) + ")",
                rs -> {
                    result.put(byRef.get(rs.getString(1)), rs.getTimestamp(2).toInstant());
                }, args.toArray());
        return result;
    }

    private UsageChart chart(long applicationId, Long companyId) {
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(DAYS - 1);
        String where = " from usage_daily where application_id = ? and usage_day between ? and ?"
                + (companyId == null ? "" : " and company_id = ?");
        Object[] args = companyId == null ? new Object[] {applicationId, Date.valueOf(from), Date.valueOf(to)}
                : new Object[] {applicationId, Date.valueOf(from), Date.valueOf(to), companyId};

        Map<LocalDate, long[]> perDay = new HashMap<>();
        jdbc.query("select usage_day, kind, sum(count)" + where + " group by usage_day, kind", rs -> {
            long[] counts = perDay.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new long[3]);
            counts[index(rs.getString(2))] += rs.getLong(3);
        }, args);
        List<Day> days = new ArrayList<>(DAYS);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long[] counts = perDay.getOrDefault(day, new long[3]);
            days.add(new Day(day, counts[0], counts[1], counts[2]));
        }

        List<Line> grants = new ArrayList<>();
        List<Line> errors = new ArrayList<>();
        List<ApiLine> apis = new ArrayList<>();
        jdbc.query("select kind, detail, sum(count) as total" + where + " group by kind, detail order by total desc, detail",
                rs -> {
                    String detail = rs.getString(2);
                    long count = rs.getLong(3);
                    switch (rs.getString(1)) {
                        case UsageRecorder.ISSUED -> grants.add(new Line(detail, count));
                        case UsageRecorder.REFUSED -> errors.add(new Line(detail, count));
                        default -> {
                            int space = detail.indexOf(' ');
                            apis.add(space < 0 ? new ApiLine(detail, "", count)
                                    : new ApiLine(detail.substring(0, space), detail.substring(space + 1), count));
                        }
                    }
                }, args);
        List<CompanyLine> companies = companyId != null ? List.of()
                : jdbc.query("select company_id, sum(count) as total" + where + " and kind = ?"
                        + " group by company_id order by total desc, company_id limit " + TOP_COMPANIES,
                        (rs, i) -> new CompanyLine(rs.getLong(1), rs.getLong(2)),
                        applicationId, Date.valueOf(from), Date.valueOf(to), UsageRecorder.ISSUED);

        List<Series> series = List.of(series(UsageRecorder.ISSUED, days, Day::issued),
                series(UsageRecorder.API, days, Day::apiCalls), series(UsageRecorder.REFUSED, days, Day::refused));
        return new UsageChart(from, to, days, series, grants, errors, apis, companies);
    }

    private static int index(String kind) {
        return switch (kind) {
            case UsageRecorder.ISSUED -> 0;
            case UsageRecorder.REFUSED -> 1;
            default -> 2;
        };
    }

    /** Bars scaled to the busiest day; a day with any use gets at least a sliver, so it shows. */
    private static Series series(String name, List<Day> days, ToLongFunction<Day> value) {
        long max = 0;
        long total = 0;
        LocalDate busiest = null;
        for (Day day : days) {
            long v = value.applyAsLong(day);
            total += v;
            if (v > max) {
                max = v;
                busiest = day.date();
            }
        }
        int slot = UsageChart.WIDTH / days.size();
        List<Bar> bars = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            long v = value.applyAsLong(days.get(i));
            int height = max == 0 ? 0 : (int) Math.max(v > 0 ? 1 : 0, Math.round((double) v * UsageChart.HEIGHT / max));
            bars.add(new Bar(days.get(i).date(), v, i * slot + 1, UsageChart.HEIGHT - height, slot - 2, height));
        }
        return new Series(name, total, max, busiest, bars);
    }
}
