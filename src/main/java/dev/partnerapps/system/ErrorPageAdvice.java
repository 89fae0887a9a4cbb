package dev.partnerapps.system;

import dev.partnerapps.errors.ConflictException;
import dev.partnerapps.errors.NotAllowedException;
import dev.partnerapps.errors.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The console's one mapping of the services' refusals to a status. {@code sendError} lets the
 * container render the error page for the status ({@code templates/error.html}), as a
 * {@code ResponseStatusException} would; the exception's message never reaches the page.
 * The platform APIs map the same refusals to problem details in {@code api.ApiExceptionHandler},
 * which is ordered first and so answers for the API's controllers.
 */
@ControllerAdvice
class ErrorPageAdvice {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    /** As Spring Security's access-denied handler answers a role the URL rules let through. */
    @ExceptionHandler(NotAllowedException.class)
    void notAllowed(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }
}
