package org.supportplans.roster;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.supportplans.people.Role;
import org.supportplans.people.School;
import org.supportplans.people.SchoolRepository;
import org.supportplans.people.SchoolTenants;
import org.supportplans.system.AsApplication;
import org.supportplans.system.CurrentStaff;
import org.supportplans.system.SsoStaff;

/**
 * A person signed in by the district's identity provider is the staff member of the same username here ({@link
 * RosterImport#userIdOf}), if the roster (or an administrator) made them; the roles and schools the token names
 * replace theirs: our role ids, OneRoster roles and job titles are mapped as the roster maps them, unknown values
 * are left out, and school ids that are not ours are ignored.
 */
@Component
class RosterSignIn implements SsoStaff {

    private final IdentityService identity;
    private final SchoolRepository schools;
    private final SchoolTenants tenants;
    private final AsApplication asApplication;

    RosterSignIn(
            IdentityService identity, SchoolRepository schools, SchoolTenants tenants, AsApplication asApplication) {
        this.identity = identity;
        this.schools = schools;
        this.tenants = tenants;
        this.asApplication = asApplication;
    }

    @Override
    @Transactional
    public Optional<CurrentStaff> signedIn(String username, Collection<String> roles, Collection<String> schoolIds) {
        return asApplication.call(() -> {
            String userId = RosterImport.userIdOf(username);
            if (identity.createUserQuery().userId(userId).count() == 0) {
                return Optional.<CurrentStaff>empty();
            }
            RoleMapping mapping = RoleMapping.defaults();
            Set<String> wanted = new HashSet<>();
            for (String value : roles) {
                Role.ofGroupId(value)
                        .or(() -> mapping.roleOf(value, value))
                        .ifPresent(role -> wanted.add(role.groupId()));
            }
            Set<String> memberOf = groupsOf(userId);
            for (Role role : Role.values()) {
                if (wanted.contains(role.groupId()) && !memberOf.contains(role.groupId())) {
                    identity.createMembership(userId, role.groupId());
                } else if (!wanted.contains(role.groupId()) && memberOf.contains(role.groupId())) {
                    identity.deleteMembership(userId, role.groupId());
                }
            }
            if (!schoolIds.isEmpty()) {
                Set<String> at = new HashSet<>(schoolIds);
                for (School school : schools.findAll()) {
                    if (at.contains(school.getId()) && !school.employs(userId)) {
                        school.assign(userId);
                    } else if (!at.contains(school.getId()) && school.employs(userId)) {
                        school.unassign(userId);
                    }
                }
                schools.flush();
            }
            tenants.staffChanged(userId);
            return Optional.of(new CurrentStaff(userId, List.copyOf(groupsOf(userId))));
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentStaff> known(String username) {
        return asApplication.call(() -> {
            String userId = RosterImport.userIdOf(username);
            if (identity.createUserQuery().userId(userId).count() == 0) {
                return Optional.<CurrentStaff>empty();
            }
            return Optional.of(new CurrentStaff(userId, List.copyOf(groupsOf(userId))));
        });
    }

    private Set<String> groupsOf(String userId) {
        Set<String> groups = new HashSet<>();
        identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .forEach(groups::add);
        return groups;
    }
}
