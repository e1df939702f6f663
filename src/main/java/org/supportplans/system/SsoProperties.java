package org.supportplans.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through the district's OpenID Connect provider ({@code support-plans.sso.*}); the provider itself
 * is Spring Boot's {@code spring.security.oauth2.client.registration.district.*} and {@code
 * spring.security.oauth2.client.provider.district.issuer-uri} (the web apps), and {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} (tokens for {@code /api} and {@code /engine-rest}).
 *
 * @param userClaim the claim holding the username the roster has (e.g. {@code preferred_username} or {@code email})
 * @param rolesClaim the claim holding the person's roles or job titles (e.g. {@code groups}, {@code roles})
 * @param schoolsClaim the claim holding the ids of the schools they work at
 * @param helpContact whom a person the roster does not know should ask (shown on the refusal page)
 */
@ConfigurationProperties("support-plans.sso")
public record SsoProperties(
        @DefaultValue("preferred_username") String userClaim,
        @DefaultValue("groups") String rolesClaim,
        @DefaultValue("schools") String schoolsClaim,

        @DefaultValue("your district's special education office")
        String helpContact) {}
