package org.supportplans.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeds many cases fast, with exactly the rows the service writes: each new case is a copy of a
 * template case that the service itself drove to some step (through {@link CaseDrive}), with its own
 * student, a school of the bench districts, and every date moved back by some days (the years of
 * history). Set-based SQL ({@code generate_series}), every table of the case copied column by column
 * (the columns read from the catalogue, so a new column is copied too; one that names the case, its student
 * or its school is given the new case's, as the clock's school is): student, support_case and every record of
 * the case, its clocks with their pauses and changes; and, for an open case, the engine's
 * runtime rows the reports and Tasklist read: each process instance of the case (business key = case id), its
 * open user tasks, their candidate groups and the authorization the engine gives each task's candidate group,
 * all in the new school's tenant. Not copied: the engine's history, variables and jobs (the clocks' timers);
 * the reports and lists measured do not read them.
 */
final class BulkCases {

    /** A template case; {@code percent} of the new cases copy it, moved back {@code minDaysBack..maxDaysBack}. */
    record Template(String caseId, String label, int percent, int minDaysBack, int maxDaysBack) {}

    static final String DISTRICT_PREFIX = "bench-d";

    private static final String SEED = "bench_seed_case";

    /** A copied engine row's tenant: the new case's school where the template's had one (tenant id = school id). */
    private static final String TENANT = "case when x.tenant_id_ is null then null else s.school_id end";

    private final JdbcTemplate jdbc;

    BulkCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String district(int d) {
        return DISTRICT_PREFIX + "%02d".formatted(d);
    }

    static String school(int d, int s) {
        return district(d) + "-s%03d".formatted(s);
    }

    /**
     * Districts (Colorado, Denver time) of so many schools, with the demo district's school calendars, four
     * staff per school (users of the engine's identity service in their role's group) and the demo
     * coordinator, school team and district administrator working at every school of the first district.
     */
    void districts(int districts, int schoolsPerDistrict) {
        districts(Collections.nCopies(districts, schoolsPerDistrict));
    }

    /**
     * As {@link #districts(int, int)}, district {@code d} (from 1) with {@code schools.get(d - 1)} schools; each
     * school also a Camunda tenant with its staff as members, as {@code SchoolTenants} keeps them.
     */
    void districts(List<Integer> schools) {
        jdbc.update("""
                insert into district (id, name, state, time_zone)
                select ? || lpad(d::text, 2, '0'), 'Bench district ' || d, 'CO', 'America/Denver'
                from generate_series(1, ?) d
                """, DISTRICT_PREFIX, schools.size());
        for (int d = 1; d <= schools.size(); d++) {
            jdbc.update("""
                    insert into school (id, district_id, name)
                    select d.id || '-s' || lpad(s::text, 3, '0'), d.id, 'School ' || s || ' of ' || d.name
                    from district d cross join generate_series(1, ?) s
                    where d.id = ?
                    """, schools.get(d - 1), district(d));
        }
        jdbc.update("""
                insert into act_id_tenant (id_, name_, rev_)
                select id, name, 1 from school where id like 'bench-d%'
                """);
        jdbc.update("""
                insert into school_calendar (district_id, school_year, first_day, last_day, updated_at, version)
                select d.id, c.school_year, c.first_day, c.last_day, c.updated_at, 0
                from district d cross join school_calendar c
                where d.id like 'bench-d%' and c.district_id = 'demo-district'
                """);
        jdbc.update("""
                insert into no_school_day (district_id, school_year, from_day, to_day, name)
                select d.id, n.school_year, n.from_day, n.to_day, n.name
                from district d cross join no_school_day n
                where d.id like 'bench-d%' and n.district_id = 'demo-district'
                """);
        List<String> roles = List.of(
                "coordinator", "school-psychologist", "special-education-teacher", "speech-language-pathologist");
        for (String role : roles) {
            jdbc.update("""
                    insert into act_id_user (id_, rev_, first_, last_, email_)
                    select s.id || '-' || ?, 1, 'Staff', s.id, s.id || '-' || ? || '@bench.invalid'
                    from school s where s.id like 'bench-d%'
                    """, role, role);
            jdbc.update("""
                    insert into act_id_membership (user_id_, group_id_)
                    select s.id || '-' || ?, ? from school s where s.id like 'bench-d%'
                    """, role, role);
            jdbc.update("""
                    insert into school_staff (school_id, user_id)
                    select s.id, s.id || '-' || ? from school s where s.id like 'bench-d%'
                    """, role);
            jdbc.update("""
                    insert into act_id_tenant_member (id_, tenant_id_, user_id_)
                    select gen_random_uuid()::text, s.id, s.id || '-' || ? from school s where s.id like 'bench-d%'
                    """, role);
        }
        for (String demoUser :
                List.of("coordinator", "school-psychologist", "special-education-teacher", "district-admin")) {
            jdbc.update(
                    "insert into school_staff (school_id, user_id) select id, ? from school where district_id = ?",
                    demoUser,
                    district(1));
        }
    }

    /** Cases numbered {@code from} (included) to {@code to} (excluded), spread over the bench schools. */
    void seed(List<Template> templates, long from, long to) {
        seed(templates, from, to, "bench-d%");
    }

    /** As {@link #seed(List, long, long)}, at the schools whose id is like {@code schools} (SQL {@code like}). */
    void seed(List<Template> templates, long from, long to, String schools) {
        seed(templates, from, to, schools, "");
    }

    /** As {@link #seed(List, long, long, String)}, leaving out the school {@code except} (a school kept at its size). */
    void seed(List<Template> templates, long from, long to, String schools, String except) {
        drop();
        StringBuilder slots = new StringBuilder();
        int slot = 0;
        for (Template t : templates) {
            if (slots.length() > 0) {
                slots.append(", ");
            }
            slots.append("('%s', %d, %d, %d, %d)"
                    .formatted(t.caseId(), slot, slot + t.percent() - 1, t.minDaysBack(), t.maxDaysBack()));
            slot += t.percent();
        }
        if (slot != 100) {
            throw new IllegalArgumentException("The templates' shares add up to " + slot + "%, not 100%");
        }
        jdbc.execute("create unlogged table bench_template (case_id varchar(36), slot_from int, slot_to int,"
                + " min_back int, max_back int)");
        jdbc.execute("insert into bench_template values " + slots);
        jdbc.execute("""
                create unlogged table bench_school as
                select (row_number() over (order by id)) - 1 as k, id, district_id
                from school where id like '%s' and id <> '%s'
                """.formatted(schools.replace("'", "''"), except.replace("'", "''")));
        long schoolCount = jdbc.queryForObject("select count(*) from bench_school", Long.class);
        jdbc.execute("""
                create unlogged table %s as
                select g.n, t.case_id as template_id, gen_random_uuid()::text as case_id,
                       gen_random_uuid()::text as student_id, sch.id as school_id, sch.district_id,
                       t.min_back + abs(hashtext('shift' || g.n)) %% (t.max_back - t.min_back + 1) as shift
                from generate_series(%d, %d) g(n)
                join bench_template t on (g.n * 37) %% 100 between t.slot_from and t.slot_to
                join bench_school sch on sch.k = abs(hashtext('school' || g.n)) %% %d
                """.formatted(SEED, from, to - 1, schoolCount));

        copy(
                "student",
                "join support_case tc on tc.id = s.template_id join student x on x.id = tc.student_id",
                Map.of(
                        "id", "s.student_id",
                        "district_id", "s.district_id",
                        "local_id", "'B' || s.n",
                        "first_name",
                                "(array['Maya','Liam','Ava','Noah','Sofia','Ethan','Mia','Lucas','Emma','Mateo'])"
                                        + "[1 + s.n % 10]",
                        "last_name",
                                "(array['Lopez','Smith','Nguyen','Garcia','Johnson','Kim','Brown','Martinez','Lee',"
                                        + "'Davis','Wilson','Patel'])[1 + (s.n / 10) % 12]",
                        "date_of_birth", "current_date - 1100 - (abs(hashtext('dob' || s.n)) % 5100)"));
        copy(
                "support_case",
                "join support_case x on x.id = s.template_id",
                Map.of(
                        "id", "s.case_id",
                        "student_id", "s.student_id",
                        "school_id", "s.school_id",
                        "open_student_id", "case when x.open_student_id is null then null else s.student_id end"));
        for (String table : List.of(
                "case_plan_kind",
                "referral",
                "triage_decision",
                "parent_notice",
                "consent_request",
                "meeting",
                "case_event")) {
            copy(table, "join " + table + " x on x.case_id = s.template_id", Map.of("case_id", "s.case_id"));
        }
        mapIds("evaluation");
        copy(
                "evaluation",
                "bench_map_evaluation",
                "join evaluation x on x.id = s.old_id",
                Map.of("id", "s.new_id", "case_id", "s.case_id"));
        copy(
                "evaluation_area",
                "bench_map_evaluation",
                "join evaluation_area x on x.evaluation_id = s.old_id",
                Map.of("evaluation_id", "s.new_id"));
        copy(
                "eligibility_decision",
                "bench_map_evaluation",
                "join eligibility_decision x on x.evaluation_id = s.old_id",
                Map.of("case_id", "s.case_id", "evaluation_id", "s.new_id"));
        mapIds("support_plan");
        copy(
                "support_plan",
                "bench_map_support_plan",
                "join support_plan x on x.id = s.old_id",
                Map.of("id", "s.new_id", "case_id", "s.case_id"));
        for (String table : List.of("plan_service", "plan_accommodation")) {
            copy(
                    table,
                    "bench_map_support_plan",
                    "join " + table + " x on x.plan_id = s.old_id",
                    Map.of("plan_id", "s.new_id"));
        }
        copy(
                "teacher_notification",
                "bench_map_support_plan",
                "join teacher_notification x on x.plan_id = s.old_id",
                Map.of("case_id", "s.case_id", "plan_id", "s.new_id"));
        mapIds("clock");
        copy(
                "clock",
                "bench_map_clock",
                "join clock x on x.id = s.old_id",
                Map.of("id", "s.new_id", "case_id", "s.case_id", "school_id", "s.school_id"));
        for (String table : List.of("clock_pause", "clock_change")) {
            copy(
                    table,
                    "bench_map_clock",
                    "join " + table + " x on x.clock_id = s.old_id",
                    Map.of("clock_id", "s.new_id"));
        }

        // the engine's runtime rows of an open case: its process instances, their open user tasks, and to whom
        // those are offered
        jdbc.execute("""
                create unlogged table bench_map_instance as
                select s.case_id, s.school_id, s.shift, e.id_ as old_id, gen_random_uuid()::text as new_id
                from %s s join act_ru_execution e on e.business_key_ = s.template_id and e.id_ = e.proc_inst_id_
                """.formatted(SEED));
        Map<String, String> instance = new LinkedHashMap<>();
        instance.put("id_", "s.new_id");
        instance.put("rev_", "1");
        instance.put("proc_inst_id_", "s.new_id");
        instance.put("root_proc_inst_id_", "s.new_id");
        instance.put("business_key_", "s.case_id");
        instance.put("parent_id_", "null");
        instance.put("super_exec_", "null");
        instance.put("super_case_exec_", "null");
        instance.put("case_inst_id_", "null");
        instance.put("tenant_id_", TENANT);
        copy("act_ru_execution", "bench_map_instance", "join act_ru_execution x on x.id_ = s.old_id", instance);
        jdbc.execute("""
                create unlogged table bench_map_task as
                select s.case_id, s.school_id, s.shift, s.new_id as instance_id, t.id_ as old_id,
                       gen_random_uuid()::text as new_id
                from bench_map_instance s join act_ru_task t on t.proc_inst_id_ = s.old_id
                """);
        copy(
                "act_ru_task",
                "bench_map_task",
                "join act_ru_task x on x.id_ = s.old_id",
                Map.of(
                        "id_", "s.new_id",
                        "rev_", "1",
                        "execution_id_", "s.instance_id",
                        "proc_inst_id_", "s.instance_id",
                        "case_execution_id_", "null",
                        "case_inst_id_", "null",
                        "parent_task_id_", "null",
                        "tenant_id_", TENANT));
        copy(
                "act_ru_identitylink",
                "bench_map_task",
                "join act_ru_identitylink x on x.task_id_ = s.old_id",
                Map.of("id_", "gen_random_uuid()::text", "rev_", "1", "task_id_", "s.new_id", "tenant_id_", TENANT));
        // what the engine grants a task's candidate group on the task (read and update), as Tasklist's queries
        // check it; removal time and root instance as the engine sets them
        copy(
                "act_ru_authorization",
                "bench_map_task",
                "join act_ru_authorization x on x.resource_type_ = " + Resources.TASK.resourceType()
                        + " and x.resource_id_ = s.old_id",
                Map.of(
                        "id_", "gen_random_uuid()::text",
                        "rev_", "1",
                        "resource_id_", "s.new_id",
                        "root_proc_inst_id_",
                                "case when x.root_proc_inst_id_ is null then null else s.instance_id end"));
        drop();
    }

    /** Per template case: how many cases copy it; checks that the seeding made what it should. */
    Map<String, Long> countsByPhase() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select status || ' ' || phase as p, count(*) as n from support_case group by 1 order by 1", rs -> {
            counts.put(rs.getString("p"), rs.getLong("n"));
        });
        return counts;
    }

    private void mapIds(String table) {
        jdbc.execute("""
                create unlogged table bench_map_%1$s as
                select s.case_id, s.school_id, s.shift, x.id as old_id,
                       nextval(pg_get_serial_sequence('%1$s', 'id')) as new_id
                from %2$s s join %1$s x on x.case_id = s.template_id
                """.formatted(table, SEED));
    }

    private void copy(String table, String join, Map<String, String> overrides) {
        copy(table, SEED, join, overrides);
    }

    /**
     * {@code insert into table (every column) select ... from source s join ...}: a column named in
     * {@code overrides} takes that expression; a date moves back {@code s.shift} days, a timestamp as much;
     * an identity column left out is generated; every other column is copied as it is.
     */
    private void copy(String table, String source, String join, Map<String, String> overrides) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        jdbc.query(
                """
                select column_name, data_type, is_identity from information_schema.columns
                where table_schema = current_schema() and table_name = ? order by ordinal_position
                """,
                rs -> {
                    String column = rs.getString("column_name");
                    String type = rs.getString("data_type");
                    String value;
                    if (overrides.containsKey(column)) {
                        value = overrides.get(column);
                    } else if ("YES".equals(rs.getString("is_identity"))) {
                        return;
                    } else if (type.equals("date")) {
                        value = "x." + column + " - s.shift";
                    } else if (type.startsWith("timestamp")) {
                        value = "x." + column + " - s.shift * interval '1 day'";
                    } else {
                        value = "x." + column;
                    }
                    columns.add(column);
                    values.add(value);
                },
                table);
        if (columns.isEmpty()) {
            throw new IllegalStateException("No table " + table);
        }
        jdbc.execute("insert into %s (%s) select %s from %s s %s"
                .formatted(table, String.join(", ", columns), String.join(", ", values), source, join));
    }

    private void drop() {
        for (String table : List.of(
                SEED,
                "bench_template",
                "bench_school",
                "bench_map_evaluation",
                "bench_map_support_plan",
                "bench_map_clock",
                "bench_map_instance",
                "bench_map_task")) {
            jdbc.execute("drop table if exists " + table);
        }
    }

    static String describe(List<Template> templates) {
        return templates.stream()
                .map(t ->
                        "%s %d%% (%d–%d days back)".formatted(t.label(), t.percent(), t.minDaysBack(), t.maxDaysBack()))
                .collect(Collectors.joining("; "));
    }
}
