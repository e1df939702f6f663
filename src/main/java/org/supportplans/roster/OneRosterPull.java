package org.supportplans.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.supportplans.roster.OneRosterZip.Row;
import org.supportplans.system.StartupLock;

/**
 * The district's roster pulled from its OneRoster 1.2 REST provider (the rostering service of its student
 * information system, or of ClassLink, Clever and the like), each morning when {@code
 * support-plans.roster.pull.base-url} is set: a token by OAuth 2.0 client credentials, then {@code orgs}, {@code
 * users} (with their roles), {@code classes}, {@code enrollments} and {@code demographics}, page by page, imported
 * as a bulk file is ({@link RosterImport#importPulled}). One node of a cluster at a time (the start-up lock); a
 * second node pulling the same morning finds nothing to change.
 */
@Component
public class OneRosterPull {

    private static final Logger log = LoggerFactory.getLogger(OneRosterPull.class);

    /** Who the audit and the import record name for a pulled roster. */
    static final String ACTOR = "oneroster-pull";

    /**
     * Where and how to pull ({@code support-plans.roster.pull.*}).
     *
     * @param district our district the roster is of
     * @param baseUrl the provider's rostering service, e.g. {@code https://sis.example.org/ims/oneroster/rostering/v1p2}
     * @param tokenUrl the provider's OAuth 2.0 token endpoint
     * @param cron when, in {@code zone} (default 05:30 each morning)
     */
    @ConfigurationProperties("support-plans.roster.pull")
    public record Settings(
            String district,
            String baseUrl,
            String tokenUrl,
            String clientId,
            String clientSecret,
            @DefaultValue("0 30 5 * * *") String cron,
            @DefaultValue("America/Denver") String zone,
            @DefaultValue("1000") int pageSize) {}

    private final RosterImport rosters;
    private final ObjectMapper json;
    private final ObjectProvider<StartupLock> lock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    OneRosterPull(RosterImport rosters, ObjectMapper json, ObjectProvider<StartupLock> lock) {
        this.rosters = rosters;
        this.json = json;
        this.lock = lock;
    }

    /** Pulls the whole roster now and imports it; answers what changed. */
    public RosterImport.Summary pull(Settings settings) {
        String token = token(settings);
        Map<String, List<Row>> files = new LinkedHashMap<>();
        files.put(
                "orgs",
                rows(
                        settings,
                        token,
                        "orgs",
                        org -> Map.of(
                                "sourcedId", text(org, "sourcedId"),
                                "name", text(org, "name"),
                                "type", text(org, "type"),
                                "identifier", text(org, "identifier"),
                                "parentSourcedId", text(org.path("parent"), "sourcedId"))));
        List<Row> users = new ArrayList<>();
        List<Row> roles = new ArrayList<>();
        int[] roleLine = {1};
        for (JsonNode user : all(settings, token, "users")) {
            Map<String, String> values = new HashMap<>();
            for (String field : List.of("sourcedId", "username", "givenName", "familyName", "identifier", "email")) {
                values.put(field, text(user, field));
            }
            values.put("metadata.title", text(user.path("metadata"), "title"));
            users.add(new Row("users (REST)", users.size() + 2, values));
            for (JsonNode role : user.path("roles")) {
                roles.add(new Row(
                        "users (REST) roles",
                        ++roleLine[0],
                        Map.of(
                                "userSourcedId", text(user, "sourcedId"),
                                "roleType", text(role, "roleType"),
                                "role", text(role, "role"),
                                "orgSourcedId", text(role.path("org"), "sourcedId"))));
            }
        }
        files.put("users", users);
        files.put("roles", roles);
        files.put(
                "classes",
                rows(
                        settings,
                        token,
                        "classes",
                        klass -> Map.of(
                                "sourcedId", text(klass, "sourcedId"),
                                "title", text(klass, "title"),
                                "schoolSourcedId", text(klass.path("school"), "sourcedId"))));
        files.put(
                "enrollments",
                rows(
                        settings,
                        token,
                        "enrollments",
                        enrollment -> Map.of(
                                "classSourcedId", text(enrollment.path("class"), "sourcedId"),
                                "userSourcedId", text(enrollment.path("user"), "sourcedId"),
                                "role", text(enrollment, "role"),
                                "primary", text(enrollment, "primary"))));
        files.put(
                "demographics",
                rows(
                        settings,
                        token,
                        "demographics",
                        person -> Map.of(
                                "sourcedId", text(person, "sourcedId"), "birthDate", text(person, "birthDate"))));
        RosterImport.Summary summary = rosters.importPulled(settings.district(), OneRosterZip.bulk(files));
        log.info(
                "Roster of district {} pulled from its OneRoster provider: schools {}, staff {}, students {}",
                settings.district(),
                summary.schools(),
                summary.staff(),
                summary.students());
        return summary;
    }

    /** Each morning, one node at a time. */
    void scheduled(Settings settings) {
        StartupLock startupLock = lock.getIfAvailable();
        try {
            if (startupLock == null) {
                pull(settings);
            } else {
                startupLock.whileHolding(() -> pull(settings));
            }
        } catch (RuntimeException e) {
            // the next morning tries again; the district's roster stays as it was (an import is all or nothing)
            log.warn("Roster pull for district {} failed: {}", settings.district(), e.getMessage());
        }
    }

    private List<Row> rows(
            Settings settings, String token, String collection, Function<JsonNode, Map<String, String>> row) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : all(settings, token, collection)) {
            rows.add(new Row(collection + " (REST)", rows.size() + 2, row.apply(item)));
        }
        return rows;
    }

    /** Every active record of a collection, page by page (OneRoster's {@code limit} and {@code offset}). */
    private List<JsonNode> all(Settings settings, String token, String collection) {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += settings.pageSize()) {
            JsonNode page = get(
                            settings.baseUrl() + "/" + collection + "?limit=" + settings.pageSize() + "&offset="
                                    + offset,
                            token)
                    .path(collection);
            page.forEach(item -> {
                if (!"tobedeleted".equals(text(item, "status"))) {
                    all.add(item);
                }
            });
            if (page.size() < settings.pageSize()) {
                return all;
            }
        }
    }

    private String token(Settings settings) {
        String basic = Base64.getEncoder()
                .encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        JsonNode answer = send(request);
        String token = text(answer, "access_token");
        if (token.isEmpty()) {
            throw new IllegalStateException("The OneRoster provider's token endpoint gave no access_token.");
        }
        return token;
    }

    private JsonNode get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // the address only: a provider's answer may hold student data
                throw new IllegalStateException("The OneRoster provider answered " + response.statusCode() + " to "
                        + request.uri().getPath());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The OneRoster provider could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** The morning pull, when a provider is configured. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(prefix = "support-plans.roster.pull", name = "base-url")
    static class Schedule {

        private final OneRosterPull pull;
        private final Settings settings;

        Schedule(OneRosterPull pull, Settings settings) {
            this.pull = pull;
            this.settings = settings;
        }

        @Scheduled(
                cron = "${support-plans.roster.pull.cron:0 30 5 * * *}",
                zone = "${support-plans.roster.pull.zone:America/Denver}")
        void eachMorning() {
            pull.scheduled(settings);
        }
    }
}
