package org.supportplans.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;

/** The demo district's staff sign in with password = user id, in their role, at every demo school. */
@PostgresIntegrationTest
class StaffIT {

    @org.springframework.beans.factory.annotation.Autowired
    SchoolRepository schoolRepository;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleHasADemoUserWorkingAtEveryDemoSchool(Role role) {
        JsonNode me = Http.as(port, role.groupId()).get("/api/me").json();

        assertThat(me.path("userId").asText()).isEqualTo(role.groupId());
        assertThat(texts(me.path("roles"))).containsExactly(role.groupId());
        assertThat(texts(me.path("schools").findValues("id"))).containsExactlyInAnyOrderElementsOf(DemoData.SCHOOL_IDS);
        assertThat(me.path("schools").get(0).path("districtId").asText()).isEqualTo("demo-district");
        assertThat(me.path("schools").get(0).path("state").asText()).isEqualTo("CO");
    }

    @Test
    void theAdministratorSeesEverySchool() {
        JsonNode schools = Http.as(port, "demo").get("/api/schools").json();

        // other tests add districts of their own: the admin sees those schools too
        assertThat(texts(schools.findValues("id")))
                .containsAll(texts(schoolRepository.findAll().stream()
                        .map(school -> (JsonNode) com.fasterxml.jackson.databind.node.TextNode.valueOf(school.getId()))
                        .toList()))
                .contains("jefferson-high", "lincoln-elementary", "roosevelt-middle");
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
