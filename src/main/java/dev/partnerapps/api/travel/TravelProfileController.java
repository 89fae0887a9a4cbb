package dev.partnerapps.api.travel;

import dev.partnerapps.api.ApiCaller;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.api.BadApiRequestException;
import dev.partnerapps.api.RequiresScopes;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import dev.partnerapps.api.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    @Schema(name = "TravelProfile", description = "A user's travel profile; each sensitive part appears only with "
            + "its scope.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Profile(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Dev Demo") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "dev@acme-sandbox.example") String email,
            @Schema(description = "Only with scope PASSV.") Passport passport,
            @Schema(description = "Only with scope TSAI.") Tsa tsa,
            @Schema(description = "Only with scope EMERG.") EmergencyContact emergencyContact) {

        /** The profile as {@code caller} may see it: each sensitive part only with its scope. */
        Profile shownTo(ApiCaller caller) {
            return new Profile(name, email, caller.has("PASSV") ? passport : null, caller.has("TSAI") ? tsa : null,
                    caller.has("EMERG") ? emergencyContact : null);
        }
    }

    @Schema(name = "Passport", description = "Passport and visa (scope PASSV); a part not on file is null.")
    record Passport(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "X7673944")
            String number,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = "ISO 3166-1 alpha-2.",
                    example = "DE") String country,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "2031-04-30")
            LocalDate expires,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                    example = "US ESTA valid until 2027-06-30") String visa) {
    }

    @Schema(name = "Tsa", description = "TSA Secure Flight data (scope TSAI); a part not on file is null.")
    record Tsa(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "TT5673923")
            String knownTravelerNumber,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "R1234567")
            String redressNumber,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "1988-03-14")
            LocalDate dateOfBirth) {
    }

    @Schema(name = "EmergencyContact", description = "Emergency contact (scope EMERG); a part not on file is null.")
    record EmergencyContact(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "Alex Demo")
            String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "+49 30 1234567")
            String phone,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, example = "Partner")
            String relationship) {
    }

    private final TravelProfileQueries queries;

    TravelProfileController(TravelProfileQueries queries) {
        this.queries = queries;
    }

    @Operation(operationId = "getTravelProfile",
            summary = "A user's travel profile", description = "`passport` appears only with scope PASSV, `tsa` "
            + "only with TSAI, `emergencyContact` only with EMERG.")
    @ApiResponse(responseCode = "200", description = "The profile.", content = @Content(mediaType = ApiDocs.JSON,
            schema = @Schema(implementation = Profile.class), examples = {
                @ExampleObject(name = "demo", summary = "With TRVPRF only", value = """
                        {"name":"Dev Demo","email":"dev@acme-sandbox.example"}"""),
                @ExampleObject(name = "sensitive", summary = "With TRVPRF, PASSV, TSAI and EMERG", value = """
                        {"name":"Dev Demo","email":"dev@acme-sandbox.example","passport":{"number":"X7673944",\
                        "country":"DE","expires":"2031-04-30","visa":"US ESTA valid until 2027-06-30"},\
                        "tsa":{"knownTravelerNumber":"TT5673923","redressNumber":"R1234567",\
                        "dateOfBirth":"1988-03-14"},"emergencyContact":{"name":"Alex Demo",\
                        "phone":"+49 30 1234567","relationship":"Partner"}}""")}))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @RequiresScopes("TRVPRF")
    @GetMapping("/profiles")
    Profile profile(ApiCaller caller,
            // Required in the description; the method checks it itself so that its absence is a 400 problem.
            @Parameter(description = "The user's email.", required = true, example = "dev@acme-sandbox.example")
            @RequestParam(required = false) String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            throw new BadApiRequestException("Parameter 'email' is required.");
        }
        return queries.profile(caller.companyId(), email)
                .orElseThrow(() -> new NotFoundException("Travel profile of " + email.strip()))
                .shownTo(caller);
    }
}
