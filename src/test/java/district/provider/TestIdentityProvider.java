package district.provider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A district's OpenID Connect provider for the single sign-on tests: Spring Authorization Server in the test JVM, on
 * a port of its own, with a sign-in form, the client {@code support-plans} (authorization code; redirects to the
 * service at {@code service.port}), and two people: {@code coordinator} (the demo coordinator, whose token says
 * {@code groups: [coordinator]} and {@code schools: [lincoln-elementary]}) and {@code stranger} (whom the service's
 * roster does not know). Its key also signs the tokens the tests send to the API. Outside {@code org.supportplans},
 * so that the service's component scan never finds it.
 */
@SpringBootConfiguration
@EnableWebSecurity
@ImportAutoConfiguration({
    ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class
})
public class TestIdentityProvider {

    public static final String CLIENT_ID = "support-plans";
    public static final String CLIENT_SECRET = "a-client-secret-for-tests";
    public static final String PASSWORD = "a-provider-password";
    static final Map<String, Map<String, List<String>>> CLAIMS = Map.of(
            "coordinator",
            Map.of("groups", List.of("coordinator"), "schools", List.of("lincoln-elementary")),
            "stranger",
            Map.of("groups", List.of("coordinator"), "schools", List.of("lincoln-elementary")));

    private static final RSAKey KEY = rsaKey();

    /** Starts the provider for a service that will listen on {@code servicePort}. */
    public static ConfigurableApplicationContext start(int servicePort) {
        return new SpringApplicationBuilder(TestIdentityProvider.class)
                .properties(Map.of(
                        "server.port", "0",
                        "service.port", String.valueOf(servicePort),
                        "spring.main.banner-mode", "off",
                        // the provider's session cookie apart from the service's (both on localhost)
                        "server.servlet.session.cookie.name", "PROVIDERSESSION"))
                .run();
    }

    public static String issuer(ConfigurableApplicationContext provider) {
        return "http://localhost:"
                + ((WebServerApplicationContext) provider).getWebServer().getPort();
    }

    /** A token as the provider would give it for that person, valid for five minutes. */
    public static String token(String issuer, String username) {
        return token(issuer, username, KEY);
    }

    /** The same, signed by a key the provider never had. */
    public static String forgedToken(String issuer, String username) {
        return token(issuer, username, rsaKey());
    }

    private static String token(String issuer, String username, RSAKey key) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(username)
                .audience(List.of(CLIENT_ID))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .claim("preferred_username", username);
        CLAIMS.getOrDefault(username, Map.of()).forEach(claims::claim);
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256)
                                .keyId(key.getKeyID())
                                .build(),
                        claims.build()))
                .getTokenValue();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(
                User.withUsername("coordinator")
                        .password("{noop}" + PASSWORD)
                        .roles("STAFF")
                        .build(),
                User.withUsername("stranger")
                        .password("{noop}" + PASSWORD)
                        .roles("STAFF")
                        .build());
    }

    @Bean
    RegisteredClientRepository clients(Environment environment) {
        String service = "http://localhost:" + environment.getProperty("service.port");
        return new InMemoryRegisteredClientRepository(
                RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(CLIENT_ID)
                        .clientSecret("{noop}" + CLIENT_SECRET)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .redirectUri(service + "/login/oauth2/code/district")
                        .postLogoutRedirectUri(service + "/camunda/app/tasklist/")
                        .scope(OidcScopes.OPENID)
                        .scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder()
                                .requireAuthorizationConsent(false)
                                .build())
                        .build());
    }

    @Bean
    JWKSource<SecurityContext> keys() {
        return new ImmutableJWKSet<>(new JWKSet(KEY));
    }

    /** For the provider's own user info endpoint. */
    @Bean
    JwtDecoder tokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** The claims a district's provider adds: the username, the person's roles and schools. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            String username = context.getPrincipal().getName();
            context.getClaims().claim("preferred_username", username);
            CLAIMS.getOrDefault(username, Map.of())
                    .forEach((name, values) -> context.getClaims().claim(name, values));
        };
    }

    private static RSAKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
