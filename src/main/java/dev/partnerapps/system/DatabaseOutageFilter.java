package dev.partnerapps.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Turns "the database cannot be reached" into a quick 503 with Retry-After instead of a 500
 * (docs/product.md section 9). It sits in front of every other filter, Spring Session's and the
 * security chains included, because those read the database too (sessions, clients, tokens):
 * /api answers an RFC 9457 problem, the OAuth endpoints RFC 6749 {@code temporarily_unavailable},
 * the console an error page in its own layout.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ITemplateEngine templates;
    private JakartaServletWebApplication webApplication;

    DatabaseOutageFilter(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!isDatabaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable, answering 503 to {} {}: {}", request.getMethod(),
                    request.getRequestURI(), rootMessage(e));
            answerUnavailable(request, response);
        }
    }

    /**
     * Whether the failure, or one of its causes, says no connection to the database could be had or
     * kept. A connection that breaks mid-transaction often surfaces as a failed rollback whose cause
     * is a SQLException of SQLState class 08 (connection exception), or a socket error, or (Hikari's
     * closed connection) a bare SQLException under Hibernate's "unable to rollback/commit": the
     * original failure is then lost, but a transaction that cannot even end has lost its connection.
     */
    static boolean isDatabaseUnreachable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 32; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")
                    || t instanceof SQLException && t.getCause() instanceof SocketException
                    || t instanceof TransactionException
                            && t.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
                    + "\"detail\":\"The service cannot reach its database; retry in a few seconds.\",\"instance\":\""
                    + jsonEscape(path) + "\"}");
        } else if (path.startsWith("/oauth2/") && !path.startsWith("/oauth2/authorize")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"error\":\"temporarily_unavailable\",\"error_description\":"
                    + "\"The authorization server cannot reach its database; retry in a few seconds.\"}");
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(page(request, response));
        }
    }

    private String page(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (webApplication == null) {
                webApplication = JakartaServletWebApplication.buildApplication(getServletContext());
            }
            WebContext context = new WebContext(webApplication.buildExchange(request, response),
                    LocaleContextHolder.getLocale(), Map.of("status", 503));
            return templates.process("error", context);
        } catch (RuntimeException e) {
            log.warn("Could not render the 503 page: {}", e.toString());
            return "<!DOCTYPE html><html lang=\"en\"><head><title>Temporarily unavailable</title></head><body>"
                    + "<h1>Temporarily unavailable</h1><p>Please try again in a few seconds.</p></body></html>";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
