package dev.partnerapps.company;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in behind the throttle (docs/throttling.md): the console's form login
 * uses {@link #authenticationManager()}. It has no parent manager on purpose, so a refused
 * attempt can never fall through to an unthrottled password check.
 */
@Component
@EnableConfigurationProperties(SignInThrottleProperties.class)
public class SignInAuthentication {

    private final AuthenticationManager manager;

    SignInAuthentication(UserDetailsService users, PasswordEncoder passwords, SignInThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        this.manager = new ProviderManager(new Throttled(provider, throttle));
    }

    public AuthenticationManager authenticationManager() {
        return manager;
    }

    private record Throttled(AuthenticationProvider delegate, SignInThrottle throttle) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String email = authentication.getName();
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? ClientAddress.of(details.getRemoteAddress()) : null;
            var refusal = throttle.refusal(email, address);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            Authentication result;
            try {
                result = delegate.authenticate(authentication);
            } catch (AuthenticationException failure) {
                // Wrong password, unknown email or a disabled account alike: all count.
                var next = throttle.failed(email, address);
                throw next.isPresent() ? next.get() : failure;
            }
            throttle.succeeded(email);
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }
    }
}
