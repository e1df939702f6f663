package org.supportplans.people;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportplans.system.StartupLock;

/**
 * The demo district of the embedded default (DESIGN.md section 4): {@code demo-district} in
 * Colorado with three schools, the administrator {@code demo}/{@code demo}, and for every role a user
 * whose id and password are the role's group id, working at every demo school.
 *
 * <p>Refuses to run on anything but the embedded H2 database, see {@link DemoProperties#seedOn}.
 */
@Component
@Order(2)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public static final String DISTRICT_ID = "demo-district";
    public static final String DISTRICT_ZONE = "America/Denver";
    public static final String ADMIN_ID = "demo";
    public static final List<String> SCHOOL_IDS = List.of("lincoln-elementary", "roosevelt-middle", "jefferson-high");

    private final DemoProperties properties;
    private final DataSource dataSource;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final DistrictRepository districts;
    private final SchoolRepository schools;
    private final TransactionTemplate transaction;
    private final StartupLock startupLock;

    public DemoData(
            DemoProperties properties,
            DataSource dataSource,
            IdentityService identityService,
            AuthorizationService authorizationService,
            DistrictRepository districts,
            SchoolRepository schools,
            TransactionTemplate transaction,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.properties = properties;
        this.dataSource = dataSource;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.districts = districts;
        this.schools = schools;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        if (!properties.seedOn(url)) {
            return;
        }
        startupLock.whileHolding(this::ensureAll);
    }

    private void ensureAll() {
        ensureAdmin();
        for (Role role : Role.values()) {
            ensureUser(role.groupId(), role.displayName(), "(demo)", role.groupId());
        }
        transaction.executeWithoutResult(status -> ensureDistrict());
        log.info(
                "Demo district '{}' ready: sign in as '{}' or as any role id, password = user id",
                DISTRICT_ID,
                ADMIN_ID);
    }

    private void ensureDistrict() {
        District district = districts
                .findById(DISTRICT_ID)
                .orElseGet(() -> districts.save(
                        new District(DISTRICT_ID, "Demo School District", "CO", ZoneId.of(DISTRICT_ZONE))));
        if (district.getFamilyContact().equals(FamilyContact.NONE)) {
            // a fictitious office (555 number, .example addresses); Colorado's Parent Training and Information Center
            district.setFamilyContact(new FamilyContact(
                    "Special Education Office, Demo School District",
                    "(303) 555-0142",
                    "special-education@demo-district.example",
                    "https://demo-district.example/special-education/procedural-safeguards",
                    "PEAK Parent Center",
                    null,
                    "https://www.peakparent.org"));
        }
        List<String> names = List.of("Lincoln Elementary School", "Roosevelt Middle School", "Jefferson High School");
        for (int i = 0; i < SCHOOL_IDS.size(); i++) {
            String id = SCHOOL_IDS.get(i);
            String name = names.get(i);
            School school = schools.findById(id).orElseGet(() -> new School(id, district, name));
            for (Role role : Role.values()) {
                school.assign(role.groupId());
            }
            schools.save(school);
        }
    }

    private void ensureAdmin() {
        if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group admins = identityService.newGroup(Groups.CAMUNDA_ADMIN);
            admins.setName("Camunda administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identityService.saveGroup(admins);
            for (Resources resource : Resources.values()) {
                Authorization all = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(ANY);
                all.addPermission(Permissions.ALL);
                authorizationService.saveAuthorization(all);
            }
        }
        ensureUser(ADMIN_ID, "Demo", "Administrator", Groups.CAMUNDA_ADMIN);
    }

    private void ensureUser(String id, String firstName, String lastName, String groupId) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@demo-district.example.org");
            user.setPassword(id);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(id, groupId);
        }
    }
}
