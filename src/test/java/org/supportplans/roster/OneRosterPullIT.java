package org.supportplans.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.supportplans.Http;
import org.supportplans.PostgresIntegrationTest;

/**
 * The district's roster pulled from a OneRoster 1.2 REST provider (a fake one on this machine, answering as the
 * standard describes: a token by client credentials, then each collection page by page, users with their roles):
 * imported as the bulk file would be, nothing changed by a second pull, nothing at all with a wrong secret.
 */
@PostgresIntegrationTest
class OneRosterPullIT {

    private static final String CLIENT = "support-plans";
    private static final String SECRET = "a-client-secret";
    private static final String TOKEN = "an-access-token";
    private static final int PAGE = 20;

    @LocalServerPort
    int port;

    @Autowired
    OneRosterPull pull;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private HttpServer provider;
    private final AtomicInteger pages = new AtomicInteger();
    private OneRosterDistrict district;

    @BeforeEach
    void startTheProvider() throws IOException {
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z0-9]", "0");
        district = new OneRosterDistrict(prefix, 1, 30, 50);
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/token", this::token);
        provider.createContext("/ims/oneroster/rostering/v1p2/", this::collection);
        provider.start();
    }

    @AfterEach
    void stopTheProvider() {
        provider.stop(0);
    }

    @Test
    void theRosterIsPulledPageByPageAndImportedAsABulkFileIs() {
        String districtId = district.prefix + "-district";
        Http.Response created = Http.as(port, "demo")
                .post(
                        "/api/districts",
                        Map.of(
                                "id",
                                districtId,
                                "name",
                                "Pulled District",
                                "state",
                                "CO",
                                "timeZone",
                                "America/Denver"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        RosterImport.Summary first = pull.pull(settings(districtId, SECRET));

        assertThat(first.mode()).isEqualTo("BULK");
        assertThat(first.schools().added()).isEqualTo(1);
        assertThat(first.staff().added()).isEqualTo(district.staffHere());
        assertThat(first.students().added()).isEqualTo(50);
        assertThat(first.teachersOfRecord().added()).isEqualTo(100);
        // 31 staff and 50 students, 20 a page: five pages, the last one short
        assertThat(district.staffCount() + district.students()).isEqualTo(81);
        assertThat(pages.get()).as("pages of users asked for").isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "select count(*) from roster_student where district_id = ? and date_of_birth is not null",
                        Integer.class,
                        districtId))
                .isEqualTo(50);

        RosterImport.Summary again = pull.pull(settings(districtId, SECRET));
        assertThat(List.of(again.schools(), again.staff(), again.students(), again.teachersOfRecord()))
                .allSatisfy(counts -> assertThat(counts).isEqualTo(new RosterImport.Counts(0, 0, 0)));

        // a wrong secret: no token, no import
        int staffBefore = jdbc.queryForObject(
                "select count(*) from roster_link where district_id = ?", Integer.class, districtId);
        assertThatThrownBy(() -> pull.pull(settings(districtId, "not-the-secret")))
                .hasMessageContaining("401");
        assertThat(jdbc.queryForObject(
                        "select count(*) from roster_link where district_id = ?", Integer.class, districtId))
                .isEqualTo(staffBefore);
    }

    private OneRosterPull.Settings settings(String districtId, String secret) {
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();
        return new OneRosterPull.Settings(
                districtId,
                base + "/ims/oneroster/rostering/v1p2",
                base + "/token",
                CLIENT,
                secret,
                "0 30 5 * * *",
                "America/Denver",
                PAGE);
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        boolean valid = "POST".equals(exchange.getRequestMethod())
                && expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                        .contains("grant_type=client_credentials");
        answer(
                exchange,
                valid ? 200 : 401,
                valid
                        ? "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                        : "{\"error\":\"invalid_client\"}");
    }

    private void collection(HttpExchange exchange) throws IOException {
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        String name = exchange.getRequestURI().getPath().replaceFirst(".*/", "");
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            query.put(pair.split("=")[0], pair.split("=")[1]);
        }
        int limit = Integer.parseInt(query.get("limit"));
        int offset = Integer.parseInt(query.get("offset"));
        List<ObjectNode> all = records(name);
        ArrayNode page = json.createArrayNode();
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))
                .forEach(page::add);
        if (name.equals("users")) {
            pages.incrementAndGet();
        }
        ObjectNode body = json.createObjectNode();
        body.set(name, page);
        answer(exchange, 200, json.writeValueAsString(body));
    }

    /** The generated district's CSV rows as the REST binding gives them (users with their roles). */
    private List<ObjectNode> records(String collection) {
        List<ObjectNode> records = new ArrayList<>();
        List<List<String>> rows = district.files.get(collection);
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode record = json.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                String column = header.get(i);
                String value = row.get(i);
                switch (column) {
                    case "parentSourcedId" -> record.putObject("parent").put("sourcedId", value);
                    case "schoolSourcedId" -> record.putObject("school").put("sourcedId", value);
                    case "classSourcedId" -> record.putObject("class").put("sourcedId", value);
                    case "userSourcedId" -> record.putObject("user").put("sourcedId", value);
                    case "metadata.title" -> record.putObject("metadata").put("title", value);
                    default -> record.put(column, value);
                }
            }
            record.put("status", "active");
            if (collection.equals("users")) {
                ArrayNode roles = record.putArray("roles");
                for (List<String> role : district.files
                        .get("roles")
                        .subList(1, district.files.get("roles").size())) {
                    if (role.get(3).equals(row.get(0))) {
                        ObjectNode entry = roles.addObject();
                        entry.put("roleType", role.get(4));
                        entry.put("role", role.get(5));
                        entry.putObject("org").put("sourcedId", role.get(8));
                    }
                }
            }
            records.add(record);
        }
        return records;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
