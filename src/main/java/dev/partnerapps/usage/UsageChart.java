package dev.partnerapps.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * An application's usage over the last days, ready for a page: per day, per series the bars of a
 * chart (in the units of an SVG {@code viewBox} of {@value #WIDTH} by {@value #HEIGHT}), and the
 * totals broken down by grant type, error code, API and status, and company.
 */
public record UsageChart(LocalDate from, LocalDate to, List<Day> days, List<Series> series,
        List<Line> issuedByGrantType, List<Line> refusedByError, List<ApiLine> apiCalls,
        List<CompanyLine> issuedByCompany) {

    public static final int WIDTH = 300;
    public static final int HEIGHT = 100;

    /** Nothing counted in the whole period. */
    public boolean isEmpty() {
        return series.stream().allMatch(s -> s.total() == 0);
    }

    public Series series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public record Day(LocalDate date, long issued, long refused, long apiCalls) {
    }

    /** One chart: {@code name} is issued, refused or api. */
    public record Series(String name, long total, long max, LocalDate busiest, List<Bar> bars) {
    }

    public record Bar(LocalDate date, long value, int x, int y, int width, int height) {
    }

    /** Tokens by grant type, or refusals by OAuth error code. */
    public record Line(String detail, long count) {
    }

    public record ApiLine(String api, String status, long count) {
    }

    public record CompanyLine(long companyId, long count) {
    }
}
