package org.supportplans.system;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Nobody reaches a case, a task, a report or the engine without signing in.
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic checked by Camunda's own {@link
 *       ProcessEngineAuthenticationFilter} against the identity service;
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the web apps' own session sign-in and CSRF
 *       protection;
 *   <li>{@code /api/**}, the OpenAPI description and Swagger UI, actuator: HTTP Basic through Spring
 *       Security against the same users and groups; engine calls then run as that user;
 *   <li>{@code /dashboard/**} and {@code /webjars/**}: the dashboard's page, its scripts and Chart.js,
 *       read without signing in, as they hold no data; the page signs in to {@code /api} for every call.
 * </ul>
 *
 * Only {@code /actuator/health} answers without signing in, with its status and nothing else, so that
 * a load balancer or {@code docker compose} can check the service.
 *
 * <p>The chains match the path within the application, whichever servlet serves it: the engine REST
 * API ({@code /engine-rest/*}) and the web apps' own REST APIs ({@code /camunda/api/admin/*},
 * {@code /camunda/api/tasklist/*}, ...) are servlets of their own, beside Spring MVC's. A string
 * {@code securityMatcher("/camunda/**")} becomes an {@code MvcRequestMatcher}, which matches the path
 * within the servlet ({@code /auth/user/default} for {@code /camunda/api/admin/auth/user/default}):
 * such requests would fall through to the API chain and get its HTTP Basic challenge.
 */
@Configuration
public class SecurityConfiguration {

    /** The dashboard shows student names from the API: its own scripts only, no inline code, no framing. */
    private static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(StaffTenants tenants) {
        var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
                new EngineRestAuthenticationFilter(tenants));
        registration.setName("camunda-engine-rest-authentication");
        // HTTP Basic, or the bearer token Spring Security checked when single sign-on is on ({@link SingleSignOn})
        registration.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, ObjectProvider<SingleSignOn> sso) throws Exception {
        // authenticated by ProcessEngineAuthenticationFilter, registered above (a bearer token first checked here)
        http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        SingleSignOn singleSignOn = sso.getIfAvailable();
        if (singleSignOn != null) {
            singleSignOn.tokens(http);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, ObjectProvider<SingleSignOn> sso) throws Exception {
        // the web apps sign users in themselves (session + their own CSRF filter); their login page
        // asks GET /camunda-welcome (404 here), which must not get a Basic challenge: a browser would
        // open its own sign-in dialog over the page. With single sign-on, the district's provider signs them in.
        http.securityMatcher(new OrRequestMatcher(
                        withDefaults().matcher("/camunda/**"),
                        withDefaults().matcher("/"),
                        withDefaults().matcher("/camunda-welcome"),
                        withDefaults().matcher("/sso/**"),
                        withDefaults().matcher("/oauth2/**"),
                        withDefaults().matcher("/login/oauth2/**")))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        SingleSignOn singleSignOn = sso.getIfAvailable();
        if (singleSignOn != null) {
            singleSignOn.webapps(http);
        } else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        }
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        // static files only: read by anyone, nothing else; the page's calls to /api carry the sign-in
        return http.securityMatcher(new OrRequestMatcher(
                        withDefaults().matcher("/dashboard"),
                        withDefaults().matcher("/dashboard/**"),
                        withDefaults().matcher("/webjars/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(DASHBOARD_POLICY))
                        // files without data: the browser may keep them and revalidate (Last-Modified)
                        .cacheControl(cache -> cache.disable()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain api(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            IdentityService identityService,
            StaffTenants tenants,
            ObjectMapper objectMapper,
            ObjectProvider<SingleSignOn> sso)
            throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(objectMapper);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied(objectMapper)))
                // stateless HTTP Basic: no session cookie, so no CSRF to protect against
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(
                        new EngineAuthenticationFilter(identityService, tenants), BasicAuthenticationFilter.class);
        SingleSignOn singleSignOn = sso.getIfAvailable();
        if (singleSignOn != null) {
            // a provider's token, or the session the provider signed the dashboard's user in with
            singleSignOn.tokens(http);
            singleSignOn.sessions(http);
        }
        return http.build();
    }

    private static AccessDeniedHandler accessDenied(ObjectMapper objectMapper) {
        return (request, response, e) -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN,
                    e instanceof CsrfException
                            ? "This change came without the page's CSRF token, or with a wrong one: nothing was"
                                    + " saved. Reload the page and try again."
                            : "Your role does not allow this.");
            problem.setTitle("Not allowed");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), problem);
        };
    }
}
