package org.supportplans.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.supportplans.audit.AuditEvent.Action;
import org.supportplans.audit.AuditEvent.Interface;
import org.supportplans.audit.AuditEvent.Outcome;
import org.supportplans.audit.AuditEvent.Resource;

/**
 * The audit log's table ({@code audit_event}, with {@code audit_event_case}): written in a transaction
 * of its own, so that a request that fails or is rolled back is still recorded, and read by {@code GET
 * /api/audit}. Only ever inserted into; the database refuses changes (migration V5_1).
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate ownTransaction;

    AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A document for the family was sealed when its step completed: the audit log keeps its SHA-256 (in the
     * event's query: {@code kind=...&version=...&sha256=...}) beside the document's own record.
     */
    public void documentSealed(
            String caseId, long documentId, String kind, int version, String sha256, String userId, Instant at) {
        record(new AuditEvent(
                null,
                at,
                userId,
                Action.CREATE,
                Resource.DOCUMENT,
                Interface.SERVICE,
                "SEAL",
                "/api/documents/" + documentId,
                "kind=" + kind + "&version=" + version + "&sha256=" + sha256,
                1,
                201,
                Outcome.DONE,
                Set.of(caseId)));
    }

    /**
     * What a parent did on the family's page ({@code /family}): signed in, read a document, gave, refused or revoked
     * consent. {@code userId} names the invitation, never the parent; {@code query} carries the evidence (no codes).
     */
    public void family(
            String caseId,
            String userId,
            Action action,
            Resource resource,
            String method,
            String path,
            String query,
            int status,
            Instant at) {
        record(new AuditEvent(
                null,
                at,
                userId,
                action,
                resource,
                Interface.FAMILY,
                method,
                path,
                query,
                1,
                status,
                Outcome.of(status),
                Set.of(caseId)));
    }

    /** Records the event; a failure to record is logged (ids and paths only) and never reaches the caller. */
    void record(AuditEvent event) {
        try {
            ownTransaction.executeWithoutResult(status -> insert(event));
        } catch (RuntimeException e) {
            log.error(
                    "Audit event not recorded: {} {} by {} ({} {})",
                    event.action(),
                    event.resource(),
                    event.userId(),
                    event.method(),
                    event.path(),
                    e);
        }
    }

    private void insert(AuditEvent event) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into audit_event (occurred_at, user_id, action, resource, interface_name,"
                                    + " http_method, path, query, result_count, status, outcome)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    insert.setObject(1, event.occurredAt().atOffset(ZoneOffset.UTC));
                    insert.setString(2, cut(event.userId(), 64));
                    insert.setString(3, event.action().name());
                    insert.setString(4, event.resource().name());
                    insert.setString(5, event.via().name());
                    insert.setString(6, cut(event.method(), 8));
                    insert.setString(7, cut(event.path(), 300));
                    insert.setString(8, cut(event.query(), 1000));
                    if (event.resultCount() == null) {
                        insert.setNull(9, Types.INTEGER);
                    } else {
                        insert.setInt(9, event.resultCount());
                    }
                    insert.setInt(10, event.status());
                    insert.setString(11, event.outcome().name());
                    return insert;
                },
                key);
        long id = key.getKey().longValue();
        List<Object[]> cases = event.caseIds().stream()
                .map(caseId -> cut(caseId, 64))
                .distinct()
                .map(caseId -> new Object[] {id, caseId})
                .toList();
        if (!cases.isEmpty()) {
            jdbc.batchUpdate("insert into audit_event_case (event_id, case_id) values (?, ?)", cases);
        }
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /**
     * What {@code GET /api/audit} asks: all filters optional; {@code districtIds} null for every district,
     * else only the events of cases of those districts' schools (and only those cases of each event).
     */
    record Query(
            String caseId,
            String userId,
            Instant from,
            Instant to,
            Interface via,
            Set<String> districtIds,
            int page,
            int size) {}

    record Page(List<AuditEvent> content, int page, int size, long totalElements, int totalPages) {}

    Page search(Query query) {
        if (query.districtIds() != null && query.districtIds().isEmpty()) {
            return new Page(List.of(), query.page(), query.size(), 0, 0);
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.caseId() != null) {
            where.append(
                    " and exists (select 1 from audit_event_case c where c.event_id = e.id and c.case_id = :caseId)");
            parameters.addValue("caseId", query.caseId());
        }
        if (query.userId() != null) {
            where.append(" and e.user_id = :userId");
            parameters.addValue("userId", query.userId());
        }
        if (query.from() != null) {
            where.append(" and e.occurred_at >= :from");
            parameters.addValue("from", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" and e.occurred_at < :to");
            parameters.addValue("to", query.to().atOffset(ZoneOffset.UTC));
        }
        if (query.via() != null) {
            where.append(" and e.interface_name = :via");
            parameters.addValue("via", query.via().name());
        }
        if (query.districtIds() != null) {
            where.append(" and exists (" + CASES_OF_DISTRICTS + " and c.event_id = e.id)");
            parameters.addValue("districtIds", query.districtIds());
        }
        long total = named.queryForObject("select count(*) from audit_event e" + where, parameters, Long.class);
        parameters.addValue("limit", query.size());
        parameters.addValue("offset", (long) query.page() * query.size());
        List<AuditEvent> rows = named.query(
                "select e.* from audit_event e" + where
                        + " order by e.occurred_at desc, e.id desc limit :limit offset :offset",
                parameters,
                (rs, n) -> event(rs));
        Map<Long, Set<String>> cases = casesOf(rows, query.districtIds());
        List<AuditEvent> content = rows.stream()
                .map(e -> new AuditEvent(
                        e.id(),
                        e.occurredAt(),
                        e.userId(),
                        e.action(),
                        e.resource(),
                        e.via(),
                        e.method(),
                        e.path(),
                        e.query(),
                        e.resultCount(),
                        e.status(),
                        e.outcome(),
                        cases.getOrDefault(e.id(), Set.of())))
                .toList();
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new Page(content, query.page(), query.size(), total, pages);
    }

    private static final String CASES_OF_DISTRICTS = "select 1 from audit_event_case c"
            + " join support_case k on k.id = c.case_id join school s on s.id = k.school_id"
            + " where s.district_id in (:districtIds)";

    private Map<Long, Set<String>> casesOf(List<AuditEvent> events, Set<String> districtIds) {
        if (events.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource(
                "ids", events.stream().map(AuditEvent::id).toList());
        String sql = "select c.event_id, c.case_id from audit_event_case c where c.event_id in (:ids)";
        if (districtIds != null) {
            sql = "select c.event_id, c.case_id from audit_event_case c join support_case k on k.id = c.case_id"
                    + " join school s on s.id = k.school_id where c.event_id in (:ids)"
                    + " and s.district_id in (:districtIds)";
            parameters.addValue("districtIds", districtIds);
        }
        Map<Long, Set<String>> cases = new HashMap<>();
        named.query(sql + " order by c.case_id", parameters, rs -> {
            cases.computeIfAbsent(rs.getLong("event_id"), id -> new LinkedHashSet<>())
                    .add(rs.getString("case_id"));
        });
        return cases;
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        int count = rs.getInt("result_count");
        Integer resultCount = rs.wasNull() ? null : count;
        int status = rs.getInt("status");
        return new AuditEvent(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("user_id"),
                Action.valueOf(rs.getString("action")),
                Resource.valueOf(rs.getString("resource")),
                Interface.valueOf(rs.getString("interface_name")),
                rs.getString("http_method"),
                rs.getString("path"),
                rs.getString("query"),
                resultCount,
                status,
                Outcome.valueOf(rs.getString("outcome")),
                Set.of());
    }

    /** The districts of the schools a staff member works at. */
    Set<String> districtsOf(String userId) {
        return new LinkedHashSet<>(jdbc.queryForList(
                "select distinct s.district_id from school s join school_staff st on st.school_id = s.id"
                        + " where st.user_id = ? order by s.district_id",
                String.class,
                userId));
    }

    /** The time zone of a staff member's (first) district, for dates given without a time. */
    List<String> timeZonesOf(String userId) {
        return new ArrayList<>(jdbc.queryForList(
                "select distinct d.time_zone from district d join school s on s.district_id = d.id"
                        + " join school_staff st on st.school_id = s.id where st.user_id = ? order by d.time_zone",
                String.class,
                userId));
    }
}
