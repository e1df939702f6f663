package org.supportplans.system;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member signed in to this request: their Camunda user id and group ids. */
public record CurrentStaff(String userId, List<String> groupIds) {

    public static Optional<CurrentStaff> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
        return Optional.of(new CurrentStaff(authentication.getName(), groups));
    }

    public static CurrentStaff require() {
        return get().orElseThrow(() -> new IllegalStateException("no staff member is signed in"));
    }

    public boolean isMemberOf(String groupId) {
        return groupIds.contains(groupId);
    }
}
