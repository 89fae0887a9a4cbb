package dev.partnerapps.api.travel;

import dev.partnerapps.api.travel.TravelProfileController.EmergencyContact;
import dev.partnerapps.api.travel.TravelProfileController.Passport;
import dev.partnerapps.api.travel.TravelProfileController.Profile;
import dev.partnerapps.api.travel.TravelProfileController.Tsa;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The Travel Profile API's SQL: one profile by the caller's company and email. Profiles come
 * back whole: what a caller may see of one is {@link Profile#shownTo}'s concern.
 */
@Repository
class TravelProfileQueries {

    private static final RowMapper<Profile> PROFILE = (rs, i) -> new Profile(rs.getString("name"),
            rs.getString("email"),
            new Passport(rs.getString("passport_number"), rs.getString("passport_country"),
                    rs.getObject("passport_expires", LocalDate.class), rs.getString("visa")),
            new Tsa(rs.getString("tsa_known_traveler"), rs.getString("tsa_redress"),
                    rs.getObject("tsa_date_of_birth", LocalDate.class)),
            new EmergencyContact(rs.getString("emergency_name"), rs.getString("emergency_phone"),
                    rs.getString("emergency_relationship")));

    private final JdbcTemplate jdbc;

    TravelProfileQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Emails are stored stripped and in lower case. */
    Optional<Profile> profile(long companyId, String email) {
        return jdbc.query("select * from travel_profiles where company_id = ? and email = ?", PROFILE, companyId,
                email.strip().toLowerCase(Locale.ROOT)).stream().findFirst();
    }
}
