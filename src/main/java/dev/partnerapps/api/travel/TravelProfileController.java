package dev.partnerapps.api.travel;

import dev.partnerapps.api.ApiCaller;
import dev.partnerapps.api.ApiNotFoundException;
import dev.partnerapps.api.BadApiRequestException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Travel Profile (TRVPRF): a user's profile; passport and visa (PASSV), TSA Secure Flight (TSAI)
 * and emergency contact (EMERG) appear only with their sensitive scope.
 */
@Tag(name = "Travel Profile")
@RestController
@RequestMapping("/api/v3.0/travel")
class TravelProfileController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Profile(String name, String email, Passport passport, Tsa tsa, EmergencyContact emergencyContact) {
    }

    record Passport(String number, String country, LocalDate expires, String visa) {
    }

    record Tsa(String knownTravelerNumber, String redressNumber, LocalDate dateOfBirth) {
    }

    record EmergencyContact(String name, String phone, String relationship) {
    }

    private final JdbcTemplate jdbc;

    TravelProfileController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/profiles")
    Profile profile(Authentication authentication, @RequestParam(required = false) String email) {
        ApiCaller caller = ApiCaller.of(authentication);
        caller.require("TRVPRF");
        if (email == null || email.isBlank() || email.length() > 254) {
            throw new BadApiRequestException("Parameter 'email' is required.");
        }
        List<Profile> found = jdbc.query("select * from travel_profiles where company_id = ? and email = ?",
                (rs, i) -> new Profile(rs.getString("name"), rs.getString("email"),
                        caller.has("PASSV") ? new Passport(rs.getString("passport_number"), rs.getString("passport_country"),
                                rs.getObject("passport_expires", LocalDate.class), rs.getString("visa")) : null,
                        caller.has("TSAI") ? new Tsa(rs.getString("tsa_known_traveler"), rs.getString("tsa_redress"),
                                rs.getObject("tsa_date_of_birth", LocalDate.class)) : null,
                        caller.has("EMERG") ? new EmergencyContact(rs.getString("emergency_name"),
                                rs.getString("emergency_phone"), rs.getString("emergency_relationship")) : null),
                caller.companyId(), email.strip().toLowerCase(Locale.ROOT));
        if (found.isEmpty()) {
            throw new ApiNotFoundException("Travel profile of " + email.strip());
        }
        return found.get(0);
    }
}
