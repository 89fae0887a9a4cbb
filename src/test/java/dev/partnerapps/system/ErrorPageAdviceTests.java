package dev.partnerapps.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.partnerapps.errors.ConflictException;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each refusal a service throws becomes its status through the container's error page (sendError,
 * as a ResponseStatusException did), without its message. The 404 and 409 statuses are also
 * covered by the module tests and their pages by RefusalPagesTests; no console page reaches a
 * service's "not allowed" past the URL rules, so this is the test of the 403.
 */
class ErrorPageAdviceTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
            .setControllerAdvice(new ErrorPageAdvice()).build();

    @Test
    void eachRefusalIsSentAsItsErrorStatusWithoutItsMessage() throws Exception {
        assertThat(refusal("not-found").getStatus()).isEqualTo(404);
        assertThat(refusal("not-allowed").getStatus()).isEqualTo(403);
        assertThat(refusal("conflict").getStatus()).isEqualTo(409);
    }

    private MockHttpServletResponse refusal(String kind) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/{kind}", kind)).andReturn().getResponse();
        assertThat(response.getErrorMessage()).isNull();
        assertThat(response.getContentAsString()).isEmpty();
        return response;
    }

    @RestController
    static class Refusing {

        @GetMapping("/{kind}")
        String refuse(@PathVariable String kind) {
            throw switch (kind) {
                case "not-found" -> new NotFoundException("Secret thing");
                case "not-allowed" -> new NotAllowedException("Secret rule");
                default -> new ConflictException("Secret clash");
            };
        }
    }
}
