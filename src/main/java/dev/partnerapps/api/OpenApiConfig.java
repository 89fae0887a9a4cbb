package dev.partnerapps.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 description of the platform APIs, served at /v3/api-docs and browsable at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI platformApis() {
        return new OpenAPI()
                .info(new Info().title("Partner Apps platform APIs").version("3.0")
                        .description("Call with an access token from /oauth2/token. Each operation needs the scope of "
                                + "its API (LIST, EXPRPT, QUICKX, IMAGE, TRVPRF); sensitive fields need CCARD, BANK, "
                                + "PASSV, TSAI or EMERG. Collections answer items and next: the URL of the next page, "
                                + "or null on the last one. Page with limit (default 25, max 100) and by following "
                                + "next, whose opaque cursor parameter says where the page starts; a changed cursor, "
                                + "or one used with another listId, answers 400. offset is deprecated: it still "
                                + "works, but costs more the deeper it goes, and next never uses it."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
