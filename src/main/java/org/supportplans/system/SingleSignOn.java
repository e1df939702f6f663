package org.supportplans.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Single sign-on through the district's OpenID Connect provider, when {@code
 * spring.security.oauth2.client.registration.district.client-id} is set (README, "Set up your district"):
 *
 * <ul>
 *   <li>Tasklist, Cockpit and Admin: signed in by the provider (authorization code flow); Camunda's web apps take the
 *       signed-in staff member from Spring Security ({@link ContainerBasedAuthenticationFilter} with {@link
 *       SpringSecurityAuthenticationProvider}) instead of their own login form;
 *   <li>{@code /api} and {@code /engine-rest}: a bearer token from the provider (a JWT, checked against the
 *       provider's keys), beside HTTP Basic;
 *   <li>the person: the user of the token's user claim, known to the roster ({@link SsoStaff}); their roles and
 *       schools from the token's claims when it has them. Somebody the roster does not know gets a page that says
 *       whom to ask ({@code /sso/unknown});
 *   <li>signing out ({@code /sso/logout}, where Tasklist's "Sign out" leads) ends the session at the provider too
 *       (OpenID Connect RP-initiated logout).
 * </ul>
 *
 * HTTP Basic with our own users stays, for districts without single sign-on and for scripts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration.district", name = "client-id")
public class SingleSignOn {

    static final String UNKNOWN_PAGE = "/sso/unknown";
    static final String LOGOUT = "/sso/logout";
    static final String STATUS = "/sso/status";
    static final String DASHBOARD = "/sso/dashboard";

    private final SsoProperties properties;
    private final SsoStaff staff;
    private final ClientRegistrationRepository registrations;
    private final ObjectMapper json;
    private final ObjectProvider<JwtDecoder> decoder;

    SingleSignOn(
            SsoProperties properties,
            ObjectProvider<SsoStaff> staff,
            ClientRegistrationRepository registrations,
            ObjectMapper json,
            ObjectProvider<JwtDecoder> decoder) {
        this.decoder = decoder;
        this.properties = properties;
        this.json = json;
        this.staff = staff.getIfAvailable(() -> SsoStaff.NONE);
        this.registrations = registrations;
    }

    /** Camunda's web apps take the staff member signed in by the provider. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-single-sign-on");
        registration.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filters (order -100), which sign the person in
        registration.setOrder(-50);
        return registration;
    }

    /** The web apps' chain: the provider's sign-in, the refusal page, sign-out at the provider. */
    void webapps(HttpSecurity http) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endAtProvider =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endAtProvider.setPostLogoutRedirectUri("{baseUrl}/camunda/app/tasklist/");
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                new AntPathRequestMatcher(UNKNOWN_PAGE), new AntPathRequestMatcher(STATUS))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SignIn()))
                        .failureHandler((request, response, e) ->
                                response.sendRedirect(request.getContextPath() + UNKNOWN_PAGE)))
                .logout(logout -> logout.logoutRequestMatcher(new AntPathRequestMatcher(LOGOUT, HttpMethod.GET.name()))
                        .logoutSuccessHandler(endAtProvider));
    }

    /**
     * The API's chain also takes the session the provider signed a person in with (the dashboard's calls, which
     * send the session cookie): never created here; and a change sent with that cookie alone (no {@code
     * Authorization} header) must carry the session's CSRF token in the header {@value #CSRF_HEADER}. The dashboard's
     * script reads it from {@value #CSRF_TOKEN} (same origin, signed in: no other site can read the answer) before
     * each change; it is kept in the session, so it ends with it.
     */
    void sessions(HttpSecurity http) throws Exception {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setHeaderName(CSRF_HEADER);
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens)
                        .requireCsrfProtectionMatcher(request ->
                                !SAFE.contains(request.getMethod()) && request.getHeader("Authorization") == null));
    }

    /** The header a change signed in by the provider's session carries its CSRF token in. */
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /** Where the dashboard's script gets that token (README, "Dashboard"). */
    static final String CSRF_TOKEN = "/api/csrf-token";

    private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The token chains ({@code /api}, {@code /engine-rest}): a bearer token from the provider. */
    void tokens(HttpSecurity http) throws Exception {
        JwtAuthenticationProvider checked = new JwtAuthenticationProvider(decoder.getObject());
        checked.setJwtAuthenticationConverter(new TokenStaff());
        // its own authentication manager: the chain's is HTTP Basic's, against our users
        http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.authenticationManager(new ProviderManager(checked)))
                .authenticationEntryPoint((request, response, e) -> {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType("application/problem+json");
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.UNAUTHORIZED, "The token is not valid here: " + e.getMessage());
                    problem.setTitle("Not signed in");
                    json.writeValue(response.getOutputStream(), problem);
                }));
    }

    private static List<GrantedAuthority> authorities(CurrentStaff member) {
        return member.groupIds().stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(group))
                .toList();
    }

    private static Collection<String> claim(Map<String, Object> claims, String name) {
        return SsoStaff.strings(claims.get(name));
    }

    /** The provider's person as our staff member, or refused. */
    final class SignIn extends OidcUserService {

        @Override
        public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
            OidcUser person = super.loadUser(request);
            Map<String, Object> claims = person.getClaims();
            Object username = claims.get(properties.userClaim());
            Optional<CurrentStaff> member = username == null
                    ? Optional.empty()
                    : claims.containsKey(properties.rolesClaim()) || claims.containsKey(properties.schoolsClaim())
                            ? staff.signedIn(
                                    String.valueOf(username),
                                    claim(claims, properties.rolesClaim()),
                                    claim(claims, properties.schoolsClaim()))
                            : staff.known(String.valueOf(username));
            CurrentStaff known = member.orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error("not_in_roster", "Not in the district's roster", null)));
            return new StaffMember(known, person);
        }
    }

    /** An OpenID Connect user whose name is our user id. */
    static final class StaffMember extends DefaultOidcUser {

        private final String userId;

        StaffMember(CurrentStaff staff, OidcUser person) {
            super(authorities(staff), person.getIdToken(), person.getUserInfo());
            this.userId = staff.userId();
        }

        @Override
        public String getName() {
            return userId;
        }
    }

    /** A token's person as our staff member; a token naming nobody the roster knows is not valid here. */
    final class TokenStaff implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String username = jwt.getClaimAsString(properties.userClaim());
            Optional<CurrentStaff> member = username == null
                    ? Optional.empty()
                    : jwt.hasClaim(properties.rolesClaim()) || jwt.hasClaim(properties.schoolsClaim())
                            ? staff.signedIn(
                                    username,
                                    claim(jwt.getClaims(), properties.rolesClaim()),
                                    claim(jwt.getClaims(), properties.schoolsClaim()))
                            : staff.known(username);
            CurrentStaff known = member.orElseThrow(
                    () -> new org.springframework.security.oauth2.server.resource.InvalidBearerTokenException(
                            "The token names nobody the district's roster knows."));
            return new JwtAuthenticationToken(jwt, authorities(known), known.userId());
        }
    }
}
