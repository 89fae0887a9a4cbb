package db.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Demo data of docs/product.md section 8 for the platform APIs: per demo company a "Project Codes"
 * list, expense reports with entries and a receipt image, and a travel profile per user. A Java
 * migration because the receipt is binary and the two databases spell binary literals differently.
 * Loaded only by the default (embedded) profile, like the rest of db/demo.
 */
public class V8_1__demo_platform_data extends BaseJavaMigration {

    /** A 1x1 PNG: small, valid, and obviously a demo receipt. */
    private static final byte[] RECEIPT_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String[][] companies = {
            {"acme-sandbox.example", "ACME", "4111111111111111", "DE89370400440532013000"},
            {"globex.example", "GLOBEX", "5500005555555559", "GB29NWBK60161331926819"},
            {"platform.example", "OPS", "340000000000009", "FR1420041010050500013M02606"}
        };
        for (String[] company : companies) {
            long companyId = id(connection, "select id from companies where domain = ?", company[0]);
            seedLists(connection, companyId, company[1]);
            long receipt = insert(connection, "insert into receipts (company_id, content_type, content) values (?, ?, ?)",
                    companyId, "image/png", RECEIPT_PNG);
            String owner = firstUser(connection, companyId);
            long report = insert(connection, "insert into expense_reports (company_id, owner_email, name, currency, created_at) "
                    + "values (?, ?, ?, ?, ?)", companyId, owner, "Customer visit, Berlin", "EUR", Timestamp.from(Instant.now()));
            entry(connection, companyId, report, owner, LocalDate.of(2026, 10, 5), "Lufthansa", "412.80", "EUR", company[2],
                    company[3], receipt);
            entry(connection, companyId, report, owner, LocalDate.of(2026, 10, 6), "Hotel Adlon", "289.00", "EUR", company[2],
                    null, null);
            long second = insert(connection, "insert into expense_reports (company_id, owner_email, name, currency, created_at) "
                    + "values (?, ?, ?, ?, ?)", companyId, owner, "Team offsite", "USD", Timestamp.from(Instant.now()));
            entry(connection, companyId, second, owner, LocalDate.of(2026, 11, 2), "Blue Bottle Coffee", "64.50", "USD",
                    company[2], null, null);
            seedProfiles(connection, companyId);
        }
    }

    private static void seedLists(Connection connection, long companyId, String prefix) throws Exception {
        long list = insert(connection, "insert into lists (company_id, name) values (?, ?)", companyId, "Project Codes");
        long parent = insert(connection, "insert into list_items (list_id, code, name) values (?, ?, ?)", list,
                prefix + "-100", "Internal projects");
        insert(connection, "insert into list_items (list_id, code, name, parent_id) values (?, ?, ?, ?)", list,
                prefix + "-101", "Office move", parent);
        insert(connection, "insert into list_items (list_id, code, name) values (?, ?, ?)", list, prefix + "-200",
                "Customer projects");
        insert(connection, "insert into lists (company_id, name) values (?, ?)", companyId, "Cost Centers");
    }

    private static void seedProfiles(Connection connection, long companyId) throws Exception {
        try (PreparedStatement users = connection.prepareStatement("select email from users where company_id = ?")) {
            users.setLong(1, companyId);
            try (ResultSet rs = users.executeQuery()) {
                while (rs.next()) {
                    String email = rs.getString(1);
                    String name = email.substring(0, email.indexOf('@'));
                    insert(connection, """
                            insert into travel_profiles (company_id, email, name, passport_number, passport_country,
                                passport_expires, visa, tsa_known_traveler, tsa_redress, tsa_date_of_birth,
                                emergency_name, emergency_phone, emergency_relationship)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, companyId, email, Character.toUpperCase(name.charAt(0)) + name.substring(1) + " Demo",
                            "X" + (1_000_000 + Math.abs(email.hashCode() % 8_999_999)), "DE",
                            Date.valueOf(LocalDate.of(2031, 4, 30)), "US ESTA valid until 2027-06-30",
                            "TT" + Math.abs(email.hashCode() % 9_999_999), "R1234567", Date.valueOf(LocalDate.of(1988, 3, 14)),
                            "Alex Demo", "+49 30 1234567", "Partner");
                }
            }
        }
    }

    private static void entry(Connection connection, long companyId, long report, String owner, LocalDate date,
            String vendor, String amount, String currency, String card, String bank, Long receipt) throws Exception {
        insert(connection, """
                insert into expense_entries (company_id, report_id, owner_email, entry_date, vendor, amount, currency,
                    card_number, bank_account, receipt_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, companyId, report, owner, Date.valueOf(date), vendor, new BigDecimal(amount), currency,
                card, bank, receipt, Timestamp.from(Instant.now()));
    }

    private static String firstUser(Connection connection, long companyId) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "select email from users where company_id = ? order by id")) {
            statement.setLong(1, companyId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long id(Connection connection, String sql, Object... args) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long insert(Connection connection, String sql, Object... args) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, args);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else if (arg == null) {
                statement.setObject(i + 1, null);
            } else {
                statement.setObject(i + 1, arg);
            }
        }
    }
}
