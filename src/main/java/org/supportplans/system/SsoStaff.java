package org.supportplans.system;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who a person signed in by the district's identity provider is here (single sign-on, {@link SingleSignOn}): a staff
 * member the roster knows, with the roles and schools their token names. Implemented where staff come from (the
 * roster); a person the roster does not know is refused.
 */
public interface SsoStaff {

    /**
     * The staff member of that username (the token's user claim), their roles and schools brought in line with the
     * token's claims when it has them; empty when the roster does not know them.
     *
     * @param roles the token's roles claim: our role ids, OneRoster roles or the district's job titles
     * @param schools the token's schools claim: our school ids; empty when the token has no such claim
     */
    Optional<CurrentStaff> signedIn(String username, Collection<String> roles, Collection<String> schools);

    /** The staff member of that username and their roles as they are here, for a token without role claims. */
    Optional<CurrentStaff> known(String username);

    /** No single sign-on: nobody is known this way. */
    SsoStaff NONE = new SsoStaff() {
        @Override
        public Optional<CurrentStaff> signedIn(String username, Collection<String> roles, Collection<String> schools) {
            return Optional.empty();
        }

        @Override
        public Optional<CurrentStaff> known(String username) {
            return Optional.empty();
        }
    };

    static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim).split("[,\\s]+"));
    }
}
