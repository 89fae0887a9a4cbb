package dev.partnerapps.company;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import jakarta.validation.Valid;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Sign-in page (Spring Security processes the POST) and developer sandbox sign-up. */
@Controller
class SignInController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final SandboxSignup signup;
    private final Clock clock;
    private final SecurityContextRepository securityContextRepository;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    SignInController(SandboxSignup signup, SecurityContextRepository securityContextRepository, Clock clock) {
        this.signup = signup;
        this.clock = clock;
        this.securityContextRepository = securityContextRepository;
    }

    @InitBinder("signupForm")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("companyName", "companyDomain", "email", "password");
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && request.getParameter("error") != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInRefusedException refusal) {
            // Said once, for the attempt that caused it; a reload of /login?error says the generic line.
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("refusal", refusal.reason().name());
            model.addAttribute("refusalAfterFailure", refusal.afterFailure());
            long seconds = Math.max(1, (Duration.between(clock.instant(), refusal.until()).toMillis() + 999) / 1000);
            model.addAttribute("refusalSeconds", seconds);
            model.addAttribute("refusalUntil", TIME.format(refusal.until()));
        }
        return "login";
    }

    @GetMapping("/signup")
    String signupForm(Model model) {
        model.addAttribute("signupForm", new SignupForm());
        return "signup";
    }

    @PostMapping("/signup")
    String createSandbox(@Valid @ModelAttribute SignupForm signupForm, BindingResult result,
            HttpServletRequest request, HttpServletResponse response) {
        // Report a taken domain or email together with any other mistake, not one round-trip later.
        if (!result.hasFieldErrors("companyDomain") && signup.isDomainTaken(signupForm.getCompanyDomain())) {
            result.rejectValue("companyDomain", "validation.domain.taken");
        }
        if (!result.hasFieldErrors("email") && signup.isEmailTaken(signupForm.getEmail())) {
            result.rejectValue("email", "validation.email.taken");
        }
        if (result.hasErrors()) {
            return "signup";
        }
        PartnerUser user;
        try {
            user = signup.createSandbox(signupForm);
        } catch (RejectedFieldException e) {
            result.rejectValue(e.field(), e.messageKey());
            return "signup";
        } catch (DataIntegrityViolationException e) {
            // Someone registered the same domain or email between our check and our insert.
            result.reject("validation.signup.conflict");
            return "signup";
        }
        signIn(user, request, response);
        return "redirect:/admin/web-services";
    }

    private void signIn(PartnerUser user, HttpServletRequest request, HttpServletResponse response) {
        user.eraseCredentials();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contextHolder.setContext(context);
        securityContextRepository.saveContext(context, request, response);
    }
}
