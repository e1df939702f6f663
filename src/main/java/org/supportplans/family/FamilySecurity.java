package org.supportplans.family;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The family's page has a security chain of its own: parents are not staff and never Camunda users. The pages
 * answer anyone (the page itself checks the letter code and the date of birth, {@link FamilySignIn}); the parent's
 * session is a cookie whose hash is in the database (every node of a cluster knows it), so no HTTP session is
 * made. Every form carries a CSRF token (kept in a cookie, double-submit, for the same reason); the
 * Content-Security-Policy lets the pages load only their own style sheet, no script at all, and be framed by
 * nobody; the link's token never leaves in a Referer header.
 */
@Configuration
class FamilySecurity {

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain familyChain(HttpSecurity http, FamilyProblems problems) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName("family_csrf");
        csrfTokens.setCookiePath("/family");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        // the token in the form as the page rendered it (no script on the page to unmask one)
        CsrfTokenRequestAttributeHandler requestHandler = new CsrfTokenRequestAttributeHandler();
        return http.securityMatcher(withDefaults().matcher("/family/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(requestHandler))
                // a form without its token: a plain page that says what to do ("open too long"), not a bare 403
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }
}
